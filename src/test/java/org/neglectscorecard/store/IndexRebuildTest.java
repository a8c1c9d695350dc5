package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.neglectscorecard.store.schema.Tables.ASSESSMENT;
import static org.neglectscorecard.store.schema.Tables.CHILD;
import static org.neglectscorecard.store.schema.Tables.INDEX_REBUILD;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.H2Damage;
import org.neglectscorecard.testing.TestApp;

/**
 * An H2 database left as a SIGKILL was seen to leave it (an index entry whose row is gone, or a
 * row no index has), made here by taking the entry out of H2's own store: the symptom is the one
 * seen ("Row not found in primary index", and a row that a look-up by its return does not find),
 * and a rebuild mends both, makes every index and constraint again as it was, and, killed
 * part-way, is finished by the next one.
 */
class IndexRebuildTest {

    @TempDir
    static Path dir;

    /** One database for every test here: each leaves every index and key as it found it. */
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anIndexOutOfStepWithItsTableIsMadeAgainFromTheTable() throws Exception {
        DSLContext dsl = app.bean(DSLContext.class);
        IndexRebuild rebuild = app.bean(IndexRebuild.class);
        List<String> before = shape(dsl);
        long[] rows = new long[4];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = dsl.insertInto(ASSESSMENT, ASSESSMENT.LA_CODE3, ASSESSMENT.RETURN_ID, ASSESSMENT.CHILD_KEY,
                            ASSESSMENT.EPISODE_REF, ASSESSMENT.SOURCE_ROW)
                    .values("821", 7L, "child" + i, "E1", i + 2).returning(ASSESSMENT.ROW_ID).fetchOne().getRowId();
        }
        try (Connection c = app.bean(DataSource.class).getConnection()) {
            // An entry whose row is gone: what stopped every carry-on after a kill.
            H2Damage.removeRowBehindItsIndexes(c, "ASSESSMENT", rows[1]);
            // A row the index does not have: a look-up by return misses it, a scan counts it.
            H2Damage.removeIndexEntry(c, "ASSESSMENT", "ASSESSMENT_RETURN", rows[2]);
        }
        Throwable stuck = catchThrowable(() -> dsl.deleteFrom(ASSESSMENT).where(ASSESSMENT.RETURN_ID.eq(7L)).execute());
        assertThat(stuck).as("the damage made is the damage seen").hasStackTraceContaining("not found in primary index");
        assertThat(IndexRebuild.isIndexOutOfStep(stuck)).isTrue();
        assertThat(IndexRebuild.isIndexOutOfStep(new IllegalStateException("Row not found", new RuntimeException()))).isFalse();

        assertThat(rebuild.rebuild()).isGreaterThan(20);

