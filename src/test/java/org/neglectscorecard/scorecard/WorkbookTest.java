package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.SampleRun;

/**
 * The sample partnership's workbook read back with POI against OUTPUTS.md section 2 and the
 * Government Analysis Function's guidance: the sheets in order, contents that link to them, one
 * named table per sheet with a single header row and no blank rows or columns, no merged cells,
 * numbers stored as numbers, [c] exactly where indicators.csv says a value is withheld, alt text on
 * every chart, and a board summary that prints on one A4 landscape page.
 */
class WorkbookTest {

    static final String P = "pan-bedfordshire-sample";
    static XSSFWorkbook wb;
    static IndicatorsFile indicators;
    static Path folder;

    @BeforeAll
    static void run() throws Exception {
        folder = SampleRun.folder();
        try (InputStream in = Files.newInputStream(folder.resolve("scorecard-" + P + "-2026-03-31.xlsx"))) {
            wb = new XSSFWorkbook(in);
        }
        indicators = IndicatorsFile.read(folder.resolve("indicators.csv"));
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    @Test
    void sheetsInOrderWithContentsLinkingToEachOne() {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        assertThat(names).containsExactly("Cover", "Contents", "Notes", "Board summary", "Scorecard", "Trends", "Year on year",
                "Breakdowns", "Reconciliation", "Benchmarks", "Revisions", "Commentary", "Data quality", "Completeness",
                "Problems found");
        XSSFSheet contents = wb.getSheet("Contents");
        Set<String> linked = new HashSet<>();
        for (int r = ScorecardWorkbook.TABLE_ROW + 1; r <= contents.getLastRowNum(); r++) {
            Cell c = contents.getRow(r).getCell(0);
            assertThat(c.getHyperlink()).isNotNull();
            assertThat(c.getHyperlink().getAddress()).isEqualTo("'" + c.getStringCellValue() + "'!A1");
            linked.add(c.getStringCellValue());
        }
        assertThat(linked).containsAll(names.subList(2, names.size()));
        String cover = text(wb.getSheet("Cover"));
        assertThat(cover).contains("SYNTHETIC SAMPLE DATA").contains("Month ending 31 March 2026").contains("[c]")
                .contains("Making Data Count");
        // Sources with their as-at dates (OUTPUTS.md 2): the sample's census returns run from 2020/21 to 2025/26.
        assertThat(cover).contains("CIN census returns: 18 files, as at 31 March 2021 to 31 March 2026");
    }

    @Test
    void everyTableSheetHasOneNamedTableWithOneHeaderRowAndNoGaps() {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            XSSFSheet s = wb.getSheetAt(i);
            assertThat(s.getNumMergedRegions()).as(s.getSheetName()).isZero();
            if (List.of("Cover", "Trends").contains(s.getSheetName())) {
                assertThat(s.getTables()).as(s.getSheetName()).isEmpty();
                continue;
            }
            assertThat(s.getTables()).as(s.getSheetName()).hasSize(1);
            XSSFTable t = s.getTables().get(0);
            assertThat(t.getName()).matches("[A-Za-z][A-Za-z0-9]+");
            assertThat(t.getStartRowIndex()).isEqualTo(ScorecardWorkbook.TABLE_ROW);
            assertThat(t.getStartColIndex()).isZero();
            Row header = s.getRow(t.getStartRowIndex());
            Set<String> names = new HashSet<>();
            for (int c = 0; c <= t.getEndColIndex(); c++) {
                Cell h = header.getCell(c);
                assertThat(h.getCellType()).isEqualTo(CellType.STRING);
                assertThat(h.getStringCellValue()).isNotBlank();
                assertThat(names.add(h.getStringCellValue())).as(s.getSheetName() + " column " + h.getStringCellValue()).isTrue();
            }
            for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
                Row row = s.getRow(r);
                assertThat(row).as(s.getSheetName() + " row " + r).isNotNull();
                boolean any = false;
                for (int c = 0; c <= t.getEndColIndex(); c++) {
                    Cell cell = row.getCell(c);
                    any |= cell != null && cell.getCellType() != CellType.BLANK;
                }
                assertThat(any).as(s.getSheetName() + " row " + r + " is blank").isTrue();
            }
            for (int c = 0; c <= t.getEndColIndex(); c++) {
                boolean any = false;
                for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
                    Cell cell = s.getRow(r).getCell(c);
                    any |= cell != null && cell.getCellType() != CellType.BLANK && !(cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().isEmpty());
                }
                assertThat(any).as(s.getSheetName() + " column " + c + " is blank").isTrue();
            }
            // Nothing below the table: one table per sheet.
            assertThat(s.getLastRowNum()).as(s.getSheetName()).isEqualTo(t.getEndRowIndex());
        }
    }

    @Test
    void numbersAreNumbersAndWithheldValuesShowCExactlyWhereIndicatorsCsvSaysSo() {
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : indicators.rows()) {
            if (r.get("period_end").equals("2026-03-31") && r.get("breakdown").equals("all")) {
                rows.put(r.get("indicator_id") + "|" + r.get("area_name"), r);
            }
        }
        XSSFSheet s = wb.getSheet("Scorecard");
        int withheld = 0;
        int numbers = 0;
        for (int r = ScorecardWorkbook.TABLE_ROW + 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            CSVRecord csv = rows.get(row.getCell(1).getStringCellValue() + "|" + row.getCell(3).getStringCellValue());
            Cell value = row.getCell(5);
            if (csv == null) {
                assertThat(value.getStringCellValue()).isEqualTo(ScorecardWorkbook.NOT_AVAILABLE);
            } else if (csv.get("suppressed").equals("true")) {
                assertThat(value.getStringCellValue()).isEqualTo(ScorecardWorkbook.SUPPRESSED);
                withheld++;
            } else {
                assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(value.getNumericCellValue()).isEqualTo(Double.parseDouble(csv.get("value")));
                numbers++;
            }
        }
        assertThat(withheld).isPositive();
        assertThat(numbers).isGreaterThan(100);
        // The published CSV withholds the same values the workbook does.
        assertThat(indicators.rows().stream().filter(r -> r.get("suppressed").equals("true")).count()).isPositive();
    }

    @Test
    void everyChartHasAltTextAndAPngForBoardPapers() throws Exception {
        XSSFSheet trends = wb.getSheet("Trends");
        List<XSSFShape> shapes = trends.getDrawingPatriarch().getShapes();
        assertThat(shapes).isNotEmpty();
        for (XSSFShape shape : shapes) {
            String alt = ((XSSFPicture) shape).getCTPicture().getNvPicPr().getCNvPr().getDescr();
            assertThat(alt).startsWith("Line chart of").contains("by month");
        }
        try (var pngs = Files.list(folder.resolve("charts"))) {
            assertThat(pngs.count()).isEqualTo(shapes.size());
        }
        assertThat(text(trends)).contains("Special cause").doesNotContain("null");
        // Printed, a page break after every chart: none is cut across two pages.
        assertThat(trends.getRowBreaks()).hasSize(shapes.size());
        assertThat(wb.getPrintArea(wb.getSheetIndex(trends))).isNotNull();
    }

    @Test
    void theBoardSummaryFitsOneA4LandscapePageAndSaysWhatChanged() {
        XSSFSheet s = wb.getSheet("Board summary");
        assertThat(s.getPrintSetup().getLandscape()).isTrue();
        assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        assertThat(s.getFitToPage()).isTrue();
        assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(s.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
        assertThat(wb.getPrintArea(wb.getSheetIndex(s))).isNotNull();
        String text = text(s);
        // Every priority's headline indicators, with variation, RAG and a sentence.
        assertThat(text).contains("Knowing our problem").contains("Seen and heard").contains("A skilled and confident workforce");
        assertThat(text).containsAnyOf("Special cause", "Common cause");
        assertThat(text).containsAnyOf("Red: off target", "Amber: near target", "Green: on target");
        assertThat(text).contains("over the year");
        int rows = s.getLastRowNum() - ScorecardWorkbook.TABLE_ROW;
        assertThat(rows).isBetween(10, 20);
    }

    @Test
    void everyOtherSheetPrintsOnePageWideWithItsHeaderRepeated() {
        for (Sheet sheet : wb) {
            XSSFSheet s = (XSSFSheet) sheet;
            assertThat(s.getFitToPage()).as(s.getSheetName()).isTrue();
            assertThat(s.getPrintSetup().getFitWidth()).as(s.getSheetName()).isEqualTo((short) 1);
            assertThat(s.getPrintSetup().getPaperSize()).as(s.getSheetName())
                    .isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            if (!s.getTables().isEmpty() && !s.getSheetName().equals("Board summary")) {
                assertThat(s.getRepeatingRows()).as(s.getSheetName()).isNotNull();
                assertThat(s.getRepeatingRows().getFirstRow()).isEqualTo(ScorecardWorkbook.TABLE_ROW);
            }
        }
    }

    private static String text(XSSFSheet s) {
        StringBuilder out = new StringBuilder();
        for (Row row : s) {
            for (Cell c : row) {
                out.append(c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue()) : c.toString()).append('|');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
