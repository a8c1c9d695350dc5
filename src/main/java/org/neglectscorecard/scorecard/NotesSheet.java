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
}
