package org.neglectscorecard.job;

/**
 * A run that cannot go ahead as asked, for a reason the person running it can fix. The message is
 * shown to them as it is, without a stack trace.
 */
public class RunRefusedException extends RuntimeException {

    public RunRefusedException(String message) {
        super(message);
    }
}
