package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.TestApp;

/**
 * Which other copies a run's small-number protection stays consistent with: only what runs that
 * completed published. A rerun of February that stopped after computing left its figures in place
 * of the copy February's completed run published (a review found March then passed February over
 * and stayed consistent with January's): the published copy, kept in replaced_value, is used.
 */
class OtherCopiesTest {

    @TempDir
    Path dir;

    @Test
    void aMonthWhoseRerunStoppedIsReadFromTheCopyItsCompletedRunPublished() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeCsv(RevisionsTest.return2022(12), input.resolve("213/2022"));
        Path job = TestApp.jobFile(dir, "copies", "p", List.of("213"));
        LocalDate february = LocalDate.of(2022, 2, 28);
        LocalDate march = LocalDate.of(2022, 3, 31);
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, february, input, dir.resolve("out"), false).ok()).isTrue();
            assertThat(app.run(job, march, input, dir.resolve("out"), false).ok()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            long februaryRun = ((Number) dsl.fetchValue("SELECT MAX(run_id) FROM indicator_value WHERE run_period = DATE '2022-02-28'"))
                    .longValue();
            long marchRun = ((Number) dsl.fetchValue("SELECT MAX(run_id) FROM indicator_value WHERE run_period = DATE '2022-03-31'"))
                    .longValue();
            IndicatorValues values = app.bean(IndicatorValues.class);
            Catalogue catalogue = app.bean(Catalogue.class);
            Set<String> members = Set.of("E09000033");
            assertThat(values.protect("copies", march, "p", members, catalogue, Set.of(februaryRun, marchRun)).consistentWith())
                    .containsExactly(february);

            // February run again, stopped after computing: its figures (run 999999, not completed) replaced the published
            // ones, which the rerun kept as it computed.
            dsl.execute("INSERT INTO replaced_value (job_name, run_period, run_id, indicator_id, area_code, period_end, breakdown, "
                    + "figure, numerator, denominator, in_month_numerator, in_month_denominator, suppressed, in_month_suppressed) "
                    + "SELECT job_name, run_period, run_id, indicator_id, area_code, period_end, breakdown, figure, numerator, "
                    + "denominator, in_month_numerator, in_month_denominator, suppressed, in_month_suppressed FROM indicator_value "
                    + "WHERE run_period = DATE '2022-02-28'");
            dsl.execute("UPDATE indicator_value SET run_id = 999999 WHERE run_period = DATE '2022-02-28'");
            assertThat(values.protect("copies", march, "p", members, catalogue, Set.of(februaryRun, marchRun)).consistentWith())
                    .as("February's published copy, as kept").containsExactly(february);
            assertThat(values.protect("copies", march, "p", members, catalogue, Set.of(marchRun)).consistentWith())
                    .as("no copy of February that a completed run published").isEmpty();
        }
    }
}
