package org.neglectscorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunHistory;
import org.springframework.batch.core.BatchStatus;

/**
 * history says which run's outputs a folder holds: a fresh-eye trial saw three attempts at one
 * month all pointing at the same folder, which held only the last one's. Each earlier attempt's
 * outputs were kept beside it when the next replaced them (OutputFolder), oldest first.
 */
class HistoryOutputsTest {

    @TempDir
    Path dir;

    static RunHistory.Run run(long id, long attempt, BatchStatus status, int hour, Path out) {
        LocalDateTime at = LocalDateTime.of(2026, 4, 2, hour, 0);
        return new RunHistory.Run(id, LocalDate.of(2026, 3, 31), attempt, status, at, at, at.plusMinutes(1), out.toString());
    }

    @Test
    void eachAttemptPointsAtWhatItWroteAndTheLatestAtTheFolder() throws Exception {
        Path out = dir.resolve("out");
        Path folder = Files.createDirectories(out.resolve("p/2026-03-31"));
        Path first = Files.createDirectories(out.resolve("p/2026-03-31-replaced-2026-04-02T100100"));
        Path second = Files.createDirectories(out.resolve("p/2026-03-31-replaced-2026-04-02T120100"));
        // Newest first, as history lists them; attempt 3 failed and wrote nothing.
        List<RunHistory.Run> runs = List.of(run(5, 4, BatchStatus.COMPLETED, 12, out), run(4, 3, BatchStatus.FAILED, 11, out),
                run(3, 2, BatchStatus.COMPLETED, 10, out), run(2, 1, BatchStatus.COMPLETED, 9, out));
        Map<Long, String> where = HistoryCommand.outputsNow(runs, "p");
        assertThat(where.get(5L)).isEqualTo(folder.toString());
        assertThat(where.get(4L)).isEqualTo("none (the run wrote no outputs)");
        assertThat(where.get(3L)).isEqualTo(second + " (replaced by a later run)");
        assertThat(where.get(2L)).isEqualTo(first + " (replaced by a later run)");

        // The oldest kept copy deleted: the newer one is still attempt 2's.
        Files.delete(first);
        assertThat(HistoryCommand.outputsNow(runs, "p").get(3L)).isEqualTo(second + " (replaced by a later run)");
        assertThat(HistoryCommand.outputsNow(runs, "p").get(2L)).endsWith("no copy of its own was kept");
        // Both deleted: said, not pointed at the folder another run's outputs are in.
        Files.delete(second);
        assertThat(HistoryCommand.outputsNow(runs, "p").get(2L)).startsWith("replaced by attempt 4's in " + folder)
                .endsWith("no copy of its own was kept");
    }
}
