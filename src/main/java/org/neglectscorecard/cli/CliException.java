package org.neglectscorecard.cli;

/** A command that cannot be carried out as typed; the message says what to type instead. */
class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
