package org.neglectscorecard.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.neglectscorecard.job.CheckInputsTasklet;

/**
 * Where the embedded database lives unless --data-dir says: data/, or data/sample/ when the input
 * is the synthetic sample, so trying the sample never mixes with a partnership's real data (which
 * would be refused anyway: it is pseudonymised with a different key).
 */
final class DataDirs {

    private DataDirs() {
    }

    static Path choose(Path given, Path input) {
        if (given != null) {
            return given;
        }
        return Files.exists(input.resolve(CheckInputsTasklet.SAMPLE_MARKER)) ? Path.of("data", "sample") : Path.of("data");
    }
}
