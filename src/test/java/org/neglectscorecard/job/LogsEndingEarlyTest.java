package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * An audit tracker for two LAs, in which Luton had no audit after January: a log is dated, for
 * each LA, by its latest row, so Luton's audit figures (and the partnership's) have no value for
 * March. The summary says so, with the month and how to say the log is complete, and the inputs
 * list gives each LA's date rather than a list of dates with no LA.
 */
class LogsEndingEarlyTest {

    @TempDir
    Path dir;

    @Test
    void aMembersRowsEndingBeforeTheMonthAreSaidWithWhatToDo() throws Exception {
        Path input = dir.resolve("input");
        for (String la : List.of("821", "822")) {
            var census = new ReturnBuilder(la, LocalDate.of(2025, 3, 31));
            census.child(la + "A").episode("2024-05-01", null, "N1").cpp("2024-06-01", null, "NEG", "NEG", 0).end().done();
            CensusReturnWriter.writeXml(census.build(), input.resolve(la + "/census.xml"));
        }
        Files.writeString(input.resolve("audits.csv"), """
                Audit reference,Audit date,Case reference,Tier,Kind of audit,Theme,Multi-agency,Overall grade,LA code
                A1,2025-01-20,C1,CP,Multi-agency case audit,Neglect,Y,Good,821
                A2,2025-03-12,C2,CP,Multi-agency case audit,Neglect,Y,Good,822
                """);
        Path job = TestApp.jobFile(dir, "ending", "p", List.of("821", "822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2025, 3, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        String summary = Files.readString(dir.resolve("out/p/2025-03-31/run-summary.txt"));
        assertThat(summary).contains("Warning: audits.csv: its rows end in January 2025 for Luton, so the figures from it have "
                + "no value after then, nor the partnership's. If the log is complete to 31 March 2025 (nothing since), say so in "
                + "the job file under 'files:' with 'path: audits.csv' and 'as-at: 2025-03-31' (for every LA in it).");
        assertThat(summary).doesNotContain("for Bedford, so");
        assertThat(summary).containsPattern("audits\\.csv +2 read +2 loaded +0 rejected +as at 2025-01-31 for Luton; "
                + "2025-03-31 for Bedford \\(the month end of each LA's latest date\\)");
    }
}
