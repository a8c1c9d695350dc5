package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
import static org.neglectscorecard.store.schema.Tables.STATUTORY_RETURN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes child-level data older than the retention period: every row of a return whose
 * reference date is before the cut-off, and, in the multi-agency logs that keep growing (a
 * training log covering years, an appointments export), every row whose own date is before it
 * (an early help plan once it has ended). What was computed from it (the aggregates in
 * indicator_value) stays; the file's record stays too, marked PURGED when nothing of it is left,
 * so the same file given again is not loaded again.
 */
@Component
public class Purge {

    public static final String PURGED = "PURGED";
    /** Every table holding rows of a loaded file: children's, and practitioners', cases' and families' records. */
    static final List<String> CHILD_LEVEL = List.of("child", "child_characteristics", "cin_episode", "assessment",
            "cin_plan", "cp_plan", "cla_episode", "training_record", "case_audit", "early_help_plan", "health_appointment",
            "health_monthly", "gcp2_assessment", "police_monthly", "feedback_response");

    /**
     * The date after which each log's row is still needed: the row goes once that date is before
     * the cut-off. The monthly counts (health_monthly, police_monthly) are not about anyone and stay.
     */
    static final Map<String, String> LOG_ROW_DATES = new LinkedHashMap<>();

    static {
        LOG_ROW_DATES.put("training_record", "course_date");
        LOG_ROW_DATES.put("case_audit", "audit_date");
        LOG_ROW_DATES.put("early_help_plan", "end_date");   // an open plan (no end date) is never purged
        LOG_ROW_DATES.put("health_appointment", "appointment_date");
        LOG_ROW_DATES.put("gcp2_assessment", "assessment_date");
        LOG_ROW_DATES.put("feedback_response", "response_date");
    }

    private final DSLContext dsl;

    public Purge(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Result(int returns, long rows, List<String> files) {
    }

    @Transactional
    public Result olderThan(LocalDate cutoff, boolean dryRun) {
        List<Long> returns = dsl.select(STATUTORY_RETURN.RETURN_ID).from(STATUTORY_RETURN)
                .where(STATUTORY_RETURN.REFERENCE_DATE.lt(cutoff)).fetch(STATUTORY_RETURN.RETURN_ID);
        List<String> files = new ArrayList<>(dsl.selectDistinct(SOURCE_FILE.DISPLAY_NAME).from(SOURCE_FILE)
                .join(STATUTORY_RETURN).on(STATUTORY_RETURN.SOURCE_FILE_ID.eq(SOURCE_FILE.SOURCE_FILE_ID))
                .where(STATUTORY_RETURN.RETURN_ID.in(returns)).fetch(SOURCE_FILE.DISPLAY_NAME));
        long rows = 0;
        for (String table : CHILD_LEVEL) {
            for (int from = 0; from < returns.size(); from += 500) {
                List<Long> part = returns.subList(from, Math.min(returns.size(), from + 500));
                String in = String.join(",", part.stream().map(String::valueOf).toList());
                rows += dryRun
                        ? ((Number) dsl.fetchValue("SELECT COUNT(*) FROM " + table + " WHERE return_id IN (" + in + ")")).longValue()
                        : dsl.execute("DELETE FROM " + table + " WHERE return_id IN (" + in + ")");
            }
        }
        List<String> logFiles = new ArrayList<>();
        for (Map.Entry<String, String> log : LOG_ROW_DATES.entrySet()) {
            // Rows of the returns purged whole above are not counted again.
            String old = " FROM " + log.getKey() + " WHERE " + log.getValue() + " < ? AND return_id IN "
                    + "(SELECT return_id FROM statutory_return WHERE reference_date >= ?)";
            logFiles.addAll(dsl.fetch("SELECT DISTINCT f.display_name FROM source_file f JOIN statutory_return r "
                    + "ON r.source_file_id = f.source_file_id WHERE r.return_id IN (SELECT return_id" + old + ")", cutoff, cutoff)
                    .getValues(0, String.class));
            rows += dryRun
                    ? ((Number) dsl.fetchValue("SELECT COUNT(*)" + old, cutoff, cutoff)).longValue()
                    : dsl.execute("DELETE" + old, cutoff, cutoff);
        }
        logFiles.stream().sorted().map(f -> f + " (rows dated before the cut-off)").forEach(files::add);
        if (!dryRun && !returns.isEmpty()) {
            dsl.update(SOURCE_FILE).set(SOURCE_FILE.STATUS, PURGED)
                    .where(SOURCE_FILE.SOURCE_FILE_ID.in(dsl.select(STATUTORY_RETURN.SOURCE_FILE_ID).from(STATUTORY_RETURN)
                            .where(STATUTORY_RETURN.RETURN_ID.in(returns))))
                    .and(SOURCE_FILE.SOURCE_FILE_ID.notIn(dsl.select(STATUTORY_RETURN.SOURCE_FILE_ID).from(STATUTORY_RETURN)
                            .where(STATUTORY_RETURN.REFERENCE_DATE.ge(cutoff))))
                    .execute();
        }
        return new Result(returns.size(), rows, files);
    }
}
