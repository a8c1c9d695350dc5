package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.TestApp;
import org.neglectscorecard.testing.ValidatorTables;

/**
 * Returns written by other people's tools, not by our own generator (src/test/resources/real-formats/,
 * each folder's README names the repository and path): they load without a valid row rejected, and
 * the figures are the ones counted by hand from the file.
 */
class RealFilesTest {

    private static final Path REAL = Path.of("src/test/resources/real-formats");

    @TempDir
    Path dir;

    /**
     * Data to Insight's SSDA903 validator test data writes DEC as a spreadsheet's short date
     * (24/04/17) beside DECOM as dd/mm/yyyy. Counted by hand: in the year to 31 March 2017 three
     * children started to be looked after (RNE S, short breaks V3/V4 left out), two of them for
     * abuse or neglect (839646 and 408489); their episodes all have a two-digit-year DEC.
     */
    @Test
    void dataToInsightsSsda903TestDataWithTwoDigitYearEndDates() throws Exception {
        Path input = dir.resolve("input");
        copy(REAL.resolve("csc-validator-be-903"), input.resolve("821/903"));
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                name: d2i-903
                partnership:
                  id: p
                  name: Test partnership
                  members: [821]
                files:
                  - path: 821/903
                    full-history: true
                """);
        IndicatorsFile out = run(job, LocalDate.of(2018, 3, 31), input);
        String rejects = Files.readString(dir.resolve("out/p/2018-03-31/rejects.csv"));
        assertThat(rejects).doesNotContain("row rejected").doesNotContain(",DEC,");
        assertThat(out.value("CLA_START", "E06000032", "2017-03-31")).isEqualTo("3");
        assertThat(out.value("CLA_START_N1", "E06000032", "2017-03-31")).isEqualTo("2");
        assertThat(out.value("CLA_START", "E06000032", "2018-03-31")).isEqualTo("3");
        assertThat(out.value("CLA_START_N1", "E06000032", "2018-03-31")).isEqualTo("0");
    }

    /**
     * liia-tools' merged episodes name each row's LA in an LA column, by name. Counted by hand:
     * starts in the year to 31 March 2018 were two in Barking and Dagenham (both N1).
     */
    @Test
    void liiaToolsMergedEpisodesNameTheirLas() throws Exception {
        Path input = dir.resolve("input");
        copy(REAL.resolve("liia-tools-ssda903-merged"), input.resolve("london"));
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                name: liia-903
                partnership:
                  id: p
                  name: Test partnership
                  members: [301, 316, 319]
                files:
                  - path: london
                    full-history: true
                """);
        IndicatorsFile out = run(job, LocalDate.of(2022, 10, 31), input);
        String rejects = Files.readString(dir.resolve("out/p/2022-10-31/rejects.csv"));
        assertThat(rejects).doesNotContain("row rejected");
        assertThat(out.value("CLA_START", "E09000002", "2018-03-31")).isEqualTo("2");
        assertThat(out.value("CLA_START_N1", "E09000002", "2018-03-31")).isEqualTo("2");
        // RULE3_BAD started twice in September 2016: one child, counted once.
        assertThat(out.value("CLA_START", "E09000002", "2017-03-31")).isEqualTo("1");
        // Newham's and Sutton's rows are theirs (their data starts too late for a 12-month figure).
        String summary = Files.readString(dir.resolve("out/p/2022-10-31/run-summary.txt"));
        assertThat(summary).contains("21 loaded").contains("as at 2018-03-31").contains("2023-03-31");
    }

    /**
     * Data to Insight's CIN validator turns the census XML into tables its own way (a pandas index
     * column first; ChildCharacteristics with the ethnicity only and a Disabilities table of one
     * code a row; each assessment once per factor; a Reviews table): the same children give the
     * same figures as the XML, breakdowns by disability included, and no table is "not used".
     */
    @Test
    void theCinValidatorsTablesGiveTheFiguresOfTheXml() throws Exception {
        CensusReturn census = SampleDataGenerator.sampleReturn("821", 2026);
        Path xml = CensusReturnWriter.writeXml(census, dir.resolve("xml/821/census.xml"));
        ValidatorTables.write(xml, dir.resolve("validator/821/cin"));
        assertThat(Files.readString(dir.resolve("validator/821/cin/Disabilities.csv"))).startsWith(",LAchildID,Disability\n0,");
        Path job = TestApp.jobFile(dir, "cin-forms", "p", List.of("821"));
        LocalDate period = LocalDate.of(2026, 3, 31);
        String fromXml = Files.readString(runIn(job, period, "xml").resolve("indicators.csv"));
        Path validator = runIn(job, period, "validator");
        assertThat(fromXml).contains("disability=Disabled");
        assertThat(Files.readString(validator.resolve("indicators.csv"))).isEqualTo(fromXml);
        assertThat(Files.readString(validator.resolve("run-summary.txt"))).doesNotContain("not used");
    }

    private Path runIn(Path job, LocalDate period, String form) {
        try (TestApp app = TestApp.start(dir.resolve("data-" + form))) {
            RunService.RunResult r = app.run(job, period, dir.resolve(form), dir.resolve("out-" + form), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        return dir.resolve("out-" + form + "/p/" + period);
    }

    private IndicatorsFile run(Path job, LocalDate period, Path input) throws IOException {
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, period, input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        return IndicatorsFile.read(dir.resolve("out/p/" + period + "/indicators.csv"));
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
