package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;
import org.neglectscorecard.testing.Validate;

/**
 * A column an indicator needs that a file does not give never becomes zeros (issue 11.3): the
 * loaded return records it in absent_column, named by the store column it would have filled and by
 * what the file calls it, so the indicators that need it are withheld for the months the return
 * serves; and validate says so in plain words. A CIN census table without InitialCategoryOfAbuse,
 * an XML return in which no plan gives it, and an Annex A List 7 without the heading.
 */
class AbsentColumnsTest {

    @TempDir
    Path dir;

    @Test
    void aNeededColumnNoRowGivesIsRecordedPerReturnAndReported() throws Exception {
        Path input = dir.resolve("input");
        // 821: CSV tables whose ChildProtectionPlans has no InitialCategoryOfAbuse column.
        var tables = new ReturnBuilder("821", LocalDate.of(2023, 3, 31));
        tables.child("A").episode("2022-05-01", null, "N1").cpp("2022-06-01", null, "NEG", "NEG", 0).end().done();
        tables.child("B").episode("2022-07-01", null, "N1").cpp("2022-08-01", null, "PHY", "NEG", 0).end().done();
        Path set = input.resolve("821/2022-23");
        CensusReturnWriter.writeCsv(tables.build(), set);
        List<String> lines = Files.readAllLines(set.resolve("ChildProtectionPlans.csv"));
        Files.write(set.resolve("ChildProtectionPlans.csv"), lines.stream().map(AbsentColumnsTest::withoutFifthColumn).toList());
        assertThat(Files.readString(set.resolve("ChildProtectionPlans.csv"))).doesNotContain("InitialCategoryOfAbuse");
        // 822: an XML return in which no plan gives InitialCategoryOfAbuse.
        var xml = new ReturnBuilder("822", LocalDate.of(2023, 3, 31));
        xml.child("C").episode("2022-05-01", null, "N1").cpp("2022-06-01", null, null, "NEG", 0).end().done();
        CensusReturnWriter.writeXml(xml.build(), input.resolve("822/census.xml"));
        // 823: an Annex A whose List 7 has no initial category heading.
        annexAWithoutInitialCategory(input.resolve("823/annex-a.xlsx"));

        Path job = TestApp.jobFile(dir.resolve("jobs"), "absent", "p", List.of("821", "822", "823"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2023, 3, 31), input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetch("SELECT r.la_code3, a.file_table, a.file_column FROM absent_column a "
                            + "JOIN statutory_return r ON r.return_id = a.return_id "
                            + "WHERE a.store_table = 'cp_plan' AND a.store_column = 'initial_category' ORDER BY 1")
                    .map(x -> x.intoList().toString()))
                    .containsExactly("[821, ChildProtectionPlans, InitialCategoryOfAbuse]",
                            "[822, ChildProtectionPlans, InitialCategoryOfAbuse]",
                            "[823, List 7, Initial Category of Abuse]");
            // What every return does give is not recorded.
            assertThat(dsl.fetchCount(dsl.selectFrom("absent_column").where("store_column = 'latest_category'"))).isZero();
        }
        String rejects = Files.readString(dir.resolve("out/p/2023-03-31/rejects.csv"));
        assertThat(rejects).contains("821/2022-23/ChildProtectionPlans.csv")
                .contains("None of the 2 rows (LA 821) gives InitialCategoryOfAbuse")
                .contains("the neglect indicators by initial category of abuse will have no value");

        InputValidator.Report report = Validate.folder(input);
        assertThat(report.problems()).extracting(p -> p.rejection().reason())
                .contains("821/2022-23/ChildProtectionPlans.csv has no InitialCategoryOfAbuse column: the neglect indicators by "
                        + "initial category of abuse will have no value for the months this return serves.")
                .anyMatch(reason -> reason.endsWith(" (ChildProtectionPlans) leaves InitialCategoryOfAbuse empty in every row: the "
                        + "neglect indicators by initial category of abuse will have no value for the months this return serves."))
                // The sheet's name alone would not say whose workbook.
                .anyMatch(reason -> reason.startsWith("823/") && reason.contains(" (List 7) has no Initial Category of Abuse column"));
    }

    private static String withoutFifthColumn(String line) {
        String[] cells = line.split(",", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i != 4) {
                out.append(out.isEmpty() ? "" : ",").append(cells[i]);
            }
        }
        return out.toString();
    }

    private static void annexAWithoutInitialCategory(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("List 7");
            String[][] rows = {
                    {"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Child Protection Plan Start Date",
                            "Latest Category of Abuse", "Child Protection Plan End Date", "Number of Previous Child Protection Plans"},
                    {"D1", "a) Male", "a) WBRI", "2015-01-01", "2022-09-01", "a) Neglect", "", "0"},
                    {"D2", "b) Female", "a) WBRI", "2016-01-01", "2022-10-01", "a) Neglect", "", "0"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }
    }
}
