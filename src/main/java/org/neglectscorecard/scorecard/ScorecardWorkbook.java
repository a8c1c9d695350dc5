package org.neglectscorecard.scorecard;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * The scorecard workbook for the board and for scrutineers (OUTPUTS.md section 2), laid out as the
 * Government Analysis Function asks of statistics in spreadsheets: a cover, contents with links, and
 * notes; then one table per sheet, starting at A4 under a title and a line saying how to read it,
 * with a single header row, as a named Excel table; no merged cells, no blank rows or columns in a
 * table, numbers stored as numbers, [c] [x] [z] where there is no number, alt text on every chart,
 * and nothing said by colour alone. The first sheet after the notes is a one-page board summary
 * set to print on A4 landscape.
 *
 * <p>Each sheet is written by its own class, named for it ({@link BoardSummarySheet},
 * {@link TrendsSheet}, ...), on what {@link SheetWriter} provides; this class puts them in order.
 */
public final class ScorecardWorkbook {

    public static final String SUPPRESSED = "[c]";
    public static final String NOT_AVAILABLE = "[x]";
    public static final String NOT_APPLICABLE = "[z]";
    /** Tables start on this row (0-based): a title and a note above them. */
    static final int TABLE_ROW = 3;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /** Everything the workbook shows. */
    public record Content(String partnershipName, String partnershipCode, LocalDate period, LocalDateTime produced,
                          boolean syntheticData, String contact, List<RunInputs.InputSummary> inputs, List<String> messages,
                          List<IndicatorDefinition> indicators, List<IndicatorValue> values, List<ScorecardFigures.Line> lines,
                          List<BenchmarkValue> benchmarks, List<Targets.Commentary> commentary, List<Revision> revisions,
                          List<Completeness> completeness, Path chartsFolder, List<RunInputs.ProblemCount> problems,
                          String neighboursFile) {
    }

    /**
     * A figure for an earlier month that differs from another run's: this period's previous run, or
     * the run for the previous period. Each side may be withheld; movedBy names the files that moved it.
     */
    public record Revision(String indicatorId, String areaName, LocalDate periodEnd, String comparedWith, BigDecimal before,
                           boolean beforeWithheld, BigDecimal after, boolean afterWithheld, String movedBy) {
    }

    /** How completely a file filled a key field. */
    /** How completely a file filled a field; rows null and a note where the file lacks the field altogether. */
    public record Completeness(String file, String field, Long rows, long filled, String note) {
    }

    private final WorkbookParts parts = WorkbookParts.create();

    public static String monthName(LocalDate date) {
        return date.format(MONTH);
    }

    public void write(Content c, Path file) throws IOException {
        XSSFWorkbook wb = parts.wb();
        // Cover and Contents come first in the workbook but are written last: they sum up the rest.
        wb.createSheet("Cover");
        wb.createSheet("Contents");
        List<SheetWriter> sheets = List.of(new NotesSheet(parts), new BoardSummarySheet(parts), new ScorecardSheet(parts),
                new TrendsSheet(parts), new YearOnYearSheet(parts), new BreakdownsSheet(parts), new ReconciliationSheet(parts),
                new BenchmarksSheet(parts), new RevisionsSheet(parts), new CommentarySheet(parts), new DataQualitySheet(parts),
                new CompletenessSheet(parts), new ProblemsFoundSheet(parts), new CoverSheet(parts), new ContentsSheet(parts));
        for (SheetWriter sheet : sheets) {
            sheet.write(c);
        }
        printable(wb);
        wb.setActiveSheet(0);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    /**
     * A sheet's sentence under its title runs on across the columns on screen, but print stops at the
     * table's last column and cut it off ("...Direction compar"). Merging cells to wrap it would trip
     * screen readers, so the sentence is set on two rows instead, each as wide as the table prints.
     */
    private static void introFitsThePage(XSSFSheet s) {
        if (s.getTables().isEmpty() || s.getRow(1) == null || s.getRow(1).getCell(0) == null
                || s.getRow(1).getCell(0).getCellType() != org.apache.poi.ss.usermodel.CellType.STRING
                || s.getRow(TABLE_ROW) == null || (s.getRow(2) != null && s.getRow(2).getPhysicalNumberOfCells() > 0)) {
            return;
        }
        int chars = 0;
        for (int col = 0; col < s.getRow(TABLE_ROW).getLastCellNum(); col++) {
            chars += s.getColumnWidth(col) / 256;
        }
        org.apache.poi.ss.usermodel.Cell intro = s.getRow(1).getCell(0);
        String text = intro.getStringCellValue();
        if (chars < 20 || text.length() <= chars) {
            return;
        }
        int cut = text.lastIndexOf(' ', chars);
        if (cut <= 0) {
            return;
        }
        intro.setCellValue(text.substring(0, cut));
        org.apache.poi.ss.usermodel.Cell rest = s.createRow(2).createCell(0);
        rest.setCellValue(text.substring(cut + 1));
        rest.setCellStyle(intro.getCellStyle());
    }

    /**
     * Every sheet not already laid out for print goes on A4 landscape, one page wide, its table's
     * header row repeated on each page: a scrutineer who prints the Notes or the Scorecard gets
     * readable pages, not a column per sheet of paper.
     */
    private static void printable(XSSFWorkbook wb) {
        for (Sheet sheet : wb) {
            XSSFSheet s = (XSSFSheet) sheet;
            introFitsThePage(s);
            if (s.getFitToPage() || s.getPrintSetup().getScale() != 100 || s.getRowBreaks().length > 0) {
                continue;
            }
            s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            s.getPrintSetup().setLandscape(true);
            s.setFitToPage(true);
            s.getPrintSetup().setFitWidth((short) 1);
            s.getPrintSetup().setFitHeight((short) 0);
            if (!s.getTables().isEmpty()) {
                s.setRepeatingRows(new CellRangeAddress(TABLE_ROW, TABLE_ROW, -1, -1));
            }
        }
    }
}
