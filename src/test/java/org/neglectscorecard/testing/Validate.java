package org.neglectscorecard.testing;

import java.io.IOException;
import java.nio.file.Path;

import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.reference.LaDirectory;

/** What 'validate' finds in an input folder, as the command builds its validator. */
public final class Validate {

    private Validate() {
    }

    public static InputValidator.Report folder(Path input) throws IOException {
        LaDirectory las = new LaDirectory();
        return new InputValidator(new InputScanner(las), las).validate(input);
    }
}
