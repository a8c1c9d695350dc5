package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        // Its counts at 31 October leave out what happened after 3 October: said, with the job file's line that dates it.
        assertThat(java.nio.file.Files.readString(dir.resolve("out/p/2025-10-31/run-summary.txt")))
                .contains("Warning: 821/annex-a-inspection.xlsx (Luton) has no date of its own and none after 3 October 2025, so "
                        + "it is taken as at 31 October 2025, the end of that month.")
                .contains("(- path: 821/annex-a-inspection.xlsx, as-at: 2025-10-03)");
    }

    /**
     * The job file's 'as-at' for a workbook is the run's date for it (run_scope): the figures were placed
     * and the visits judged by the file's own dating instead, so a workbook the job file dates to 31 December
     * gave its figures at 30 November, and none at 31 December.
     */
    @Test
    void theDateTheJobFileGivesPlacesTheFiguresAndJudgesTheVisits() throws Exception {
        Path input = dir.resolve("input");
        var annex = new ReturnBuilder("821", LocalDate.of(2025, 11, 28));
        Map<String, AnnexAWriter.Visit> visits = new java.util.HashMap<>();
        // Its latest date is 28 November. Seen from 28 November both visits are within ten working days;
        // seen from 5 December, the one on 20 November is not (eleven working days).
        String[] seen = {"2025-11-20", "2025-11-27"};
        for (int i = 0; i < seen.length; i++) {
            visits.put("C" + i, new AnnexAWriter.Visit(seen[i], true));
            annex.child("C" + i).episode("2025-03-0" + (i + 1), null, "N1").cpp("2025-11-2" + (i + 1), null, "NEG", "NEG", 0).end().done();
        }
        AnnexAWriter.write(annex.build(), LocalDate.of(2025, 11, 28), visits, List.of(), AnnexAWriter.Style.OFSTED,
                input.resolve("821/annex-a-winter.xlsx"));

        IndicatorsFile monthEnd = runWithAsAt(input, "2025-12-31", "monthend", LocalDate.of(2025, 12, 31));
        assertThat(monthEnd.value("CPP_NEG_VISIT_IN_TIME_PCT", "E06000032", "2025-12-31")).isEqualTo("0.0");
        assertThat(monthEnd.value("CPP_NEG_SEEN_ALONE_PCT", "E06000032", "2025-12-31")).isEqualTo("100.0");
        assertThat(monthEnd.value("CPP_NEG_VISIT_IN_TIME_PCT", "E06000032", "2025-11-30")).isNullOrEmpty();

        // Taken on 5 December: it serves 30 November (a month is served by a return as at its end or later),
        // its visits judged from the day it was taken; a run for December is refused pointing to November.
        assertThatThrownBy(() -> runWithAsAt(input, "2025-12-05", "december", LocalDate.of(2025, 12, 31)))
                .hasMessageContaining("as at 5 December 2025").hasMessageContaining("or run for 2025-11-30.");
        IndicatorsFile midMonth = runWithAsAt(input, "2025-12-05", "midmonth", LocalDate.of(2025, 11, 30));
        assertThat(midMonth.value("CPP_NEG_VISIT_IN_TIME_PCT", "E06000032", "2025-11-30")).isEqualTo("50.0");
        assertThat(midMonth.value("CPP_NEG_SEEN_ALONE_PCT", "E06000032", "2025-11-30")).isEqualTo("100.0");
    }

    private IndicatorsFile runWithAsAt(Path input, String asAt, String name, LocalDate period) throws Exception {
        Path job = TestApp.jobFile(dir, name, "p", List.of("821"));
        java.nio.file.Files.writeString(job, java.nio.file.Files.readString(job)
                + "files:\n  - path: 821/annex-a-winter.xlsx\n    as-at: " + asAt + "\n");
        try (TestApp app = TestApp.start(dir.resolve("data-" + name))) {
            var result = app.run(job, period, input, dir.resolve("out-" + name), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        return IndicatorsFile.read(dir.resolve("out-" + name + "/p/" + period + "/indicators.csv"));
    }
}
