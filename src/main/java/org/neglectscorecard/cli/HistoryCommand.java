package org.neglectscorecard.cli;

import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.job.RunHistory;
import org.neglectscorecard.job.RunService;
import org.springframework.batch.core.BatchStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** history: the job's past runs. */
@Command(name = "history", sortOptions = false,
        header = "List past runs: period, outcome, duration, rows read and rejected, where the outputs are.",
        description = "Newest first. A run that failed or was stopped part-way shows as such: typing the same 'run' "
                + "command again carries on from where it stopped. Works while the scheduler or another run is going.")
public class HistoryCommand implements Callable<Integer> {

    @Option(names = "--job", paramLabel = "FILE", defaultValue = "jobs/monthly-scorecard.yml",
            description = "The job file (default: ${DEFAULT-VALUE}).")
    Path job;

    @Mixin
    DataDirs dataDir = new DataDirs();

    @Override
    public Integer call() {
        JobFile jobFile = JobFile.load(job);
        Path data = dataDir.choose(Path.of(jobFile.input()));
        try (QuickDatabase database = QuickDatabase.open(data)) {
            DSLContext dsl = database.dsl();
            List<RunHistory.Run> runs = RunHistory.of(dsl, jobFile.name());
            if (runs.isEmpty()) {
                System.out.println("No runs of " + jobFile.name() + " yet. Start one with: run --period yyyy-mm-dd");
                return 0;
            }
            System.out.printf("Runs of %s (newest first):%n%n", jobFile.name());
            // "Rows rejected": rejects.csv also lists values left out and notes, which are not rows.
            System.out.printf("%-10s  %-7s  %-10s  %-20s  %-9s  %10s  %13s  %s%n", "Period", "Attempt", "Status", "Started",
                    "Took", "Rows read", "Rows rejected", "Outputs");
            for (RunHistory.Run r : runs) {
                var counts = dsl.select(DSL.coalesce(DSL.sum(SOURCE_FILE.ROWS_READ), DSL.inline(java.math.BigDecimal.ZERO)),
                                DSL.coalesce(DSL.sum(SOURCE_FILE.ROWS_REJECTED), DSL.inline(java.math.BigDecimal.ZERO)))
                        .from(RUN_INPUT).join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(RUN_INPUT.SOURCE_FILE_ID))
                        .where(RUN_INPUT.RUN_ID.eq(r.runId())).fetchOne();
                String took = r.started() == null || r.ended() == null ? ""
                        : Durations.words(Duration.between(r.started(), r.ended()));
                Path outputs = Path.of(r.output()).resolve(jobFile.partnershipId()).resolve(String.valueOf(r.period()));
                System.out.printf("%-10s  %-7d  %-10s  %-20s  %-9s  %,10d  %,13d  %s%n",
                        r.period(), r.attempt(), status(r.status()),
                        RunService.when(r.started()), took, counts.value1().longValue(), counts.value2().longValue(),
                        // Only a run that completed wrote outputs; the folder an earlier attempt names is a later one's.
                        r.status() == BatchStatus.COMPLETED && java.nio.file.Files.isDirectory(outputs) ? outputs
                                : "none (the run wrote no outputs)");
            }
            return 0;
        }
    }

    private static String status(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case STARTED, STARTING, STOPPING -> "running?";
            case STOPPED -> "stopped";
            case ABANDONED -> "set aside";
            default -> status.toString().toLowerCase();
        };
    }
}
