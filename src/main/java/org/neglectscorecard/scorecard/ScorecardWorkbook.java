package org.neglectscorecard.scorecard;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;

/**
 * The scorecard workbook for the board and for scrutineers: a cover sheet, the scorecard (this
 * period, the month before, the same month last year, and which way things are going, in words
 * and a symbol) and a trend chart per indicator. Numbers are stored as numbers; a value withheld
 * to protect a small number of children shows [c].
 */
public final class ScorecardWorkbook {

    public static final String SUPPRESSED = "[c]";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /** Everything the workbook shows. */
    public record Content(String partnershipName, String partnershipCode, LocalDate period, LocalDateTime produced,
                          boolean syntheticData, List<RunInputs.InputSummary> inputs, List<String> messages,
                          List<IndicatorDefinition> indicators, List<IndicatorValue> values, Path chartsFolder,
                          List<RunInputs.ProblemCount> problems) {
    }

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle title;
    private final CellStyle wrap;
    private final Map<Integer, CellStyle> numberStyles = new HashMap<>();

    public ScorecardWorkbook() {
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = wb.createCellStyle();
        title.setFont(big);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
    }

    public static String monthName(LocalDate date) {
        return date.format(MONTH);
    }

    public void write(Content c, Path file) throws IOException {
        cover(c);
        scorecard(c);
        trends(c);
        dataQuality(c);
        problems(c);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    private void cover(Content c) {
        XSSFSheet s = wb.createSheet("Cover");
        int r = 0;
        cell(s, r++, 0, "Multi-agency neglect scorecard: " + c.partnershipName(), title);
        r++;
        r = pair(s, r, "Partnership", c.partnershipName() + " (" + c.partnershipCode() + ")");
        r = pair(s, r, "Period", "Month ending " + c.period().format(DAY));
        r = pair(s, r, "Produced", c.produced().format(DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK)));
        if (c.syntheticData()) {
            r = pair(s, r, "Data", "SYNTHETIC SAMPLE DATA: not real children. These figures describe no real area.");
        }
        r++;
        cell(s, r++, 0, "How to read it", bold);
        for (String line : List.of(
                "The Scorecard sheet lists each indicator for the partnership and for each local authority: this month, "
                        + "the month before, and the same month last year.",
                "'Direction of travel' compares this month with the same month last year, so seasonal patterns do not "
                        + "mislead. It says whether that is improving or worsening, using each indicator's better direction.",
                "[c] marks a value withheld because it concerns 1 to 5 children, who could otherwise be identified.",
                "Counts 'in the year' are for the 12 months to the month end. 'Initial' category is the category of abuse "
                        + "when a plan started; 'latest' is the most recent.",
                "The Trends sheet has a chart per indicator over the whole history. The charts are also saved as PNG "
                        + "files in the charts folder beside this workbook.")) {
            cell(s, r++, 0, line, wrap);
        }
        r++;
        cell(s, r++, 0, "Sources", bold);
        Row h = s.createRow(r++);
        header(h, "File", "Rows read", "Rows loaded", "Rows rejected", "Used as at");
        for (RunInputs.InputSummary in : c.inputs()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(in.displayName());
            row.createCell(1).setCellValue(in.rowsRead());
            row.createCell(2).setCellValue(in.rowsLoaded());
            row.createCell(3).setCellValue(in.rowsRejected());
            row.createCell(4).setCellValue("REJECTED".equals(in.status()) ? "not used: " + in.message()
                    : in.asAt() == null ? "not used" : in.asAt());
        }
        if (!c.messages().isEmpty()) {
            r++;
            cell(s, r++, 0, "Notes from this run", bold);
            for (String m : c.messages()) {
                cell(s, r++, 0, m, null);
            }
        }
        s.setColumnWidth(0, 60 * 256);
        for (int i = 1; i <= 4; i++) {
            s.setColumnWidth(i, 16 * 256);
        }
    }

