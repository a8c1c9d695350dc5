package org.neglectscorecard.scorecard;

import static org.neglectscorecard.store.schema.Tables.REJECTION;
import static org.neglectscorecard.store.schema.Tables.RUN_AREA;
import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.RUN_SCOPE;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
import static org.neglectscorecard.store.schema.Tables.STATUTORY_RETURN;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** The input files of a run as the data-quality reports need them: counts, verdicts, problems. */
@Component
public class RunInputs {

    /** One input file: what happened to it, and the dates the run gave its returns. */
    public record InputSummary(long sourceFileId, String displayName, String format, String status, int rowsRead,
                               int rowsLoaded, int rowsRejected, String checksum, String message, String asAt) {
    }

    public record Problem(String file, String sheet, Integer row, String column, String letter, String value,
                          String reason, String outcome) {

        public static final String FILE_NOT_USED = org.neglectscorecard.ingest.InputValidator.FILE_NOT_USED;

        /**
         * A file in the input folder that gave nothing to the run (not a table this program reads, or
         * no date to place it by), in the operator's working list beside the files rejected. The
         * reason is said as the summary says it, the file named in its own column.
         */
        public static Problem fileNotUsed(String file, String said) {
            String reason = org.neglectscorecard.ingest.InputScanner.InputFile.saidAlone(file, said.startsWith("Not used: ") ? said.substring("Not used: ".length()) : said);
            return new Problem(file, null, null, null, null, null, reason, FILE_NOT_USED);
        }
    }

    private final DSLContext dsl;

