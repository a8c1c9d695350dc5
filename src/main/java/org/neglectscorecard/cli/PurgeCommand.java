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
                + "Use --dry-run first to see what would go. Typed at a terminal, it says what it would delete and asks "
                + "before deleting; scheduled (no terminal to ask at), it deletes only with --yes. Every purge is recorded "
                + "in the audit log."})
public class PurgeCommand implements Callable<Integer> {

    @Option(names = "--job", paramLabel = "FILE", defaultValue = "jobs/monthly-scorecard.yml",
            description = "The job file with the retention period (default: ${DEFAULT-VALUE}).")
    Path job;

    @Option(names = "--dry-run", description = "Say what would be deleted, and delete nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Delete without asking first (for a scheduled purge, with no one to ask).")
    boolean yes;

    @Mixin
    DataDirs dataDir = new DataDirs();

    @Override
    public Integer call() {
        JobFile jobFile = JobFile.load(job);
        LocalDate cutoff = LocalDate.now().minusYears(jobFile.retentionYears());
        try (ConfigurableApplicationContext context = Context.start(dataDir.choose(Path.of(jobFile.input())), Map.of())) {
            Purge purge = context.getBean(Purge.class);
            Purge.Result would = purge.olderThan(cutoff, true);
            if (would.rows() == 0) {
                // Nothing changed, and nothing recorded: a purge of nothing is no purge (AuditLog.purgedBefore).
                System.out.println("Nothing to delete: no child-level rows are dated before " + cutoff + ".");
                return 0;
            }
            // Deleting children's records cannot be undone: the person says so, having seen what would go.
            if (!dryRun && !yes && !confirmed(would, cutoff)) {
                System.out.println("Nothing was deleted.");
                return 0;
            }
            Purge.Result r = dryRun ? would : purge.olderThan(cutoff, false);
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

    /** Asks at the terminal; with none (a scheduled task, a script), refuses: --yes says it was meant. */
    private static boolean confirmed(Purge.Result would, LocalDate cutoff) {
        java.io.Console console = System.console();
        String what = would.rows() + " child-level rows dated before " + cutoff + ", from " + would.files().size()
                + (would.files().size() == 1 ? " file" : " files");
        if (console == null) {
            throw new CliException("purge would delete " + what + ", and this cannot be undone. Nothing was deleted: with no "
                    + "terminal to ask at, it deletes only when told to with --yes (as a scheduled purge is). "
                    + "'purge --dry-run' lists what would go.");
        }
        console.printf("This deletes %s:%n", what);
        would.files().forEach(f -> console.printf("  %s%n", f));
        console.printf("It cannot be undone. The scorecards already written are kept, but a run after this has no figures for%n"
                + "the months that would count these rows (the trend before %s is left blank).%n", cutoff);
        String answer = console.readLine("Type yes (in full) to delete: ");
        boolean yes = answer != null && answer.strip().equalsIgnoreCase("yes");
        if (!yes && answer != null && answer.strip().toLowerCase(java.util.Locale.UK).startsWith("y")) {
            console.printf("Only 'yes' in full deletes.%n");
        }
        return yes;
    }
}
