package org.neglectscorecard.scorecard;

import java.math.BigDecimal;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Reconciliation: our figure beside the one DfE published for the same LA and 31 March.
 */
final class ReconciliationSheet extends SheetWriter {

    ReconciliationSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        XSSFSheet s = sheet("Reconciliation", "Our figure beside the one the Department for Education published for the same "
                + "LA and 31 March, from the DfE files among the inputs. A difference means the returns loaded here are not "
                + "the ones DfE published from (a later correction, a missing file) or a definition differs: worth checking.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Area", "31 March", "Our figure", "DfE published",
                "Difference", "Check");
        Map<String, String> names = areaNames(c);
        int r = TABLE_ROW + 1;
        for (BenchmarkValue b : c.benchmarks()) {
            IndicatorDefinition d = find(c, b.indicatorId());
            if (d == null || b.published() == null || b.areaCode().equals(c.partnershipCode())) {
                continue;
            }
            Row row = s.createRow(r++);
            text(row, 0, d.id());
            text(row, 1, d.title());
            text(row, 2, names.getOrDefault(b.areaCode(), b.areaCode()));
            text(row, 3, b.periodEnd().toString());
            number(row, 5, b.published(), d.decimals(), NOT_AVAILABLE);
            if (b.value() != null && withheld(c, b.indicatorId(), b.areaCode(), b.periodEnd())) {
                // Shown beside DfE's figure, the difference would give ours away.
                text(row, 4, SUPPRESSED);
                text(row, 6, SUPPRESSED);
                text(row, 7, "Small number: compare in indicators.csv");
            } else if (b.value() != null) {
                number(row, 4, b.value(), d.decimals(), NOT_AVAILABLE);
                BigDecimal diff = b.value().subtract(b.published());
                number(row, 6, diff, d.decimals(), null);
                text(row, 7, diff.signum() == 0 ? "\u2714 Matches" : "\u2718 Differs");
            } else {
                text(row, 4, NOT_AVAILABLE);
                text(row, 6, NOT_AVAILABLE);
                text(row, 7, "No figure of ours");
            }
        }
        table(s, "Reconciliation", 8, r);
        widths(s, 26, 44, 26, 12, 12, 14, 12, 14);
    }
}
