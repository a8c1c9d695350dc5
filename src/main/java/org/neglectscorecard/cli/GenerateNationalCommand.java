package org.neglectscorecard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.sample.SampleDataGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** generate-national: a synthetic national-scale extract, for benchmarks only. */
@Command(name = "generate-national", hidden = true, sortOptions = false,
        description = "Write a synthetic national-scale CIN census extract (every LA, one CSV table set with an LEA column) "
                + "for measuring speed and memory. Large: not for committing.")
public class GenerateNationalCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where to write it.")
    Path output;

    @Option(names = "--scale", defaultValue = "5", description = "Caseload scale per LA (5 gives about a million children).")
    double scale;

    @Option(names = "--year", defaultValue = "2025", description = "The census year (ending 31 March).")
    int year;

    @Option(names = "--las", defaultValue = "1000", description = "At most this many LAs.")
    int las;

    @Override
    public Integer call() throws Exception {
        List<String> codes = new LaDirectory().all().stream().filter(la -> la.lastYear() >= 2025)
                .map(LaDirectory.La::code3).distinct().sorted().limit(las).toList();
        Files.createDirectories(output);
        Files.writeString(output.resolve(SampleDataGenerator.MARKER), "Synthetic national-scale extract for benchmarks.\n");
        int children = SampleDataGenerator.generateNational(output.resolve("national"), scale, year, codes);
        System.out.printf("Wrote a national extract: %d LAs, %,d children, to %s%n", codes.size(), children, output);
        return 0;
    }
}
