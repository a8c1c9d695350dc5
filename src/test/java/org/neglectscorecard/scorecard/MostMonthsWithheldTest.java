package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * A flow charted month by month whose monthly count is 1 to 5 in most months (a fresh-eye reader of
 * the sample found a partnership chart empty in 61 of 61 months, and another drawn from only the
 * four months whose small group was none, each 100%): the figure over 12 months is charted instead,
 * with no SPC reading, said why. A flow with a few months withheld keeps its monthly chart.
 */
class MostMonthsWithheldTest {

    static final String P = "partnership";
    static final LocalDate PERIOD = LocalDate.of(2026, 3, 31);
    static final Catalogue CATALOGUE = Catalogue.load("sql");

    private static ScorecardFigures.Line line(int withheldMonths) {
        List<IndicatorValue> values = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            LocalDate month = YearMonth.from(PERIOD).minusMonths(35 - i).atEndOfMonth();
            int inMonth = i < withheldMonths ? 3 : 9 + i % 3;
            values.add(new IndicatorValue("CPP_START", P, "A partnership", month, "all", BigDecimal.valueOf(100 + i), null, null,
                    BigDecimal.valueOf(inMonth), "count", false));
        }
        List<IndicatorDefinition> published = CATALOGUE.indicators().stream().filter(IndicatorDefinition::publish).toList();
        return ScorecardFigures.find(ScorecardFigures.build(new ScorecardFigures.Inputs(PERIOD, P, published, CATALOGUE, values,
                List.of(), List.of(), List.of(), ScorecardFigures.SpcSettings.NONE)), "CPP_START", P).orElseThrow();
    }

    @Test
    void mostMonthsWithheldChartsTheYearsFigureWithoutSpc() {
        ScorecardFigures.Line line = line(30);
        assertThat(line.inMonthSeries()).isFalse();
        assertThat(line.spcValues()).doesNotContainNull();
        assertThat(line.spcValues().get(35)).isEqualTo(135.0);
        assertThat(line.spc()).isNull();
        assertThat(line.variation()).isEqualTo(Spc.Variation.NO_SPC);
        assertThat(line.reading().noSpcReason()).contains("withheld in most months")
                .contains("the chart shows the figure over the 12 months to each month end");
    }

    @Test
    void aFewMonthsWithheldKeepTheMonthlyChart() {
        ScorecardFigures.Line line = line(6);
        assertThat(line.inMonthSeries()).isTrue();
        assertThat(line.spcValues().subList(0, 6)).containsOnlyNulls();
        assertThat(line.spcValues().get(35)).isEqualTo(11.0);
        assertThat(line.spc()).isNotNull();
    }

    /**
     * An audit percentage with no in-month figure in most months (no audits those months) is no
     * figure withheld: audits are not children, and its reading never says so (a conformance audit,
     * 5 December, found the Trends sheet saying it protected children).
     */
    @Test
    void anAuditFiguresMonthsWithoutAuditsAreNotCalledWithheld() {
        List<IndicatorValue> values = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            LocalDate month = YearMonth.from(PERIOD).minusMonths(35 - i).atEndOfMonth();
            values.add(new IndicatorValue("AUDIT_NEG_GOOD_PCT", P, "A partnership", month, "all", BigDecimal.valueOf(60 + i % 5),
                    BigDecimal.valueOf(6), BigDecimal.valueOf(10), i % 3 == 0 ? BigDecimal.valueOf(50) : null, "percent", false));
        }
        List<IndicatorDefinition> published = CATALOGUE.indicators().stream().filter(IndicatorDefinition::publish).toList();
        ScorecardFigures.Line line = ScorecardFigures.find(ScorecardFigures.build(new ScorecardFigures.Inputs(PERIOD, P, published,
                CATALOGUE, values, List.of(), List.of(), List.of(), ScorecardFigures.SpcSettings.NONE)), "AUDIT_NEG_GOOD_PCT", P).orElseThrow();
        assertThat(line.reading().noSpcReason()).doesNotContain("withheld").doesNotContain("children");
    }
}
