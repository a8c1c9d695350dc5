package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
            // The sentence under the title prints within the table's width (print stops at its last column).
            int width = 0;
            for (int c = 0; c <= t.getEndColIndex(); c++) {
                width += s.getColumnWidth(c) / 256;
            }
            assertThat(s.getRow(1).getCell(0).getStringCellValue().length()).as(s.getSheetName()).isLessThanOrEqualTo(Math.max(width, 20));
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
            assertThat(alt).matches("(SPC|Line) chart of .*").contains("by month");
        }
        try (var pngs = Files.list(folder.resolve("charts"))) {
            assertThat(pngs.count()).isEqualTo(shapes.size());
        }
        assertThat(text(trends)).contains("Special cause").doesNotContain("null");
        // Why a chart has no SPC is said once under it, not in the line's words and again in the note.
        for (var row : trends) {
            for (var cell : row) {
                String t = cell.toString().toLowerCase(java.util.Locale.ROOT);
                assertThat(t.indexOf("no spc:")).as(t).isEqualTo(t.lastIndexOf("no spc:"));
                // A chart whose months were all withheld says so, not that it has no months of figures.
                assertThat(t).doesNotContain("fewer than 15 months of figures (0)");
            }
        }
        // Printed two charts a page (changed by issue 13 from one a page), a break after every second, none cut in two;
        // each chart at the PNG's own proportions in one column as wide as it, its heading and note wrapping inside it.
        assertThat(trends.getRowBreaks()).hasSize(shapes.size() / TrendsSheet.CHARTS_A_PAGE);
        assertThat(wb.getPrintArea(wb.getSheetIndex(trends))).isNotNull();
        XSSFPicture first = (XSSFPicture) shapes.get(0);
        var anchor = first.getClientAnchor();
        assertThat(anchor.getCol1()).isZero();
        assertThat((int) anchor.getCol2()).isEqualTo(1);
        double widthPoints = trends.getColumnWidthInPixels(0) * 0.75;
        double heightPoints = (anchor.getRow2() - anchor.getRow1()) * trends.getDefaultRowHeightInPoints();
        assertThat(widthPoints / heightPoints).isCloseTo((double) TrendChart.WIDTH / TrendChart.HEIGHT,
                org.assertj.core.data.Offset.offset(0.08));
    }

    @Test
    void theBoardSummaryPrintsLegiblyOnA4LandscapeAndSaysWhatChanged() {
        XSSFSheet s = wb.getSheet("Board summary");
        assertThat(s.getPrintSetup().getLandscape()).isTrue();
        assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        assertThat(s.getFitToPage()).isTrue();
        assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        // Changed by issue 13: one page wide at a legible size, as many pages tall as the commentary needs (it printed
        // at about 6 pt on one page); the board pack carries the one-page summary.
        assertThat(s.getPrintSetup().getFitHeight()).isZero();
        assertThat(s.getRepeatingRows()).isNotNull();
        int width = 0;
        Row header = s.getRow(ScorecardWorkbook.TABLE_ROW);
        for (int c = 0; c < header.getLastCellNum(); c++) {
            width += s.getColumnWidth(c) / 256;
        }
        // About 5.25 points a character at 11 pt: A4 landscape less margins (784 points) at 9 pt or more needs 180 or fewer.
        assertThat(width).isLessThanOrEqualTo(182);
        assertThat(wb.getPrintArea(wb.getSheetIndex(s))).isNotNull();
        String text = text(s);
        // Every priority's headline indicators, with variation, RAG and a sentence.
        assertThat(text).contains("Knowing our problem").contains("Seen and heard").contains("A skilled and confident workforce");
        assertThat(text).containsAnyOf("Special cause", "Common cause");
        assertThat(text).containsAnyOf("Red: off target", "Amber: near target", "Green: on target");
        assertThat(text).containsAnyOf("a year ago", "Up from", "Down from");
        int rows = s.getLastRowNum() - ScorecardWorkbook.TABLE_ROW;
        assertThat(rows).isBetween(10, 20);
        // The icons are pictures beside their words, with the same words as alt text.
        List<XSSFShape> icons = s.getDrawingPatriarch().getShapes();
        assertThat(icons).hasSizeGreaterThan(rows);
        for (XSSFShape shape : icons) {
            String alt = ((XSSFPicture) shape).getCTPicture().getNvPicPr().getCNvPr().getDescr();
            assertThat(alt).matches("(Variation|Assurance): .*|(Green|Amber|Red): .*");
        }
    }

    /**
     * Assurance said as what will happen, as the cover explains it: "Target: fail" beside "Amber: near
     * target" read as a contradiction to a trial's board member, where both were true.
     */
    @Test
    void assuranceIsSaidAsWhatWillHappenBesideTheRag() {
        XSSFSheet s = wb.getSheet("Board summary");
        int assurance = columnOf(s, "Assurance (SPC)");
        List<String> said = new ArrayList<>();
        for (int r = ScorecardWorkbook.TABLE_ROW + 1; r <= s.getLastRowNum(); r++) {
            said.add(s.getRow(r).getCell(assurance).getStringCellValue().strip());
        }
        assertThat(said).anyMatch(a -> a.matches("Target: (met every month|missed every month|hit and miss) as things are"))
                .noneMatch(a -> a.matches("(?i)target: (pass|fail)"));
    }

    @Test
    void theCoverAndTheBoardSummaryListTheSameRedTargets() {
        XSSFSheet s = wb.getSheet("Board summary");
        List<String> red = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int ragColumn = columnOf(s, "RAG");
        for (int r = ScorecardWorkbook.TABLE_ROW + 1; r <= s.getLastRowNum(); r++) {
            String title = s.getRow(r).getCell(1).getStringCellValue().replace(" (shown for its red target)", "");
            titles.add(title);
            if (s.getRow(r).getCell(ragColumn).getStringCellValue().contains("Red")) {
                red.add(title);
            }
        }
        assertThat(red).isNotEmpty();
        String cover = text(wb.getSheet("Cover"));
        // [c] in the one wording every output uses (the cover still said "concerns 1 to 5 children" of every withheld figure).
        assertThat(cover).contains("[c] marks a figure withheld because " + Sentences.WITHHELD).doesNotContain("concerns 1 to 5");
        String redSection = cover.substring(cover.indexOf("Which targets are red?"));
        for (String title : red) {
            assertThat(redSection).contains(title);
        }
        // No red target on the cover that the summary lacks: every "title: figure against a target" line is one of them.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\u2022 ([^|:]+): [^|]* against a target of").matcher(redSection);
        int listed = 0;
        while (m.find()) {
            assertThat(red).contains(m.group(1));
            listed++;
        }
        assertThat(listed).isEqualTo(red.size());
    }

    @Test
    void englandAndNeighbourFiguresAreDatedWhereTheyAreRead() {
        XSSFSheet s = wb.getSheet("Board summary");
        Row header = s.getRow(ScorecardWorkbook.TABLE_ROW);
        List<String> names = new ArrayList<>();
        header.forEach(c -> names.add(c.getStringCellValue()));
        assertThat(names).anyMatch(n -> n.matches("England, 31 March \\d{4}") || n.startsWith("England (DfE, at 31 March"));
        assertThat(names).anyMatch(n -> n.startsWith("LAs beating their neighbours"));
        // The year shown is the latest DfE published among the inputs for that indicator.
        int latest = 0;
        for (CSVRecord b : benchmarks()) {
            if (b.get("indicator_id").equals("CPP_OPEN_NEG_INIT_RATE") && b.get("area_code").equals(P) && !b.get("england").isEmpty()) {
                latest = Math.max(latest, Integer.parseInt(b.get("period_end").substring(0, 4)));
            }
        }
        assertThat(latest).isPositive();
        String englandHeading = names.stream().filter(n -> n.startsWith("England")).findFirst().orElseThrow();
        if (englandHeading.startsWith("England, 31 March")) {
            assertThat(englandHeading).endsWith(String.valueOf(latest));
        }
    }

    @Test
    void yearOnYearSetsEnglandRegionNeighboursAndRankBesideOursWithChangesInPercentagePoints() {
        XSSFSheet s = wb.getSheet("Year on year");
        Row header = s.getRow(ScorecardWorkbook.TABLE_ROW);
        List<String> names = new ArrayList<>();
        header.forEach(c -> names.add(c.getStringCellValue()));
        assertThat(names).contains("England", "Region", "Statistical neighbours' mean", "Rank among LAs (1 is best)",
                "Change on the year before", "Change measured in");
        boolean percentagePoints = false;
        boolean ranked = false;
        int unit = names.indexOf("Change measured in");
        int rank = names.indexOf("Rank among LAs (1 is best)");
        for (int r = ScorecardWorkbook.TABLE_ROW + 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row.getCell(5).getStringCellValue().equals("Per cent")) {
                assertThat(row.getCell(unit).getStringCellValue()).isEqualTo("percentage points");
                percentagePoints = true;
            }
            ranked |= row.getCell(rank).getCellType() == CellType.NUMERIC;
        }
        assertThat(percentagePoints).isTrue();
        assertThat(ranked).isTrue();
    }

    @Test
    void breakdownsAreInBandOrderNotTextOrder() {
        XSSFSheet s = wb.getSheet("Breakdowns");
        List<String> ages = new ArrayList<>();
        String first = null;
        for (int r = ScorecardWorkbook.TABLE_ROW + 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            String key = row.getCell(0).getStringCellValue() + "|" + row.getCell(2).getStringCellValue() + "|"
                    + row.getCell(3).getStringCellValue();
            if (row.getCell(4).getStringCellValue().equals("age band")) {
                if (first == null) {
                    first = key;
                }
                if (key.equals(first)) {
                    ages.add(row.getCell(5).getStringCellValue());
                }
            }
        }
        assertThat(ages).containsSubsequence("under 1", "1-4", "5-9", "10-15", "16+");
    }

    @Test
    void reconciliationSaysWhyAFigureMayDifferAndWhatDifferenceIsExpected() {
        XSSFSheet s = wb.getSheet("Reconciliation");
        List<String> names = new ArrayList<>();
        s.getRow(ScorecardWorkbook.TABLE_ROW).forEach(c -> names.add(c.getStringCellValue()));
        assertThat(names).contains("Largest difference DfE's rounding explains", "Why a figure may differ");
        String text = text(s);
        assertThat(text).containsAnyOf("Matches", "Within DfE's rounding", "Differs: check");
        assertThat(text).doesNotContain("\u2714").doesNotContain("\u2718");
        // A rate per 10,000 beside DfE's count over our own population estimates differs exactly as its count does,
        // which has a row of its own: not set beside DfE as if DfE had printed it.
        assertThat(text).contains("\nCPP_OPEN_NEG_INIT|").doesNotContain("CPP_OPEN_NEG_INIT_RATE").doesNotContain("CPP_OPEN_RATE");
    }

    @Test
    void commentarySitsBesideItsIndicatorOnTheScorecardAndTheBoardSummary() {
        String said = "Roll out the neglect pathway in Bedford and Central Bedfordshire by September.";
        for (String sheet : List.of("Scorecard", "Board summary")) {
            XSSFSheet s = wb.getSheet(sheet);
            int column = columnOf(s, "Commentary and action (lead officers)");
            int titleColumn = sheet.equals("Scorecard") ? 1 : 1;
            boolean found = false;
            for (int r = ScorecardWorkbook.TABLE_ROW + 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                if (row.getCell(column).getStringCellValue().contains(said)) {
                    String which = sheet.equals("Scorecard") ? row.getCell(titleColumn).getStringCellValue() : row.getCell(1).getStringCellValue();
                    assertThat(which).contains(sheet.equals("Scorecard") ? "CPP_OPEN_NEG_INIT_PCT" : "Share of children on a plan, initial category neglect");
                    found = true;
                }
            }
            assertThat(found).as(sheet).isTrue();
        }
    }

    private static int columnOf(XSSFSheet s, String name) {
        Row header = s.getRow(ScorecardWorkbook.TABLE_ROW);
        for (Cell c : header) {
            if (c.getStringCellValue().equals(name)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError(s.getSheetName() + " has no column " + name);
    }

    private static List<CSVRecord> benchmarks() {
        try (var reader = Files.newBufferedReader(folder.resolve("benchmarks.csv"))) {
            return org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyOtherSheetPrintsOnePageWideWithItsHeaderRepeatedTheScorecardFourPagesWide() {
        for (Sheet sheet : wb) {
            XSSFSheet s = (XSSFSheet) sheet;
            if (s.getSheetName().equals("Trends")) {
                // Changed by issue 13: full size rather than fit to width, since Excel ignores the manual page breaks that
                // keep each chart whole under Fit To; its one column fits A4 portrait's printable width (about 538 points).
                assertThat(s.getFitToPage()).isFalse();
                assertThat(s.getPrintSetup().getScale()).isEqualTo((short) 100);
                assertThat(s.getPrintSetup().getLandscape()).isFalse();
                assertThat(s.getColumnWidthInPixels(0) * 0.75).isLessThan(538);
                continue;
            }
            assertThat(s.getFitToPage()).as(s.getSheetName()).isTrue();
            if (s.getSheetName().equals("Scorecard")) {
                // Its twenty columns printed one page wide at about a quarter size (a trial): four pages wide, the
                // indicator's ID, name and area (columns B to D) on each beside the figures.
                assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 4);
                assertThat(s.getRepeatingColumns().formatAsString()).isEqualTo("B:D");
                assertThat(s.getRepeatingRows().getFirstRow()).isEqualTo(ScorecardWorkbook.TABLE_ROW);
                continue;
            }
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
