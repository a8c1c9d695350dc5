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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/**
 * The scorecard workbook for the board and for scrutineers (OUTPUTS.md section 2), laid out as the
 * Government Analysis Function asks of statistics in spreadsheets: a cover, contents with links, and
 * notes; then one table per sheet, starting at A4 under a title and a line saying how to read it,
 * with a single header row, as a named Excel table; no merged cells, no blank rows or columns in a
 * table, numbers stored as numbers, [c] [x] [z] where there is no number, alt text on every chart,
 * and nothing said by colour alone. The first sheet after the notes is a one-page board summary
 * set to print on A4 landscape.
 */
public final class ScorecardWorkbook {

    public static final String SUPPRESSED = "[c]";
    public static final String NOT_AVAILABLE = "[x]";
    public static final String NOT_APPLICABLE = "[z]";
    /** Tables start on this row (0-based): a title and a note above them. */
    static final int TABLE_ROW = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /** Everything the workbook shows. */
    public record Content(String partnershipName, String partnershipCode, LocalDate period, LocalDateTime produced,
                          boolean syntheticData, String contact, List<RunInputs.InputSummary> inputs, List<String> messages,
                          List<IndicatorDefinition> indicators, List<IndicatorValue> values, List<ScorecardFigures.Line> lines,
                          List<BenchmarkValue> benchmarks, List<Targets.Commentary> commentary, List<Revision> revisions,
                          List<Completeness> completeness, Path chartsFolder, List<RunInputs.ProblemCount> problems,
                          String neighboursFile) {
    }

    /** A figure for an earlier month that changed since the previous run of the job. */
    public record Revision(String indicatorId, String areaName, LocalDate periodEnd, BigDecimal before, BigDecimal after,
                           LocalDate previousRun) {
    }

    /** How completely a file filled a key field. */
    public record Completeness(String file, String field, long rows, long filled) {
    }

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle heading;
    private final CellStyle title;
    private final CellStyle wrap;
    private final CellStyle link;
    private final CellStyle plain;
    private final Map<Integer, CellStyle> numberStyles = new HashMap<>();
    private final List<String[]> contents = new ArrayList<>();
    private int tables;

    public ScorecardWorkbook() {
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        bold.setWrapText(true);
        bold.setVerticalAlignment(VerticalAlignment.TOP);
        // A line of bold text above a chart: it runs across the cells beside it rather than wrapping in column A.
        heading = wb.createCellStyle();
        heading.setFont(boldFont);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = wb.createCellStyle();
        title.setFont(big);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        Font linkFont = wb.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
        link = wb.createCellStyle();
        link.setFont(linkFont);
        plain = wb.createCellStyle();
        plain.setVerticalAlignment(VerticalAlignment.TOP);
    }

    public static String monthName(LocalDate date) {
        return date.format(MONTH);
    }

