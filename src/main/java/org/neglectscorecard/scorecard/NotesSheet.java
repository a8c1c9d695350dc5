package org.neglectscorecard.scorecard;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Notes: every indicator's definition, source, polarity and DfE counterpart, and what [c], [x] and [z] mean.
 */
final class NotesSheet extends SheetWriter {

    NotesSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        XSSFSheet s = sheet("Notes", "Every indicator: what it measures, where it comes from, which way is better. "
                + "Symbols: [c] withheld: " + Sentences.WITHHELD + " (counts of practitioners, audits and "
                + "appointments are not withheld); [x] not available; [z] not applicable.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Strategic priority", "Definition", "Source", "Better is",
                "Unit", "Department for Education counterpart", "Withheld when 1 to 5", "How SPC reads it (the partnership's chart)");
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
            text(row, 9, ScorecardFigures.find(c.lines(), d.id(), c.partnershipCode()).map(NotesSheet::spc).orElse(NOT_AVAILABLE), wrap);
        }
        table(s, "Notes", 10, r);
        widths(s, 26, 44, 28, 80, 34, 16, 18, 44, 18, 80);
    }

    /** The chart, where its limits come from, and a change point the notes suggest (never applied on its own). */
    static String spc(ScorecardFigures.Line l) {
        ScorecardFigures.Reading r = l.reading();
        if (l.spc() == null) {
            return "No SPC: " + (r.noSpcReason() == null ? "too few months" : r.noSpcReason()) + ".";
        }
        String s = l.spc().chart().words() + " of " + (l.inMonthSeries() ? "the figure in each month" : "the figure at each month end")
                + "; mean and limits from " + r.basis() + ".";
        return r.suggestion() == null ? s : s + " Suggested change point: " + r.suggestion() + ".";
    }
}
