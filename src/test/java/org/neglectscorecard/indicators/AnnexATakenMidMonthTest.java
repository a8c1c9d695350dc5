package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.AnnexAWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * An Annex A taken on an inspection's notice (3 October), dated only by its contents: it serves the
 * month end of its latest date, but its children's visits are judged from the day its lists end, not
 * from the month end: children all visited that week are in time, not four weeks late.
 */
class AnnexATakenMidMonthTest {

    @TempDir
    Path dir;

    @Test
    void visitsAreJudgedFromTheDayTheListsWereTakenNotTheMonthEnd() throws Exception {
        Path input = dir.resolve("input");
        var annex = new ReturnBuilder("821", LocalDate.of(2025, 10, 3));
        Map<String, AnnexAWriter.Visit> visits = new java.util.HashMap<>();
        String[] seen = {"2025-09-29", "2025-09-30", "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-03"};
        for (int i = 0; i < seen.length; i++) {
            visits.put("C" + i, new AnnexAWriter.Visit(seen[i], true));
            annex.child("C" + i).episode("2025-03-0" + (i + 1), null, "N1").cpp("2025-04-1" + i, null, "NEG", "NEG", 0).end().done();
        }
        // Taken on 3 October: no date in it says so, and nothing in the job file either.
        AnnexAWriter.write(annex.build(), LocalDate.of(2025, 10, 3), visits, List.of(), AnnexAWriter.Style.OFSTED,
                input.resolve("821/annex-a-inspection.xlsx"));
        Path job = TestApp.jobFile(dir, "midmonth", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2025, 10, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        IndicatorsFile out = IndicatorsFile.read(dir.resolve("out/p/2025-10-31/indicators.csv"));
        assertThat(out.value("CPP_NEG_VISIT_IN_TIME_PCT", "E06000032", "2025-10-31")).isEqualTo("100.0");
    }
}
