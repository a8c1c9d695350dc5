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

    /** One CSV file, {@code name}.csv in the folder {@code folder} ("821", "partnership") of an input of its own under dir. */
    public static InputValidator.Report csv(Path dir, String name, String folder, String csv) throws IOException {
        Path input = dir.resolve(name + "/" + folder);
        java.nio.file.Files.createDirectories(input);
        java.nio.file.Files.writeString(input.resolve(name + ".csv"), csv);
        return folder(dir.resolve(name));
    }
}