        assertThat(dsl.fetchCount(ASSESSMENT, ASSESSMENT.RETURN_ID.eq(7L))).as("found by return, through the index").isEqualTo(3);
        assertThat(dsl.deleteFrom(ASSESSMENT).where(ASSESSMENT.RETURN_ID.eq(7L)).execute()).isEqualTo(3);
        assertThat(dsl.fetchCount(ASSESSMENT)).as("nothing left that only a scan finds").isZero();
        assertThat(shape(dsl)).as("every index and constraint made again as it was").isEqualTo(before);
        assertThat(rebuild.unfinished()).isFalse();
    }

    @Test
    void aRebuildKilledPartWayIsFinishedByTheNext() {
        DSLContext dsl = app.bean(DSLContext.class);
        IndexRebuild rebuild = app.bean(IndexRebuild.class);
        List<String> before = shape(dsl);
        // As a killed rebuild leaves it: the list saved, some indexes and keys dropped, none made again.
        List<IndexRebuild.Index> all = rebuild.indexes();
        for (int i = 0; i < all.size(); i++) {
            dsl.insertInto(INDEX_REBUILD, INDEX_REBUILD.STEP, INDEX_REBUILD.DROP_SQL, INDEX_REBUILD.CREATE_SQL)
                    .values(i, all.get(i).drop(), all.get(i).create()).execute();
        }
        for (int i = all.size() - 1; i >= all.size() / 3; i--) {
            dsl.execute(all.get(i).drop());
        }
        assertThat(shape(dsl)).isNotEqualTo(before);
        assertThat(rebuild.unfinished()).isTrue();

        assertThat(rebuild.rebuild()).isEqualTo(all.size());

        assertThat(shape(dsl)).isEqualTo(before);
        assertThat(rebuild.unfinished()).isFalse();
    }

    /**
     * A row an index missed let a second row with the same key in (here a file's checksum, which
     * must be unique): the key could not be made again once dropped, so nothing is dropped, and the
     * person is told what to do. With the second row gone, the rebuild goes ahead.
     */
    @Test
    void rowsThatBreakAKeyAreFoundFirstAndNothingIsDropped() throws Exception {
        DSLContext dsl = app.bean(DSLContext.class);
        IndexRebuild rebuild = app.bean(IndexRebuild.class);
        List<String> before = shape(dsl);
        var file = app.bean(SourceFiles.class).register("checksum-twice", "REFERENCE", "cla.csv", null, 10, java.time.LocalDateTime.now());
        try (Connection c = app.bean(DataSource.class).getConnection()) {
            H2Damage.removeIndexEntry(c, "SOURCE_FILE", "SOURCE_FILE_CHECKSUM", file.getSourceFileId());
        }
        var twice = file.copy();
        dsl.executeInsert(twice);
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM source_file USE INDEX () WHERE checksum = 'checksum-twice'"))
                .as("let in by the index that missed the first (counted by a scan)").isEqualTo(2L);

        assertThatThrownBy(rebuild::rebuild).isInstanceOf(IndexRebuild.KeyBrokenException.class)
                .hasMessageContaining("two rows with the same key in its table source_file").hasMessageContaining("Nothing has been changed");
        assertThat(shape(dsl)).as("nothing dropped").isEqualTo(before);

        dsl.deleteFrom(SOURCE_FILE).where(SOURCE_FILE.CHECKSUM.eq("checksum-twice")
                .and(SOURCE_FILE.SOURCE_FILE_ID.ne(file.getSourceFileId()))).execute();
        rebuild.rebuild();
        assertThat(shape(dsl)).isEqualTo(before);
        assertThat(dsl.fetchCount(SOURCE_FILE, SOURCE_FILE.CHECKSUM.eq("checksum-twice"))).as("found through the key again").isEqualTo(1);
        dsl.deleteFrom(SOURCE_FILE).where(SOURCE_FILE.SOURCE_FILE_ID.eq(file.getSourceFileId())).execute();
    }

    /**
     * A connection that read a view before the rebuild (the pool's, in a real run: child_profile,
     * which every breakdown reads) finds rows through it afterwards: H2 keeps a view's plan per
     * session, and one kept from before went on looking in the dropped indexes.
     */
    @Test
    void aViewReadBeforeTheRebuildFindsRowsAfterIt() throws Exception {
        DSLContext dsl = app.bean(DSLContext.class);
        String profile = "SELECT COUNT(*) FROM child_profile WHERE return_id = 8 AND child_key = 'viewed'";
        try (Connection before = app.bean(DataSource.class).getConnection()) {
            assertThat(count(before, profile)).isZero();
            app.bean(IndexRebuild.class).rebuild();
            dsl.insertInto(CHILD, CHILD.LA_CODE3, CHILD.RETURN_ID, CHILD.CHILD_KEY, CHILD.SOURCE_ROW).values("821", 8L, "viewed", 2).execute();
            try {
                assertThat(count(before, profile)).as("read by the connection that read the view before").isEqualTo(1);
            } finally {
                dsl.deleteFrom(CHILD).where(CHILD.RETURN_ID.eq(8L)).execute();
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A unique index of its own (none in the schema today), as H2 2.2 and later write it, is made again too. */
    @Test
    void aUniqueIndexIsMadeAgainToo() {
        DSLContext dsl = app.bean(DSLContext.class);
        IndexRebuild rebuild = app.bean(IndexRebuild.class);
        dsl.execute("CREATE UNIQUE INDEX assessment_row_unique ON assessment (return_id, source_row)");
        try {
            assertThat(rebuild.indexes()).map(IndexRebuild.Index::create)
                    .anyMatch(c -> c.startsWith("CREATE UNIQUE NULLS DISTINCT INDEX IF NOT EXISTS \"PUBLIC\".\"ASSESSMENT_ROW_UNIQUE\""));
            List<String> before = shape(dsl);
            rebuild.rebuild();
            assertThat(shape(dsl)).isEqualTo(before);
        } finally {
            dsl.execute("DROP INDEX IF EXISTS assessment_row_unique");
        }
    }

    /** Every index (its table, kind and columns) and constraint of the schema: what a rebuild must keep as it was. */
    private static List<String> shape(DSLContext dsl) {
        List<String> shape = new java.util.ArrayList<>(dsl.fetch("SELECT i.TABLE_NAME || ' ' || i.INDEX_TYPE_NAME || ' ' "
                + "|| LISTAGG(c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION, ',') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) "
                + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA "
                + "AND c.INDEX_NAME = i.INDEX_NAME WHERE i.TABLE_SCHEMA = 'PUBLIC' GROUP BY i.TABLE_NAME, i.INDEX_NAME, "
                + "i.INDEX_TYPE_NAME").getValues(0, String.class));
        shape.addAll(dsl.fetch("SELECT TABLE_NAME || ' ' || CONSTRAINT_NAME || ' ' || CONSTRAINT_TYPE FROM "
                + "INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'PUBLIC'").getValues(0, String.class));
        shape.sort(null);
        return shape;
    }
}
