package org.neglectscorecard.scorecard;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Revision;

/**
 * Revisions: figures for earlier months that changed since the previous run of the job.
 */
final class RevisionsSheet extends SheetWriter {

    RevisionsSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        XSSFSheet s = sheet("Revisions", c.revisions().isEmpty()
                ? "Figures for earlier months that changed since this period's previous run or the previous period's run: none "
                        + "found (or no earlier run)."
                : "Figures for earlier months that changed since this period's previous run (a corrected return) or since the "
                        + "previous period's run (a later return, or late data), and the files that moved them, so scrutineers "
                        + "know which history moved.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Area", "Month end", "Compared with", "Then", "Now", "Change",
                "What moved it");
        int r = TABLE_ROW + 1;
        for (Revision v : c.revisions()) {
            IndicatorDefinition d = find(c, v.indicatorId());
            int decimals = d == null ? 4 : d.decimals();
            Row row = s.createRow(r++);
            text(row, 0, v.indicatorId());
            text(row, 1, v.areaName());
            text(row, 2, v.periodEnd().toString());
            text(row, 3, v.comparedWith());
            figure(row, 4, v.before(), v.beforeWithheld(), decimals, "[x] (none then)");
            figure(row, 5, v.after(), v.afterWithheld(), decimals, "[x] (none now)");
            if (v.beforeWithheld() || v.afterWithheld()) {
                text(row, 6, SUPPRESSED);
            } else if (v.before() != null && v.after() != null) {
                number(row, 6, v.after().subtract(v.before()), decimals, null);
            } else {
                text(row, 6, NOT_AVAILABLE);
            }
            text(row, 7, v.movedBy());
        }
        table(s, "Revisions", 8, r);
        widths(s, 26, 26, 12, 24, 12, 12, 10, 60);
    }

    private void figure(Row row, int column, java.math.BigDecimal value, boolean withheld, int decimals, String none) {
        if (value != null && withheld) {
            text(row, column, SUPPRESSED);
        } else {
            number(row, column, value, decimals, none);
        }
    }
}
