package org.neglectscorecard.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * The board summary: the same headline indicators and red targets as the cover and the board
 * pack ({@link Headlines}), each with its figures, direction of travel, the Making Data Count
 * icons beside their words, target and RAG, England and neighbours under dated headings, a short
 * sentence, and the lead officers' commentary and action. Printed A4 landscape, one page wide at a
 * legible size, its header repeated on each page; the board pack has the one-page version.
 */
final class BoardSummarySheet extends SheetWriter {

    static final int ICON_PIXELS = 16;

    BoardSummarySheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        List<ScorecardFigures.Line> lines = Headlines.lines(c);
        LocalDate englandDate = commonDate(lines.stream().map(l -> englandShown(l) ? l.benchmark().periodEnd() : null).toList());
        LocalDate neighboursDate = commonDate(lines.stream().map(l -> {
            String[] n = Headlines.neighboursCount(c, l.indicator());
            return n == null ? null : LocalDate.parse(n[2], Headlines.DAY);
        }).toList());
        XSSFSheet s = sheet("Board summary", "Headline indicators for " + c.partnershipName() + ", month ending "
                + c.period().format(DAY) + ", with every indicator whose target is red; the same as on the cover and in the board "
                + "pack. Direction compares the same month a year earlier; variation and assurance read the monthly figures "
                + "as SPC; RAG is against the partnership's target.");
        boolean englandYear = englandDate == null;
        List<String> names = new java.util.ArrayList<>(List.of("Strategic priority", "Indicator", "This month", "A year earlier",
                "Direction of travel", "Variation (SPC)", "Assurance (SPC)", "Target", "RAG"));
        names.add(englandYear ? "England (DfE, at 31 March of the year beside it)" : dated("England", englandDate));
        if (englandYear) {
            names.add("England's figure is for");
        }
        names.add(neighboursDate == null ? "LAs beating their neighbours (when, in brackets)"
                : dated("LAs beating their neighbours", neighboursDate));
        names.add("What changed");
        names.add("Commentary and action (lead officers)");
        header(s.createRow(TABLE_ROW), names.toArray(String[]::new));
        XSSFDrawing drawing = s.createDrawingPatriarch();
        // Printed, England's figure (a number, right-aligned) and the neighbours' "1 of 3" (text, left-aligned) ran
        // together as "48.0 1 of 3": the text is centred in its cell.
        org.apache.poi.ss.usermodel.CellStyle offset = s.getWorkbook().createCellStyle();
        offset.cloneStyleFrom(wrap);
        offset.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        int r = TABLE_ROW + 1;
        for (ScorecardFigures.Line line : lines) {
            IndicatorDefinition d = line.indicator();
            Row row = s.createRow(r);
            int col = 0;
            text(row, col++, d.priority(), wrap);
            text(row, col++, d.title() + (Headlines.addedForRedTarget(line) ? " (shown for its red target)" : ""), wrap);
            value(row, col++, line.now(), d.decimals());
            value(row, col++, line.lastYear(), d.decimals());
            text(row, col++, line.runningTotal() ? "Running total" : line.direction() == null ? NOT_AVAILABLE : line.directionText(), wrap);
            int variationCol = col;
            text(row, col++, besideIcon(Icons.of(line.variation()), line.variationWords()), wrap);
            int assuranceCol = col;
            text(row, col++, besideIcon(Icons.of(line.assurance()), line.assurance().shortWords() != null
                    ? "Target: " + line.assurance().shortWords().toLowerCase(java.util.Locale.UK) + " as things are" : assurance(line)),
                    wrap);
            int targetCol = col;
            number(row, col++, line.target() == null ? null : line.target().value(), d.decimals(),
                    d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE);
            int ragCol = col;
            text(row, col++, line.rag() == null ? (d.polarity() == Polarity.context || line.target() == null ? NOT_APPLICABLE
                    : NOT_AVAILABLE) : besideIcon(Icons.of(line.rag()), line.rag().words()), wrap);
            BenchmarkValue b = line.benchmark();
            boolean noEngland = d.benchmark() == null || d.unit() == Unit.count;
            int englandCol = col;
            number(row, col++, englandShown(line) ? b.england() : null, d.decimals(), noEngland ? NOT_APPLICABLE : NOT_AVAILABLE);
            // Counts, rates and percentages share these columns: a percentage says it is one.
            percentSigns(row, d, 2, 3, targetCol, englandCol);
            if (englandYear) {
                text(row, col++, englandShown(line) ? "31 March " + b.periodEnd().getYear() : NOT_APPLICABLE);
            }
            String[] n = Headlines.neighboursCount(c, d);
            text(row, col++, n == null ? (d.polarity() == Polarity.context || d.unit() == Unit.count || d.benchmark() == null
                    ? NOT_APPLICABLE : NOT_AVAILABLE) : n[0].replace(" better", "") + (neighboursDate == null ? " (" + n[2] + ")" : ""), offset);
            text(row, col++, Sentences.brief(line), wrap);
            Targets.Commentary k = line.commentary();
            text(row, col++, k == null ? NOT_AVAILABLE : commentary(k), wrap);
            icon(drawing, Icons.of(line.variation()), r, variationCol);
            icon(drawing, Icons.of(line.assurance()), r, assuranceCol);
            icon(drawing, Icons.of(line.rag()), r, ragCol);
            r++;
        }
        int columns = englandYear ? 14 : 13;
        table(s, "BoardSummary", columns, r);
        // 180 characters at most: one A4 landscape page wide at 9 points or more.
        if (englandYear) {
            widths(s, 12, 25, 8, 8, 10, 13, 11, 7, 11, 8, 9, 10, 26, 22);
        } else {
            widths(s, 12, 26, 8, 8, 11, 13, 12, 7, 11, 9, 10, 28, 25);
        }
        for (int i = TABLE_ROW + 1; i < r; i++) {
            // Tall enough for an icon over two lines of words, and for the icon columns' words as they wrap
            // (printed, "Special cause: improvement (low)" lost its last line to the estimate for plain text).
            float height = Math.max(s.getRow(i).getHeightInPoints(), 40f);
            for (int iconCol : new int[] {5, 6, 8}) {
                org.apache.poi.ss.usermodel.Cell cell = s.getRow(i).getCell(iconCol);
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    int wrapped = wrappedLines(cell.getStringCellValue(), s.getColumnWidth(iconCol) / 256 - 2);
                    height = Math.max(height, wrapped * 13.5f + 4);
                }
            }
            s.getRow(i).setHeightInPoints(Math.min(409, height));
        }
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.3);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.3);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.TOP, 0.4);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.BOTTOM, 0.4);
        wb.setPrintArea(wb.getSheetIndex(s), 0, columns - 1, 0, r - 1);
        s.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(TABLE_ROW, TABLE_ROW, 0, columns - 1));
        s.createFreezePane(2, TABLE_ROW + 1);
    }

    /**
     * The words of a cell that shows an icon: on the line under it, so that no spreadsheet program's
     * way of indenting can put the picture over them.
     */
    /** Lines a cell's text takes wrapped at word boundaries into {@code width} characters (each "\n" a line). */
    static int wrappedLines(String text, int width) {
        int lines = 0;
        for (String part : text.split("\n", -1)) {
            int used = 0;
            lines++;
            for (String word : part.split(" ")) {
                if (used > 0 && used + 1 + word.length() > width) {
                    lines++;
                    used = word.length();
                } else {
                    used += (used > 0 ? 1 : 0) + word.length();
                }
            }
        }
        return lines;
    }

    static String besideIcon(Icons.Icon icon, String words) {
        return icon == null ? words : "\n" + words;
    }

    /** "England, 31 March 2022"; where nothing is shown, the heading says only what it is. */
    static String dated(String what, LocalDate date) {
        return date.equals(LocalDate.MIN) ? what : what + ", 31 March " + date.getYear();
    }

    /** An icon as a picture at the top left of its cell, the cell's words on the line below; its alt text says the same. */
    private void icon(XSSFDrawing drawing, Icons.Icon icon, int row, int col) {
        if (icon == null) {
            return;
        }
        int index = iconPicture(icon);
        int emu = org.apache.poi.util.Units.EMU_PER_PIXEL;
        XSSFClientAnchor anchor = new XSSFClientAnchor(2 * emu, 2 * emu, (2 + ICON_PIXELS) * emu, (2 + ICON_PIXELS) * emu,
                col, row, col, row);
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        XSSFPicture pic = drawing.createPicture(anchor, index);
        pic.getCTPicture().getNvPicPr().getCNvPr().setDescr(icon.words());
        pic.getCTPicture().getNvPicPr().getCNvPr().setName(icon.fileName());
    }

    static String assurance(ScorecardFigures.Line line) {
        return switch (line.assurance()) {
            // A 12-month total's target against the chart's single months: "not in the monthly figures' terms" left a board
            // member asking what it meant (a trial).
            case NO_TARGET -> line.target() == null ? NOT_APPLICABLE : line.indicator().polarity() == Polarity.context
                    ? "Not judged: the indicator is context, with no better direction"
                    : "Not judged: the target is for 12 months, the SPC chart is of single months";
            case NOT_ENOUGH_DATA -> line.target() == null ? NOT_APPLICABLE : "No SPC to judge the target by";
            default -> line.assurance().words();
        };
    }

    static String commentary(Targets.Commentary k) {
        StringBuilder s = new StringBuilder(CsvOutput.text(k.commentary()));
        if (k.action() != null && !k.action().isBlank()) {
            s.append(" Action: ").append(CsvOutput.text(k.action()));
        }
        if (k.owner() != null && !k.owner().isBlank()) {
            s.append(" (").append(CsvOutput.text(k.owner())).append(')');
        }
        return s.toString();
    }

    static boolean englandShown(ScorecardFigures.Line l) {
        return l.benchmark() != null && l.benchmark().england() != null && l.indicator().unit() != Unit.count;
    }

    /** The one date every figure shown is for, or null when they differ (then each says its own). */
    static LocalDate commonDate(List<LocalDate> dates) {
        List<LocalDate> shown = dates.stream().filter(Objects::nonNull).distinct().toList();
        return shown.size() == 1 ? shown.get(0) : shown.isEmpty() ? LocalDate.MIN : null;
    }
}
