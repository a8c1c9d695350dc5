package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.INDEX_REBUILD;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Component;

/**
 * Rebuilds, on H2, every index kept apart from its table's rows, from the rows themselves. H2 keeps
 * each such index (plain indexes, foreign keys' and unique constraints' indexes, and primary keys
 * other than a single whole-number column) in a store of its own, and a process killed part-way
 * through a transaction was found to leave one out of step with its table: an index entry whose
 * row is gone, so that every later run stopped with "Row not found in primary index" (a kill
 * during loading, 1 run in about 7 of the kill-and-restart test), or, the other way round, a row
 * no index finds. A run that takes
 * over from a killed one rebuilds them before it reads anything; PostgreSQL, whose write-ahead log
 * keeps its indexes with their tables, needs none of it.
 * <p>
 * Each index's statements are saved first, in a table of their own, and removed only once every
 * index has been made again: a rebuild killed part-way is finished by the next one from that list.
 */
@Component
public class IndexRebuild {

    /** H2's codes for an index that names a row its table has not got (org.h2.api.ErrorCode). */
    private static final Set<Integer> INDEX_OUT_OF_STEP = Set.of(90143, 90112);

    /** How H2's SCRIPT begins an index of its own (not a constraint's): "CREATE UNIQUE NULLS DISTINCT INDEX" in 2.2 and later. */
    private static final java.util.regex.Pattern INDEX =
            java.util.regex.Pattern.compile("CREATE (UNIQUE )?(NULLS (NOT )?DISTINCT )?(HASH |SPATIAL )?INDEX ");

    private final DSLContext dsl;

