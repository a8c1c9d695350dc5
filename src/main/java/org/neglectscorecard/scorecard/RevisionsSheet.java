package org.neglectscorecard.scorecard;

import java.time.LocalDate;

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
}