    public RunInputs(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<InputSummary> files(long runId) {
        // Each file's returns as this run uses them: a log of several LAs is dated for each LA by its own rows.
        Map<Long, Map<AsAt, List<String>>> dated = new java.util.HashMap<>();
        dsl.select(STATUTORY_RETURN.SOURCE_FILE_ID, RUN_SCOPE.REFERENCE_DATE, RUN_SCOPE.REFERENCE_DATE_FROM, RUN_AREA.AREA_NAME)
                .from(RUN_SCOPE).join(STATUTORY_RETURN).on(STATUTORY_RETURN.RETURN_ID.eq(RUN_SCOPE.RETURN_ID))
                .leftJoin(RUN_AREA).on(RUN_AREA.RUN_ID.eq(RUN_SCOPE.RUN_ID).and(RUN_AREA.AREA_CODE.eq(RUN_SCOPE.LA_CODE9)))
                .where(RUN_SCOPE.RUN_ID.eq(runId))
                .orderBy(RUN_SCOPE.REFERENCE_DATE, RUN_AREA.AREA_NAME)
                .forEach(r -> dated.computeIfAbsent(r.value1(), k -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(new AsAt(r.value2(), r.value3()), k -> new java.util.ArrayList<>())
                        .add(r.value4() == null ? "the partnership" : r.value4()));
        return dsl.select(SOURCE_FILE.SOURCE_FILE_ID, RUN_INPUT.DISPLAY_NAME, SOURCE_FILE.FORMAT, SOURCE_FILE.STATUS,
                        SOURCE_FILE.ROWS_READ, SOURCE_FILE.ROWS_LOADED, SOURCE_FILE.ROWS_REJECTED, SOURCE_FILE.CHECKSUM,
                        SOURCE_FILE.MESSAGE)
                .from(RUN_INPUT).join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(RUN_INPUT.SOURCE_FILE_ID))
                .where(RUN_INPUT.RUN_ID.eq(runId))
                .orderBy(RUN_INPUT.DISPLAY_NAME)
                .fetch(r -> new InputSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), asAt(dated.get(r.value1()), r.value3())));
    }

    /** The date a return is used as at, and what gave it ("the return's header"). */
    private record AsAt(LocalDate date, String from) {
    }

    /** "2025-03-31 (the return's header)", or, where a file's LAs are dated apart, each date with its LAs. */
    private static String asAt(Map<AsAt, List<String>> dated, String format) {
        if (dated == null || dated.isEmpty()) {
            return "REFERENCE".equals(format) ? "reference data" : null;
        }
        AsAt first = dated.keySet().iterator().next();
        if (dated.size() == 1) {
            return first.date() + " (" + first.from() + ")";
        }
        List<String> each = new java.util.ArrayList<>();
        dated.forEach((at, areas) -> each.add(at.date() + " for " + String.join(", ", areas)));
        return String.join("; ", each) + " (" + first.from().replace("its latest date", "each LA's latest date") + ")";
    }

    public List<Problem> problems(long runId) {
        return dsl.select(RUN_INPUT.DISPLAY_NAME, REJECTION.SHEET, REJECTION.ROW_NUMBER, REJECTION.COLUMN_NAME,
                        REJECTION.COLUMN_LETTER, REJECTION.VALUE_SHOWN, REJECTION.REASON, REJECTION.OUTCOME)
                .from(REJECTION).join(RUN_INPUT).on(RUN_INPUT.SOURCE_FILE_ID.eq(REJECTION.SOURCE_FILE_ID))
                .where(RUN_INPUT.RUN_ID.eq(runId))
                .orderBy(RUN_INPUT.DISPLAY_NAME, REJECTION.SHEET.nullsFirst(), REJECTION.ROW_NUMBER.nullsFirst(),
                        REJECTION.COLUMN_NAME, REJECTION.REJECTION_ID)
                .fetch(r -> new Problem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** Problems grouped by where and what, with how many and one example reason. */
    public record ProblemCount(String file, String sheet, String column, String outcome, int count, String example) {
    }

    public List<ProblemCount> problemCounts(long runId) {
        return dsl.select(RUN_INPUT.DISPLAY_NAME, REJECTION.SHEET, REJECTION.COLUMN_NAME, REJECTION.OUTCOME,
                        DSL.count(), DSL.min(REJECTION.REASON))
                .from(REJECTION).join(RUN_INPUT).on(RUN_INPUT.SOURCE_FILE_ID.eq(REJECTION.SOURCE_FILE_ID))
                .where(RUN_INPUT.RUN_ID.eq(runId))
                .groupBy(RUN_INPUT.DISPLAY_NAME, REJECTION.SHEET, REJECTION.COLUMN_NAME, REJECTION.OUTCOME)
                .fetch(r -> new ProblemCount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()))
                .stream().sorted(java.util.Comparator.comparing(ProblemCount::file)
                        .thenComparing(p -> String.valueOf(p.sheet())).thenComparing(p -> String.valueOf(p.column())))
                .toList();
    }

    /** The run's partnership members, by area code. */
    public java.util.Set<String> members(long runId) {
        return new java.util.HashSet<>(dsl.select(org.neglectscorecard.store.schema.Tables.RUN_AREA.AREA_CODE)
                .from(org.neglectscorecard.store.schema.Tables.RUN_AREA)
                .where(org.neglectscorecard.store.schema.Tables.RUN_AREA.RUN_ID.eq(runId)
                        .and(org.neglectscorecard.store.schema.Tables.RUN_AREA.IN_PARTNERSHIP.isTrue()))
                .fetch(org.neglectscorecard.store.schema.Tables.RUN_AREA.AREA_CODE));
    }

    /** Key fields and where they are: table, column, label, and the kinds of return the field exists in (null: all). */
    private static final String[][] KEY_FIELDS = {
            {"child", "birth_date", "Child: date of birth (or expected)", null},
            {"child", "gender", "Child: gender", null},
            {"child_characteristics", "ethnicity", "Child: ethnicity", null},
            {"cin_episode", "primary_need", "CIN episode: primary need", null},
            {"cp_plan", "initial_category", "CP plan: initial category of abuse", null},
            {"cp_plan", "latest_category", "CP plan: latest category of abuse", null},
            {"cp_plan", "last_visit_date", "CP plan: date of last statutory visit", "ANNEX_A"},
            {"cp_plan", "seen_alone", "CP plan: seen alone at last visit", "ANNEX_A"},
            {"cla_episode", "category_of_need", "Looked after: category of need", null},
            {"cla_episode", "legal_status", "Looked after: legal status", null},
            {"training_record", "confidence_after", "Training: confidence after the course", null},
            {"case_audit", "grade", "Audit: overall grade", null},
            {"early_help_plan", "lead_agency", "Early help: lead agency", null},
            {"gcp2_assessment", "tier", "GCP2: tier", null},
            {"feedback_response", "stage", "Feedback: stage", null}};

    /** For each file of the run, how many of its rows fill each key field it has rows for. */
    public List<org.neglectscorecard.scorecard.ScorecardWorkbook.Completeness> completeness(long runId) {
        List<org.neglectscorecard.scorecard.ScorecardWorkbook.Completeness> out = new java.util.ArrayList<>();
        for (String[] f : KEY_FIELDS) {
            String filled = "birth_date".equals(f[1]) ? "COALESCE(t.birth_date, t.expected_birth_date)" : "t." + f[1];
            String kind = f[3] == null ? "" : " AND r.source_kind = '" + f[3] + "'";
            dsl.fetch("SELECT i.display_name, COUNT(*), COUNT(" + filled + ") FROM " + f[0] + " t "
                            + "JOIN statutory_return r ON r.return_id = t.return_id" + kind + " "
                            + "JOIN run_input i ON i.source_file_id = r.source_file_id AND i.run_id = ? "
                            + "GROUP BY i.display_name", runId)
                    .forEach(r -> out.add(new org.neglectscorecard.scorecard.ScorecardWorkbook.Completeness(r.get(0, String.class),
                            f[2], r.get(1, Long.class), r.get(2, Long.class), null)));
        }
        out.sort(java.util.Comparator.comparing(org.neglectscorecard.scorecard.ScorecardWorkbook.Completeness::file));
        return out;
    }

    /**
     * A column (or table) a file lacks that the run's indicators read, for one area: the indicators
     * (base entries) with no value for the months the file serves, from..to.
     */
    /**
     * A column a file lacks, for one area: the indicators that read it (or, once resolved, the published ones
     * built on them, with their titles) and the months of this run's figures left without a value (null until
     * worked out from the figures).
     */
    public record MissingColumn(String file, String fileTable, String fileColumn, String areaCode, String areaName,
                                LocalDate from, LocalDate to, List<String> indicators, List<String> titles, String months,
                                boolean unreadable) {

        /**
         * What the file lacks, as its user would fix it: a column it has whose values cannot be read
         * (letter codes a list does not know) is there, so "has no" would send them looking for a
         * column they can see.
         */
        public String lacking() {
            if (org.neglectscorecard.store.LoadCompletion.REJECTED_ROWS.equals(fileColumn)) {
                return "has rows of monthly counts that were rejected (rejects.csv says why)";
            }
            return unreadable ? "gives " + fileColumn + " that cannot be read (rejects.csv lists each value)"
                    : "has no " + fileColumn;
        }

        MissingColumn resolved(List<String> ids, List<String> titles, String months) {
            return new MissingColumn(file, fileTable, fileColumn, areaCode, areaName, from, to, ids, titles, months, unreadable);
        }
    }

    public List<MissingColumn> missingColumns(long runId) {
        var w = org.neglectscorecard.store.schema.Tables.INDICATOR_WITHHELD;
        var a = org.neglectscorecard.store.schema.Tables.RUN_AREA;
        java.util.Map<String, MissingColumn> out = new java.util.LinkedHashMap<>();
        dsl.select(w.FILE_NAME, w.FILE_TABLE, w.FILE_COLUMN, w.AREA_CODE, a.AREA_NAME, w.COVER_FROM, w.COVER_TO, w.INDICATOR_ID)
                .from(w).leftJoin(a).on(a.RUN_ID.eq(w.RUN_ID).and(a.AREA_CODE.eq(w.AREA_CODE)))
                .where(w.RUN_ID.eq(runId))
                .orderBy(w.FILE_NAME, w.FILE_COLUMN, w.AREA_CODE, w.INDICATOR_ID)
                .forEach(r -> out.computeIfAbsent(r.value1() + "|" + r.value3() + "|" + r.value4(), k -> new MissingColumn(r.value1(),
                        r.value2(), r.value3(), r.value4(), r.value5() == null ? r.value4() : r.value5(), r.value6(), r.value7(),
                        new java.util.ArrayList<>(), List.of(), null, unreadable(runId, r.value1(), r.value3()))).indicators().add(r.value8()));
        return List.copyOf(out.values());
    }

    /** Whether a file of the run has the column but values of it could not be read (each a "value left out"). */
    private boolean unreadable(long runId, String file, String column) {
        return dsl.fetchExists(DSL.selectOne().from(REJECTION)
                .join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(REJECTION.SOURCE_FILE_ID))
                .join(STATUTORY_RETURN).on(STATUTORY_RETURN.SOURCE_FILE_ID.eq(SOURCE_FILE.SOURCE_FILE_ID))
                .join(RUN_SCOPE).on(RUN_SCOPE.RETURN_ID.eq(STATUTORY_RETURN.RETURN_ID).and(RUN_SCOPE.RUN_ID.eq(runId)))
                .where(SOURCE_FILE.DISPLAY_NAME.eq(file).and(REJECTION.COLUMN_NAME.eq(column))
                        .and(REJECTION.OUTCOME.eq(org.neglectscorecard.store.RejectionLog.VALUE_LEFT_OUT))));
    }

    /** The month ends the run's data covers, first and last, or null. */
    public LocalDate[] coveredSpan(long runId, LocalDate period) {
        var r = dsl.select(DSL.min(RUN_SCOPE.COVER_FROM), DSL.max(RUN_SCOPE.COVER_TO)).from(RUN_SCOPE)
                .where(RUN_SCOPE.RUN_ID.eq(runId)).fetchOne();
        return r == null || r.value1() == null ? null : new LocalDate[] {r.value1(), r.value2().isAfter(period) ? period : r.value2()};
    }
}
