package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.AnnexAWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * One list of an Annex A workbook whose key heading is not one the program knows ("CP Plan Start")
 * is set aside alone: the workbook's other lists are read, the list's figures have no value (never
 * a zero), and the summary says which heading to give. The whole workbook used to be rejected, its
 * children in need and looked-after figures with it (a fresh-eye trial, 446 figures lost).
 */
class AnnexAListSetAsideTest {

    @TempDir
    Path dir;

    @Test
    void aListWithoutItsKeyHeadingIsSetAsideAloneAndItsFiguresHaveNoValue() throws Exception {
        Path input = dir.resolve("input");
        workbook(input, Map.of("Child Protection Plan Start Date", "CP Plan Start"));
        Path job = TestApp.jobFile(dir, "list7", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2024, 9, 30), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        IndicatorsFile out = IndicatorsFile.read(dir.resolve("out/p/2024-09-30/indicators.csv"));
        assertThat(out.value("CIN_OPEN_N1", "E06000032", "2024-09-30")).as("List 6, read").isEqualTo("9");
        assertThat(out.value("CPP_OPEN", "E06000032", "2024-09-30")).as("List 7, set aside: no value, not 0").isNull();
        String summary = Files.readString(dir.resolve("out/p/2024-09-30/run-summary.txt")).replaceAll("\\s+", " ");
        assertThat(summary).doesNotContain("REJECTED").contains("821/annex-a.xlsx 9 read 9 loaded 0 rejected")
                .contains("821/annex-a.xlsx has no Child Protection Plan Start Date in List 7: 'Children on a child protection plan' "
                        + "(CPP_OPEN)");
        assertThat(Files.readString(dir.resolve("out/p/2024-09-30/rejects.csv"))).contains("has no 'Child Protection Plan Start "
                + "Date' column (or one of its usual wordings), so List 7 is not read (the file's other lists are)");
    }

    /**
     * A column indicators need, headed in other words ("Date of last CP visit"): the note names the
     * headings nothing is read from, in the run's rejects.csv and in validate's report alike, where
     * "has no Date of the Last Statutory Visit" alone left the person to guess (a trial).
     */
    @Test
    void aNeededColumnUnderOtherWordsIsSaidWithTheHeadingsNothingIsReadFrom() throws Exception {
        Path input = dir.resolve("input");
        workbook(input, Map.of("Date of the Last Statutory Visit", "Date of last CP visit",
                "Was the Child Seen Alone?", "Child seen alone at last visit"));
        // Of the seven headings of Ofsted's List 7 nothing reads, those that share a word with the column (not "date"), most first.
        String said = "has no 'Date of the Last Statutory Visit' column (needed for the indicator of visits within the visiting "
                + "standard), and nothing is read from its headings 'Date of last CP visit', 'Child seen alone at last visit'. "
                + "If one of them is that column, give it the heading 'Date of the Last Statutory Visit' and run again.";
        assertThat(org.neglectscorecard.testing.Validate.folder(input).problems())
                .anySatisfy(p -> assertThat(p.rejection().reason()).contains(said));
        Path job = TestApp.jobFile(dir, "visits", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2024, 9, 30), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("out/p/2024-09-30/rejects.csv"))).contains(said);
    }

    /** An Ofsted Annex A of 821 as at 30 September 2024, with these headings (any list) renamed. */
    private void workbook(Path input, Map<String, String> renamed) throws Exception {
        var annex = new ReturnBuilder("821", LocalDate.of(2024, 9, 30));
        Map<String, AnnexAWriter.Visit> visits = new java.util.HashMap<>();
        for (int i = 0; i < 8; i++) {
            visits.put("C" + i, new AnnexAWriter.Visit("2024-09-2" + i, true));
            annex.child("C" + i).episode("2024-05-0" + (i + 1), null, "N1").cpp("2024-06-1" + i, null, "NEG", "NEG", 0).end().done();
        }
        // List 6's latest date is in September, so the workbook is as at 30 September without List 7's visits.
        annex.child("C9").episode("2024-09-27", null, "N1").end().done();
        Path workbook = AnnexAWriter.write(annex.build(), LocalDate.of(2024, 9, 30), visits, List.of(), AnnexAWriter.Style.OFSTED,
                input.resolve("821/annex-a.xlsx"));
        int done = 0;
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("List 7")) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        for (var r : renamed.entrySet()) {
                            if (cell.getStringCellValue().equalsIgnoreCase(r.getKey())) {
                                cell.setCellValue(r.getValue());
                                done++;
                            }
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        }
        assertThat(done).isEqualTo(renamed.size());
    }
}
