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
                + "LA and 31 March, from the DfE files among the inputs. DfE rounds some figures (a percentage to a whole number, "
                + "for example), so a difference within its rounding is expected; any other difference means the returns loaded "
                + "here are not the ones DfE published from (a return corrected after publication, a missing file) or a "
                + "definition differs: worth checking.");
        header(s.createRow(TABLE_ROW), "Indicator ID", "Indicator", "Area", "31 March", "Our figure", "DfE published",
                "Difference", "Largest difference DfE's rounding explains", "Check", "Why a figure may differ");
        Map<String, String> names = areaNames(c);
        int r = TABLE_ROW + 1;
        for (BenchmarkValue b : c.benchmarks()) {
            IndicatorDefinition d = find(c, b.indicatorId());
            if (d == null || b.published() == null || b.areaCode().equals(c.partnershipCode())
                    || d.benchmark() != null && d.benchmark().overPopulation()) {
                continue;   // a rate over our own population estimates is reconciled by its count's row
            }
            Row row = s.createRow(r++);
            text(row, 0, d.id());
            text(row, 1, d.title());
            text(row, 2, names.getOrDefault(b.areaCode(), b.areaCode()));
            text(row, 3, b.periodEnd().toString());
            number(row, 5, b.published(), d.decimals(), NOT_AVAILABLE);
            BigDecimal rounding = rounding(b.published(), d.decimals());
            number(row, 7, rounding, Math.max(d.decimals(), rounding.scale()), null);
            if (withheld(c, b.indicatorId(), b.areaCode(), b.periodEnd())) {
                // Shown beside DfE's figure, the difference would give ours away.
                text(row, 4, SUPPRESSED);
                text(row, 6, SUPPRESSED);
                text(row, 8, "Withheld");   // not "Small number": it may be withheld so that one cannot be worked out
                text(row, 9, "Withheld here: beside DfE's figure the difference would give ours away. Compare in indicators.csv.", wrap);
            } else if (b.value() != null) {
                number(row, 4, b.value(), d.decimals(), NOT_AVAILABLE);
                BigDecimal diff = b.value().subtract(b.published());
                number(row, 6, diff, d.decimals(), null);
                if (diff.signum() == 0) {
                    text(row, 8, "Matches");
                    text(row, 9, NOT_APPLICABLE);
                } else if (diff.abs().compareTo(rounding) <= 0) {
                    text(row, 8, "Within DfE's rounding");
                    text(row, 9, "DfE publishes this figure to " + places(b.published()) + "; ours is worked out from the "
                            + "children themselves, to " + places(d.decimals()) + ".", wrap);
                } else {
                    text(row, 8, "Differs: check");
                    text(row, 9, "More than DfE's rounding explains. Likely: a return corrected or resubmitted after DfE "
                            + "published (the later one is used here), a file for this LA and year missing from the inputs, "
                            + "or children counted differently (a definition, a date).", wrap);
                }
            } else {
                text(row, 4, NOT_AVAILABLE);
                text(row, 6, NOT_AVAILABLE);
                text(row, 8, "No figure of ours");
                text(row, 9, "No return among the inputs covers this LA and year.", wrap);
            }
        }
        table(s, "Reconciliation", 10, r);
        widths(s, 26, 44, 26, 12, 12, 14, 12, 16, 20, 60);
    }

    /**
     * The largest difference rounding explains. DfE's figure stands for anything within half a unit of
     * its last place (a percentage published as 48 may be 47.5 to 48.5), ours for half a unit of the
     * catalogue's decimals: where DfE publishes fewer decimals, both halves add; where it publishes
     * more, only ours; the same precision from the same children rounds to the same figure.
     */
    static BigDecimal rounding(BigDecimal published, int ourDecimals) {
        int theirs = scale(published);
        BigDecimal half = new BigDecimal("0.5");
        if (theirs < ourDecimals) {
            return half.movePointLeft(theirs).add(half.movePointLeft(ourDecimals));
        }
        return theirs > ourDecimals ? half.movePointLeft(ourDecimals) : BigDecimal.ZERO;
    }

    /** Decimals as DfE wrote the figure (the database may pad it with zeros). */
    static int scale(BigDecimal v) {
        return Math.max(0, v.stripTrailingZeros().scale());
    }

    private static String places(BigDecimal published) {
        return places(scale(published));
    }

    private static String places(int decimals) {
        return decimals == 0 ? "whole numbers" : decimals == 1 ? "one decimal place" : decimals + " decimal places";
    }
}
