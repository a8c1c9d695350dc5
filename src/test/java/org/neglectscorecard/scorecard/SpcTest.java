package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.scorecard.Spc.Assurance;
import org.neglectscorecard.scorecard.Spc.Options;
import org.neglectscorecard.scorecard.Spc.Variation;

/**
 * The SPC rules (OUTPUTS.md, NHS England's "Making Data Count"): first against published worked
 * examples (src/test/resources/spc/README.md says where each comes from and what it prints), then on
 * hand-made series. The base series 10, 12, 11, 13 repeated has mean 11.5 and moving ranges 2, 1, 2,
 * 3 ...; over 20 points the mean moving range is 37 / 19 = 1.947, so the limits are 11.5 +/- 2.66 x
 * 1.947 = 6.32 to 16.68 and sigma 1.947 / 1.128 = 1.73: no rule fires.
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

    static List<String[]> csv(String name) throws IOException {
        try (InputStream in = SpcTest.class.getResourceAsStream("/spc/" + name)) {
            List<String[]> rows = new ArrayList<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).forEach(l -> rows.add(l.split(",")));
            return rows;
        }
    }

    static List<Double> column(List<String[]> rows, int c) {
        return rows.stream().map(r -> Double.parseDouble(r[c])).toList();
    }

    // ---- Published worked examples ----

    @Test
    void montgomerysViscosityIndividualsChartAsQccPrintsIt() throws IOException {
        List<Double> x = column(csv("montgomery-viscosity.csv"), 0);
        Spc.Result r = Spc.analyse(x, Polarity.context);
        assertThat(r.chart()).isEqualTo(Spc.Chart.XMR);
        assertThat(r.mean()).isCloseTo(33.52333, offset(0.000005));
        assertThat(r.sigma()).isCloseTo(0.4261651, offset(0.0000005));
        // qcc's limits use 3 sigma = 2.6596 mean moving ranges, Making Data Count's 2.66: 0.0002 apart here.
        assertThat(r.upper()).isCloseTo(34.80183, offset(0.0003));
        assertThat(r.lower()).isCloseTo(32.24484, offset(0.0003));
        assertThat(r.upper() - r.mean()).isCloseTo(2.66 * 0.4261651 * 1.128, offset(0.000001));
        assertThat(r.specialCount()).isZero();
        assertThat(r.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void orangeJuiceCansOnAPChartAsMontgomeryAndQccGiveIt() throws IOException {
        List<String[]> rows = csv("orangejuice.csv");
        List<Double> p = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (String[] r : rows.subList(0, 30)) {
            p.add(100 * Double.parseDouble(r[1]) / Double.parseDouble(r[2]));
            n.add(Double.parseDouble(r[2]));
        }
        Spc.Result r = Spc.pChart(p, n, Polarity.down, Options.whole(30));
        assertThat(r.chart()).isEqualTo(Spc.Chart.P);
        assertThat(r.mean()).isCloseTo(23.13333, offset(0.00001));
        assertThat(r.lower()).isCloseTo(5.242755, offset(0.000001));
        assertThat(r.upper()).isCloseTo(41.02391, offset(0.00001));
        // Samples 15 (a new batch of cardboard) and 23 (an inexperienced operator) are above the limit.
        assertThat(r.special()[14]).isTrue();
        assertThat(r.high()[14]).isTrue();
        assertThat(r.special()[22]).isTrue();
    }

    @Test
    void limitsFromTheTrialSamplesWithoutTheirAssignableCausesJudgeTheSamplesAfter() throws IOException {
        List<String[]> rows = csv("orangejuice.csv");
        List<Double> p = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (String[] r : rows) {
            if (r[0].equals("15") || r[0].equals("23")) {
                continue;
            }
            p.add(100 * Double.parseDouble(r[1]) / 50);
            n.add(50.0);
        }
        // The 28 trial samples left are the baseline; the 24 after the machine was adjusted are judged against it.
        Spc.Result r = Spc.pChart(p, n, Polarity.down, new Options(0, 28, List.of(), 0, 100));
        assertThat(r.centre()[51]).isCloseTo(21.5, offset(0.0000001));
        assertThat(r.lowerLimits()[51]).isCloseTo(4.070284, offset(0.000001));
        assertThat(r.upperLimits()[51]).isCloseTo(38.92972, offset(0.00001));
        assertThat(r.baseline()[27]).isTrue();
        assertThat(r.baseline()[28]).isFalse();
        // Fewer faulty cans: the run of months below the old average is improvement, low.
        assertThat(r.latest()).isEqualTo(Variation.IMPROVEMENT_LOW);
        assertThat(r.signal()).startsWith("the last").endsWith("months have all been below the average");
        // ... and the notes suggest the adjustment as a change point, without moving the limits themselves.
        assertThat(r.shift()).isNotNull();
        assertThat(r.shift().high()).isFalse();
    }

    @Test
    void aLowerLimitBelowZeroIsDrawnAtZeroAsQccDoes() throws IOException {
        List<String[]> rows = csv("orangejuice.csv").subList(30, 54);
        List<Double> p = rows.stream().map(r -> 100 * Double.parseDouble(r[1]) / 50).toList();
        List<Double> n = rows.stream().map(r -> 50.0).toList();
        Spc.Result r = Spc.pChart(p, n, Polarity.down, Options.whole(24));
        assertThat(r.mean()).isCloseTo(11.08333, offset(0.00001));
        assertThat(r.lower()).isZero();
        assertThat(r.upper()).isCloseTo(24.40207, offset(0.00001));
    }

    @Test
    void makingDataCountsExcelToolsDoNotScreenAnOutlyingMovingRange() throws IOException {
        List<Double> x = column(csv("plotthedots-outlier.csv"), 0);
        Spc.Result r = Spc.xmr(x, Polarity.down, Options.whole(x.size()).range(0, Double.POSITIVE_INFINITY));
        double mean = 35.0 / 18;
        double mr = 32.0 / 17;
        assertThat(r.mean()).isCloseTo(mean, offset(1e-12));
        assertThat(r.upper()).isCloseTo(mean + 2.66 * mr, offset(1e-12));
        // A count cannot fall below zero: the limit is drawn at 0, not at -3.06.
        assertThat(r.lower()).isZero();
        assertThat(r.special()[4]).isTrue();
        assertThat(r.specialCount()).isEqualTo(1);
        assertThat(r.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void twoPointsNearTheLimitsOnOppositeSidesAreNotASignalAsPlotTheDotsTests() throws IOException {
        List<Double> x = column(csv("plotthedots-two-in-three-opposite.csv"), 0);
        // 16 points is enough here; the rule is what is tested.
        Spc.Result r = Spc.analyse(x, Polarity.up);
        assertThat(r.mean() + 2 * r.sigma()).isLessThan(5.5);
        assertThat(r.upper()).isGreaterThan(5.5);
        assertThat(r.special()[14]).isFalse();
        assertThat(r.special()[15]).isFalse();
        assertThat(r.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    // ---- Hand-made series ----

    @Test
    void noiseIsCommonCauseVariation() {
        Spc.Result r = Spc.analyse(base(20), Polarity.down);
        assertThat(r.latest()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(r.special()).containsOnly(false);
        assertThat(r.mean()).isEqualTo(11.5);
        assertThat(r.upper()).isCloseTo(16.68, offset(0.005));
        assertThat(r.lower()).isCloseTo(6.32, offset(0.005));
        assertThat(r.shift()).isNull();
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
    void aFlatSeriesHasNoVariationAndNoSignal() {
        List<Double> flat = new ArrayList<>(java.util.Collections.nCopies(18, 4.0));
        Spc.Result r = Spc.analyse(flat, Polarity.down);
        assertThat(r.mean()).isEqualTo(4.0);
        assertThat(r.upper()).isEqualTo(4.0);
        assertThat(r.lower()).isEqualTo(4.0);
        assertThat(r.specialCount()).isZero();
        assertThat(r.latest()).isEqualTo(Variation.COMMON_CAUSE);
        // Every month on target: the target is met every month, as RAG calls a value on target green.
        assertThat(Spc.assurance(r, 4.0, Polarity.down)).isEqualTo(Assurance.CONSISTENTLY_MET);
        assertThat(Spc.assurance(r, 4.0, Polarity.up)).isEqualTo(Assurance.CONSISTENTLY_MET);
        // After a flat year, a month that differs at all is outside the (zero-width) limits.
        flat.add(5.0);
        assertThat(Spc.analyse(flat, Polarity.down, 0, 18).latest()).isEqualTo(Variation.CONCERN_HIGH);
    }

    @Test
    void aPointOutsideTheLimitsIsSpecialCauseReadByPolarity() {
        List<Double> series = with(base(16), 30.0);
        assertThat(Spc.analyse(series, Polarity.down).latest()).isEqualTo(Variation.CONCERN_HIGH);
        assertThat(Spc.analyse(series, Polarity.up).latest()).isEqualTo(Variation.IMPROVEMENT_HIGH);
        assertThat(Spc.analyse(series, Polarity.context).latest()).isEqualTo(Variation.NEITHER_HIGH);
        Spc.Result r = Spc.analyse(series, Polarity.down);
        assertThat(r.special()[16]).isTrue();
        assertThat(r.special()[15]).isFalse();
        assertThat(Spc.analyse(with(base(16), -30.0), Polarity.down).latest()).isEqualTo(Variation.IMPROVEMENT_LOW);
    }

    @Test
    void sevenPointsOnOneSideOfTheMeanIsAShiftButSixIsNot() {
        // Seven points just below the mean (none beyond two sigma, no steady fall).
        Spc.Result seven = Spc.analyse(with(base(16), 11.0, 10.5, 11.0, 10.5, 11.0, 10.5, 11.0), Polarity.down);
        assertThat(seven.latest()).isEqualTo(Variation.IMPROVEMENT_LOW);
        Spc.Result six = Spc.analyse(with(base(16), 11.0, 10.5, 11.0, 10.5, 11.0, 10.5), Polarity.down);
        assertThat(six.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void aValueExactlyOnTheMeanBreaksARun() {
        List<Double> series = with(base(16), 11.0, 10.5, 11.0, 10.5, 11.0, 10.5, 11.0);
        Spc.Result r = Spc.analyse(series, Polarity.down, 0, 16);
        assertThat(r.mean()).isEqualTo(11.5);
        assertThat(r.latest()).isEqualTo(Variation.IMPROVEMENT_LOW);
        // The same seven months with one of them exactly on the baseline's mean of 11.5.
        List<Double> onMean = with(base(16), 11.0, 10.5, 11.0, 11.5, 11.0, 10.5, 11.0);
        assertThat(Spc.analyse(onMean, Polarity.down, 0, 16).latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void sixRisesInARowAreATrendButFiveAreNot() {
        // After ... 12, 11, 13 the base ends on 13; then 9 and a steady rise inside the limits: 7 points, 6 rises.
        Spc.Result seven = Spc.analyse(with(base(16), 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0), Polarity.up);
        assertThat(seven.latest()).isEqualTo(Variation.IMPROVEMENT_HIGH);
        assertThat(seven.signal()).isEqualTo("the figures have risen 6 months in a row");
        Spc.Result six = Spc.analyse(with(base(16), 9.0, 10.0, 11.0, 12.0, 13.0, 14.0), Polarity.up);
        assertThat(six.latest()).isEqualTo(Variation.COMMON_CAUSE);
        // A repeated value breaks the run.
        Spc.Result broken = Spc.analyse(with(base(16), 9.0, 10.0, 11.0, 11.0, 12.0, 13.0, 14.0), Polarity.up);
        assertThat(broken.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void aWithheldMonthBreaksARunRatherThanBeingGuessed() {
        List<Double> series = with(base(16), 11.0, 10.5, 11.0, null, 11.0, 10.5, 11.0, 10.5);
        Spc.Result r = Spc.analyse(series, Polarity.down, 0, 16);
        assertThat(r.latest()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(r.special()[19]).isFalse();
    }

    @Test
    void twoOfThreeBeyondTwoSigmaOnTheSameSide() {
        // With 16.5, 12, 16.5 at the end: mean 12.05, mean moving range 2.31, so two sigma is 16.14 and
        // the upper limit 18.19: two of the last three are beyond two sigma, inside the limits.
        Spc.Result r = Spc.analyse(with(base(16), 16.5, 12.0, 16.5), Polarity.down);
        assertThat(r.upper()).isGreaterThan(16.5);
        assertThat(r.mean() + 2 * r.sigma()).isLessThan(16.5);
        assertThat(r.latest()).isEqualTo(Variation.CONCERN_HIGH);
        assertThat(r.signal()).isEqualTo("two of the last three months were near the upper process limit");
        // One of three beyond two sigma is not enough (and 11 is on the mean's other side).
        Spc.Result one = Spc.analyse(with(base(16), 16.5, 12.0, 11.0), Polarity.down);
        assertThat(one.special()[18]).isFalse();
        assertThat(one.latest()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void assuranceWithTheTargetInsideOnOrBeyondTheLimits() {
        Spc.Result r = Spc.analyse(base(20), Polarity.down);
        assertThat(Spc.assurance(r, 12.0, Polarity.down)).isEqualTo(Assurance.EITHER_WAY);
        // Lower is better: a target above the whole process is met, below it missed.
        assertThat(Spc.assurance(r, 20.0, Polarity.down)).isEqualTo(Assurance.CONSISTENTLY_MET);
        assertThat(Spc.assurance(r, 5.0, Polarity.down)).isEqualTo(Assurance.CONSISTENTLY_MISSED);
        assertThat(Spc.assurance(r, 20.0, Polarity.up)).isEqualTo(Assurance.CONSISTENTLY_MISSED);
        // A target exactly on the upper limit: the process at its worst is still on target.
        assertThat(Spc.assurance(r, r.upper(), Polarity.down)).isEqualTo(Assurance.CONSISTENTLY_MET);
        assertThat(Spc.assurance(r, r.upper(), Polarity.up)).isEqualTo(Assurance.EITHER_WAY);
        assertThat(Spc.assurance(r, r.lower(), Polarity.up)).isEqualTo(Assurance.CONSISTENTLY_MET);
        assertThat(Spc.assurance(r, null, Polarity.up)).isEqualTo(Assurance.NO_TARGET);
        assertThat(Spc.assurance(r, 12.0, Polarity.context)).isEqualTo(Assurance.NO_TARGET);
        assertThat(Spc.assurance(null, 12.0, Polarity.up)).isEqualTo(Assurance.NOT_ENOUGH_DATA);
    }

    @Test
    void limitsFromABaselineJudgeTheMonthsAfterItAndASustainedShiftIsOnlySuggested() {
        // A baseline of the first 16 months; the next 8 all at 15 are a shift against it, though
        // limits from all 24 months would have moved to take them in.
        List<Double> series = with(base(16), 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0);
        Spc.Result baseline = Spc.analyse(series, Polarity.down, 0, 16);
        assertThat(baseline.mean()).isEqualTo(11.5);
        assertThat(baseline.latest()).isEqualTo(Variation.CONCERN_HIGH);
        // The run began with the last baseline month (13, above 11.5): that is where the suggestion points.
        assertThat(baseline.shift()).isEqualTo(new Spc.Shift(15, 9, true));
        // Named as a change point, the months from there get their own limits once there are 15 of them.
        List<Double> longer = new ArrayList<>(base(16));
        longer.addAll(with(base(16), 0.0).stream().map(x -> x + 4).toList().subList(0, 16));
        Spc.Result rebased = Spc.xmr(longer, Polarity.down, new Options(0, 32, List.of(16), 0, Double.POSITIVE_INFINITY));
        assertThat(rebased.centre()[0]).isEqualTo(11.5);
        assertThat(rebased.centre()[31]).isEqualTo(15.5);
        assertThat(rebased.segment()[31]).isEqualTo(1);
        assertThat(rebased.latest()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(rebased.shift()).isNull();
        // Too few months since the change point: the limits before it carry on.
        List<Double> shorter = longer.subList(0, 26);
        Spc.Result carried = Spc.xmr(shorter, Polarity.down, new Options(0, 26, List.of(16), 0, Double.POSITIVE_INFINITY));
        assertThat(carried.centre()[25]).isEqualTo(11.5);
        assertThat(carried.latest().special()).isTrue();
        assertThat(carried.shift()).as("the run starts at the named change point: nothing to suggest").isNull();
    }

    @Test
    void afterAChangePointTheMonthsBeforeTheStrategySetTheLimitsWhenThereAreEnough() {
        // Change point at 16; strategy from 36: the new segment's limits come from months 16 to 35 (20 of them, mean
        // 21.5), so a steady fall after the strategy start is read against the process before it, not averaged into it.
        List<Double> series = new ArrayList<>(base(16));
        series.addAll(base(20).stream().map(x -> x + 10).toList());
        series.addAll(java.util.Collections.nCopies(8, 18.0));
        Spc.Result r = Spc.xmr(series, Polarity.down, new Options(0, 16, List.of(16), 0, Double.POSITIVE_INFINITY, 36));
        assertThat(r.centre()[43]).isEqualTo(21.5);
        assertThat(r.baseline()[35]).isTrue();
        assertThat(r.baseline()[36]).isFalse();
        assertThat(r.latest()).isEqualTo(Variation.IMPROVEMENT_LOW);
        // With too few months before the strategy in the new segment, it takes all its months.
        Spc.Result all = Spc.xmr(series, Polarity.down, new Options(0, 16, List.of(16), 0, Double.POSITIVE_INFINITY, 20));
        assertThat(all.baseline()[43]).isTrue();
    }

    @Test
    void aPercentagesLimitsStayBetweenZeroAndOneHundred() {
        List<Double> p = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            p.add(i % 2 == 0 ? 95.0 : 60.0);
        }
        Spc.Result r = Spc.xmr(p, Polarity.up, Options.whole(20).range(0, 100));
        assertThat(r.upper()).isEqualTo(100.0);
        assertThat(r.lower()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void aPChartsLimitsFollowEachMonthsDenominator() {
        List<Double> p = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            n.add(i % 3 == 0 ? 2.0 : i % 3 == 1 ? 5.0 : 20.0);
            p.add(i % 3 == 0 ? 50.0 : i % 3 == 1 ? 60.0 : 55.0);
        }
        Spc.Result r = Spc.pChart(p, n, Polarity.up, Options.whole(18));
        // Cases 18 of 36 (2 x 50%) + 18 of 30 ... : the centre is cases over cases judged, not a mean of percentages.
        double cases = 6 * (1 + 3 + 11);
        double total = 6 * (2 + 5 + 20);
        assertThat(r.mean()).isCloseTo(100 * cases / total, offset(1e-9));
        // Two audits in a month: limits 0 to 100 (anything can happen); twenty: much narrower.
        assertThat(r.upperLimits()[0]).isEqualTo(100.0);
        assertThat(r.lowerLimits()[0]).isEqualTo(0.0);
        assertThat(r.upperLimits()[2] - r.lowerLimits()[2]).isLessThan(70);
        assertThat(r.specialCount()).isZero();
        // A month with no denominator is a gap, not a zero.
        n.set(5, null);
        Spc.Result gap = Spc.pChart(p, n, Polarity.up, Options.whole(18));
        assertThat(gap.centre()[5]).isNaN();
    }
}
