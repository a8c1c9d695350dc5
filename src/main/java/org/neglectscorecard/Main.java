package org.neglectscorecard;

import org.neglectscorecard.cli.ScorecardCommand;

import picocli.CommandLine;

/** The command line: java -jar target/neglect-scorecard.jar COMMAND [options]. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit = run(args);
        sayClassArchive();
        System.exit(exit);
    }

    /**
     * Started by ./scorecard to keep its classes (the first run after a build), Java writes them
     * out as it exits, which takes a while with nobody told why: the prompt would come back many
     * seconds after 'Finished', and someone might think the run had hung.
     */
    private static void sayClassArchive() {
        boolean keeping = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
        if (keeping) {
            System.out.println("Keeping the program's classes so that later commands start sooner (once after each build:"
                    + " this can take half a minute)...");
            System.out.flush();
        }
    }

    public static int run(String... args) {
        quietConsole();
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        org.neglectscorecard.cli.WarmUp.forCommand(args);
        return ScorecardCommand.commandLine().execute(args);
    }

    /**
     * The console is the command line's. Until a command starts the application (whose settings
     * send the log to data/logs/ and nothing to the console), logging has no console either: a
     * library's warning (POI's about a damaged zip it is reading) would otherwise reach the person
     * running 'validate', who can do nothing with it.
     */
    private static void quietConsole() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }
}
