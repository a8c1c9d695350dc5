package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.ABSENT_COLUMN;
import static org.neglectscorecard.store.schema.Tables.REJECTION;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
import static org.neglectscorecard.store.schema.Tables.STATUTORY_RETURN;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.firstValue;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.neglectscorecard.ingest.DatedAfter;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.ingest.KindOfReturn;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.ReturnKind;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.ingest.WholeFileRules;
import org.neglectscorecard.ingest.WholeFileRules.Anchor;
import org.neglectscorecard.ingest.WholeFileRules.Dating;
import org.neglectscorecard.ingest.WholeFileRules.Duplicate;
import org.neglectscorecard.ingest.WholeFileRules.Orphan;
import org.neglectscorecard.ingest.WholeFileRules.StoreColumn;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.schema.tables.records.SourceFileRecord;
import org.neglectscorecard.store.schema.tables.records.StatutoryReturnRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finishes loading one file of any kind, in one transaction, by running its kind's whole-file
 * rules (ingest's {@link WholeFileRules}, data over the generated tables): rows given twice, rows
 * naming a child or episode the file does not have, the date each return is for (from the data,
 * never the file system) and records dated after it, the columns and tables an indicator needs
 * that a return does not give, and the counts (rows loaded are counted in the store). A file found
 * unreadable part-way through is removed whole: nothing from it stays half-loaded.
 */
@Component
public class LoadCompletion {

    /** What dated a return that gives its own date (a census's header). */
    public static final String RETURN_HEADER = "the return's header";

    /** Notes of one kind about one column beyond this many are summed up in one more. */
    static final int MAX_NOTES_PER_COLUMN = DatedAfter.MAX_NOTES_PER_COLUMN;

    private final DSLContext dsl;
    private final RejectionLog rejections;
    private final SourceFiles files;
    private final LaDirectory las;
    private Clock clock = Clock.systemDefaultZone();

    public LoadCompletion(DSLContext dsl, RejectionLog rejections, SourceFiles files, LaDirectory las) {
        this.dsl = dsl;
        this.rejections = rejections;
        this.files = files;
        this.las = las;
    }

    /** For tests: what "today" is, when telling a date in the future. */
    @Autowired(required = false)
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public record Outcome(String status, long rowsRead, long rowsLoaded, long rowsRejected) {
    }

    /**
     * Makes a file about to be read as if none of it had been, and says whether to read it: only a
     * file still loading is read. What an earlier attempt stored of it (its rows, returns,
     * rejections and counts) is removed first. Loading starts every file from its first row, also
     * after a kill: resuming part-way trusts the database to have kept exactly the chunks it
     * committed, and an H2 file database killed during a chunk was found to keep a row or two of
     * that chunk (stored again on resuming: rows 5889, and 6030 and 6031, of a ChildIdentifiers
     * table, each inside a chunk, never a whole one, so not a chunk written twice).
     * <p>
     * A file is one row whatever jobs use it (two partnerships' jobs on a shared database read the
     * same DfE files), so the job loading it is recorded: what another job's run is storing, while
     * that run is going on, is not removed; this run stops instead, saying why.
     *
     * @param job     the job whose run is about to read the file
     * @param running whether a job's run is going on now, in a live process
     * @return false if the file is not to be read: another run finished it (or rejected it) since this run listed it
     */
    @Transactional
    public boolean startOver(long sourceFileId, String job, java.util.function.Predicate<String> running) {
        SourceFileRecord record = dsl.selectFrom(SOURCE_FILE).where(SOURCE_FILE.SOURCE_FILE_ID.eq(sourceFileId)).forUpdate().fetchSingle();
        if (!SourceFiles.LOADING.equals(record.getStatus())) {
            return false;
        }
        String by = record.getLoadingBy();
        if (by != null && !by.equals(job) && running.test(by)) {
            throw new LoadingElsewhereException("The file " + record.getDisplayName() + " is being loaded by the run of the job "
                    + by + ", which is still going on. Run this again when that run has finished: the file will then be used as "
                    + "that run loaded it.");
        }
        if (!job.equals(by)) {
            dsl.update(SOURCE_FILE).set(SOURCE_FILE.LOADING_BY, job).where(SOURCE_FILE.SOURCE_FILE_ID.eq(sourceFileId)).execute();
        }
        if (record.getRowsRead() == 0 && record.getHeaderRows() == 0 && !anythingStored(sourceFileId)) {
            return true;   // the first attempt at the file: nothing to remove
        }
        removeRows(sourceFileId);
        dsl.deleteFrom(REJECTION).where(REJECTION.SOURCE_FILE_ID.eq(sourceFileId)).execute();
        dsl.update(SOURCE_FILE).set(SOURCE_FILE.ROWS_READ, 0).set(SOURCE_FILE.ROWS_REJECTED, 0)
                .set(SOURCE_FILE.HEADER_ROWS, 0).setNull(SOURCE_FILE.HEADER_LA_CODE).setNull(SOURCE_FILE.HEADER_REFERENCE_DATE).setNull(SOURCE_FILE.HEADER_MADE_AT)
                .where(SOURCE_FILE.SOURCE_FILE_ID.eq(sourceFileId)).execute();
        return true;
    }

    /** A file another job's run, still going on, is loading. */
    public static final class LoadingElsewhereException extends IllegalStateException {
        LoadingElsewhereException(String message) {
            super(message);
        }
    }

    /**
     * Whether anything of the file is in the store: a row of a return (whose return is registered,
     * in a transaction of its own, before its first row is written), a row of a table kept by file
     * (DfE's published data), or a rejection.
     */
    private boolean anythingStored(long sourceFileId) {
        if (dsl.fetchExists(STATUTORY_RETURN, STATUTORY_RETURN.SOURCE_FILE_ID.eq(sourceFileId))
                || dsl.fetchExists(REJECTION, REJECTION.SOURCE_FILE_ID.eq(sourceFileId))) {
            return true;
        }
        for (Table<?> t : storeTables()) {
            Field<Long> file = t.field("source_file_id", Long.class);
            if (file != null && dsl.fetchExists(t, file.eq(sourceFileId))) {
                return true;
            }
        }
        return false;
    }

    /** The same, for a file whose layout (which tables it has) is not to hand: its tables are taken to be all there. */
    @Transactional
    public Outcome complete(long sourceFileId) {
        return complete(sourceFileId, null);
    }

    /**
     * Idempotent: finishing a file already finished (a restart after a kill) changes nothing.
     *
     * @param file the file as scanned: which tables it has, and how reports name them (may be null)
     */
    @Transactional
    public Outcome complete(long sourceFileId, InputFile file) {
        SourceFileRecord record = dsl.selectFrom(SOURCE_FILE).where(SOURCE_FILE.SOURCE_FILE_ID.eq(sourceFileId)).fetchSingle();
        if (SourceFiles.LOADED.equals(record.getStatus())) {
            return outcome(record);
        }
        if (SourceFiles.REJECTED.equals(record.getStatus())) {
            removeRows(sourceFileId);
            dsl.deleteFrom(REJECTION).where(REJECTION.SOURCE_FILE_ID.eq(sourceFileId)
                    .and(REJECTION.OUTCOME.ne(RejectionLog.FILE_REJECTED))).execute();
            // Counted, not assumed: what is left of the file in the store (nothing, once removed).
            Map<Table<?>, Anchor> everywhere = new LinkedHashMap<>();
            for (ReturnKind k : ReturnKind.values()) {
                k.rules().wholeFile().anchors().forEach(a -> everywhere.putIfAbsent(a.table(), a));
            }
            int left = rowsLoaded(sourceFileId, WholeFileRules.rowsOnly(List.copyOf(everywhere.values())));
            record.setRowsLoaded(left);
            record.setRowsRejected(record.getRowsRead() - left);
            record.setLoadedAt(LocalDateTime.now(clock));
            record.update();
            return outcome(record);
        }
        String rejectWhole = datesMonthFirst(sourceFileId, record.getRowsRead());
        if (rejectWhole == null) {
            rejectWhole = everyRowRejected(sourceFileId, record);
        }
        if (rejectWhole != null) {
            files.reject(sourceFileId, rejectWhole);
            return complete(sourceFileId, file);
        }
        KindOfReturn kind = Format.valueOf(record.getFormat()).kind().rules();
        WholeFileRules rules = kind.wholeFile();
        Places places = new Places(kind, file);
        long duplicates = 0;
        for (Duplicate d : rules.duplicates()) {
            duplicates += duplicates(sourceFileId, d, places);
        }
        for (Orphan o : rules.orphans()) {
            orphans(sourceFileId, o, places);
        }
        datesOfReturns(record, rules, places);
        absentColumns(sourceFileId, kind, rules, file, places);
        int loaded = rowsLoaded(sourceFileId, rules) + record.getHeaderRows();
        int rejected = (int) (record.getRowsRejected() + duplicates);
        int unaccounted = record.getRowsRead() - loaded - rejected;
        if (unaccounted != 0) {
            rejections.record(sourceFileId, List.of(Rejection.ofFile(Math.abs(unaccounted) + " rows were " + (unaccounted > 0
                    ? "read but are neither stored nor rejected" : "stored more than once") + ": this is a fault in the "
                    + "program, not in the file. Please report it; the counts of this file are as stored.")), RejectionLog.NOTE);
        }
        record.setRowsLoaded(loaded);
        record.setRowsRejected(rejected);
        record.setStatus(SourceFiles.LOADED);
        record.setLoadedAt(LocalDateTime.now(clock));
        record.update();
        return outcome(record);
    }

    /**
     * Why a file is to be rejected whole because its dates are written month first (US style), or
     * null: its rows whose day is 13 or more could not be read day first, and those whose day is 12
     * or less were read with day and month swapped, so no figure from it can be trusted. A typo or
     * two in a day-first file is not that: at least 3 rows, and a tenth of the file, read only month first.
     */
    private String datesMonthFirst(long sourceFileId, int rowsRead) {
        Condition monthFirst = REJECTION.SOURCE_FILE_ID.eq(sourceFileId).and(REJECTION.REASON.contains(Values.MONTH_FIRST));
        int rows = dsl.fetchValue(select(countDistinct(REJECTION.SHEET, REJECTION.ROW_NUMBER)).from(REJECTION).where(monthFirst));
        if (!Values.monthFirstFile(rows, rowsRead)) {
            return null;
        }
        var example = dsl.select(REJECTION.SHEET, REJECTION.ROW_NUMBER, REJECTION.COLUMN_NAME, REJECTION.VALUE_SHOWN).from(REJECTION)
                .where(monthFirst).orderBy(REJECTION.REJECTION_ID).limit(1).fetchOne();
        return Values.monthFirstMessage(rows, example.value4(), example.value3(), example.value2());
    }

    /**
     * Why a file none of whose rows could be used is rejected whole, with the reasons its rows were
     * rejected for, or null. Otherwise it read as a file that loaded ("0 whole files rejected") and
     * was then "not used", and the indicators it feeds were blamed on their source, not on the file.
     */
    private String everyRowRejected(long sourceFileId, SourceFileRecord record) {
        if (record.getRowsRead() == 0 || record.getRowsRejected() < record.getRowsRead()) {
            return null;
        }
        List<String> reasons = dsl.selectDistinct(REJECTION.COLUMN_NAME, REJECTION.REASON).from(REJECTION)
                .where(REJECTION.SOURCE_FILE_ID.eq(sourceFileId).and(REJECTION.OUTCOME.eq(RejectionLog.ROW_REJECTED)))
                .orderBy(REJECTION.COLUMN_NAME, REJECTION.REASON).limit(3)
                .fetch(r -> (r.value1() == null ? "" : r.value1() + ": ") + r.value2());
        return Values.everyRowRejectedMessage(record.getRowsRead(), reasons);
    }

    private static Outcome outcome(SourceFileRecord file) {
        return new Outcome(file.getStatus(), file.getRowsRead(), file.getRowsLoaded(), file.getRowsRejected());
    }

    /** How reports name a file's tables: a CSV's path in the input folder, a sheet's own name; else the table's name. */
    private static final class Places {
        private final Map<String, String> byTable = new LinkedHashMap<>();

        Places(KindOfReturn kind, InputFile file) {
            if (file != null) {
                file.tablesShownAs().forEach((key, shown) -> byTable.put(kind.tableTitle(key), shown));
            }
        }

        String of(String fileTable) {
            return fileTable == null ? null : byTable.getOrDefault(fileTable, fileTable);
        }
    }

    /** Rows of a store table that came from the file: child-level and log rows by their return, reference rows directly. */
    private Condition ofFile(Table<?> table, long sourceFileId) {
        Field<Long> file = table.field("source_file_id", Long.class);
        if (file != null) {
            return file.eq(sourceFileId);
        }
        // The file's returns as values, not a subquery: H2 ran "IN (SELECT ...)" against every row of the
        // table (JFR, the national extract: finishLoads 115 s, 80% of it in that condition).
        List<Long> returns = dsl.select(STATUTORY_RETURN.RETURN_ID).from(STATUTORY_RETURN)
                .where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(sourceFileId)).fetch(STATUTORY_RETURN.RETURN_ID);
        return returns.isEmpty() ? DSL.falseCondition() : table.field("return_id", Long.class).in(returns);
    }

    /** Every table any kind stores rows in. */
    private static Set<Table<?>> storeTables() {
        Set<Table<?>> tables = new LinkedHashSet<>();
        for (ReturnKind kind : ReturnKind.values()) {
            kind.rules().wholeFile().anchors().forEach(a -> tables.add(a.table()));
            kind.rules().wholeFile().duplicates().forEach(d -> tables.add(d.table()));
        }
        return tables;
    }

    /**
     * Statistics for the tables loading filled, so both databases plan what reads them next from
     * what is there (H2 otherwise takes every index as selective: it read DfE values of the run's
     * files through the index by file, not the one by DfE file and column, 2.5 s longer on the
     * sample). On H2, ANALYZE commits the transaction it is in: call it last.
     */
    public void analyze() {
        Set<Table<?>> tables = storeTables();
        tables.add(STATUTORY_RETURN);
        tables.add(SOURCE_FILE);
        boolean h2 = dsl.dialect().family() == org.jooq.SQLDialect.H2;
        for (Table<?> t : tables) {
            dsl.execute((h2 ? "ANALYZE TABLE " : "ANALYZE ") + t.getName());
        }
    }

    /** Every table any kind stores rows in, and what belongs to a file besides. */
    private void removeRows(long sourceFileId) {
        for (Table<?> t : storeTables()) {
            dsl.deleteFrom(t).where(ofFile(t, sourceFileId)).execute();
        }
        dsl.deleteFrom(ABSENT_COLUMN).where(ABSENT_COLUMN.SOURCE_FILE_ID.eq(sourceFileId)).execute();
        dsl.deleteFrom(STATUTORY_RETURN).where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(sourceFileId)).execute();
    }

    /**
     * Rows whose key repeats an earlier row's within their return: each later one is rejected (or,
     * for a silent rule, only not kept twice) and taken out of the store.
     */
    private long duplicates(long sourceFileId, Duplicate rule, Places places) {
        Table<?> t = rule.table();
        Field<Long> rowId = t.field("row_id", Long.class);
        Field<Integer> sourceRow = t.field("source_row", Integer.class);
        List<Field<?>> partition = new ArrayList<>();
        partition.add(t.field("return_id"));
        partition.addAll(rule.key());
        // Most files list nothing twice: a grouped count says so far more cheaply than ranking every
        // row, which H2 does by sorting the file's rows once per rule (JFR, the sample: half of finishLoads).
        if (!dsl.fetchExists(selectOne().from(t).where(ofFile(t, sourceFileId)).groupBy(partition).having(count().gt(1)))) {
            return 0;
        }
        Field<Integer> rank = rowNumber().over().partitionBy(partition).orderBy(rowId).as("rank_in_key");
        Field<Integer> first = firstValue(sourceRow).over().partitionBy(partition).orderBy(rowId).as("first_row");
        Table<?> ranked = select(rowId, sourceRow, rank, first).from(t).where(ofFile(t, sourceFileId)).asTable("ranked");
        var later = dsl.select(ranked.field(rowId), ranked.field(sourceRow), ranked.field(first)).from(ranked)
                .where(ranked.field(rank).gt(1)).fetch();
        if (later.isEmpty()) {
            return 0;
        }
        if (!rule.silent()) {
            List<Rejection> problems = new ArrayList<>();
            for (Record r : later) {
                problems.add(new Rejection(places.of(rule.fileTable()), r.get(1, Integer.class), rule.fileColumn(), null,
                        rule.withheld() ? Rejection.WITHHELD : null, String.format(rule.reason(), r.get(2, Integer.class))));
            }
            rejections.record(sourceFileId, problems, RejectionLog.ROW_REJECTED);
        }
        List<Long> ids = later.map(r -> r.get(0, Long.class));
        for (int from = 0; from < ids.size(); from += 1000) {
            dsl.deleteFrom(t).where(rowId.in(ids.subList(from, Math.min(ids.size(), from + 1000)))).execute();
        }
        return rule.silent() ? 0 : later.size();
    }

    /** Rows that name a child or episode the file does not have: kept (they still count), but said. */
    private void orphans(long sourceFileId, Orphan rule, Places places) {
        Table<?> t = rule.table();
        Table<?> p = rule.parent().as("parent_rows");
        Condition same = p.field("return_id", Long.class).eq(t.field("return_id", Long.class));
        for (String k : rule.key()) {
            same = same.and(p.field(k, Object.class).eq(t.field(k, Object.class)));
        }
        int n = dsl.fetchCount(selectOne().from(t).where(ofFile(t, sourceFileId)).andNotExists(selectOne().from(p).where(same)));
        if (n > 0) {
            rejections.record(sourceFileId, List.of(new Rejection(places.of(rule.fileTable()), null, null, null, null,
                    String.format(rule.reason(), n))), RejectionLog.NOTE);
        }
    }

    /** Rows loaded, as the store holds them: one record per source row in each of the kind's anchor tables. */
    private int rowsLoaded(long sourceFileId, WholeFileRules rules) {
        int loaded = 0;
        for (Anchor a : rules.anchors()) {
            Field<Integer> n = a.distinct().isEmpty() ? count() : countDistinct(a.distinct().toArray(Field[]::new));
            loaded += dsl.select(n).from(a.table()).where(ofFile(a.table(), sourceFileId)).fetchOne(0, Integer.class);
        }
        return loaded;
    }

    /**
     * Each return is for its header's reference date; else, as its kind dates it, from the latest
     * date in it that is not in the future: an annual return the first 31 March on or after it, a
     * snapshot or a log the end of its month. Never from the file's own dates on disk. Records
     * dated after the date the return is for are pointed out, each where it is.
     */
    private void datesOfReturns(SourceFileRecord file, WholeFileRules rules, Places places) {
        if (rules.dating() == Dating.NONE) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        for (StatutoryReturnRecord r : dsl.selectFrom(STATUTORY_RETURN)
                .where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(file.getSourceFileId())).fetch()) {
            LocalDate[] span = eventSpan(r.getReturnId(), rules.eventDates(), today);
            LocalDate earliest = span[0];
            LocalDate latest = span[1];
            LocalDate reference;
            String from;
            r.setCovers(switch (rules.dating()) {
                case LOG -> ReturnRegistry.COVERS_ALL;
                case SNAPSHOT -> ReturnRegistry.COVERS_SIX_MONTHS;
                default -> ReturnRegistry.COVERS_YEAR;
            });
            if (file.getHeaderReferenceDate() != null) {
                reference = file.getHeaderReferenceDate();
                from = RETURN_HEADER;
            } else if (latest == null) {
                reference = null;
                from = "no date in the return";
            } else if (rules.dating() == Dating.ANNUAL) {
                reference = firstMarch31OnOrAfter(latest);
                from = "31 March after its latest date";
                LocalDate named = yearNamed(file.getDisplayName());
                if (named != null && named.isBefore(reference) && !latest.isAfter(named.plusMonths(3))) {
                    // "821/2024-25/ssda903/" exported on 10 April with a start on 3 April: the year its folder names,
                    // not the next one its last few dates fall in (those are said as dated after it).
                    reference = named;
                    from = "the year its folder or name gives";
                }
            } else {
                reference = latest.withDayOfMonth(latest.lengthOfMonth());
                // The words are read by 15-seen-and-heard.yml (visits measured from the latest date, not the month end).
                from = MONTH_END_OF_LATEST_DATE;
            }
            r.setReferenceDate(reference);
            r.setReferenceDateFrom(from);
            r.setEarliestDate(earliest);
            r.setLatestDate(latest);
            if (reference != null && !ReturnRegistry.PARTNERSHIP_WIDE.equals(r.getLaCode3())) {
                las.inYear(r.getLaCode3(), reportingYear(reference)).ifPresent(la -> {
                    r.setLaCode9(la.code9());
                    r.setLaName(la.name());
                });
            }
            r.update();
            if (reference != null) {
                datedAfter(file.getSourceFileId(), r.getReturnId(), reference, today, rules.eventDates(), places);
            }
        }
    }

    /** The earliest of a return's dates, and the latest that is not after today (a date in the future cannot be real). */
    @SuppressWarnings("unchecked")
    private LocalDate[] eventSpan(long returnId, List<StoreColumn> dates, LocalDate today) {
        Select<Record1<LocalDate>> all = null;
        for (StoreColumn c : dates) {
            Field<LocalDate> d = (Field<LocalDate>) c.field();
            Select<Record1<LocalDate>> s = select(d.as("d")).from(c.table())
                    .where(c.table().field("return_id", Long.class).eq(returnId)).and(d.isNotNull());
            all = all == null ? s : all.unionAll(s);
        }
        if (all == null) {
            return new LocalDate[2];
        }
        Table<Record1<LocalDate>> x = all.asTable("event_dates");
        Field<LocalDate> d = x.field(0, LocalDate.class);
        Record r = dsl.select(min(d), max(d)).from(x).where(d.le(today)).fetchOne();
        return new LocalDate[] {r.get(0, LocalDate.class), r.get(1, LocalDate.class)};
    }

    /** "2024-25", "2024_25", "2024-2025" in a file's path (the last one): the 31 March that year ends on, or null. */
    static LocalDate yearNamed(String path) {
        java.util.regex.Matcher m = COLLECTION_YEAR.matcher(path == null ? "" : path);
        LocalDate found = null;
        while (m.find()) {
            int first = Integer.parseInt(m.group(1));
            String second = m.group(2);
            int end = second.length() == 2 ? first / 100 * 100 + Integer.parseInt(second) : Integer.parseInt(second);
            if (end == first + 1) {
                found = LocalDate.of(end, 3, 31);
            }
        }
        return found;
    }

    private static final java.util.regex.Pattern COLLECTION_YEAR = java.util.regex.Pattern.compile("(?<!\\d)(20\\d{2})[-_ ](\\d{2}|20\\d{2})(?!\\d)");

    /** Each record dated after the date its return is for, said where it is (file, row, column), up to a limit per column. */
    @SuppressWarnings("unchecked")
    private void datedAfter(long sourceFileId, long returnId, LocalDate reference, LocalDate today, List<StoreColumn> dates,
                            Places places) {
        for (StoreColumn c : dates) {
            Field<LocalDate> d = (Field<LocalDate>) c.field();
            Field<Integer> row = c.table().field("source_row", Integer.class);
            Condition after = c.table().field("return_id", Long.class).eq(returnId).and(d.gt(reference));
            int n = dsl.fetchCount(c.table(), after);
            if (n == 0) {
                continue;
            }
            List<Rejection> notes = new ArrayList<>();
            for (Record r : dsl.select(row, d).from(c.table()).where(after).orderBy(row).limit(MAX_NOTES_PER_COLUMN).fetch()) {
                LocalDate date = r.get(1, LocalDate.class);
                notes.add(new Rejection(places.of(c.fileTable()), r.get(0, Integer.class), c.fileColumn(), null, date.toString(),
                        DatedAfter.reason(date, reference, today)));
            }
            if (n > MAX_NOTES_PER_COLUMN) {
                notes.add(new Rejection(places.of(c.fileTable()), null, c.fileColumn(), null, null,
                        DatedAfter.more(n - MAX_NOTES_PER_COLUMN, c.fileColumn(), reference)));
            }
            rejections.record(sourceFileId, notes, RejectionLog.NOTE);
        }
    }

    /**
     * Columns (and whole tables) an indicator needs that a return does not give, recorded per
     * return, named by the store column they would have filled, so the indicators that need them
     * are withheld for the months the return serves instead of counting zero; and said.
     */
    /** How a snapshot dated only by its contents is dated (statutory_return.reference_date_from): read by ScopeReturnsTasklet and the SQL. */
    public static final String MONTH_END_OF_LATEST_DATE = "the month end of its latest date";

    /**
     * The rows of a table the share of unreadable values is taken of: the return's, or, in a file of several
     * LAs' returns (a national census), the whole file's, since a value left out is known by its file only
     * (one LA's codes of its own would otherwise withhold every LA's figures).
     */
    private int rowsOfFile(StoreColumn c, long sourceFileId, int rowsOfReturn) {
        var returns = dsl.select(STATUTORY_RETURN.RETURN_ID).from(STATUTORY_RETURN).where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(sourceFileId));
        if (dsl.fetchCount(returns) <= 1) {
            return rowsOfReturn;
        }
        return dsl.fetchCount(c.table(), c.table().field("return_id", Long.class).in(returns));
    }

    /**
     * Values of a column indicators need that could not be read, in one return, from which its figures are
     * withheld rather than counted without them: at least this many, and at least 1 in 100 rows (a stray
     * value is only listed, as the run summary's warning of values left out has it).
     */
    static final int UNREADABLE_AT_LEAST = 3;

    private void absentColumns(long sourceFileId, KindOfReturn kind, WholeFileRules rules, InputFile file, Places places) {
        List<StoreColumn> tables = file == null ? List.of() : kind.absentTables(file);
        // Headings the file lacks were recorded as it was read, before its returns were known: now for each return.
        var headed = ABSENT_COLUMN.SOURCE_FILE_ID.eq(sourceFileId).and(ABSENT_COLUMN.RETURN_ID.isNull());
        if (dsl.fetchExists(ABSENT_COLUMN, headed)) {
            dsl.insertInto(ABSENT_COLUMN, ABSENT_COLUMN.SOURCE_FILE_ID, ABSENT_COLUMN.RETURN_ID, ABSENT_COLUMN.STORE_TABLE,
                            ABSENT_COLUMN.STORE_COLUMN, ABSENT_COLUMN.FILE_TABLE, ABSENT_COLUMN.FILE_COLUMN)
                    .select(dsl.select(ABSENT_COLUMN.SOURCE_FILE_ID, STATUTORY_RETURN.RETURN_ID, ABSENT_COLUMN.STORE_TABLE,
                                    ABSENT_COLUMN.STORE_COLUMN, ABSENT_COLUMN.FILE_TABLE, ABSENT_COLUMN.FILE_COLUMN)
                            .from(ABSENT_COLUMN).join(STATUTORY_RETURN).on(STATUTORY_RETURN.SOURCE_FILE_ID.eq(ABSENT_COLUMN.SOURCE_FILE_ID))
                            .where(headed))
                    .execute();
            dsl.deleteFrom(ABSENT_COLUMN).where(headed).execute();
        }
        for (StatutoryReturnRecord r : dsl.selectFrom(STATUTORY_RETURN).where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(sourceFileId)).fetch()) {
            String who = ReturnRegistry.PARTNERSHIP_WIDE.equals(r.getLaCode3()) ? "" : " (LA " + r.getLaCode3() + ")";
            for (StoreColumn c : tables) {
                if (dsl.fetchCount(c.table(), c.table().field("return_id", Long.class).eq(r.getReturnId())) == 0) {
                    String why = kind.notCollected(file, c);
                    absent(sourceFileId, r.getReturnId(), c, new Rejection(c.fileTable(), null, null, null, null, "This return"
                            + who + " has no " + c.fileTable() + (why == null ? ": " + c.neededFor() + " will have no value"
                            : " (" + why + "): " + c.neededFor() + " have no value") + " for the months this return serves (never a zero)."));
                }
            }
            KindOfReturn.Expected expected = file == null ? null : kind.expectedTables(file);
            int main = expected == null ? 0
                    : dsl.fetchCount(expected.main().table(), expected.main().table().field("return_id", Long.class).eq(r.getReturnId()));
            if (expected != null && main >= expected.atLeast()) {
                for (StoreColumn c : expected.tables()) {
                    boolean said = tables.stream().anyMatch(t -> t.field().equals(c.field()));
                    if (!said && dsl.fetchCount(c.table(), c.table().field("return_id", Long.class).eq(r.getReturnId())) == 0) {
                        absent(sourceFileId, r.getReturnId(), c, new Rejection(c.fileTable(), null, null, null, null, String.format(
                                "This return%s has %,d %s records but not one %s: a whole LA's return always has some, so the "
                                        + "export seems to have left them out. %s will have no value for the months this return "
                                        + "serves (never a zero): export the return again with its %s.", who, main,
                                expected.main().fileTable(), c.fileTable(), capitalised(c.neededFor()), c.fileTable())));
                    }
                }
            }
            if (rules.dating() == Dating.LOG) {
                monthsOfRejectedCounts(sourceFileId, r, who, places);
            }
            for (StoreColumn c : rules.neededColumns()) {
                Condition ofReturn = c.table().field("return_id", Long.class).eq(r.getReturnId());
                int rows = dsl.fetchCount(c.table(), ofReturn);
                if (rows == 0) {
                    continue;
                }
                // A column there with every value unreadable (letter codes the list does not know) is not "missing".
                int unreadable = dsl.fetchCount(REJECTION, REJECTION.SOURCE_FILE_ID.eq(sourceFileId)
                        .and(REJECTION.OUTCOME.eq(RejectionLog.VALUE_LEFT_OUT)).and(REJECTION.COLUMN_NAME.eq(c.fileColumn())));
                if (dsl.fetchCount(c.table(), ofReturn.and(c.field().isNotNull())) == 0) {
                    int rejected = rejectedRows(sourceFileId);
                    absent(sourceFileId, r.getReturnId(), c, new Rejection(places.of(c.fileTable()), null, c.fileColumn(), null,
                            null, "None of the " + rows + " rows" + who + (rejected > 0 ? " loaded" : "") + " gives "
                            + c.fileColumn() + (unreadable > 0
                            ? " that can be read (" + unreadable + " values could not be: each is listed here with what to write "
                            + "instead)" : rejected > 0 ? String.format(" (the file's other %,d rows were rejected: "
                            + "correct those first)", rejected) : " (the column is missing or empty)") + ": "
                            + c.neededFor() + " will have no value for the months this return serves (never a zero)."));
                } else if (rules.dating() == Dating.LOG && unreadableByMonth(sourceFileId, r.getReturnId(), c, rules, rows, who, places)) {
                    continue;   // withheld for the months of its unreadable rows only, if enough of them
                } else if (unreadable >= UNREADABLE_AT_LEAST && unreadable * 100L >= rowsOfFile(c, sourceFileId, rows)) {
                    // Counted as blank, the rows an LA wrote in codes of its own fall out of the figures: a trial's List 7 with
                    // "N" for neglect published Luton's plans for neglect as 0 in every month, read as an improvement.
                    absent(sourceFileId, r.getReturnId(), c, new Rejection(places.of(c.fileTable()), null, c.fileColumn(), null,
                            null, unreadable + " of the " + rows + " rows" + who + " give " + c.fileColumn() + " that cannot be "
                            + "read (each is listed here with what to write instead): counted as blank, they would leave those "
                            + "children out, so " + c.neededFor() + " will have no value for the months this return serves. "
                            + "Write them as the list's codes and run again."));
                }
            }
        }
    }

    /** The headings a partner log's column is known by (the template's and the others accepted), as {@link #heading} gives them. */
    private static java.util.Set<String> headingsOf(StoreColumn c) {
        java.util.Set<String> out = new java.util.HashSet<>();
        out.add(heading(c.fileColumn()));
        for (org.neglectscorecard.ingest.agency.AgencySource s : org.neglectscorecard.ingest.agency.AgencySource.values()) {
            if (!s.table().equals(c.table().getName())) {
                continue;
            }
            for (org.neglectscorecard.ingest.agency.AgencyColumn col : s.columns()) {
                if (c.field().getName().equals(col.dbColumn())) {
                    out.add(heading(col.heading()));
                    col.aliases().forEach(a -> out.add(heading(a)));
                }
            }
        }
        return out;
    }

    /** A heading without case, spacing, punctuation or a note on how to fill it in ("Confidence after (1-5)"). */
    private static String heading(String name) {
        return name == null ? "" : org.neglectscorecard.ingest.Values.squash(name.replaceAll("\\s*\\([^()]*\\)\\s*$", ""));
    }

    /** How absent_column names rows of monthly counts that were rejected, in place of a column (RunInputs words it). */
    public static final String REJECTED_ROWS = "(rows rejected)";

    /**
     * Rows of a partner's monthly counts (a service's month, a police month) that were rejected, for
     * this return's LA: the months they were for have no value for the figures from that table,
     * never a total without them (a trial's all-services percentage was published from two of its
     * four services, the other two's rows rejected). Recorded against the table's month column, which
     * every figure from it reads.
     */
    private void monthsOfRejectedCounts(long sourceFileId, StatutoryReturnRecord r, String who, Places places) {
        var rejected = dsl.select(REJECTION.ROW_TABLE, REJECTION.ROW_MONTH, DSL.countDistinct(REJECTION.SHEET, REJECTION.ROW_NUMBER))
                .from(REJECTION)
                .where(REJECTION.SOURCE_FILE_ID.eq(sourceFileId).and(REJECTION.OUTCOME.eq(RejectionLog.ROW_REJECTED))
                        .and(REJECTION.ROW_MONTH.isNotNull())
                        .and(REJECTION.ROW_LA_CODE3.eq(r.getLaCode3()).or(REJECTION.ROW_LA_CODE3.isNull())))
                .groupBy(REJECTION.ROW_TABLE, REJECTION.ROW_MONTH).orderBy(REJECTION.ROW_TABLE, REJECTION.ROW_MONTH).fetch();
        Map<String, List<LocalDate>> monthsOf = new LinkedHashMap<>();
        Map<String, Integer> rowsOf = new LinkedHashMap<>();
        for (var x : rejected) {
            monthsOf.computeIfAbsent(x.value1(), t -> new ArrayList<>()).add(x.value2());
            rowsOf.merge(x.value1(), x.value3(), Integer::sum);
        }
        monthsOf.forEach((tableName, months) -> {
            org.neglectscorecard.ingest.agency.AgencySource source = java.util.Arrays.stream(
                    org.neglectscorecard.ingest.agency.AgencySource.values()).filter(s -> s.table().equals(tableName)).findFirst().orElse(null);
            if (source == null || !source.kind().equals(r.getSourceKind())) {
                return;   // another kind's rows in the same workbook: that kind's return
            }
            String monthColumn = source.columns().stream().filter(c -> c.type() == org.neglectscorecard.ingest.agency.AgencyColumn.Type.MONTH)
                    .map(org.neglectscorecard.ingest.agency.AgencyColumn::dbColumn).findFirst().orElse("month_end");
            absentMonths(sourceFileId, r.getReturnId(), tableName, monthColumn, source.sheet(), REJECTED_ROWS, months);
            boolean one = rowsOf.get(tableName) == 1;
            rejections.record(sourceFileId, List.of(new Rejection(places.of(source.sheet()), null, null, null, null,
                    (one ? "1 row" : String.format("%,d rows", rowsOf.get(tableName))) + who + " of monthly counts "
                            + (one ? "was" : "were") + " rejected (each is listed here with why): without " + (one ? "it" : "them")
                            + " a month's total would be too low, so the figures from " + source.title().toLowerCase(java.util.Locale.UK)
                            + " have no value for the months " + (one ? "it is" : "they are") + " for (" + listed(months) + "), nor a "
                            + "12-month figure that includes them. Correct " + (one ? "it" : "them") + " and run again.")),
                    RejectionLog.NOTE);
        });
    }

    /** The months a log's rows make absent for a return (absent_column with month_from and month_to), one row a month. */
    private void absentMonths(long sourceFileId, long returnId, String storeTable, String storeColumn, String fileTable,
                              String fileColumn, java.util.Collection<LocalDate> months) {
        for (LocalDate month : months) {
            dsl.insertInto(ABSENT_COLUMN, ABSENT_COLUMN.SOURCE_FILE_ID, ABSENT_COLUMN.RETURN_ID, ABSENT_COLUMN.STORE_TABLE,
                            ABSENT_COLUMN.STORE_COLUMN, ABSENT_COLUMN.FILE_TABLE, ABSENT_COLUMN.FILE_COLUMN, ABSENT_COLUMN.MONTH_FROM,
                            ABSENT_COLUMN.MONTH_TO)
                    .values(sourceFileId, returnId, storeTable, storeColumn, fileTable, fileColumn, month.withDayOfMonth(1),
                            month.withDayOfMonth(month.lengthOfMonth()))
                    .execute();
        }
    }

    /** Months as a person reads them ("January 2023, February 2023"), the first twelve and how many more. */
    private static String listed(java.util.Collection<LocalDate> months) {
        java.time.format.DateTimeFormatter monthName = java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK);
        return months.stream().sorted().limit(12).map(m -> m.format(monthName)).collect(java.util.stream.Collectors.joining(", "))
                + (months.size() > 12 ? " and " + (months.size() - 12) + " more" : "");
    }

    /** Rows of the file rejected whole, as recorded so far. */
    private int rejectedRows(long sourceFileId) {
        return dsl.fetchCount(dsl.selectDistinct(REJECTION.SHEET, REJECTION.ROW_NUMBER).from(REJECTION)
                .where(REJECTION.SOURCE_FILE_ID.eq(sourceFileId).and(REJECTION.OUTCOME.eq(RejectionLog.ROW_REJECTED))));
    }

    /**
     * A partner's log whose values of a needed column could not be read (left out, the row loaded):
     * counted in this return's own rows, and withheld for the months those rows are dated in only. A
     * log covers every month it has rows for, and withholding them all for a few answers written
     * "Partially" left five years of a figure with no value, for every LA of the file (a trial, 5
     * December). False when the column's rows carry no date to place them by (then as any return).
     */
    private boolean unreadableByMonth(long sourceFileId, long returnId, StoreColumn c, WholeFileRules rules, int rows, String who,
                                      Places places) {
        Field<LocalDate> dated = rules.eventDates().stream().filter(d -> d.table().equals(c.table()))
                .map(d -> d.table().field(d.field().getName(), LocalDate.class)).findFirst().orElse(null);
        Field<Integer> sourceRow = c.table().field("source_row", Integer.class);
        if (dated == null || sourceRow == null) {
            return false;
        }
        // A value left out is recorded under the heading the file gave its column ("Confidence after (1-5)", "PLAN SMART"):
        // any heading the column is known by.
        java.util.Set<String> headings = headingsOf(c);
        java.util.Set<Integer> leftOut = new java.util.HashSet<>();
        dsl.select(REJECTION.ROW_NUMBER, REJECTION.COLUMN_NAME).from(REJECTION)
                .where(REJECTION.SOURCE_FILE_ID.eq(sourceFileId).and(REJECTION.OUTCOME.eq(RejectionLog.VALUE_LEFT_OUT))
                        .and(REJECTION.ROW_NUMBER.isNotNull()))
                .forEach(x -> {
                    if (headings.contains(heading(x.value2()))) {
                        leftOut.add(x.value1());
                    }
                });
        List<LocalDate> dates = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            dsl.select(sourceRow, dated).from(c.table())
                    .where(c.table().field("return_id", Long.class).eq(returnId)).and(c.field().isNull())
                    .forEach(x -> {
                        if (leftOut.contains(x.value1())) {
                            dates.add(x.value2());
                        }
                    });
        }
        int unreadable = dates.size();
        // Three or more in the LA's rows: every month they are in goes without a value (one month of sixty rows with forty
        // unreadable in a log of five thousand is that month's figure, whatever the share of the whole log).
        if (unreadable < UNREADABLE_AT_LEAST) {
            return true;   // a stray value or two is only listed
        }
        java.util.TreeSet<LocalDate> months = new java.util.TreeSet<>();
        dates.stream().filter(java.util.Objects::nonNull).forEach(d -> months.add(d.withDayOfMonth(1)));
        absentMonths(sourceFileId, returnId, c.table().getName(), c.field().getName(), c.fileTable(), c.fileColumn(), months);
        rejections.record(sourceFileId, List.of(new Rejection(places.of(c.fileTable()), null, c.fileColumn(), null, null,
                unreadable + " of the " + rows + " rows" + who + " give " + c.fileColumn() + " that cannot be read (each is listed here "
                        + "with what to write instead): counted as blank, they would leave those records out, so " + c.neededFor()
                        + " will have no value for the months they are dated in (" + listed(months) + "), nor a 12-month figure that "
                        + "includes them, nor (for what is open at each month end) a month end after them. Write them as the "
                        + "list's values and run again.")), RejectionLog.NOTE);
        return true;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void absent(long sourceFileId, long returnId, StoreColumn c, Rejection note) {
        dsl.insertInto(ABSENT_COLUMN, ABSENT_COLUMN.SOURCE_FILE_ID, ABSENT_COLUMN.RETURN_ID, ABSENT_COLUMN.STORE_TABLE,
                        ABSENT_COLUMN.STORE_COLUMN, ABSENT_COLUMN.FILE_TABLE, ABSENT_COLUMN.FILE_COLUMN)
                .values(sourceFileId, returnId, c.table().getName(), c.field().getName(), c.fileTable(), c.fileColumn())
                .execute();
        rejections.record(sourceFileId, List.of(note), RejectionLog.NOTE);
    }

    public static LocalDate firstMarch31OnOrAfter(LocalDate date) {
        return DatedAfter.firstMarch31OnOrAfter(date);
    }

    /** The DfE reporting year (ending 31 March) a date falls in. */
    public static int reportingYear(LocalDate date) {
        return date.getMonthValue() <= 3 ? date.getYear() : date.getYear() + 1;
    }
}