    public void write(Content c, Path file) throws IOException {
        XSSFSheet cover = wb.createSheet("Cover");
        XSSFSheet contentsSheet = wb.createSheet("Contents");
        notes(c);
        boardSummary(c);
        scorecard(c);
        trends(c);
        yearOnYear(c);
        breakdowns(c);
        reconciliation(c);
        benchmarks(c);
        revisions(c);
        commentary(c);
        dataQuality(c);
        completeness(c);
        problems(c);
        cover(c, cover);
        contents(contentsSheet);
        printable();
        wb.setActiveSheet(0);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    // ---------------------------------------------------------------- front matter

    private void cover(Content c, XSSFSheet s) {
        int r = 0;
        cell(s, r++, 0, "Multi-agency neglect scorecard", title);
        cell(s, r++, 0, c.partnershipName(), title);
        cell(s, r++, 0, "Month ending " + c.period().format(DAY), bold);
        r++;
        if (c.syntheticData()) {
            r = line(s, r, "SYNTHETIC SAMPLE DATA: not real children. These figures describe no real area.", bold);
        }
        r = line(s, r, "Partnership: " + c.partnershipName() + " (" + c.partnershipCode() + ")", null);
        r = line(s, r, "Produced: " + c.produced().format(DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)), null);
        r = line(s, r, "Contact: " + (c.contact() == null ? "the partnership's performance team (set 'contact' in the job file)" : c.contact()), null);
        r++;
        cell(s, r++, 0, "At a glance", bold);
        for (String text : atAGlance(c)) {
            r = line(s, r, text, wrap);
        }
        r++;
        cell(s, r++, 0, "What this is", bold);
        r = line(s, r, "The partnership's neglect strategy measures, for every month: children on plans and in need because of "
                + "neglect, help given early, the workforce, the quality of practice, health, police and what families say. "
                + "Child protection and children in need figures follow the Department for Education's definitions, so they "
                + "can be set beside England's.", wrap);
        r++;
        cell(s, r++, 0, "How to read it", bold);
        for (String text : List.of(
                "Start with the Board summary: one page, a line per headline indicator, grouped by strategic priority.",
                "Direction of travel compares this month with the same month a year earlier (so seasons do not mislead), "
                        + "in words and a symbol: \u25B2 up, \u25BC down, \u25CF no change, with whether that is better or worse.",
                "Variation reads the monthly figures as statistical process control charts, as NHS England's 'Making Data Count' "
                        + "does: a change is called real (special cause) only when the figures leave their usual range; "
                        + "otherwise it is common-cause variation, the usual ups and downs.",
                "RAG compares the figure with the partnership's target: \u2714 green on target, ! amber within the tolerance, "
                        + "\u2718 red beyond it.",
                "[c] marks a figure withheld because it concerns 1 to 5 children or families; [x] a figure not available; "
                        + "[z] not applicable. The Notes sheet defines every indicator.",
                "Counts 'in the year' are for the 12 months to the month end; at 31 March, the Department's reporting year.")) {
            r = line(s, r, text, wrap);
        }
        r++;
        cell(s, r++, 0, "Sources", bold);
        Map<String, Integer> kinds = new LinkedHashMap<>();
        Map<String, java.util.TreeSet<LocalDate>> asAt = new HashMap<>();
        for (RunInputs.InputSummary in : c.inputs()) {
            kinds.merge(formatName(in.format()), 1, Integer::sum);
            asAt.computeIfAbsent(formatName(in.format()), k -> new java.util.TreeSet<>()).addAll(asAtDates(in.asAt()));
        }
        kinds.forEach((k, n) -> {
            java.util.TreeSet<LocalDate> dates = asAt.get(k);
            String when = dates.isEmpty() ? "" : dates.size() == 1 ? ", as at " + dates.first().format(DAY)
                    : ", as at " + dates.first().format(DAY) + " to " + dates.last().format(DAY);
            cell(s, s.getLastRowNum() + 1, 0, k + ": " + n + (n == 1 ? " file" : " files") + when, null);
        });
        r = s.getLastRowNum() + 1;
        r = line(s, r, "Each file, the date it was used as at, and what was read from it: the Data quality sheet.", wrap);
        if (c.neighboursFile() != null) {
            r = line(s, r, "Statistical neighbours: " + c.neighboursFile() + ".", wrap);
        }
        if (!c.messages().isEmpty()) {
            r++;
            cell(s, r++, 0, "Notes from this run", bold);
            for (String m : c.messages()) {
                r = line(s, r, m, wrap);
            }
        }
        // As wide as an A4 page in portrait, so the cover prints as it reads on screen.
        s.setColumnWidth(0, 72 * 256);
        fitRows(s, 0, 72);
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        // Fonts differ between Excel and other programs: one page wide whatever the font measures.
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
    }

    /** The three things a board asks first: is neglect rising or falling, how do we compare, which targets are red. */
    private static List<String> atAGlance(Content c) {
        List<String> out = new ArrayList<>();
        for (String id : List.of("CPP_OPEN_NEG_INIT", "CPP_START_NEG_INIT")) {
            ScorecardFigures.find(c.lines(), id, c.partnershipCode()).filter(ScorecardFigures.Line::hasValue)
                    .ifPresent(l -> out.add(l.sentence()));
        }
        c.lines().stream().filter(l -> l.partnership() && l.indicator().headline() && l.benchmark() != null
                        && l.benchmark().england() != null && l.benchmark().value() != null && l.indicator().unit() != Unit.count)
                .findFirst().ifPresent(l -> {
                    BenchmarkValue b = l.benchmark();
                    int sign = b.value().compareTo(b.england());
                    boolean better = l.indicator().polarity() == Polarity.up ? sign > 0 : sign < 0;
                    out.add("Compared with England: " + l.indicator().title().toLowerCase(Locale.UK) + " was "
                            + Sentences.format(l.indicator(), b.value()) + " at " + b.periodEnd().format(DAY) + ", against England's "
                            + Sentences.format(l.indicator(), b.england()) + (sign == 0 ? "." : better ? " (better than England)."
                            : " (worse than England)."));
                });
        List<String> red = c.lines().stream().filter(l -> l.partnership() && l.rag() == Targets.Rag.RED)
                .map(l -> l.indicator().title()).toList();
        List<String> amber = c.lines().stream().filter(l -> l.partnership() && l.rag() == Targets.Rag.AMBER)
                .map(l -> l.indicator().title()).toList();
        long green = c.lines().stream().filter(l -> l.partnership() && l.rag() == Targets.Rag.GREEN).count();
        if (red.isEmpty() && amber.isEmpty() && green == 0) {
            out.add("Targets: none set for this month (add a targets file to the inputs).");
        } else {
            out.add("Targets: " + (red.isEmpty() ? "none red" : red.size() + " red (" + String.join("; ", red) + ")") + ", "
                    + amber.size() + " amber, " + green + " green. The Board summary has each headline indicator on one page.");
        }
        return out;
    }

