package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Secondary suppression: no withheld count can be worked out from the figures shown beside it. */
class SuppressionTest {

    static final LocalDate END = LocalDate.of(2026, 3, 31);

    static IndicatorValue v(String area, String breakdown, int value) {
        return new IndicatorValue("CPP_OPEN", area, area, END, breakdown, BigDecimal.valueOf(value), null, null, null, "count",
                value >= 1 && value <= 5);
    }

    static boolean suppressed(List<IndicatorValue> values, String area, String breakdown) {
        return values.stream().filter(x -> x.areaCode().equals(area) && x.breakdown().equals(breakdown)).findFirst().orElseThrow().suppressed();
    }

    @Test
    void oneLaWithheldBesideThePartnershipTotalTakesTheNextSmallestWithIt() {
        List<IndicatorValue> in = List.of(v("P", "all", 60), v("A", "all", 3), v("B", "all", 22), v("C", "all", 35));
        List<IndicatorValue> out = Suppression.withSecondary(in, "P", Set.of("A", "B", "C"), Set.of("CPP_OPEN"));
        assertThat(suppressed(out, "A", "all")).isTrue();
        assertThat(suppressed(out, "B", "all")).isTrue();     // 60 - 22 - 35 would give A's 3
        assertThat(suppressed(out, "C", "all")).isFalse();
        assertThat(suppressed(out, "P", "all")).isFalse();
        // The true values stay: only the flag changes.
        assertThat(out.get(2).value()).isEqualByComparingTo("22");
    }

    @Test
    void twoWithheldAlreadyProtectEachOtherAndNothingMoreIsWithheld() {
        List<IndicatorValue> in = List.of(v("P", "all", 40), v("A", "all", 3), v("B", "all", 4), v("C", "all", 33));
        List<IndicatorValue> out = Suppression.withSecondary(in, "P", Set.of("A", "B", "C"), Set.of("CPP_OPEN"));
        assertThat(suppressed(out, "C", "all")).isFalse();
    }

    @Test
    void aWithheldGroupOfABreakdownTakesTheNextSmallestGroup() {
        List<IndicatorValue> in = List.of(v("A", "all", 40), v("A", "gender=Male", 2), v("A", "gender=Female", 38),
                v("A", "gender=Not known", 0), v("A", "age_band=under 1", 9), v("A", "age_band=1 to 4", 31));
        List<IndicatorValue> out = Suppression.withSecondary(in, "P", Set.of("A"), Set.of("CPP_OPEN"));
        assertThat(suppressed(out, "A", "gender=Female")).isTrue();
        assertThat(suppressed(out, "A", "gender=Not known")).isFalse();   // zero reveals nothing
        assertThat(suppressed(out, "A", "age_band=under 1")).isFalse();    // another dimension: nothing withheld there
    }

    @Test
    void countsThatAreNotOfPeopleAreLeftAlone() {
        List<IndicatorValue> in = List.of(v("P", "all", 60), v("A", "all", 3), v("B", "all", 57));
        List<IndicatorValue> out = Suppression.withSecondary(in, "P", Set.of("A", "B"), Set.of("AUDIT_NEG"));
        assertThat(suppressed(out, "B", "all")).isFalse();
    }
}
