package org.neglectscorecard.job;

/**
 * A file saved again between a run's stop and its carrying on: not the file the run listed and
 * began to load. Not a failure to carry on from: the run is set aside, and the same command reads
 * the input folder afresh.
 */
public class FileChangedException extends RunRefusedException {

    public FileChangedException(String message) {
        super(message);
    }
}
