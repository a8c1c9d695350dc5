package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;
import org.neglectscorecard.testing.Validate;

/**
 * validate promises the rejects.csv the run would write: here, the notes loading adds once a
 * return is dated, of records dated after the date the return is for (a census plan starting after
 * its header's ReferenceDate) and of dates in the future (a training log's course "attended" next
 * year). Both commands say the same, in the same place and words.
 */
class ValidateSaysWhatLoadingSaysTest {

    @TempDir
    Path dir;

    @Test
    void datesAfterTheReturnsDateAreSaidByValidateAsByTheRun() throws Exception {
        Path input = dir.resolve("input");
        var census = new ReturnBuilder("821", LocalDate.of(2024, 3, 31));
        census.child("A").episode("2023-05-01", null, "N1").cpp("2023-06-01", null, "NEG", "NEG", 0).end().done();
        census.child("B").episode("2023-07-01", null, "N1").cpp("2024-05-02", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(census.build(), input.resolve("821/census.xml"));
        String nextYear = String.valueOf(LocalDate.now().getYear() + 1);
        Files.writeString(input.resolve("training.csv"), "Practitioner reference,Agency sector,Course,Course date,Completed\n"
                + "P1,Health,Neglect awareness,2024-01-10,Y\nP2,Health,Neglect awareness,14/05/" + nextYear + ",Y\n");

        List<String> validated = Validate.folder(input).problems().stream()
                .filter(p -> p.rejection().reason() != null && (p.rejection().reason().startsWith("This date is after")
                        || p.rejection().reason().startsWith("This date is in the future")))
                .map(p -> p.file() + "|" + p.rejection().rowNumber() + "|" + p.rejection().valueShown() + "|" + p.rejection().reason())
                .toList();
        assertThat(validated).hasSize(2);

        List<String> loaded = runAndRead("dated", "821", LocalDate.of(2024, 3, 31), input,
                "f.display_name || '|' || r.row_number || '|' || r.value_shown || '|' || r.reason",
                "r.reason LIKE 'This date is after%' OR r.reason LIKE 'This date is in the future%'");
        assertThat(validated).containsExactlyInAnyOrderElementsOf(loaded);
        assertThat(validated).anySatisfy(v -> assertThat(v).startsWith("821/census.xml|").contains("|2024-05-02|")
                .contains("after the date the return is for (2024-03-31)"));
        assertThat(validated).anySatisfy(v -> assertThat(v).startsWith("training.csv|3|" + nextYear + "-05-14|")
                .contains("is in the future"));
    }
    /**
     * An Annex A list giving the same child's plan twice (two allocated workers, as real exports
     * do): the run rejects the second; validate said every row would load. Both now say the same.
     */
    @Test
    void anAnnexAPlanGivenTwiceIsSaidByValidateAsByTheRun() throws Exception {
        Path input = dir.resolve("annex-input/823/annex-a");
        Files.createDirectories(input);
        Path workbook = input.resolve("annex-a-823-2026-03-31.xlsx");
        try (var in = Files.newInputStream(Path.of("sample-data/823/annex-a/annex-a-823-2026-03-31.xlsx"));
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var list7 = wb.getSheet("List 7");
            for (int i = 1; i <= 3; i++) {
                var from = list7.getRow(i);
                var to = list7.createRow(list7.getLastRowNum() + 1);
                for (int c = 0; c < from.getLastCellNum(); c++) {
                    var cell = from.getCell(c);
                    if (cell != null) {
                        var copy = to.createCell(c);
                        switch (cell.getCellType()) {
                            case NUMERIC -> copy.setCellValue(cell.getNumericCellValue());
                            case BOOLEAN -> copy.setCellValue(cell.getBooleanCellValue());
                            default -> copy.setCellValue(cell.toString());
                        }
                        copy.setCellStyle(cell.getCellStyle());
                    }
                }
            }
            try (var out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        }
        Path folder = dir.resolve("annex-input");
        List<String> validated = Validate.folder(folder).problems().stream()
                .filter(p -> p.outcome().equals("row rejected"))
                .map(p -> p.file() + "|" + p.rejection().rowNumber() + "|" + p.rejection().reason())
                .toList();
        assertThat(validated).hasSize(3).allSatisfy(v -> assertThat(v).contains("already has a child protection plan starting the same day"));

        List<String> loaded = runAndRead("annex", "823", LocalDate.of(2026, 3, 31), folder,
                "f.display_name || '|' || r.row_number || '|' || r.reason", "r.reason LIKE 'This child already has%'");
        assertThat(validated).containsExactlyInAnyOrderElementsOf(loaded);
    }

    /** The period run on the input for one LA, in a database of its own: the rejections it recorded, as {@code shown}. */
    private List<String> runAndRead(String name, String la, LocalDate period, Path input, String shown, String which)
            throws Exception {
        Path job = TestApp.jobFile(dir, name, "p", List.of(la));
        try (TestApp app = TestApp.start(dir.resolve(name + "-data"))) {
            var result = app.run(job, period, input, dir.resolve(name + "-out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
            return app.bean(DSLContext.class).fetch("SELECT " + shown + " FROM rejection r JOIN source_file f "
                    + "ON f.source_file_id = r.source_file_id WHERE " + which).map(r -> r.get(0, String.class));
        }
    }
}
