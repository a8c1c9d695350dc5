package org.neglectscorecard.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.store.AuditLog;
import org.neglectscorecard.store.Purge;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** purge: deletes child-level data older than the job's retention period. */
@Command(name = "purge", sortOptions = false,
        header = "Delete child-level data older than the job file's retention period (try --dry-run first).",
        description = {"Delete child-level data older than the retention period in the job file ('retention-years', 7 if "
                + "not set): returns dated before it, and rows of the multi-agency logs (training, audits, early help, "
                + "appointments, GCP2, feedback) dated before it. The indicators already computed from it are kept. "
                + "Use --dry-run first to see what would go. Every purge is recorded in the audit log."})
public class PurgeCommand implements Callable<Integer> {

    @Option(names = "--job", paramLabel = "FILE", defaultValue = "jobs/monthly-scorecard.yml",
            description = "The job file with the retention period (default: ${DEFAULT-VALUE}).")
    Path job;

    @Option(names = "--dry-run", description = "Say what would be deleted, and delete nothing.")
    boolean dryRun;

    @Mixin
    DataDirs dataDir = new DataDirs();

    @Override
    public Integer call() {
        JobFile jobFile = JobFile.load(job);
        LocalDate cutoff = LocalDate.now().minusYears(jobFile.retentionYears());
        try (ConfigurableApplicationContext context = Context.start(dataDir.choose(Path.of(jobFile.input())), Map.of())) {
            Purge.Result r = context.getBean(Purge.class).olderThan(cutoff, dryRun);
            String what = r.rows() + " child-level rows dated before " + cutoff + " (" + r.returns()
                    + " whole returns, and older rows of the multi-agency logs)";
            if (!dryRun) {
                // Its period is the cut-off, and "deleted 0 ..." marks one that deleted nothing: AuditLog.purgedBefore reads both.
                context.getBean(AuditLog.class).record("PURGE", jobFile.name(), cutoff, null,
                        "deleted " + what + " from: " + String.join(", ", r.files()));
            }
            System.out.println((dryRun ? "Would delete " : "Deleted ") + what + ".");
            r.files().forEach(f -> System.out.println("  " + f));
            return 0;
        }
    }
}
