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
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        return ScorecardCommand.commandLine().execute(args);
    }
}
