package org.neglectscorecard.scorecard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Year on year: each indicator at every 31 March in the history and the change between years.
 */
final class YearOnYearSheet extends SheetWriter {

    YearOnYearSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
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
}
