package org.neglectscorecard.scorecard;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Breakdowns: the "knowing our problem" tables (age band, gender, ethnic group, disability, sector, respondent).
 */
final class BreakdownsSheet extends SheetWriter {

    BreakdownsSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
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
}
