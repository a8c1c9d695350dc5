package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * A mid-year extract (as at 30 September) and then the year's census: the census is the final word
 * for every month of its year. A plan the LA took out before submitting, and a start date it
 * corrected, are not counted again from the extract: the year's plans started are the census's own,
 * as DfE publishes them. The months the extract reported keep the extract's figures.
 */
class MidYearExtractThenAnnualReturnTest {

    @TempDir
    Path dir;

    @Test
    void theYearsCensusIsTheFinalWordForItsOwnMonths() throws Exception {
        Path input = dir.resolve("input");
        var extract = new ReturnBuilder("821", LocalDate.of(2024, 9, 30));
        var census = new ReturnBuilder("821", LocalDate.of(2025, 3, 31));
        String[] starts = {"2024-04-10", "2024-05-10", "2024-06-10", "2024-07-01", "2024-08-10", "2024-09-10", "2024-09-20"};
        for (int i = 0; i < starts.length; i++) {
            extract.child("C" + i).episode("2024-04-01", null, "N1").cpp(starts[i], null, "NEG", "NEG", 0).end().done();
        }
        // In the census: C3's start corrected from 1 to 10 July, C6's plan (20 September) taken out as entered in error.
        for (int i = 0; i < 6; i++) {
            census.child("C" + i).episode("2024-04-01", null, "N1").cpp(i == 3 ? "2024-07-10" : starts[i], null, "NEG", "NEG", 0)
                    .end().done();
        }
        census.child("C6").episode("2024-04-01", "2024-09-25", "N1").end().done();
        // The year before's census has a plan that started and ended in its winter; the extract (the year to date) has not.
        var before = new ReturnBuilder("821", LocalDate.of(2024, 3, 31));
        before.child("X").episode("2023-11-01", "2024-02-01", "N1").cpp("2023-11-15", "2024-01-10", "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(before.build(), input.resolve("821/2023-24/census.xml"));
        CensusReturnWriter.writeXml(extract.build(), input.resolve("821/extract-2024-09/census.xml"));
        CensusReturnWriter.writeXml(census.build(), input.resolve("821/2024-25/census.xml"));
        IndicatorsFile out = runFor(LocalDate.of(2025, 3, 31));
        assertThat(out.value("CPP_START", "E06000032", "2025-03-31")).isEqualTo("6");
        assertThat(out.value("CPP_START_NEG_INIT", "E06000032", "2025-03-31")).isEqualTo("6");
        // The months the extract reported are as it reported them: seven plans open at 30 September.
        assertThat(out.value("CPP_OPEN", "E06000032", "2024-09-30")).isEqualTo("7");
        // Seen through the extract, the year to 30 September still has the winter's plan, as the census before had it.
        assertThat(out.value("CPP_START", "E06000032", "2024-09-30")).isEqualTo("8");
        // The year before's census gives the months before the extract's year: nothing to say about them.
        assertThat(java.nio.file.Files.readString(dir.resolve("out/p/2025-03-31/run-summary.txt"))).doesNotContain("part-way");
    }

    /**
     * An in-year extract alone (a partnership's first run): its header dates it 30 September, part-way
     * through the collection year that began on 1 April, so it holds nothing of the plans that ended
     * before then. The months before 1 April are not its to give: no value, not an undercount or a 0.
     */
    @Test
    void anInYearExtractAloneGivesNoFigureForTheMonthsBeforeItsYear() throws Exception {
        Path input = dir.resolve("input");
        var extract = new ReturnBuilder("821", LocalDate.of(2025, 9, 30));
        String[] starts = {"2025-04-10", "2025-05-10", "2025-06-10", "2025-08-10"};
        for (int i = 0; i < starts.length; i++) {
            extract.child("C" + i).episode("2025-04-01", null, "N1").cpp(starts[i], i == 3 ? "2025-09-01" : null, "NEG", "NEG", 0)
                    .end().done();
        }
        // Open at 1 April: on a plan since the winter. The extract has it; it has no plan that ended before April.
        extract.child("W").episode("2024-11-01", null, "N1").cpp("2024-11-20", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(extract.build(), input.resolve("821/extract-2025-09/census.xml"));
        Path job = TestApp.jobFile(dir, "extract", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2025, 9, 30), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
            // A month before the extract's year is refused outright, saying where the months it covers begin.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.run(job, LocalDate.of(2025, 2, 28), input,
                            dir.resolve("out"), false))
                    .isInstanceOf(org.neglectscorecard.job.RunRefusedException.class)
                    .hasMessageContaining("the earliest month one covers is April 2025 (821/extract-2025-09/census.xml)");
        }
        IndicatorsFile out = IndicatorsFile.read(dir.resolve("out/p/2025-09-30/indicators.csv"));
        assertThat(out.value("CPP_OPEN", "E06000032", "2025-09-30")).isEqualTo("4");
        assertThat(out.value("CPP_OPEN", "E06000032", "2025-04-30")).isEqualTo("2");
        // Read as the 12 months to 30 September, the extract gave 1 plan open at 31 October 2024 and 0 at 31 December.
        assertThat(out.value("CPP_OPEN", "E06000032", "2024-12-31")).isNull();
        assertThat(out.value("CPP_OPEN", "E06000032", "2025-03-31")).isNull();
        // Twelve months of plans started need the months before April too.
        assertThat(out.value("CPP_START", "E06000032", "2025-09-30")).isNull();
        assertThat(java.nio.file.Files.readString(dir.resolve("out/p/2025-09-30/run-summary.txt"))).contains(
                "821/extract-2025-09/census.xml (Luton) is as at 30 September 2025, part-way through its collection year, so it "
                + "gives the months from April 2025 only: a census has none of the plans and episodes that ended before its year "
                + "began. The months before, and figures over 12 months, have no value until the census as at 31 March 2025 is "
                + "in the input folder.");
    }

    /**
     * A return that holds more than its collection year (a plan in it ended before the year's 1 April)
     * was taken over the months before too: a year's census exported on 30 April, an extract of the 12
     * months to its date. It keeps the 12 months to its date.
     */
    @Test
    void aReturnHoldingPlansEndedBeforeItsYearKeepsTheTwelveMonthsToIt() throws Exception {
        Path input = dir.resolve("input");
        var census = new ReturnBuilder("821", LocalDate.of(2025, 4, 30));
        census.child("A").episode("2024-05-01", null, "N1").cpp("2024-06-10", "2025-01-20", "NEG", "NEG", 0).end().done();
        census.child("B").episode("2024-09-01", null, "N1").cpp("2024-10-01", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(census.build(), input.resolve("821/2024-25/census.xml"));
        IndicatorsFile out = runFor(LocalDate.of(2025, 3, 31));
        assertThat(out.value("CPP_OPEN", "E06000032", "2024-12-31")).isEqualTo("2");
        assertThat(out.value("CPP_OPEN", "E06000032", "2025-03-31")).isEqualTo("1");
        assertThat(java.nio.file.Files.readString(dir.resolve("out/p/2025-03-31/run-summary.txt"))).doesNotContain("part-way");
    }

    /** The job run for the month on the returns in input/, done; its indicators. */
    private IndicatorsFile runFor(LocalDate period) throws Exception {
        Path job = TestApp.jobFile(dir, "extract", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, period, dir.resolve("input"), dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        return IndicatorsFile.read(dir.resolve("out/p/" + period + "/indicators.csv"));
    }
}
