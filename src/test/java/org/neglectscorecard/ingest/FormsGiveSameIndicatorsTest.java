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
            copyTables("csv/" + year, "csv-case/" + year, (table, l) -> (table.equals("Assessments.csv")
                    || table.equals("ChildProtectionPlans.csv") ? "lut" : "LUT") + l.replaceFirst("^(\\d+)\\.0,", "$1,"));
        }
        // The next year's tables from another system: the same children under new LAchildIDs.
        // ... and the year before with three plans' InitialCategoryOfAbuse left blank.
        int[] blanked = {0};
        copyTables("csv/2025", "csv-rekeyed/2025", (table, l) -> !table.equals("ChildProtectionPlans.csv") || blanked[0]++ >= 3 ? l
                : l.replaceFirst("^((?:[^,]*,){4})[^,]*", "$1"));
        copyTables("csv/2026", "csv-rekeyed/2026", (table, l) -> "NEW" + l.replaceFirst("^(\\d+)\\.0,", "$1,"));

        String xml = indicators("xml");
        String csv = indicators("csv");
        String xlsx = indicators("xlsx");
        assertThat(xml.lines().count()).isGreaterThan(500);
        assertThat(csv).isEqualTo(xml);
        assertThat(xlsx).isEqualTo(xml);
        assertThat(indicators("csv-case")).as("an LAchildID in small letters in two tables is the same child").isEqualTo(xml);
        assertThat(summary("csv-case")).doesNotContain("different LAchildIDs");
        indicators("csv-rekeyed");
        assertThat(summary("csv-rekeyed")).containsPattern("Of the [0-9,]+ children whose episodes were open at 31 March 2025 in "
                + "2025/ \\(CIN census tables\\) \\(Luton\\), none is in 2026/ \\(CIN census tables\\): the two returns seem to give "
                + "the same children different LAchildIDs");
        assertThat(summary("csv-rekeyed")).containsPattern("2025/ \\(CIN census tables\\) \\(Luton\\): 3 of its [0-9,]+ child "
                + "protection plans have no initial category of abuse \\(blank, or a value that could not be read\\)")
                .doesNotContain("no latest category of abuse");
        assertThat(summary("csv")).doesNotContain("no initial category of abuse");
    }

    /** A table set copied, each child table's rows as changed (the header table as it is). */
    private void copyTables(String from, String to, java.util.function.BinaryOperator<String> row) throws Exception {
        try (var tables = Files.list(dir.resolve(from))) {
            for (Path table : tables.toList()) {
                List<String> lines = Files.readAllLines(table);
                boolean children = lines.get(0).startsWith("LAchildID,");
                Path out = dir.resolve(to).resolve(table.getFileName());
                Files.createDirectories(out.getParent());
                Files.write(out, java.util.stream.Stream.concat(lines.stream().limit(1),
                        lines.stream().skip(1).map(l -> children ? row.apply(table.getFileName().toString(), l) : l)).toList());
            }
        }
    }

    private String summary(String form) throws Exception {
        return Files.readString(dir.resolve("out-" + form + "/luton/2026-03-31/run-summary.txt")).replaceAll("\\s+", " ");
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
