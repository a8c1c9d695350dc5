package org.neglectscorecard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.store.AuditLog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** audit: the record of who ran what, when, on which files. */
@Command(name = "audit", sortOptions = false,
        header = "Show the audit log: every run and purge, who, when, which files, what was written.",
        description = "Each entry gives the user and machine, the time, the files read (by their SHA-256 checksum) and "
                + "the files written, so anyone can check later what a scorecard was made from.")
public class AuditCommand implements Callable<Integer> {

    @Option(names = "--job", paramLabel = "FILE", defaultValue = "jobs/monthly-scorecard.yml",
            description = "The job file (default: ${DEFAULT-VALUE}).")
    Path job;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "How many entries (default: ${DEFAULT-VALUE}).")
    int last;

    @Mixin
    DataDirs dataDir = new DataDirs();

    @Override
    public Integer call() {
        JobFile jobFile = JobFile.load(job);
        try (QuickDatabase database = QuickDatabase.open(dataDir.choose(Path.of(jobFile.input())))) {
            for (AuditLog.Entry e : new AuditLog(database.dsl()).latest(last)) {
                System.out.printf("%s  %-14s %-20s %-10s by %s on %s%n", e.at(), e.event(), e.jobName() == null ? "" : e.jobName(),
                        e.period() == null ? "" : e.period(), e.user(), e.host());
                if (e.details() != null) {
                    e.details().lines().forEach(l -> System.out.println("      " + l));
                }
            }
            return 0;
        }
    }
}
