package org.neglectscorecard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.scorecard.OutputFolder;
import org.neglectscorecard.scorecard.OutputWriter;
import org.neglectscorecard.scorecard.RunSummary;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** run: this month's scorecard from the files in the input folder. */
@Command(name = "run", sortOptions = false,
        header = "Load this month's files and produce the scorecard and dataset for the period.",
        description = {"Asked for "
                + "again for the same period, it is refused (it already completed) unless you add --rerun; if a run "
                + "failed or was stopped part-way, the same command carries on from where it stopped."},
        exitCodeListHeading = "%nExit codes (for a script or scheduler):%n",
        exitCodeList = {"0:the scorecard was written",
                "1:the run did not finish: the message says why, and the same command carries on",
                "2:the run was refused (the period already completed, a setting or file is wrong): the message says what to do",
                "3:the run finished, but no input gave a single figure: no scorecard, only run-summary.txt and rejects.csv "
                        + "saying what to fix"})
public class RunCommand implements Callable<Integer> {

    /** Set as the program stops part-way (Ctrl-C): the failures that follow are the stop's, said once as such. */
    static final java.util.concurrent.atomic.AtomicBoolean STOPPING = new java.util.concurrent.atomic.AtomicBoolean();

    /** The exit code of a run that finished but wrote no scorecard, because no input gave a figure. */
    static final int NO_SCORECARD = 3;

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM-dd",
            description = "The month end to report, e.g. 2026-03-31 (the last day of a month).")
    String period;

    @Option(names = "--input", paramLabel = "DIR", description = "The folder holding the files to load "
            + "(default: the job file's 'input', else sample-data).")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Where the results go: a folder per partnership and "
            + "period inside it (default: the job file's 'output', else output).")
    Path output;

    @Option(names = "--job", paramLabel = "FILE", defaultValue = "jobs/monthly-scorecard.yml",
            description = "The job file naming the partnership and its LAs (default: ${DEFAULT-VALUE}).")
    Path job;

    @Option(names = "--rerun", description = "Run a period again even though it already completed "
            + "(for example after a corrected return arrives).")
    boolean rerun;

    @Mixin
    DataDirs dataDir = new DataDirs();

    boolean forceRerun() {
        return rerun;
    }

    @Override
    public Integer call() {
        LocalDate when;
        try {
            when = LocalDate.parse(period);
        } catch (DateTimeParseException e) {
            throw new CliException("--period '" + period + "' is not a date: write it as yyyy-mm-dd, e.g. 2026-03-31.");
        }
        JobFile jobFile = JobFile.load(job);
        Path in = input != null ? input : Path.of(jobFile.requireInput());
        Path out = output != null ? output : Path.of(jobFile.output());
        Path data = dataDir.choose(in);
        try (ConfigurableApplicationContext context = Context.start(data, Map.of())) {
            RunService runs = context.getBean(RunService.class);
            // Stopped with Ctrl-C (or by a scheduler's time limit) the program ended without a word: the person
            // running it did not know whether anything was lost or what to do next.
            Thread stopped = new Thread(() -> {
                STOPPING.set(true);
                System.err.printf("%nStopped before the run finished. Nothing already loaded is lost: run the same command "
                        + "again to carry on from where it stopped.%n");
            }, "stopped-message");
            Runtime.getRuntime().addShutdownHook(stopped);
            RunService.RunResult result;
            try {
                result = runs.run(new RunService.RunRequest(jobFile, when, in, out, forceRerun()));
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopped);
                } catch (IllegalStateException shuttingDown) {
                    // already stopping: the message is on its way
                }
            }
            if (!result.ok()) {
                System.err.println();
                System.err.println("The run did not finish: " + result.message());
                return 1;
            }
            Path summary = result.outputFolder().resolve(OutputWriter.SUMMARY);
            System.out.println();
            System.out.print(Files.exists(summary) ? RunSummary.forConsole(Files.readString(summary)) : "");
            List<Path> replaced = OutputFolder.replaced(result.outputFolder());
            if (!replaced.isEmpty()) {
                System.out.printf("%nEarlier outputs of this period (what a board paper may have used) are kept in %s%n",
                        replaced.get(replaced.size() - 1));
            }
            System.out.printf("%nFinished in %s.%n", Durations.words(result.took()));
            // Not success to a scheduler or script: there is no scorecard to send anyone.
            return OutputWriter.scorecardWritten(result.outputFolder()) ? 0 : NO_SCORECARD;
        } catch (java.io.IOException e) {
            throw new CliException("The run summary could not be read: " + e.getMessage());
        }
    }
}