    private void scorecard(Content c) {
        XSSFSheet s = wb.createSheet("Scorecard");
        Row h = s.createRow(0);
        LocalDate previous = c.period().minusMonths(1).withDayOfMonth(c.period().minusMonths(1).lengthOfMonth());
        LocalDate lastYear = c.period().minusYears(1).withDayOfMonth(c.period().minusYears(1).lengthOfMonth());
        header(h, "Priority", "Indicator ID", "Indicator", "Area", "Unit", "This period (" + monthName(c.period()) + ")",
                "Previous month (" + monthName(previous) + ")", "Same month last year (" + monthName(lastYear) + ")",
                "Change on last year", "Direction of travel", "Better is");
        Map<String, Map<LocalDate, IndicatorValue>> byKey = new HashMap<>();
        Map<String, String> areaNames = new LinkedHashMap<>();
        for (IndicatorValue v : c.values()) {
            if (v.isHeadline()) {
                byKey.computeIfAbsent(v.indicatorId() + "|" + v.areaCode(), k -> new HashMap<>()).put(v.periodEnd(), v);
                areaNames.putIfAbsent(v.areaCode(), v.areaName());
            }
        }
        List<String> areas = areaOrder(c.partnershipCode(), areaNames);
        int r = 1;
        for (IndicatorDefinition d : c.indicators()) {
            for (String area : areas) {
                Map<LocalDate, IndicatorValue> series = byKey.getOrDefault(d.id() + "|" + area, Map.of());
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(d.priority());
                row.createCell(1).setCellValue(d.id());
                row.createCell(2).setCellValue(d.title());
                row.createCell(3).setCellValue(areaNames.get(area));
                row.createCell(4).setCellValue(unitName(d));
                IndicatorValue now = series.get(c.period());
                IndicatorValue before = series.get(lastYear);
                value(row, 5, now, d.decimals());
                value(row, 6, series.get(previous), d.decimals());
                value(row, 7, before, d.decimals());
                if (usable(now) && usable(before)) {
                    BigDecimal change = now.value().subtract(before.value());
                    row.createCell(8).setCellValue(change.doubleValue());
                    row.getCell(8).setCellStyle(numberStyle(d.decimals()));
                    row.createCell(9).setCellValue(direction(d.polarity(), change.signum()));
                } else {
                    row.createCell(8).setCellValue(now != null && now.suppressed() || before != null && before.suppressed() ? SUPPRESSED : "");
                    row.createCell(9).setCellValue(now == null ? "No value for this period" : "No value a year earlier");
                }
                row.createCell(10).setCellValue(d.polarity() == Polarity.up ? "Higher" : d.polarity() == Polarity.down
                        ? "Lower" : "No better direction");
            }
        }
        int[] widths = {26, 26, 52, 28, 16, 18, 18, 18, 14, 22, 14};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(0, 1);
    }

