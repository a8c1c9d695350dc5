package org.neglectscorecard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.job.MonthlyScheduler;
import org.neglectscorecard.job.Progress;
import org.neglectscorecard.job.RunService;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** schedule: runs the jobs in jobs/ when they are due, unattended. */
@Command(name = "schedule", sortOptions = false,
        header = "Keep running, and run each job in the jobs folder when its schedule says.",
        description = {"Keep running and start each job in the jobs folder when its schedule says (each job file's "
                + "'schedule:'), for the month just ended. Jobs never run at the same time. A run missed while the "
                + "machine was off is caught up when this starts. Leave it running (for example as a service); "
                + "'history', 'run' and 'validate' still work from another terminal. Stop it with Ctrl+C."})
public class ScheduleCommand implements Callable<Integer> {

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "jobs",
            description = "The folder of job files (default: ${DEFAULT-VALUE}).")
    Path jobs;

    @Mixin
    DataDirs dataDir = new DataDirs();

    @Option(names = "--stop-after", hidden = true, defaultValue = "0", description = "Stop after this many runs (tests).")
    int stopAfter;

    /**
     * The job files that can be scheduled, each other one said with what to mend: one partnership's typo
     * stopped the scheduler for every job. A scheduled run has no --input, so each must name its folder.
     */
    static List<JobFile> schedulable(List<Path> paths, java.io.PrintStream err) {
        List<JobFile> out = new java.util.ArrayList<>();
        for (Path p : paths) {
            try {
                JobFile job = JobFile.load(p);
                job.requireInput();
                out.add(job);
            } catch (JobFile.JobFileException e) {
                err.println("Not scheduled: " + e.getMessage());
            }
        }
        return out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(jobs)) {
            throw new CliException("The jobs folder " + jobs + " does not exist.");
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(jobs)) {
            paths = list.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        if (paths.isEmpty()) {
            throw new CliException("There are no job files (*.yml) in " + jobs + ".");
        }
        List<JobFile> files = schedulable(paths, System.err);
        if (files.isEmpty()) {
            throw new CliException("None of the job files in " + jobs + " can be scheduled: what to mend in each is said above.");
        }
        Path data = dataDir.choose(Path.of(files.get(0).input()));
        try (ConfigurableApplicationContext context = Context.start(data, Map.of())) {
            Progress progress = context.getBean(Progress.class);
            MonthlyScheduler scheduler = new MonthlyScheduler(context.getBean(RunService.class), progress, Clock.systemDefaultZone());
            List<MonthlyScheduler.Scheduled> scheduled = scheduler.scheduled(files);
            if (scheduled.isEmpty()) {
                throw new CliException("None of the job files in " + jobs + " has a 'schedule:'.");
            }
            progress.say("Scheduler started with " + scheduled.size() + (scheduled.size() == 1 ? " job" : " jobs") + ".");
            int caughtUp = scheduler.catchUp(scheduled);
            if (stopAfter > 0 && caughtUp >= stopAfter) {
                return 0;
            }
            scheduler.runForever(scheduled, stopAfter > 0 ? stopAfter - caughtUp : 0);
        }
        return 0;
    }
}