    /** The dates a file's returns were used as at: "2026-03-31 (2025-04-01),2025-03-31 (...)" as RunInputs gives them. */
    private static List<LocalDate> asAtDates(String asAt) {
        List<LocalDate> out = new ArrayList<>();
        if (asAt != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?: \\(|$)").matcher(asAt);
            while (m.find()) {
                out.add(LocalDate.parse(m.group(1)));
            }
        }
        return out;
    }

    private static String formatName(String format) {
        return switch (format) {
            case "CIN_CENSUS_XML", "CIN_CENSUS_TABLES" -> "CIN census returns";
            case "ANNEX_A" -> "Ofsted Annex A workbooks";
            case "SSDA903" -> "SSDA903 returns";
            case "AGENCY" -> "Multi-agency data (training, audits, early help, health, GCP2, police, feedback)";
            case "REFERENCE" -> "Reference data (DfE published statistics, neighbours, population, targets, commentary)";
            default -> "Files not used";
        };
    }

    private void contents(XSSFSheet s) {
        cell(s, 0, 0, "Contents", title);
        cell(s, 1, 0, "Select a sheet's name to go to it.", null);
        Row h = s.createRow(TABLE_ROW);
        header(h, "Sheet", "What it shows");
        int r = TABLE_ROW + 1;
        for (String[] entry : contents) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(entry[0]);
            XSSFHyperlink hyperlink = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            hyperlink.setAddress("'" + entry[0] + "'!A1");
            row.getCell(0).setHyperlink(hyperlink);
            row.getCell(0).setCellStyle(link);
            row.createCell(1).setCellValue(entry[1]);
        }
        table(s, "Contents", 2, r);
        widths(s, 26, 110);
    }

    private void notes(Content c) {
        XSSFSheet s = sheet("Notes", "Every indicator: what it measures, where it comes from, which way is better. "
                + "Symbols: [c] withheld to protect 1 to 5 children or families (counts of practitioners, audits and "
                + "appointments are not withheld); [x] not available; [z] not applicable.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Strategic priority", "Definition", "Source", "Better is",
                "Unit", "Department for Education counterpart", "Withheld when 1 to 5");
        int r = TABLE_ROW + 1;
        for (IndicatorDefinition d : c.indicators()) {
            Row row = s.createRow(r++);
            text(row, 0, d.id());
            text(row, 1, d.title());
            text(row, 2, d.priority());
            text(row, 3, d.definition(), wrap);
            text(row, 4, d.source());
            text(row, 5, better(d));
            text(row, 6, unitName(d));
            text(row, 7, d.dfe() == null ? "none" : d.dfe());
            text(row, 8, d.counts().isPeople() ? "Yes (" + d.counts() + ")" : "No");
        }
        table(s, "Notes", 9, r);
        widths(s, 26, 44, 28, 80, 34, 16, 18, 44, 18);
    }

    // ---------------------------------------------------------------- board summary

    private void boardSummary(Content c) {
        XSSFSheet s = sheet("Board summary", "Headline indicators for " + c.partnershipName() + ", month ending "
                + c.period().format(DAY) + ". Change is on the same month a year earlier; variation reads the monthly "
                + "figures (SPC); RAG is against the partnership's target.");
        header(s.createRow(TABLE_ROW), "Strategic priority", "Indicator", "This month", "A year earlier", "Direction of travel",
                "Variation (SPC)", "Target", "RAG", "England (latest 31 March)", "Member LAs better than their neighbours",
                "What it says");
        int r = TABLE_ROW + 1;
        List<String> priorities = priorities(c.indicators());
        for (String priority : priorities) {
            for (IndicatorDefinition d : c.indicators()) {
                if (!d.headline() || !d.priority().equals(priority)) {
                    continue;
                }
                ScorecardFigures.Line line = ScorecardFigures.find(c.lines(), d.id(), c.partnershipCode()).orElse(null);
                if (line == null) {
                    continue;
                }
                Row row = s.createRow(r++);
                text(row, 0, priority, wrap);
                text(row, 1, d.title(), wrap);
                value(row, 2, line.now(), d.decimals());
                value(row, 3, line.lastYear(), d.decimals());
                text(row, 4, line.direction() == null ? NOT_AVAILABLE : line.direction(), wrap);
                text(row, 5, line.variation().words(), wrap);
                number(row, 6, line.target() == null ? null : line.target().value(), d.decimals(),
                        d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE);
                text(row, 7, line.rag() == null ? (d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE) : line.rag().words(), wrap);
                BenchmarkValue b = line.benchmark();
                boolean noEngland = d.benchmark() == null || d.unit() == Unit.count;
                number(row, 8, b == null || noEngland ? null : b.england(), d.decimals(), noEngland ? NOT_APPLICABLE : NOT_AVAILABLE);
                text(row, 9, neighboursSummary(c, d), wrap);
                text(row, 10, line.sentence(), wrap);
            }
        }
        table(s, "BoardSummary", 11, r);
        widths(s, 18, 30, 10, 10, 14, 20, 9, 14, 11, 16, 70);
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 1);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.4);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.4);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.TOP, 0.4);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.BOTTOM, 0.4);
        wb.setPrintArea(wb.getSheetIndex(s), 0, 10, 0, r - 1);
        s.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(TABLE_ROW, TABLE_ROW, 0, 10));
    }

    /** "2 of 3": member LAs whose latest benchmarked figure is better than their neighbours' mean. */
    private static String neighboursSummary(Content c, IndicatorDefinition d) {
        if (d.polarity() == Polarity.context || d.unit() == Unit.count) {
            return NOT_APPLICABLE;
        }
        Map<String, BenchmarkValue> latest = new HashMap<>();
        for (BenchmarkValue b : c.benchmarks()) {
            if (b.indicatorId().equals(d.id()) && !b.areaCode().equals(c.partnershipCode()) && b.snMean() != null && b.value() != null) {
                latest.merge(b.areaCode(), b, (x, y) -> x.periodEnd().isAfter(y.periodEnd()) ? x : y);
            }
        }
        if (latest.isEmpty()) {
            return NOT_AVAILABLE;
        }
        long better = latest.values().stream().filter(b -> d.polarity() == Polarity.up ? b.value().compareTo(b.snMean()) > 0
                : b.value().compareTo(b.snMean()) < 0).count();
        LocalDate when = latest.values().stream().map(BenchmarkValue::periodEnd).max(LocalDate::compareTo).orElseThrow();
        return better + " of " + latest.size() + " (31 March " + when.getYear() + ")";
    }

    // ---------------------------------------------------------------- the full scorecard

    private void scorecard(Content c) {
        LocalDate previous = c.period().minusMonths(1).withDayOfMonth(c.period().minusMonths(1).lengthOfMonth());
        LocalDate lastYear = c.period().minusYears(1).withDayOfMonth(c.period().minusYears(1).lengthOfMonth());
        XSSFSheet s = sheet("Scorecard", "Every indicator for the partnership and each local authority, grouped by strategic "
                + "priority. Variation and target assurance read the monthly figures as SPC charts (see Trends).");
        header(s.createRow(TABLE_ROW), "Strategic priority", "Indicator ID", "Indicator", "Area", "Unit",
                "This period (" + monthName(c.period()) + ")", "Previous month (" + monthName(previous) + ")",
                "Same month last year (" + monthName(lastYear) + ")", "Change on last year", "Direction of travel",
                "Variation (SPC)", "Target", "RAG", "Target assurance (SPC)", "England (latest 31 March)",
                "Statistical neighbours mean", "Better is", "What it says");
        int r = TABLE_ROW + 1;
        for (String priority : priorities(c.indicators())) {
            for (ScorecardFigures.Line line : c.lines()) {
                IndicatorDefinition d = line.indicator();
                if (!d.priority().equals(priority)) {
                    continue;
                }
                Row row = s.createRow(r++);
                text(row, 0, priority);
                text(row, 1, d.id());
                text(row, 2, d.title());
                text(row, 3, line.areaName());
                text(row, 4, unitName(d));
                value(row, 5, line.now(), d.decimals());
                value(row, 6, line.previousMonth(), d.decimals());
                value(row, 7, line.lastYear(), d.decimals());
                if (line.change() != null) {
                    number(row, 8, line.change(), d.decimals(), null);
                } else {
                    text(row, 8, suppressedEither(line) ? SUPPRESSED : NOT_AVAILABLE);
                }
                text(row, 9, line.direction() == null ? NOT_AVAILABLE : line.direction());
                text(row, 10, line.variation().words());
                number(row, 11, line.target() == null ? null : line.target().value(), d.decimals(),
                        d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE);
                text(row, 12, line.rag() == null ? (d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE) : line.rag().words());
                text(row, 13, line.assurance().words());
                BenchmarkValue b = line.benchmark();
                boolean counted = d.benchmark() == null || d.unit() == Unit.count;
                String none = counted ? NOT_APPLICABLE : NOT_AVAILABLE;
                number(row, 14, b == null || counted ? null : b.england(), d.decimals(), none);
                number(row, 15, b == null || counted ? null : b.snMean(), d.decimals(), line.partnership() ? NOT_APPLICABLE : none);
                text(row, 16, better(d));
                text(row, 17, line.sentence(), wrap);
            }
        }
        table(s, "Scorecard", 18, r);
        widths(s, 24, 26, 44, 26, 14, 14, 14, 14, 12, 18, 30, 10, 20, 34, 14, 14, 14, 100);
        s.createFreezePane(4, TABLE_ROW + 1);
    }

    private static boolean suppressedEither(ScorecardFigures.Line line) {
        return line.now() != null && line.now().suppressed() || line.lastYear() != null && line.lastYear().suppressed();
    }

    // ---------------------------------------------------------------- trends

    private void trends(Content c) throws IOException {
        XSSFSheet s = wb.createSheet("Trends");
        contents.add(new String[] {"Trends", "A statistical process control chart per indicator for the partnership"});
        cell(s, 0, 0, "Trends", title);
        cell(s, 1, 0, "Each chart reads the partnership's monthly figures as a statistical process control chart: the mean, the "
                + "process limits, and special-cause months marked by shape and colour. Also saved as PNG files in the charts folder.", null);
        XSSFDrawing drawing = s.createDrawingPatriarch();
        Files.createDirectories(c.chartsFolder());
        Map<String, List<BenchmarkValue>> england = new HashMap<>();
        for (BenchmarkValue b : c.benchmarks()) {
            if (b.areaCode().equals(c.partnershipCode())) {
                england.computeIfAbsent(b.indicatorId(), k -> new ArrayList<>()).add(b);
            }
        }
        int top = 3;
        for (IndicatorDefinition d : c.indicators()) {
            ScorecardFigures.Line line = ScorecardFigures.find(c.lines(), d.id(), c.partnershipCode())
                    .filter(l -> !l.history().isEmpty())
                    .or(() -> c.lines().stream().filter(l -> l.indicator().id().equals(d.id()) && !l.history().isEmpty()).findFirst())
                    .orElse(null);
            if (line == null) {
                continue;
            }
            TrendChart.Picture picture = TrendChart.draw(line, england.get(d.id()));
            Files.write(c.chartsFolder().resolve(d.id() + ".png"), picture.png());
            int index = wb.addPicture(picture.png(), Workbook.PICTURE_TYPE_PNG);
            cell(s, top, 0, d.id() + ": " + d.title() + " (" + line.areaName() + ")", heading);
            cell(s, top + 1, 0, "Latest month: " + line.variation().words() + ". " + capitalise(picture.note()) + ".", null);
            XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 0, top + 2, 11, top + 28);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            XSSFPicture pic = drawing.createPicture(anchor, index);
            pic.getCTPicture().getNvPicPr().getCNvPr().setDescr(picture.altText());
            pic.getCTPicture().getNvPicPr().getCNvPr().setName(d.id());
            top += 30;
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- year on year

    private void yearOnYear(Content c) {
        TreeSet<LocalDate> marches = new TreeSet<>();
        for (IndicatorValue v : c.values()) {
            if (v.isHeadline() && v.periodEnd().getMonthValue() == 3 && v.periodEnd().getDayOfMonth() == 31 && !v.periodEnd().isAfter(c.period())) {
                marches.add(v.periodEnd());
            }
        }
        List<LocalDate> years = new ArrayList<>(marches);
        XSSFSheet s = sheet("Year on year", "The value at 31 March of each year, and the change from the year before, for "
                + "scrutiny. 12-month figures are for the year to that 31 March (the Department's reporting year).");
        List<String> names = new ArrayList<>(List.of("Indicator ID", "Indicator", "Area", "Unit"));
        for (int i = 0; i < years.size(); i++) {
            names.add("31 March " + years.get(i).getYear());
            if (i > 0) {
                names.add("Change " + years.get(i - 1).getYear() + " to " + years.get(i).getYear());
            }
        }
        header(s.createRow(TABLE_ROW), names.toArray(String[]::new));
        int r = TABLE_ROW + 1;
        for (ScorecardFigures.Line line : c.lines()) {
            IndicatorDefinition d = line.indicator();
            Map<LocalDate, IndicatorValue> byMonth = new HashMap<>();
            line.history().forEach(v -> byMonth.put(v.periodEnd(), v));
            if (years.stream().noneMatch(byMonth::containsKey)) {
                continue;
            }
            Row row = s.createRow(r++);
            text(row, 0, d.id());
            text(row, 1, d.title());
            text(row, 2, line.areaName());
            text(row, 3, unitName(d));
            int col = 4;
            for (int i = 0; i < years.size(); i++) {
                IndicatorValue v = byMonth.get(years.get(i));
                if (v == null) {
                    text(row, col, NOT_AVAILABLE);
                } else {
                    value(row, col, v, d.decimals());
                }
                col++;
                if (i > 0) {
                    IndicatorValue before = byMonth.get(years.get(i - 1));
                    if (ScorecardFigures.usable(v) && ScorecardFigures.usable(before)) {
                        number(row, col, v.value().subtract(before.value()), d.decimals(), null);
                    } else {
                        text(row, col, v != null && v.suppressed() || before != null && before.suppressed() ? SUPPRESSED : NOT_AVAILABLE);
                    }
                    col++;
                }
            }
        }
        table(s, "YearOnYear", names.size(), r);
        int[] w = new int[names.size()];
        w[0] = 26;
        w[1] = 44;
        w[2] = 26;
        w[3] = 14;
        for (int i = 4; i < w.length; i++) {
            w[i] = 13;
        }
        widths(s, w);
        s.createFreezePane(3, TABLE_ROW + 1);
    }

    // ---------------------------------------------------------------- breakdowns

    private void breakdowns(Content c) {
        XSSFSheet s = sheet("Breakdowns", "Knowing our problem: indicators by age band, gender, ethnic group, disability, "
                + "agency sector or respondent, at the run's month end and each 31 March.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Area", "Month end", "Breakdown", "Group", "Value", "Unit");
        Map<String, IndicatorDefinition> byId = new HashMap<>();
        c.indicators().forEach(d -> byId.put(d.id(), d));
        int r = TABLE_ROW + 1;
        for (IndicatorValue v : c.values()) {
            IndicatorDefinition d = byId.get(v.indicatorId());
            if (v.isHeadline() || d == null || v.periodEnd().isAfter(c.period())) {
                continue;
            }
            String[] parts = v.breakdown().split("=", 2);
            Row row = s.createRow(r++);
            text(row, 0, d.id());
            text(row, 1, d.title());
            text(row, 2, v.areaName());
            text(row, 3, v.periodEnd().toString());
            text(row, 4, parts[0].replace('_', ' '));
            text(row, 5, parts.length > 1 ? parts[1] : "");
            value(row, 6, v, d.decimals());
            text(row, 7, unitName(d));
        }
        table(s, "Breakdowns", 8, r);
        widths(s, 26, 44, 26, 12, 16, 30, 10, 14);
        s.createFreezePane(0, TABLE_ROW + 1);
    }

    // ---------------------------------------------------------------- against DfE

    private void reconciliation(Content c) {
        XSSFSheet s = sheet("Reconciliation", "Our figure beside the one the Department for Education published for the same "
                + "LA and 31 March, from the DfE files among the inputs. A difference means the returns loaded here are not "
                + "the ones DfE published from (a later correction, a missing file) or a definition differs: worth checking.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Area", "31 March", "Our figure", "DfE published",
                "Difference", "Check");
        Map<String, String> names = areaNames(c);
        int r = TABLE_ROW + 1;
        for (BenchmarkValue b : c.benchmarks()) {
            IndicatorDefinition d = find(c, b.indicatorId());
            if (d == null || b.published() == null || b.areaCode().equals(c.partnershipCode())) {
                continue;
            }
            Row row = s.createRow(r++);
            text(row, 0, d.id());
            text(row, 1, d.title());
            text(row, 2, names.getOrDefault(b.areaCode(), b.areaCode()));
            text(row, 3, b.periodEnd().toString());
            number(row, 4, b.value(), d.decimals(), NOT_AVAILABLE);
            number(row, 5, b.published(), d.decimals(), NOT_AVAILABLE);
            if (b.value() != null) {
                BigDecimal diff = b.value().subtract(b.published());
                number(row, 6, diff, d.decimals(), null);
                text(row, 7, diff.signum() == 0 ? "\u2714 Matches" : "\u2718 Differs");
            } else {
                text(row, 6, NOT_AVAILABLE);
                text(row, 7, "No figure of ours");
            }
        }
        table(s, "Reconciliation", 8, r);
        widths(s, 26, 44, 26, 12, 12, 14, 12, 14);
    }

    private void benchmarks(Content c) {
        XSSFSheet s = sheet("Benchmarks", "Rates and percentages beside England, the region and the LA's statistical "
                + "neighbours (their mean, of those with a figure), with the LA's rank among all LAs (1 is best) and quartile "
                + "(A best, D worst), at each 31 March DfE has published. The partnership is set beside England only.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Area", "31 March", "Value", "England", "Region",
                "Neighbours mean", "Neighbours with a figure", "Rank", "Out of", "Quartile");
        Map<String, String> names = areaNames(c);
        int r = TABLE_ROW + 1;
        for (BenchmarkValue b : c.benchmarks()) {
            IndicatorDefinition d = find(c, b.indicatorId());
            if (d == null || d.unit() == Unit.count) {
                continue;
            }
            boolean partnership = b.areaCode().equals(c.partnershipCode());
            Row row = s.createRow(r++);
            text(row, 0, d.id());
            text(row, 1, d.title());
            text(row, 2, names.getOrDefault(b.areaCode(), b.areaCode()));
            text(row, 3, b.periodEnd().toString());
            number(row, 4, b.value(), d.decimals(), NOT_AVAILABLE);
            number(row, 5, b.england(), d.decimals(), NOT_AVAILABLE);
            number(row, 6, b.region(), d.decimals(), partnership ? NOT_APPLICABLE : NOT_AVAILABLE);
            number(row, 7, b.snMean(), d.decimals(), partnership ? NOT_APPLICABLE : NOT_AVAILABLE);
            integer(row, 8, b.snCount(), partnership ? NOT_APPLICABLE : NOT_AVAILABLE);
            String noRank = partnership || d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE;
            integer(row, 9, b.rank(), noRank);
            integer(row, 10, b.rankOf(), noRank);
            text(row, 11, b.quartile() == null ? noRank : b.quartile());
        }
        table(s, "Benchmarks", 12, r);
        widths(s, 26, 44, 26, 12, 10, 10, 10, 12, 12, 8, 8, 10);
    }

    private void revisions(Content c) {
        LocalDate previousRun = c.revisions().isEmpty() ? null : c.revisions().get(0).previousRun();
        XSSFSheet s = sheet("Revisions", previousRun == null
                ? "Figures for earlier months that changed since the previous run of this job: none found (or no previous run)."
                : "Figures for earlier months that changed since the run for " + previousRun.format(DAY)
                        + " (a corrected return, a later return, or late data), so scrutineers know which history moved.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Area", "Month end", "Previous run's figure", "This run's figure", "Change");
        int r = TABLE_ROW + 1;
        for (Revision v : c.revisions()) {
            IndicatorDefinition d = find(c, v.indicatorId());
            int decimals = d == null ? 4 : d.decimals();
            Row row = s.createRow(r++);
            text(row, 0, v.indicatorId());
            text(row, 1, v.areaName());
            text(row, 2, v.periodEnd().toString());
            number(row, 3, v.before(), decimals, "[x] (none before)");
            number(row, 4, v.after(), decimals, "[x] (none now)");
            if (v.before() != null && v.after() != null) {
                number(row, 5, v.after().subtract(v.before()), decimals, null);
            } else {
                text(row, 5, NOT_AVAILABLE);
            }
        }
        table(s, "Revisions", 6, r);
        widths(s, 26, 26, 12, 18, 18, 12);
    }

    private void commentary(Content c) {
        XSSFSheet s = sheet("Commentary", "What the lead officers say about the figures, and the actions they are taking "
                + "(from the commentary file among the inputs), beside each indicator's figure for the month.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Month end", "Partnership figure", "Commentary", "Action", "Owner");
        int r = TABLE_ROW + 1;
        for (Targets.Commentary k : c.commentary()) {
            if (k.periodEnd().isAfter(c.period())) {
                continue;
            }
            IndicatorDefinition d = find(c, k.indicatorId());
            Row row = s.createRow(r++);
            text(row, 0, k.indicatorId());
            text(row, 1, d == null ? "(not in the catalogue)" : d.title());
            text(row, 2, k.periodEnd().toString());
            IndicatorValue v = d == null ? null : c.values().stream().filter(x -> x.indicatorId().equals(d.id())
                    && x.areaCode().equals(c.partnershipCode()) && x.periodEnd().equals(k.periodEnd()) && x.isHeadline()).findFirst().orElse(null);
            if (v == null) {
                text(row, 3, NOT_AVAILABLE);
            } else {
                value(row, 3, v, d.decimals());
            }
            text(row, 4, CsvOutput.text(k.commentary()), wrap);
            text(row, 5, CsvOutput.text(k.action()), wrap);
            text(row, 6, CsvOutput.text(k.owner()));
        }
        table(s, "Commentary", 7, r);
        widths(s, 26, 40, 12, 14, 70, 50, 24);
    }

    // ---------------------------------------------------------------- data quality

    private void dataQuality(Content c) {
        XSSFSheet s = sheet("Data quality", "Each input file: what was read, loaded and rejected, the date it was used as at, "
                + "and its checksum (to tell exactly which file was used). Reasons for rejections are counted on 'Problems found'.");
        header(s.createRow(TABLE_ROW), "File", "Kind", "Status", "Rows read", "Rows loaded", "Rows rejected", "Used as at",
                "Checksum (SHA-256)", "Why rejected");
        int r = TABLE_ROW + 1;
        for (RunInputs.InputSummary in : c.inputs()) {
            Row row = s.createRow(r++);
            text(row, 0, in.displayName());
            text(row, 1, formatName(in.format()));
            text(row, 2, in.status().toLowerCase(Locale.ROOT));
            integer(row, 3, in.rowsRead(), null);
            integer(row, 4, in.rowsLoaded(), null);
            integer(row, 5, in.rowsRejected(), null);
            text(row, 6, in.asAt() == null ? "not used" : in.asAt());
            text(row, 7, in.checksum());
            text(row, 8, in.message() == null ? NOT_APPLICABLE : in.message());
        }
        table(s, "DataQuality", 9, r);
        widths(s, 50, 30, 12, 12, 12, 14, 40, 68, 60);
        s.createFreezePane(1, TABLE_ROW + 1);
    }

    private void completeness(Content c) {
        XSSFSheet s = sheet("Completeness", "How completely each file filled the fields breakdowns and indicators rely on. "
                + "A low figure means a breakdown has many 'Not known' or an indicator misses records.");
        header(s.createRow(TABLE_ROW), "File", "Field", "Rows", "Rows with the field", "Per cent complete");
        int r = TABLE_ROW + 1;
        for (Completeness k : c.completeness()) {
            Row row = s.createRow(r++);
            text(row, 0, k.file());
            text(row, 1, k.field());
            integer(row, 2, (int) k.rows(), null);
            integer(row, 3, (int) k.filled(), null);
            number(row, 4, k.rows() == 0 ? null : BigDecimal.valueOf(k.filled() * 1000 / k.rows(), 1), 1, NOT_APPLICABLE);
        }
        table(s, "Completeness", 5, r);
        widths(s, 50, 40, 10, 18, 16);
    }

    private void problems(Content c) {
        XSSFSheet s = sheet("Problems found", "Problems found in the inputs, counted by file, table and column, with one "
                + "example; every one is listed with its row in rejects.csv beside this workbook.");
        header(s.createRow(TABLE_ROW), "File", "Table or sheet", "Column", "What was done", "How many", "Example reason");
        int r = TABLE_ROW + 1;
        for (RunInputs.ProblemCount p : c.problems()) {
            Row row = s.createRow(r++);
            text(row, 0, p.file());
            text(row, 1, p.sheet() == null ? "(whole file)" : p.sheet());
            text(row, 2, p.column() == null ? "(whole row)" : p.column());
            text(row, 3, p.outcome());
            integer(row, 4, p.count(), null);
            text(row, 5, p.example());
        }
        table(s, "ProblemsFound", 6, r);
        widths(s, 50, 24, 28, 16, 10, 100);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Every sheet not already laid out for print goes on A4 landscape, one page wide, its table's
     * header row repeated on each page: a scrutineer who prints the Notes or the Scorecard gets
     * readable pages, not a column per sheet of paper.
     */
    private void printable() {
        for (Sheet sheet : wb) {
            XSSFSheet s = (XSSFSheet) sheet;
            if (s.getFitToPage()) {
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

    private XSSFSheet sheet(String name, String about) {
        XSSFSheet s = wb.createSheet(name);
        contents.add(new String[] {name, about});
        cell(s, 0, 0, name, title);
        cell(s, 1, 0, about, null);
        return s;
    }

    /** The rows from TABLE_ROW to lastRow (exclusive) as a named Excel table. A table with no rows gets a row saying so. */
    private void table(XSSFSheet s, String name, int columns, int lastRow) {
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
        tables++;
    }

    private static List<String> priorities(List<IndicatorDefinition> indicators) {
        Set<String> out = new LinkedHashSet<>();
        indicators.forEach(d -> out.add(d.priority()));
        return new ArrayList<>(out);
    }

    private static IndicatorDefinition find(Content c, String id) {
        return c.indicators().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    private static Map<String, String> areaNames(Content c) {
        Map<String, String> names = new HashMap<>();
        c.values().forEach(v -> names.putIfAbsent(v.areaCode(), v.areaName()));
        return names;
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

    private void value(Row row, int column, IndicatorValue v, int decimals) {
        if (v == null) {
            text(row, column, NOT_AVAILABLE);
        } else if (v.suppressed()) {
            text(row, column, SUPPRESSED);
        } else {
            number(row, column, v.value(), decimals, NOT_AVAILABLE);
        }
    }

    private void number(Row row, int column, BigDecimal v, int decimals, String otherwise) {
        if (v == null) {
            text(row, column, otherwise == null ? NOT_AVAILABLE : otherwise);
            return;
        }
        row.createCell(column).setCellValue(v.doubleValue());
        row.getCell(column).setCellStyle(numberStyle(decimals));
    }

    private void integer(Row row, int column, Integer v, String otherwise) {
        if (v == null) {
            text(row, column, otherwise == null ? NOT_AVAILABLE : otherwise);
            return;
        }
        row.createCell(column).setCellValue(v);
        row.getCell(column).setCellStyle(numberStyle(0));
    }

    private CellStyle numberStyle(int decimals) {
        return numberStyles.computeIfAbsent(decimals, d -> {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        });
    }

    private void text(Row row, int column, String value) {
        text(row, column, value, null);
    }

    private void text(Row row, int column, String value, CellStyle style) {
        row.createCell(column).setCellValue(value == null ? "" : value);
        row.getCell(column).setCellStyle(style != null ? style : plain);
    }

    private void header(Row row, String... names) {
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static void widths(XSSFSheet s, int... widths) {
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        fitRows(s, TABLE_ROW, widths);
    }

    /** Rows tall enough for their wrapped text: spreadsheet programs do not grow them on opening. */
    private static void fitRows(XSSFSheet s, int fromRow, int... widths) {
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
                    for (String part : cell.getStringCellValue().split("\n")) {
                        needed += Math.max(1, (int) Math.ceil(part.length() * 1.1 / chars));
                    }
                    lines = Math.max(lines, needed);
                }
            }
            if (lines > 1) {
                row.setHeightInPoints(Math.min(409, lines * 13f + 2));
            }
        }
    }

    private int line(XSSFSheet s, int r, String text, CellStyle style) {
        cell(s, r, 0, text, style);
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
