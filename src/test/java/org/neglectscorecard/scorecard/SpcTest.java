package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.scorecard.Spc.Assurance;
import org.neglectscorecard.scorecard.Spc.Variation;

/**
 * The SPC rules (OUTPUTS.md, NHS England's "Making Data Count") on hand-made series. The base
 * series 10, 12, 11, 13 repeated has mean 11.5 and moving ranges 2, 1, 2, 3 ...; over 20 points the
 * mean moving range is 37 / 19 = 1.947, so the limits are 11.5 +/- 2.66 x 1.947 = 6.32 to 16.68 and
 * sigma 1.947 / 1.128 = 1.73: no rule fires.
 */
class SpcTest {

    static List<Double> base(int n) {
        double[] cycle = {10, 12, 11, 13};
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(cycle[i % 4]);
        }
        return out;
    }

    static List<Double> with(List<Double> series, Double... tail) {
        List<Double> out = new ArrayList<>(series);
        out.addAll(Arrays.asList(tail));
        return out;
    }

    @Test
    void noiseIsCommonCauseVariation() {
        Spc.Result r = Spc.analyse(base(20), Polarity.down);
        assertThat(r.latest()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(r.special()).containsOnly(false);
        assertThat(r.mean()).isEqualTo(11.5);
        assertThat(r.upper()).isCloseTo(16.68, org.assertj.core.data.Offset.offset(0.005));
        assertThat(r.lower()).isCloseTo(6.32, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void fewerThanFifteenPointsGetNoSpc() {
        assertThat(Spc.analyse(base(14), Polarity.down)).isNull();
        assertThat(Spc.analyse(base(15), Polarity.down)).isNotNull();
        // Gaps (suppressed months) do not count as points.
        List<Double> gappy = base(16);
        gappy.set(3, null);
        gappy.set(7, null);
        assertThat(Spc.analyse(gappy, Polarity.down)).isNull();
    }

    @Test
    void aPointOutsideTheLimitsIsSpecialCauseReadByPolarity() {
        List<Double> series = with(base(16), 30.0);
        assertThat(Spc.analyse(series, Polarity.down).latest()).isEqualTo(Variation.CONCERN);
        assertThat(Spc.analyse(series, Polarity.up).latest()).isEqualTo(Variation.IMPROVEMENT);
        assertThat(Spc.analyse(series, Polarity.context).latest()).isEqualTo(Variation.HIGHER);
        Spc.Result r = Spc.analyse(series, Polarity.down);
        assertThat(r.special()[16]).isTrue();
        assertThat(r.special()[15]).isFalse();
    }

    @Test
    void sevenPointsOnOneSideOfTheMeanIsAShiftButSixIsNot() {
        // Seven points just below the mean (none beyond two sigma, no steady fall).
        Spc.Result seven = Spc.analyse(with(base(16), 11.0, 10.5, 11.0, 10.5, 11.0, 10.5, 11.0), Polarity.down);
        assertThat(seven.latest()).isEqualTo(Variation.IMPROVEMENT);
        Spc.Result six = Spc.analyse(with(base(16), 11.0, 10.5, 11.0, 10.5, 11.0, 10.5), Polarity.down);
        assertThat(six.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void sixPointsRisingIsATrendButFiveIsNot() {
        // After ... 12, 11, 13 the base ends on 13; then 10 and a steady rise inside the limits.
        Spc.Result six = Spc.analyse(with(base(16), 9.0, 10.0, 11.0, 12.0, 13.0, 14.0), Polarity.up);
        assertThat(six.latest()).isEqualTo(Variation.IMPROVEMENT);
        Spc.Result five = Spc.analyse(with(base(16), 9.0, 10.0, 11.0, 12.0, 13.0), Polarity.up);
        assertThat(five.latest()).isEqualTo(Variation.COMMON_CAUSE);
        // A repeated value breaks the run.
        Spc.Result broken = Spc.analyse(with(base(16), 9.0, 10.0, 11.0, 11.0, 12.0, 13.0), Polarity.up);
        assertThat(broken.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void twoOfThreeBeyondTwoSigmaOnTheSameSide() {
        // With 16.5, 12, 16.5 at the end: mean 12.05, mean moving range 2.31, so two sigma is 16.14 and
        // the upper limit 18.19: two of the last three are beyond two sigma, inside the limits.
        Spc.Result r = Spc.analyse(with(base(16), 16.5, 12.0, 16.5), Polarity.down);
        assertThat(r.upper()).isGreaterThan(16.5);
        assertThat(r.mean() + 2 * r.sigma()).isLessThan(16.5);
        assertThat(r.latest()).isEqualTo(Variation.CONCERN);
        // One of three beyond two sigma is not enough (and 11 is on the mean's other side).
        Spc.Result one = Spc.analyse(with(base(16), 16.5, 12.0, 11.0), Polarity.down);
        assertThat(one.special()[18]).isFalse();
        assertThat(one.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void aTargetInsideTheLimitsCouldGoEitherWay() {
        Spc.Result r = Spc.analyse(base(20), Polarity.down);
        assertThat(Spc.assurance(r, 12.0, Polarity.down)).isEqualTo(Assurance.EITHER_WAY);
        // Lower is better: a target above the whole process is met, below it missed.
        assertThat(Spc.assurance(r, 20.0, Polarity.down)).isEqualTo(Assurance.CONSISTENTLY_MET);
        assertThat(Spc.assurance(r, 5.0, Polarity.down)).isEqualTo(Assurance.CONSISTENTLY_MISSED);
        assertThat(Spc.assurance(r, 20.0, Polarity.up)).isEqualTo(Assurance.CONSISTENTLY_MISSED);
        assertThat(Spc.assurance(r, null, Polarity.up)).isEqualTo(Assurance.NO_TARGET);
        assertThat(Spc.assurance(null, 12.0, Polarity.up)).isEqualTo(Assurance.NOT_ENOUGH_DATA);
    }

    @Test
    void limitsFromABaselineJudgeTheMonthsAfterIt() {
        // A baseline of the first 16 months; the next 8 all at 15 are a shift against it, though
        // limits from all 24 months would have moved to take them in.
        List<Double> series = with(base(16), 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0);
        Spc.Result baseline = Spc.analyse(series, Polarity.down, 0, 16);
        assertThat(baseline.mean()).isEqualTo(11.5);
        assertThat(baseline.latest()).isEqualTo(Variation.CONCERN);
    }

    @Test
    void theLatestSignalIsSaidAsTheRuleThatFoundIt() {
        assertThat(Spc.analyse(base(20), Polarity.down).signal()).isNull();
        assertThat(Spc.analyse(with(base(16), 30.0), Polarity.down).signal())
                .isEqualTo("the latest month is above the upper process limit");
        assertThat(Spc.analyse(with(base(16), 11.0, 10.5, 11.0, 10.5, 11.0, 10.5, 11.0), Polarity.down).signal())
                .isEqualTo("the last 7 months have all been below the average");
        assertThat(Spc.analyse(with(base(16), 9.0, 10.0, 11.0, 12.0, 13.0, 14.0), Polarity.up).signal())
                .isEqualTo("the figures have risen 5 months in a row");
        assertThat(Spc.analyse(with(base(16), 16.5, 12.0, 16.5), Polarity.down).signal())
                .isEqualTo("two of the last three months were near the upper process limit");
    }
}
