package org.neglectscorecard;

import org.neglectscorecard.cli.ScorecardCommand;

import picocli.CommandLine;

/** The command line: java -jar target/neglect-scorecard.jar COMMAND [options]. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
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
