package org.neglectscorecard.scorecard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Year on year, for scrutineers: each indicator and area at every 31 March in the history, the
 * change from the year before in the measure's own terms (percentage points for a percentage, said
 * so), and beside it England, the region, the statistical neighbours' mean and the LA's rank among
 * all LAs for the same 31 March, where DfE has published them. One row per indicator, area and
 * year, so a scrutineer can filter to what they are asking about.
 */
final class YearOnYearSheet extends SheetWriter {

    YearOnYearSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        Map<String, BenchmarkValue> benchmarks = new HashMap<>();
        for (BenchmarkValue b : c.benchmarks()) {
            benchmarks.put(b.indicatorId() + "|" + b.areaCode() + "|" + b.periodEnd(), b);
        }
        XSSFSheet s = sheet("Year on year", "Each indicator at 31 March of every year in the history, the change from the year "
                + "before (in percentage points for a percentage), and England, the region, the statistical neighbours' mean and "
                + "the LA's rank (1 is best) for the same 31 March where DfE has published them. 12-month figures are for the "
                + "year to that 31 March (the Department's reporting year).");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Area", "31 March", "Value", "Unit", "Change on the year before",
                "Change measured in", "England", "Region", "Statistical neighbours' mean", "Rank among LAs (1 is best)", "Out of");
        int r = TABLE_ROW + 1;
        for (ScorecardFigures.Line line : c.lines()) {
            IndicatorDefinition d = line.indicator();
            TreeMap<LocalDate, IndicatorValue> marches = new TreeMap<>();
            for (IndicatorValue v : line.history()) {
                if (v.periodEnd().getMonthValue() == 3 && v.periodEnd().getDayOfMonth() == 31) {
                    marches.put(v.periodEnd(), v);
                }
            }
            for (Map.Entry<LocalDate, IndicatorValue> e : marches.entrySet()) {
                IndicatorValue v = e.getValue();
                IndicatorValue before = marches.get(e.getKey().minusYears(1));
                Row row = s.createRow(r++);
                text(row, 0, d.id());
                text(row, 1, d.title());
                text(row, 2, line.areaName());
                text(row, 3, e.getKey().toString());
                value(row, 4, v, d.decimals());
                text(row, 5, unitName(d));
                if (ScorecardFigures.usable(v) && ScorecardFigures.usable(before)) {
                    number(row, 6, v.value().subtract(before.value()), d.decimals(), null);
                } else {
                    text(row, 6, v.suppressed() || before != null && before.suppressed() ? SUPPRESSED
                            : before == null ? NOT_APPLICABLE : NOT_AVAILABLE);
                }
                text(row, 7, changeUnit(d));
                BenchmarkValue b = benchmarks.get(d.id() + "|" + line.areaCode() + "|" + e.getKey());
                boolean benchmarked = d.benchmark() != null && d.unit() != Unit.count;
                String none = benchmarked ? NOT_AVAILABLE : NOT_APPLICABLE;
                number(row, 8, b == null || !benchmarked ? null : b.england(), d.decimals(), none);
                number(row, 9, b == null || !benchmarked || line.partnership() ? null : b.region(), d.decimals(),
                        line.partnership() ? NOT_APPLICABLE : none);
                number(row, 10, b == null || !benchmarked || line.partnership() ? null : b.snMean(), d.decimals(),
                        line.partnership() ? NOT_APPLICABLE : none);
                String noRank = line.partnership() || d.polarity() == Polarity.context ? NOT_APPLICABLE : none;
                // A withheld figure's rank among every LA's published figure pins it down (the one count out of
                // its published denominator that ranks there): withheld with it, as on the Benchmarks sheet.
                boolean rankWithheld = v.suppressed() && b != null && benchmarked && b.rank() != null;
                integer(row, 11, b == null || !benchmarked || v.suppressed() ? null : b.rank(), rankWithheld ? SUPPRESSED : noRank);
                integer(row, 12, b == null || !benchmarked ? null : b.rankOf(), noRank);
            }
        }
        table(s, "YearOnYear", 13, r);
        widths(s, 26, 44, 26, 11, 10, 14, 12, 20, 10, 10, 14, 12, 8);
        s.createFreezePane(3, TABLE_ROW + 1);
    }

    /** What a change is measured in: a percentage's change is in percentage points, never "per cent". */
    static String changeUnit(IndicatorDefinition d) {
        return switch (d.unit()) {
            case percent -> "percentage points";
            case count -> "number";
            case rate_per_10k -> "per 10,000 children";
            case ratio -> "ratio";
            case mean -> "mean";
        };
    }
}
