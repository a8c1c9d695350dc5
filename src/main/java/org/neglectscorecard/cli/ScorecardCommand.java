package org.neglectscorecard.cli;

import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.job.RunRefusedException;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.store.DatabaseSetup;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command line: the commands a performance officer uses, each explained by --help. */
@Command(name = "neglect-scorecard", mixinStandardHelpOptions = true, version = "neglect-scorecard 0.1",
        scope = CommandLine.ScopeType.INHERIT,   // --help works after every command: 'run --help'
        usageHelpAutoWidth = true,
        subcommands = {RunCommand.class, RerunCommand.class, ValidateCommand.class, HistoryCommand.class, ScheduleCommand.class,
                PurgeCommand.class, AuditCommand.class,
                GenerateSampleCommand.class,
                GenerateNationalCommand.class},
        description = {"Turns the partnership's statutory returns and multi-agency data into the neglect dataset "
                + "(indicators.csv) and scorecard workbook its neglect strategy asks for.", "",
                "Each month: put the month's files in the input folder (check them first with 'validate') and type",
                "  ./scorecard run --period 2026-03-31       (on Windows: scorecard run --period 2026-03-31)", "",
                "Results go to output/<partnership>/<period>/. Type a command followed by --help for what it does "
                + "and its options, for example: run --help"})
public class ScorecardCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ScorecardCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable t = e;
            while (t.getCause() != null && !plain(t)) {
                t = t.getCause();
            }
            if (plain(t)) {
                commandLine.getErr().println(t.getMessage());
                return 2;
            }
            if (RunCommand.STOPPING.get()) {
                return 1;   // stopped (Ctrl-C): what failed is the database closing under the run, and that is said already
            }
            commandLine.getErr().println("Something went wrong that the program did not expect: " + t
                    + "\nDetails are in the log (" + Context.logFile() + "). Running the same command again carries on from where it stopped.");
            return 1;
        });
        return cli;
    }

    /** Problems whose message already says what to do, shown as they are. */
    private static boolean plain(Throwable t) {
        return t instanceof CliException || t instanceof RunRefusedException || t instanceof JobFile.JobFileException
                || t instanceof Catalogue.CatalogueException || t instanceof DatabaseSetup.SchemaOutOfDateException
                || t instanceof Pseudonymiser.KeyException;
    }
}
