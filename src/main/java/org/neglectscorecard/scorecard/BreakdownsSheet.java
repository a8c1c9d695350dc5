package org.neglectscorecard.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
        // Indicators in catalogue order, areas as the scorecard lists them, groups in their band order (not as text).
        List<String> ids = c.indicators().stream().map(IndicatorDefinition::id).toList();
        List<String> areas = ScorecardFigures.areaOrder(c.partnershipCode(), areaNames(c));
        BandOrder bands = new BandOrder();
        List<IndicatorValue> rows = new ArrayList<>(c.values().stream().filter(v -> !v.isHeadline() && byId.containsKey(v.indicatorId())
                && !v.periodEnd().isAfter(c.period())).toList());
        List<String> dimensions = c.indicators().stream().flatMap(d -> d.breakdowns().stream()).distinct().toList();
        rows.sort(Comparator.comparing((IndicatorValue v) -> ids.indexOf(v.indicatorId()))
                .thenComparing(v -> areas.indexOf(v.areaCode())).thenComparing(IndicatorValue::periodEnd)
                .thenComparing(IndicatorValue::breakdown, bands.breakdowns(dimensions)));
        for (IndicatorValue v : rows) {
            IndicatorDefinition d = byId.get(v.indicatorId());
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
