package org.neglectscorecard.scorecard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * The cover: title, partnership, period, contact, "at a glance" (is neglect rising or falling, how we
 * compare with England, which targets are red), how to read the workbook, and the sources with their as-at dates.
 */
final class CoverSheet extends SheetWriter {

    CoverSheet(WorkbookParts parts) {
        super(parts);
    }

    /** Written last, when the other sheets are done, on the sheet made first. */
    @Override
    void write(Content c) {
        XSSFSheet s = wb.getSheet("Cover");
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
    static List<LocalDate> asAtDates(String asAt) {
        List<LocalDate> out = new ArrayList<>();
        if (asAt != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?: \\(|$)").matcher(asAt);
            while (m.find()) {
                out.add(LocalDate.parse(m.group(1)));
            }
        }
        return out;
    }
}
