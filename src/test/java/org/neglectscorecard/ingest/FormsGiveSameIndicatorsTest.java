package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.TestApp;

/**
 * The same children given as CIN census XML, as CSV tables and as the tables in one workbook give
 * byte-identical indicators.csv (INPUTS.md A1/A2). Two years of a synthetic LA with realistic
 * variety: re-referrals, unborn children, several plans per episode, categories that change,
 * plans still open, assessments in progress; and, in the tables, IDs exported as numbers ("500123.0"),
 * and IDs written in small letters in some tables and capitals in others.
 */
class FormsGiveSameIndicatorsTest {

    @TempDir
    Path dir;

    @Test
    void xmlCsvAndWorkbookTablesGiveIdenticalIndicators() throws Exception {
        CensusReturn y2025 = SampleDataGenerator.sampleReturn("821", 2025);
        CensusReturn y2026 = SampleDataGenerator.sampleReturn("821", 2026);
        assertThat(y2026.children()).hasSizeGreaterThan(500);
        assertThat(y2026.numericIds()).isTrue();

        CensusReturnWriter.writeXml(y2025, dir.resolve("xml/a.xml"));
        CensusReturnWriter.writeXml(y2026, dir.resolve("xml/b.xml"));
        CensusReturnWriter.writeCsv(y2025, dir.resolve("csv/2025"));
        CensusReturnWriter.writeCsv(y2026, dir.resolve("csv/2026"));
        CensusReturnWriter.writeXlsx(y2025, dir.resolve("xlsx/a.xlsx"));
        CensusReturnWriter.writeXlsx(y2026, dir.resolve("xlsx/b.xlsx"));
        assertThat(Files.readString(dir.resolve("csv/2026/ChildIdentifiers.csv"))).contains(".0,");

        // The same tables with every LAchildID given letters (no longer a number, so "500123.0" written "500123"), in small
        // letters in two tables and capitals in the rest.
        for (String year : List.of("2025", "2026")) {
            try (var tables = Files.list(dir.resolve("csv/" + year))) {
                for (Path table : tables.toList()) {
                    String name = table.getFileName().toString();
                    String prefix = name.equals("Assessments.csv") || name.equals("ChildProtectionPlans.csv") ? "lut" : "LUT";
                    List<String> lines = Files.readAllLines(table);
                    boolean children = lines.get(0).startsWith("LAchildID,");   // not the header table
                    Path out = dir.resolve("csv-case/" + year + "/" + name);
                    Files.createDirectories(out.getParent());
                    Files.write(out, java.util.stream.Stream.concat(lines.stream().limit(1),
                            lines.stream().skip(1).map(l -> children ? prefix + l.replaceFirst("^(\\d+)\\.0,", "$1,") : l)).toList());
                }
            }
        }

        String xml = indicators("xml");
        String csv = indicators("csv");
        String xlsx = indicators("xlsx");
        assertThat(xml.lines().count()).isGreaterThan(500);
        assertThat(csv).isEqualTo(xml);
        assertThat(xlsx).isEqualTo(xml);
        assertThat(indicators("csv-case")).as("an LAchildID in small letters in two tables is the same child").isEqualTo(xml);
    }

    private String indicators(String form) throws Exception {
        Path job = TestApp.jobFile(dir.resolve("jobs"), "forms-" + form, "luton", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data-" + form))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2026, 3, 31), dir.resolve(form), dir.resolve("out-" + form), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        return Files.readString(dir.resolve("out-" + form + "/luton/2026-03-31/indicators.csv"));
    }
}
