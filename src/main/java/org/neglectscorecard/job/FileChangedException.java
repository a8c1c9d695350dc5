package org.neglectscorecard.job;

/** A file saved again between a run's stop and its carrying on: not the file the run listed and began to load. */
public class FileChangedException extends RunSetAsideException {

    public FileChangedException(String message) {
        super(message);
    }
}
