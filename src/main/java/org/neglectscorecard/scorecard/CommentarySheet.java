package org.neglectscorecard.scorecard;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Commentary and actions from the lead officers, beside the partnership's figure for the month.
 */
final class CommentarySheet extends SheetWriter {

    CommentarySheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
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
}
