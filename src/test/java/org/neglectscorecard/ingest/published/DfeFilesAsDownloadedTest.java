package org.neglectscorecard.ingest.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.table.CsvTableReader;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.testing.Validate;

/**
 * Two of DfE's files that look alike: ONS population (with {@code age_group}) and looked-after
 * numbers and rates (a {@code population_estimate} column but no {@code age_group}). Each must be
 * taken for what it is, and the population file's {@code x} for an LA that no longer existed must
 * be passed over as "no estimate", neither rejected nor read as zero.
 */
class DfeFilesAsDownloadedTest {

    @TempDir
    Path dir;

    @Test
    void populationAndClaRatesAreToldApartAndLoadWithoutRejections() throws Exception {
        String population = "excerpt-ons_mid-year_population_estimates_2012_to_2024.csv";
        String claRates = "excerpt-cla_number_and_rate_per_10k_children.csv";
        for (String f : List.of(population, claRates)) {
            Files.copy(Path.of("src/test/resources/dfe").resolve(f), dir.resolve(f));
        }
        LaDirectory las = new LaDirectory();
        List<InputScanner.InputFile> found = new InputScanner(las).scan(dir);
        assertThat(found).allSatisfy(f -> assertThat(f.format()).isEqualTo(Format.REFERENCE));
        assertThat(found.stream().filter(f -> f.displayName().equals(population)).findFirst().orElseThrow().tables())
                .containsOnlyKeys(ReferenceTable.POPULATION.name());
        assertThat(found.stream().filter(f -> f.displayName().equals(claRates)).findFirst().orElseThrow().tables())
                .containsOnlyKeys(ReferenceTable.DFE_PUBLISHED.name());

        InputValidator.Report report = Validate.folder(dir);
        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).allSatisfy(f -> assertThat(f.rowsRejected()).isZero());
    }

    /** ONS's own table (a column per year of age) is not read, and is said to be population, with the layout that is. */
    @Test
    void onsOwnPopulationTableIsSaidWithTheLayoutTheProgramReads() throws Exception {
        StringBuilder ons = new StringBuilder("Mid-year population estimates, England and Wales, mid-2024\n\nCode,Name,Geography,All ages");
        for (int age = 0; age <= 90; age++) {
            ons.append(',').append(age);
        }
        ons.append("\nE06000055,Bedford,Unitary Authority,190000").append(",2100".repeat(91)).append('\n');
        Files.writeString(dir.resolve("mye24tablesew.csv"), ons);
        List<InputScanner.InputFile> found = new InputScanner(new LaDirectory()).scan(dir);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.format()).isEqualTo(Format.NOT_RECOGNISED);
            assertThat(f.problem()).contains("It looks like a table of population estimates: the program reads them in DfE's layout")
                    .contains("age_group (0 to 17)");
        });
    }

    @Test
    void aPopulationSymbolIsNoEstimateNotZero() throws Exception {
        ReferenceRowProcessor processor = new ReferenceRowProcessor("ons.csv", new LaDirectory());
        Path f = dir.resolve("ons.csv");
        Files.copy(Path.of("src/test/resources/dfe/excerpt-ons_mid-year_population_estimates_2012_to_2024.csv"), f);
        List<String> lines = Files.readAllLines(f);
        assertThat(lines.get(3)).contains("Bournemouth").endsWith(",x");
        // Bedford's row gives its children; Bournemouth's 'x' gives nothing at all.
        try (CsvTableReader reader = new CsvTableReader(f, ReferenceTable.POPULATION.title(), StandardCharsets.UTF_8)) {
            SourceRow bedford = next(reader);
            next(reader);
            SourceRow bournemouth = next(reader);
            assertThat(processor.process(bedford).record()).isEqualTo(
                    new ReferenceRecord.Population("E06000055", 2024, 44483, null, bedford.rowNumber()));
            assertThat(processor.process(bournemouth)).isNull();
        }
    }

    /** A DfE file opened and saved again in Excel writes its counts "64,390": a figure, not a filter, and never a blank. */
    @Test
    void countsWithThousandsSeparatorsAreFigures() throws Exception {
        Path f = dir.resolve("d4_cpps_at31march_by_category_of_abuse_2013_to_2022.csv");
        Files.writeString(f, "\uFEFFtime_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
                + "old_la_code,new_la_code,la_name,CPP_At31,Neglect_Initial\r\n"
                + "2022,Reporting year,National,E92000001,England,,,,,,\"50,920\",\"25,467\"\r\n"
                + "2022,Reporting year,Local authority,E92000001,England,E12000006,East of England,821,E06000032,Luton,297,131\r\n");
        ReferenceRowProcessor processor = new ReferenceRowProcessor(f.getFileName().toString(), new LaDirectory());
        try (CsvTableReader reader = new CsvTableReader(f, ReferenceTable.DFE_PUBLISHED.title(), StandardCharsets.UTF_8)) {
            ReferenceRecord.DfeRow england = (ReferenceRecord.DfeRow) processor.process(next(reader)).record();
            assertThat(england.filters()).isEmpty();
            assertThat(england.cells()).extracting(ReferenceRecord.Cell::column, c -> c.value().intValueExact())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CPP_At31", 50920),
                            org.assertj.core.groups.Tuple.tuple("Neglect_Initial", 25467));
        }
        assertThat(Validate.folder(dir).problems()).isEmpty();
    }

    /** A groupings file kept with the neighbours' names in place of their codes is read as their codes; a name no LA has is said. */
    @Test
    void neighboursGivenByNameAreTheirCodes() throws Exception {
        Path f = dir.resolve("my_neighbours.csv");
        Files.writeString(f, "LA num,LA Name,SN1,SN2,SN3,SN4\n821,Luton,Bedford Borough,Milton Keynes,Nowhere Town,Peterborough\n");
        ReferenceRowProcessor processor = new ReferenceRowProcessor(f.getFileName().toString(), new LaDirectory());
        try (CsvTableReader reader = new CsvTableReader(f, ReferenceTable.STAT_NEIGHBOURS.title(), StandardCharsets.UTF_8)) {
            SourceRow row = next(reader);
            assertThat(ReferenceRowProcessor.passedOver(row)).isFalse();
            var parsed = processor.process(row);
            assertThat(parsed.record()).isEqualTo(new ReferenceRecord.Neighbours("821", List.of("822", "826", "874"), row.rowNumber()));
            assertThat(parsed.valuesIgnored()).singleElement().satisfies(r -> assertThat(r.reason()).contains("'Nowhere Town' is not an LA's code or name"));
        }
    }

    private static SourceRow next(CsvTableReader reader) {
        String[] values = reader.next();
        return new SourceRow(reader.header(), reader.rowNumber(), values, null);
    }
}
