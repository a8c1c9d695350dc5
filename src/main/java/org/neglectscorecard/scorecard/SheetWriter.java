package org.neglectscorecard.scorecard;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * What every sheet of the workbook is written with: one title and note above one named table
 * starting at {@link #TABLE_ROW}, numbers stored as numbers, and [c] [x] [z] where there is no
 * number. Each sheet is a subclass named for the sheet it writes.
 */
abstract class SheetWriter {

    static final String SUPPRESSED = ScorecardWorkbook.SUPPRESSED;
    static final String NOT_AVAILABLE = ScorecardWorkbook.NOT_AVAILABLE;
    static final String NOT_APPLICABLE = ScorecardWorkbook.NOT_APPLICABLE;
    static final int TABLE_ROW = ScorecardWorkbook.TABLE_ROW;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    protected final XSSFWorkbook wb;
    protected final CellStyle bold;
    protected final CellStyle heading;
    protected final CellStyle title;
    protected final CellStyle wrap;
    protected final CellStyle link;
    protected final CellStyle plain;
    private final WorkbookParts parts;

    SheetWriter(WorkbookParts parts) {
        this.parts = parts;
        this.wb = parts.wb();
        this.bold = parts.bold();
        this.heading = parts.heading();
        this.title = parts.title();
        this.wrap = parts.wrap();
        this.link = parts.link();
        this.plain = parts.plain();
    }

    /** The workbook's picture of an icon, added once however many cells show it. */
    int iconPicture(Icons.Icon icon) {
        return parts.iconPictures().computeIfAbsent(icon, i -> wb.addPicture(Icons.png(i, 72),
                org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG));
    }

    abstract void write(Content c) throws java.io.IOException;

    /** Sheets listed on the Contents sheet, in order: name and what it shows. */
    List<String[]> contents() {
        return parts.contents();
    }

    static String monthName(java.time.LocalDate date) {
        return ScorecardWorkbook.monthName(date);
    }

    XSSFSheet sheet(String name, String about) {
        XSSFSheet s = wb.createSheet(name);
        contents().add(new String[] {name, about});
        cell(s, 0, 0, name, title);
        cell(s, 1, 0, about, null);
        return s;
    }

    /** The rows from TABLE_ROW to lastRow (exclusive) as a named Excel table. A table with no rows gets a row saying so. */
    void table(XSSFSheet s, String name, int columns, int lastRow) {
        int end = lastRow;
        if (end == TABLE_ROW + 1) {
            Row row = s.createRow(end++);
            row.createCell(0).setCellValue("None");
            for (int i = 1; i < columns; i++) {
                row.createCell(i).setCellValue(NOT_APPLICABLE);
            }
        }
        AreaReference area = new AreaReference(new CellReference(TABLE_ROW, 0), new CellReference(end - 1, columns - 1),
                wb.getSpreadsheetVersion());
        XSSFTable t = s.createTable(area);
        t.setName(name);
        t.setDisplayName(name);
        t.getCTTable().addNewTableStyleInfo().setName("TableStyleLight1");
        t.getCTTable().getTableStyleInfo().setShowRowStripes(true);
    }

    static List<String> priorities(List<IndicatorDefinition> indicators) {
        Set<String> out = new LinkedHashSet<>();
        indicators.forEach(d -> out.add(d.priority()));
        return new ArrayList<>(out);
    }

    static IndicatorDefinition find(Content c, String id) {
        return c.indicators().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    static Map<String, String> areaNames(Content c) {
        Map<String, String> names = new HashMap<>();
        c.values().forEach(v -> names.putIfAbsent(v.areaCode(), v.areaName()));
        return names;
    }

    /**
     * Whether our headline figure for an indicator, area and month end is withheld: sheets that
     * show it from elsewhere (benchmarks, reconciliation) must withhold it too.
     */
    static boolean withheld(Content c, String indicatorId, String area, java.time.LocalDate periodEnd) {
        return c.values().stream().anyMatch(v -> v.suppressed() && v.isHeadline() && v.indicatorId().equals(indicatorId)
                && v.areaCode().equals(area) && v.periodEnd().equals(periodEnd));
    }

    static String better(IndicatorDefinition d) {
        return d.polarity() == Polarity.up ? "Higher" : d.polarity() == Polarity.down ? "Lower" : "No better direction";
    }

    static String unitName(IndicatorDefinition d) {
        return switch (d.unit()) {
            case count -> "Number";
            case percent -> "Per cent";
            case rate_per_10k -> "Per 10,000 children";
            case ratio -> "Ratio";
            case mean -> "Mean";
        };
    }

    void value(Row row, int column, IndicatorValue v, int decimals) {
        if (v == null) {
            text(row, column, NOT_AVAILABLE);
        } else if (v.suppressed()) {
            text(row, column, SUPPRESSED);
        } else {
            number(row, column, v.value(), decimals, NOT_AVAILABLE);
        }
    }

    void number(Row row, int column, BigDecimal v, int decimals, String otherwise) {
        if (v == null) {
            text(row, column, otherwise == null ? NOT_AVAILABLE : otherwise);
            return;
        }
        row.createCell(column).setCellValue(v.doubleValue());
        row.getCell(column).setCellStyle(numberStyle(decimals));
    }

    void integer(Row row, int column, Integer v, String otherwise) {
        if (v == null) {
            text(row, column, otherwise == null ? NOT_AVAILABLE : otherwise);
            return;
        }
        row.createCell(column).setCellValue(v);
        row.getCell(column).setCellStyle(numberStyle(0));
    }

    CellStyle numberStyle(int decimals) {
        return parts.numberStyles().computeIfAbsent(decimals, d -> {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        });
    }

    /** A percentage shown with its % sign, the cell still the number (55.9 shows as 55.9%): for sheets that mix units in a column. */
    CellStyle percentStyle(int decimals) {
        return parts.numberStyles().computeIfAbsent(1000 + decimals, d -> {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat((decimals == 0 ? "0" : "0." + "0".repeat(decimals)) + "\"%\""));
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        });
    }

    /** Gives the numbers among these cells of a percentage's row their % sign. */
    void percentSigns(Row row, IndicatorDefinition d, int... columns) {
        if (d.unit() != IndicatorDefinition.Unit.percent) {
            return;
        }
        for (int c : columns) {
            org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                cell.setCellStyle(percentStyle(d.decimals()));
            }
        }
    }

    void text(Row row, int column, String value) {
        text(row, column, value, null);
    }

    void text(Row row, int column, String value, CellStyle style) {
        row.createCell(column).setCellValue(value == null ? "" : value);
        row.getCell(column).setCellStyle(style != null ? style : plain);
    }

    void header(Row row, String... names) {
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    static void widths(XSSFSheet s, int... widths) {
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        fitRows(s, TABLE_ROW, widths);
    }

    /** Rows tall enough for their wrapped text: spreadsheet programs do not grow them on opening. */
    static void fitRows(XSSFSheet s, int fromRow, int... widths) {
        for (int r = fromRow; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row == null) {
                continue;
            }
            int lines = 1;
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                if (cell.getCellStyle().getWrapText() && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getColumnIndex() < widths.length) {
                    int chars = Math.max(4, widths[cell.getColumnIndex()] - 1);
                    int needed = 0;
                    // A column's width counts the digit 0; ordinary text in Calibri fits a little more than one
                    // character to each, less what is lost where words do not break evenly.
                    for (String part : cell.getStringCellValue().split("\n")) {
                        needed += Math.max(1, (int) Math.ceil(part.length() / (chars * 1.1)));
                    }
                    lines = Math.max(lines, needed);
                }
            }
            if (lines > 1) {
                row.setHeightInPoints(Math.min(409, lines * 13f + 2));
            }
        }
    }

    int line(XSSFSheet s, int r, String text, CellStyle style) {
        cell(s, r, 0, text, style);
        return r + 1;
    }

    void cell(XSSFSheet s, int r, int c, String text, CellStyle style) {
        Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        row.createCell(c).setCellValue(text);
        if (style != null) {
            row.getCell(c).setCellStyle(style);
        }
    }

    static String formatName(String format) {
        return switch (format) {
            case "CIN_CENSUS_XML", "CIN_CENSUS_TABLES" -> "CIN census returns";
            case "ANNEX_A" -> "Ofsted Annex A workbooks";
            case "SSDA903" -> "SSDA903 returns";
            case "AGENCY" -> "Multi-agency data (training, audits, early help, health, GCP2, police, feedback)";
            case "REFERENCE" -> "Reference data (DfE published statistics, neighbours, population, targets, commentary)";
            default -> "Files not used";
        };
    }
}
