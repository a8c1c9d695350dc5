package org.neglectscorecard.scorecard;

import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Benchmarks: England, region, statistical neighbours, rank and quartile at each published 31 March.
 */
final class BenchmarksSheet extends SheetWriter {

    BenchmarksSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        XSSFSheet s = sheet("Benchmarks", "Rates and percentages beside England, the region and the LA's statistical "
                + "neighbours (their mean, of those with a figure), with the LA's rank among all LAs (1 is best) and quartile "
                + "(A best, D worst), at each 31 March DfE has published. The partnership is set beside England only.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Area", "31 March", "Value", "England", "Region",
                "Neighbours mean", "Neighbours with a figure", "Rank", "Out of", "Quartile");
        Map<String, String> names = areaNames(c);
        int r = TABLE_ROW + 1;
        for (BenchmarkValue b : c.benchmarks()) {
            IndicatorDefinition d = find(c, b.indicatorId());
            if (d == null || d.unit() == Unit.count) {
                continue;
            }
            boolean partnership = b.areaCode().equals(c.partnershipCode());
            Row row = s.createRow(r++);
            text(row, 0, d.id());
            text(row, 1, d.title());
            text(row, 2, names.getOrDefault(b.areaCode(), b.areaCode()));
            text(row, 3, b.periodEnd().toString());
            boolean withheld = withheld(c, b.indicatorId(), b.areaCode(), b.periodEnd());
            if (withheld) {
                text(row, 4, SUPPRESSED);
            } else {
                number(row, 4, b.value(), d.decimals(), NOT_AVAILABLE);
            }
            number(row, 5, b.england(), d.decimals(), NOT_AVAILABLE);
            number(row, 6, b.region(), d.decimals(), partnership ? NOT_APPLICABLE : NOT_AVAILABLE);
            number(row, 7, b.snMean(), d.decimals(), partnership ? NOT_APPLICABLE : NOT_AVAILABLE);
            integer(row, 8, b.snCount(), partnership ? NOT_APPLICABLE : NOT_AVAILABLE);
            String noRank = partnership || d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE;
            // A withheld figure's rank among every LA's published figure would narrow it down: withheld too.
            integer(row, 9, withheld ? null : b.rank(), withheld && b.rank() != null ? SUPPRESSED : noRank);
            integer(row, 10, b.rankOf(), noRank);
            text(row, 11, b.quartile() == null ? noRank : withheld ? SUPPRESSED : b.quartile());
        }
        table(s, "Benchmarks", 12, r);
        widths(s, 26, 44, 26, 12, 10, 10, 10, 12, 12, 8, 8, 10);
    }
}
