package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.indicators.PublishedFiguresTestAccess;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.TestApp;

/**
 * Two job files with the same partnership id (a copy edited to try a 20-day visiting standard) wrote
 * into the same folder, each replacing the other's scorecard without a word (a fresh-eye trial of the
 * monthly routine): the second is refused, saying whose scorecard is there and what to change.
 */
class OutputFolderOfAnotherJobTest {

    @TempDir
    Path dir;

    @Test
    void aJobDoesNotReplaceAnotherJobsScorecard() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeCsv(PublishedFiguresTestAccess.westminster(2022), input.resolve("213/2021-22"));
        Path first = TestApp.jobFile(dir.resolve("jobs"), "monthly", "inner-west", List.of("213"));
        Path copy = TestApp.jobFile(dir.resolve("jobs"), "monthly-trial", "inner-west", List.of("213"));
        Path out = dir.resolve("out");
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(first, LocalDate.of(2022, 3, 31), input, out, false).ok()).isTrue();
            String summary = Files.readString(out.resolve("inner-west/2022-03-31/run-summary.txt"));
            assertThat(RunService.otherJobsScorecard(out.resolve("inner-west/2022-03-31"), "monthly")).isNull();
            assertThatThrownBy(() -> app.run(copy, LocalDate.of(2022, 3, 31), input, out, false))
                    .isInstanceOf(RunRefusedException.class)
                    .hasMessageContaining("holds the scorecard of another job, 'monthly'")
                    .hasMessageContaining("this job, 'monthly-trial', would replace it");
            assertThat(Files.readString(out.resolve("inner-west/2022-03-31/run-summary.txt"))).isEqualTo(summary);
            // The job's own re-run replaces its own scorecard, as before.
            assertThat(app.run(first, LocalDate.of(2022, 3, 31), input, out, true).ok()).isTrue();
        }
    }
}
