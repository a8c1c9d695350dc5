package org.neglectscorecard.cli;

import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.job.RunHistory;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.scorecard.OutputFolder;
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
            Map<Long, String> where = outputsNow(runs, jobFile.partnershipId());
            for (RunHistory.Run r : runs) {
                var counts = dsl.select(DSL.coalesce(DSL.sum(SOURCE_FILE.ROWS_READ), DSL.inline(java.math.BigDecimal.ZERO)),
                                DSL.coalesce(DSL.sum(SOURCE_FILE.ROWS_REJECTED), DSL.inline(java.math.BigDecimal.ZERO)))
                        .from(RUN_INPUT).join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(RUN_INPUT.SOURCE_FILE_ID))
                        .where(RUN_INPUT.RUN_ID.eq(r.runId())).fetchOne();
                String took = r.started() == null || r.ended() == null ? ""
                        : Durations.words(Duration.between(r.started(), r.ended()));
                System.out.printf("%-10s  %-7d  %-10s  %-20s  %-9s  %,10d  %,13d  %s%n",
                        r.period(), r.attempt(), status(r.status()),
                        RunService.when(r.started()), took, counts.value1().longValue(), counts.value2().longValue(),
                        where.get(r.runId()));
            }
            return 0;
        }
    }

    /**
     * Where each run's outputs are now. Only a run that completed wrote any; of the completed runs
     * writing one folder, the latest is in it, and each earlier one's were kept beside it when the
     * next replaced them ({@code 2026-03-31-replaced-...}, oldest first), so a scrutineer comparing
     * two attempts can find what each wrote.
     */
    static Map<Long, String> outputsNow(List<RunHistory.Run> runs, String partnershipId) {
        Map<Long, String> out = new java.util.HashMap<>();
        Map<Path, List<RunHistory.Run>> byFolder = new java.util.LinkedHashMap<>();
        for (RunHistory.Run r : runs) {
            if (r.status() != BatchStatus.COMPLETED) {
                out.put(r.runId(), "none (the run wrote no outputs)");
            } else {
                byFolder.computeIfAbsent(Path.of(r.output()).resolve(partnershipId).resolve(String.valueOf(r.period())),
                        f -> new ArrayList<>()).add(r);
            }
        }
        byFolder.forEach((folder, written) -> {
            List<RunHistory.Run> oldestFirst = new ArrayList<>(written);
            oldestFirst.sort(java.util.Comparator.comparing(RunHistory.Run::started, java.util.Comparator.nullsFirst(
                    java.util.Comparator.naturalOrder())).thenComparing(RunHistory.Run::runId));
            RunHistory.Run latest = oldestFirst.remove(oldestFirst.size() - 1);
            out.put(latest.runId(), java.nio.file.Files.isDirectory(folder) ? folder.toString()
                    : "none left: " + folder + " has been moved or deleted");
            List<Path> kept;
            try {
                kept = OutputFolder.replaced(folder);
            } catch (java.io.IOException e) {
                kept = List.of();
            }
            // Kept copies, oldest first, are the replaced runs' in order; the newest of them when some were deleted.
            int offset = kept.size() - oldestFirst.size();
            for (int i = 0; i < oldestFirst.size(); i++) {
                RunHistory.Run r = oldestFirst.get(i);
                int copy = offset + i;
                out.put(r.runId(), copy >= 0 ? kept.get(copy) + " (replaced by a later run)"
                        : "replaced by attempt " + latest.attempt() + "'s in " + folder + "; no copy of its own was kept");
            }
        });
        return out;
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
