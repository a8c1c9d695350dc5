package org.neglectscorecard.cli;

import picocli.CommandLine.Command;

/** rerun: the same as run --rerun. */
@Command(name = "rerun", sortOptions = false,
        header = "Run a period again even though it already completed: the same as 'run --rerun'.",
        description = {"Use it when a corrected return arrives after the month's run."})
public class RerunCommand extends RunCommand {

    @Override
    boolean forceRerun() {
        return true;
    }
}
