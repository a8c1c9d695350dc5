package org.neglectscorecard.cli;

import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.job.RunContext;
import org.neglectscorecard.job.RunService;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

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
        try (ConfigurableApplicationContext context = Context.start(data, Map.of())) {
            List<RunService.Attempt> attempts = context.getBean(RunService.class).attempts(jobFile.name(), null);
            DSLContext dsl = context.getBean(DSLContext.class);
            if (attempts.isEmpty()) {
                System.out.println("No runs of " + jobFile.name() + " yet. Start one with: run --period yyyy-mm-dd");
                return 0;
            }
            System.out.printf("Runs of %s (newest first):%n%n", jobFile.name());
            System.out.printf("%-10s  %-7s  %-10s  %-20s  %-9s  %10s  %9s  %s%n", "Period", "Attempt", "Status", "Started",
                    "Took", "Rows read", "Rejected", "Outputs");
            for (RunService.Attempt a : attempts) {
                JobExecution e = a.last();
                var counts = dsl.select(DSL.coalesce(DSL.sum(SOURCE_FILE.ROWS_READ), DSL.inline(java.math.BigDecimal.ZERO)),
                                DSL.coalesce(DSL.sum(SOURCE_FILE.ROWS_REJECTED), DSL.inline(java.math.BigDecimal.ZERO)))
                        .from(RUN_INPUT).join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(RUN_INPUT.SOURCE_FILE_ID))
                        .where(RUN_INPUT.RUN_ID.eq(a.instance().getInstanceId())).fetchOne();
                String took = e.getStartTime() == null || e.getEndTime() == null ? ""
                        : Durations.words(Duration.between(e.getStartTime(), e.getEndTime()));
                Path outputs = Path.of(e.getJobParameters().getString(RunContext.OUTPUT)).resolve(jobFile.partnershipId())
                        .resolve(String.valueOf(e.getJobParameters().getLocalDate(RunContext.PERIOD)));
                System.out.printf("%-10s  %-7d  %-10s  %-20s  %-9s  %,10d  %,9d  %s%n",
                        e.getJobParameters().getLocalDate(RunContext.PERIOD), a.attempt(), status(e),
                        RunService.when(e.getStartTime()), took, counts.value1().longValue(), counts.value2().longValue(),
                        outputs);
            }
            return 0;
        }
    }

    private static String status(JobExecution e) {
        return switch (e.getStatus()) {
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case STARTED, STARTING, STOPPING -> "running?";
            case STOPPED -> "stopped";
            case ABANDONED -> "abandoned";
            default -> e.getStatus().toString().toLowerCase();
        };
    }
}
