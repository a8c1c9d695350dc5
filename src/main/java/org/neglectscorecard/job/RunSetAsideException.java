package org.neglectscorecard.job;

/**
 * A refusal found part-way through a run that is not a failure to carry on from (a month no file
 * reaches, a file saved again since the run listed it): the run is set aside, and the same
 * command reads the input folder afresh.
 */
public class RunSetAsideException extends RunRefusedException {

    public RunSetAsideException(String message) {
        super(message);
    }
}
