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
        cell(s, r++, 0, "At a glance (the same as the Board summary and the board pack)", bold);
        for (Headlines.Glance g : Headlines.atAGlance(c)) {
            r = line(s, r, g.question(), bold);
            for (String text : g.answers()) {
                r = line(s, r, "\u2022 " + text, wrap);
            }
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
                "Start with the Board summary: a line per headline indicator (and every indicator whose target is red), "
                        + "grouped by strategic priority. The board pack (a PDF beside this workbook) has the same on one page.",
                "Direction of travel compares this month with the same month a year earlier (so seasons do not mislead), "
                        + "in words and a symbol: \u25B2 up, \u25BC down, = no change, with whether that is better or worse. "
                        + "These symbols mean only that.",
                "Variation reads the monthly figures as statistical process control charts, as NHS England's 'Making Data Count' "
                        + "does: a change is called real (special cause) only when the figures leave their usual range; "
                        + "otherwise it is common-cause variation, the usual ups and downs. Its icons (a ring of dots, H or L, "
                        + "blue for improvement, orange for concern, purple for no better direction, grey for common cause) "
                        + "are on the Board summary and the charts, always with words beside them.",
                "Assurance says whether, as things are, the target will be met every month (P, blue), missed every month "
                        + "(F, orange), or met and missed by chance (?, grey).",
                "RAG compares the figure with the partnership's target: \u2714 green on target, ! amber within the tolerance, "
                        + "\u2718 red beyond it.",
                "[c] marks a figure withheld because " + Sentences.WITHHELD + "; [x] a figure not available; "
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