    private void trends(Content c) throws IOException {
        XSSFSheet s = wb.createSheet("Trends");
        cell(s, 0, 0, "A chart per indicator over the whole history, a line per area. Suppressed values are gaps.", null);
        XSSFDrawing drawing = s.createDrawingPatriarch();
        Map<String, List<IndicatorValue>> headline = new HashMap<>();
        Map<String, String> areaNames = new LinkedHashMap<>();
        for (IndicatorValue v : c.values()) {
            if (v.isHeadline()) {
                headline.computeIfAbsent(v.indicatorId() + "|" + v.areaCode(), k -> new ArrayList<>()).add(v);
                areaNames.putIfAbsent(v.areaCode(), v.areaName());
            }
        }
        List<String> areas = areaOrder(c.partnershipCode(), areaNames);
        Files.createDirectories(c.chartsFolder());
        int top = 2;
        for (IndicatorDefinition d : c.indicators()) {
            Map<String, List<IndicatorValue>> series = new LinkedHashMap<>();
            for (String area : areas) {
                List<IndicatorValue> values = headline.get(d.id() + "|" + area);
                if (values != null) {
                    series.put(areaNames.get(area), values);
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            byte[] png = TrendChart.png(TrendChart.chart(d, series));
            Files.write(c.chartsFolder().resolve(d.id() + ".png"), png);
            int picture = wb.addPicture(png, Workbook.PICTURE_TYPE_PNG);
            cell(s, top, 0, d.id() + ": " + d.title(), bold);
            XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 0, top + 1, 12, top + 27);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            XSSFPicture pic = drawing.createPicture(anchor, picture);
            pic.getCTPicture().getNvPicPr().getCNvPr().setDescr(TrendChart.altText(d, series));
            pic.getCTPicture().getNvPicPr().getCNvPr().setName(d.id());
            top += 29;
        }
    }

    /** For each input file: what was read, loaded and rejected, the date it was used as at, its checksum. */
    private void dataQuality(Content c) {
        XSSFSheet s = wb.createSheet("Data quality");
        header(s.createRow(0), "File", "Format", "Status", "Rows read", "Rows loaded", "Rows rejected", "Used as at",
                "Checksum (SHA-256)", "Why rejected");
        int r = 1;
        for (RunInputs.InputSummary in : c.inputs()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(in.displayName());
            row.createCell(1).setCellValue(in.format());
            row.createCell(2).setCellValue(in.status().toLowerCase(Locale.ROOT));
            row.createCell(3).setCellValue(in.rowsRead());
            row.createCell(4).setCellValue(in.rowsLoaded());
            row.createCell(5).setCellValue(in.rowsRejected());
            row.createCell(6).setCellValue(in.asAt() == null ? "" : in.asAt());
            row.createCell(7).setCellValue(in.checksum());
            row.createCell(8).setCellValue(in.message() == null ? "" : in.message());
        }
        int[] widths = {44, 20, 12, 12, 12, 14, 34, 68, 60};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(0, 1);
    }

    /** The problems found in the inputs, counted by file, table and column, with an example of each. */
    private void problems(Content c) {
        XSSFSheet s = wb.createSheet("Problems found");
        header(s.createRow(0), "File", "Table or sheet", "Column", "What was done", "How many", "Example reason");
        int r = 1;
        for (RunInputs.ProblemCount p : c.problems()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(p.file());
            row.createCell(1).setCellValue(p.sheet() == null ? "(whole file)" : p.sheet());
            row.createCell(2).setCellValue(p.column() == null ? "" : p.column());
            row.createCell(3).setCellValue(p.outcome());
            row.createCell(4).setCellValue(p.count());
            row.createCell(5).setCellValue(p.example());
        }
        int[] widths = {44, 24, 28, 16, 10, 100};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(0, 1);
    }

    /** The partnership first, then its LAs by name. */
    private static List<String> areaOrder(String partnership, Map<String, String> names) {
        List<String> areas = new ArrayList<>();
        if (names.containsKey(partnership)) {
            areas.add(partnership);
        }
        names.entrySet().stream().filter(e -> !e.getKey().equals(partnership))
                .sorted(Map.Entry.comparingByValue()).forEach(e -> areas.add(e.getKey()));
        return areas;
    }

    static String direction(Polarity polarity, int sign) {
        if (sign == 0) {
            return "\u25CF No change";
        }
        String arrow = sign > 0 ? "\u25B2 " : "\u25BC ";
        return switch (polarity) {
            case up -> arrow + (sign > 0 ? "Improving" : "Worsening");
            case down -> arrow + (sign < 0 ? "Improving" : "Worsening");
            case context -> arrow + (sign > 0 ? "Up" : "Down");
        };
    }

    static String unitName(IndicatorDefinition d) {
        return switch (d.unit()) {
            case count -> "Number";
            case percent -> "%";
            case rate_per_10k -> "Per 10,000 children";
            case ratio -> "Ratio";
            case mean -> "Mean";
        };
    }

    private static boolean usable(IndicatorValue v) {
        return v != null && !v.suppressed() && v.value() != null;
    }

    private void value(Row row, int column, IndicatorValue v, int decimals) {
        if (v == null) {
            return;
        }
        if (v.suppressed()) {
            row.createCell(column).setCellValue(SUPPRESSED);
            return;
        }
        row.createCell(column).setCellValue(v.value().doubleValue());
        row.getCell(column).setCellStyle(numberStyle(decimals));
    }

    private CellStyle numberStyle(int decimals) {
        return numberStyles.computeIfAbsent(decimals, d -> {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
            return style;
        });
    }

    private void header(Row row, String... names) {
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    private int pair(XSSFSheet s, int r, String label, String value) {
        Row row = s.createRow(r);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(bold);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private void cell(XSSFSheet s, int r, int c, String text, CellStyle style) {
        Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        row.createCell(c).setCellValue(text);
        if (style != null) {
            row.getCell(c).setCellStyle(style);
        }
    }
}
