package org.neglectscorecard.ingest;

/**
 * A file that cannot be read at all (corrupt, encrypted, not what it seems, hostile). The whole
 * file is rejected and nothing from it is kept; the message says what to do, in plain words.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
