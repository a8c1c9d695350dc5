package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
import static org.neglectscorecard.store.schema.Tables.STATUTORY_RETURN;

import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes child-level data older than the retention period: every row of a return whose
 * reference date is before the cut-off. What was computed from it (the aggregates in
 * indicator_value) stays; the file's record stays too, marked PURGED, so the same file given
 * again is not loaded again.
 */
@Component
public class Purge {

    public static final String PURGED = "PURGED";
    /** Every table holding rows of a loaded file: children's, and practitioners', cases' and families' records. */
    static final List<String> CHILD_LEVEL = List.of("child", "child_characteristics", "cin_episode", "assessment",
            "cin_plan", "cp_plan", "cla_episode", "training_record", "case_audit", "early_help_plan", "health_appointment",
            "health_monthly", "gcp2_assessment", "police_monthly", "feedback_response");

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
        List<String> files = dsl.selectDistinct(SOURCE_FILE.DISPLAY_NAME).from(SOURCE_FILE)
                .join(STATUTORY_RETURN).on(STATUTORY_RETURN.SOURCE_FILE_ID.eq(SOURCE_FILE.SOURCE_FILE_ID))
                .where(STATUTORY_RETURN.RETURN_ID.in(returns)).fetch(SOURCE_FILE.DISPLAY_NAME);
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
