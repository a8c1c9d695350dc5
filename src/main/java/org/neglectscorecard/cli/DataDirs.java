package org.neglectscorecard.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.neglectscorecard.job.CheckInputsTasklet;

import picocli.CommandLine.Option;

/**
 * The --data-dir option every command that opens the database shares. Unless it is given, the
 * embedded database lives in data/, or data/sample/ when the input is the synthetic sample, so
 * trying the sample never mixes with a partnership's real data (which would be refused anyway: it
 * is pseudonymised with a different key).
 */
final class DataDirs {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded database is kept (default: data, "
            + "or data/sample for the synthetic sample data). Ignored when SPRING_DATASOURCE_URL names a shared database.")
    Path given;

    Path choose(Path input) {
        if (given != null) {
            return given;
        }
        return Files.exists(input.resolve(CheckInputsTasklet.SAMPLE_MARKER)) ? Path.of("data", "sample") : Path.of("data");
    }
}
