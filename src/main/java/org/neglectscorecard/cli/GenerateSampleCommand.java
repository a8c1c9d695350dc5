package org.neglectscorecard.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.neglectscorecard.sample.SampleDataGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** generate-sample: writes the synthetic sample partnership's returns. */
@Command(name = "generate-sample", sortOptions = false,
        header = "Write the synthetic sample data (sample-data/) for trying the program out.",
        description = {"Write synthetic inputs for a sample partnership of three LAs over six census years, in every "
                + "form the program reads (CIN census XML, CSV and workbook tables, Annex A, SSDA903, the multi-agency "
                + "templates filled in), for trying the program out. No row describes a real child. The same files "
                + "come out every time."})
public class GenerateSampleCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "sample-data",
            description = "Where to write them (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new SampleDataGenerator().generate(output);
        System.out.println("Wrote " + files.size() + " synthetic returns to " + output);
        return 0;
    }
}