    public IndexRebuild(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whether the database is one whose indexes a kill can leave out of step (H2's file database). */
    public boolean applies() {
        return dsl.dialect().family() == SQLDialect.H2;
    }

    /** Whether a rebuild was begun and not finished (its process killed): the next run must finish it. */
    public boolean unfinished() {
        return applies() && dsl.fetchExists(INDEX_REBUILD);
    }

    /** Whether a failure is H2 finding an index out of step with its table. */
    public static boolean isIndexOutOfStep(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && INDEX_OUT_OF_STEP.contains(s.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops every index kept apart from its rows and makes it again from them.
     *
     * @return how many indexes were made again
     */
    public int rebuild() {
        if (!applies()) {
            return 0;
        }
        plan();
        var saved = dsl.selectFrom(INDEX_REBUILD).orderBy(INDEX_REBUILD.STEP).fetch();
        // A key the rows break could not be made again once dropped, and every later run would stop there: looked
        // for first, in the rows themselves (not through the key's own index, which may be what missed them).
        for (var r : saved) {
            String broken = brokenKey(r.getCreateSql());
            if (broken != null) {
                throw new KeyBrokenException(broken);
            }
        }
        // Dropped in the reverse of the order they are made in (a foreign key before the key it refers to),
        // each only if it is there: a rebuild killed part-way has dropped some, or made some again, already.
        for (int i = saved.size() - 1; i >= 0; i--) {
            dsl.execute(saved.get(i).getDropSql());
        }
        for (var r : saved) {
            dsl.execute(r.getCreateSql());
        }
        // H2 keeps a view's plan in each session that has read it: a connection that read child_profile before the
        // rebuild went on looking in the dropped indexes and found no child at all (every breakdown 'Not known', in
        // a test). Each view is compiled again, for every session.
        for (String view : dsl.fetch("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = 'PUBLIC'")
                .getValues(0, String.class)) {
            dsl.execute("ALTER VIEW \"PUBLIC\".\"" + view + "\" RECOMPILE");
        }
        dsl.deleteFrom(INDEX_REBUILD).execute();
        return saved.size();
    }

    /**
     * Saves the list of indexes to make again, unless a list is saved already (a rebuild begun, or
     * put off): {@link #unfinished()} is then true until a rebuild has made every one of them.
     */
    public void plan() {
        if (!applies() || dsl.fetchExists(INDEX_REBUILD)) {
            return;
        }
        List<Index> indexes = indexes();
        dsl.transaction(c -> {
            int step = 0;
            for (Index i : indexes) {
                c.dsl().insertInto(INDEX_REBUILD, INDEX_REBUILD.STEP, INDEX_REBUILD.DROP_SQL, INDEX_REBUILD.CREATE_SQL)
                        .values(step++, i.drop(), i.create()).execute();
            }
        });
    }

    /**
     * The table whose rows break the primary key or unique constraint a statement makes (two rows
     * with the same key), or null: read by a scan of the rows, whatever the key's index says.
     */
    private String brokenKey(String create) {
        Constraint c = Constraint.of(create);
        if (c == null || !(c.kind().startsWith("PRIMARY KEY") || c.kind().startsWith("UNIQUE"))) {
            return null;
        }
        String table = c.table();
        String columns = c.kind().substring(c.kind().indexOf('(') + 1, c.kind().lastIndexOf(')'));
        String notNull = String.join(" AND ", java.util.Arrays.stream(columns.split(",")).map(col -> col.strip() + " IS NOT NULL").toList());
        // NULLs never clash in a unique constraint (NULLS DISTINCT), so rows with one are left out. Counted, not
        // grouped: H2 groups by the key's own index whatever USE INDEX says, and that index may be what missed a row.
        long twice = ((Number) dsl.fetchValue("SELECT COUNT(*) - COUNT(DISTINCT (" + columns + ")) FROM " + table
                + " USE INDEX () WHERE " + notNull)).longValue();
        return twice > 0 ? unquoted(table) : null;
    }

    /** Rows that break a key: nothing is dropped, and what to do is said. */
    public static final class KeyBrokenException extends IllegalStateException {
        KeyBrokenException(String table) {
            super("The database has two rows with the same key in its table " + table.toLowerCase(java.util.Locale.ROOT)
                    + ", which a run stopped part-way has left it with and which this program cannot mend without choosing "
                    + "between them. Nothing has been changed. Move the database's folder aside (keep it: it holds the run "
                    + "history and the figures published before) and run the same command again: a new database is made and "
                    + "the input folder's files are loaded again.");
        }
    }

    /** An index with the statements that drop it (if it is there) and make it. */
    record Index(String drop, String create) {
    }

    /**
     * Every index of the schema that H2 keeps apart from its table's rows, in an order they can be
     * made in: primary keys, unique constraints, indexes, then the foreign keys that rely on them,
     * as H2's own SCRIPT writes them (which also names each exactly as it is now).
     */
    List<Index> indexes() {
        // A primary key of one whole-number column is the table's own row order (H2's delegate index): nothing to rebuild.
        Set<String> keptApart = Set.copyOf(dsl.fetch("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "AND INDEX_TYPE_NAME = 'PRIMARY KEY' AND INDEX_CLASS <> 'org.h2.mvstore.db.MVDelegateIndex'").getValues(0, String.class));
        List<Index> keys = new ArrayList<>();
        List<Index> unique = new ArrayList<>();
        List<Index> plain = new ArrayList<>();
        List<Index> foreign = new ArrayList<>();
        for (String s : dsl.fetch("SCRIPT NODATA NOPASSWORDS NOSETTINGS").getValues(0, String.class)) {
            Constraint c = Constraint.of(s);
            if (INDEX.matcher(s).lookingAt()) {
                String name = s.substring(s.indexOf("INDEX ") + 6, s.indexOf(" ON "));
                plain.add(new Index("DROP INDEX IF EXISTS " + name, s.replaceFirst("INDEX ", "INDEX IF NOT EXISTS ")));
            } else if (c != null) {   // CHECK constraints have no index: left as they are
                String kind = c.kind();
                Index i = new Index("ALTER TABLE " + c.table() + " DROP CONSTRAINT IF EXISTS " + c.name(),
                        s.replaceFirst(" ADD CONSTRAINT ", " ADD CONSTRAINT IF NOT EXISTS "));
                if (kind.startsWith("FOREIGN KEY")) {
                    foreign.add(i);
                } else if (kind.startsWith("UNIQUE")) {
                    unique.add(i);
                } else if (kind.startsWith("PRIMARY KEY") && keptApart.contains(unquoted(c.table()))) {
                    keys.add(i);
                }
            }
        }
        List<Index> all = new ArrayList<>(keys);
        all.addAll(unique);
        all.addAll(plain);
        all.addAll(foreign);
        return all;
    }

    /**
     * A constraint as H2's SCRIPT adds it ("ALTER TABLE t ADD CONSTRAINT [IF NOT EXISTS] name KIND ..."):
     * its kind is what follows its name (PRIMARY KEY(...), UNIQUE ..., FOREIGN KEY ..., CHECK ...),
     * not words found anywhere in it.
     */
    record Constraint(String table, String name, String kind) {
        static Constraint of(String statement) {
            int add = statement.indexOf(" ADD CONSTRAINT ");
            if (!statement.startsWith("ALTER TABLE ") || add < 0) {
                return null;
            }
            String rest = statement.substring(add + " ADD CONSTRAINT ".length());
            if (rest.startsWith("IF NOT EXISTS ")) {
                rest = rest.substring("IF NOT EXISTS ".length());
            }
            String name = rest.substring(0, rest.indexOf(' '));
            return new Constraint(statement.substring("ALTER TABLE ".length(), add), name, rest.substring(name.length() + 1));
        }
    }

    /** TABLE from "PUBLIC"."TABLE". */
    private static String unquoted(String qualified) {
        String last = qualified.substring(qualified.lastIndexOf('.') + 1);
        return last.replace("\"", "");
    }
}
