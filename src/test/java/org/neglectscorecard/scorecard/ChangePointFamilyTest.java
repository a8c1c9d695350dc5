package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * A change point named for a count applies to the rate of the same children too: one step in the
 * children is one change in each, so the board does not read "special cause" for the count and
 * "common cause" for its rate. Indicators of other children keep their own limits.
 */
class ChangePointFamilyTest {

    static final String P = "partnership";
    static final LocalDate PERIOD = LocalDate.of(2026, 3, 31);

    static final LocalDate STEP = YearMonth.from(PERIOD).minusMonths(23).atEndOfMonth();

    @Test
    void theCountsChangePointRecalculatesItsRateAndNothingElse() {
        List<ScorecardFigures.Line> lines = lines(40, Map.of("CPP_OPEN_NEG_INIT", List.of(STEP)));

        String changed = "recalculated from " + ScorecardWorkbook.monthName(STEP) + " (a change point in the job file";
        ScorecardFigures.Line count = ScorecardFigures.find(lines, "CPP_OPEN_NEG_INIT", P).orElseThrow();
        ScorecardFigures.Line rate = ScorecardFigures.find(lines, "CPP_OPEN_NEG_INIT_RATE", P).orElseThrow();
        ScorecardFigures.Line allPlans = ScorecardFigures.find(lines, "CPP_OPEN", P).orElseThrow();
        assertThat(count.reading().basis()).contains(changed + ")");
        assertThat(rate.reading().basis()).contains(changed + ", named for Children on a plan, initial category neglect, "
                + "which this is built on)");
        assertThat(rate.reading().variation()).isEqualTo(count.reading().variation());
        assertThat(allPlans.reading().basis()).doesNotContain("change point");
    }

    @Test
    void aChangePointNamedForARateIsNotTheCountsToo() {
        // A rate may step because its denominator (the population) did: that says nothing of the count.
        List<ScorecardFigures.Line> lines = lines(0, Map.of("CPP_OPEN_NEG_INIT_RATE", List.of(STEP)));
        assertThat(ScorecardFigures.find(lines, "CPP_OPEN_NEG_INIT_RATE", P).orElseThrow().reading().basis()).contains("change point");
        assertThat(ScorecardFigures.find(lines, "CPP_OPEN_NEG_INIT", P).orElseThrow().reading().basis()).doesNotContain("change point");
    }

    /** Five years of children on a plan for neglect (rising by {@code rise} from STEP), their rate, and all plans. */
    private static List<ScorecardFigures.Line> lines(int rise, Map<String, List<LocalDate>> changePoints) {
        Catalogue catalogue = Catalogue.load("sql");
        List<IndicatorDefinition> published = catalogue.indicators().stream().filter(IndicatorDefinition::publish).toList();
        List<IndicatorValue> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDate month = YearMonth.from(PERIOD).minusMonths(59 - i).atEndOfMonth();
            int children = (month.isBefore(STEP) ? 100 : 100 + rise) + (i % 5) * 2;
            values.add(value("CPP_OPEN_NEG_INIT", month, children, "count"));
            values.add(value("CPP_OPEN_NEG_INIT_RATE", month, children / 10.0, "rate_per_10k"));
            values.add(value("CPP_OPEN", month, 300 + children, "count"));
        }
        return ScorecardFigures.build(new ScorecardFigures.Inputs(PERIOD, P, published, catalogue, values, List.of(), List.of(),
                List.of(), new ScorecardFigures.SpcSettings(null, null, null, changePoints)));
    }

    private static IndicatorValue value(String id, LocalDate month, double v, String unit) {
        return new IndicatorValue(id, P, "A partnership", month, "all", BigDecimal.valueOf(v), null, null, null, unit, false);
    }
}
