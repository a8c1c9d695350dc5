package org.neglectscorecard.scorecard;

import java.util.ArrayList;
import java.util.List;

import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;

/**
 * Statistical process control as NHS England's "Making Data Count" teaches boards to read it: an
 * XmR chart of a monthly series, with the mean and natural process limits (mean +/- 2.66 times the
 * mean moving range) taken from the data, or from a baseline of its months. A point is special
 * cause when it is outside the limits, in a run of 7 or more on one side of the mean, in a run of
 * 6 or more rising or falling, or 2 of 3 in a row beyond two sigma on the same side. Fewer than 15
 * points: no SPC. The series is a month's own value (a point-in-time figure, or the count in the
 * month for flows), never a rolling 12-month sum, whose overlapping months would flag everything.
 */
public final class Spc {

    public static final int MIN_POINTS = 15;
    static final double E2 = 2.66;
    static final double D2 = 1.128;

    /** What the latest point says. */
    public enum Variation {
        IMPROVEMENT("\u2191 Special cause: improvement"),
        CONCERN("\u2193 Special cause: concern"),
        HIGHER("\u2191 Special cause: higher"),
        LOWER("\u2193 Special cause: lower"),
        COMMON_CAUSE("\u2194 Common cause: normal variation"),
        NOT_ENOUGH_DATA("Not enough data for SPC (fewer than 15 months)");

        private final String words;

        Variation(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Whether the process, as it is, will meet the target. */
    public enum Assurance {
        CONSISTENTLY_MET("\u2714 Target consistently met"),
        CONSISTENTLY_MISSED("\u2718 Target consistently missed"),
        EITHER_WAY("? Target could be met or missed (inside the limits)"),
        NO_TARGET("No target"),
        NOT_ENOUGH_DATA("Not enough data for SPC");

        private final String words;

        Assurance(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * The chart's figures and the reading of each point.
     *
     * @param special       per point, whether any rule marks it as special cause
     * @param high          per point, whether its special cause is above the mean (else below)
     * @param signal        why the latest point is special cause, in words a board reads ("the last 9
     *                      months have all been above the average"); null when it is not
     */
    public record Result(double mean, double upper, double lower, double sigma, boolean[] special, boolean[] high,
                         Variation latest, String signal) {

        public boolean latestSpecial() {
            return special.length > 0 && special[special.length - 1];
        }
    }

    private Spc() {
    }

    /**
     * @param values        the monthly series, oldest first; null for a month with no usable value (a gap)
     * @param baselineFrom  first index of the baseline (inclusive), or 0
     * @param baselineTo    last index of the baseline (exclusive), or values.size()
     * @return null when there are fewer than {@link #MIN_POINTS} points
     */
    public static Result analyse(List<Double> values, Polarity polarity, int baselineFrom, int baselineTo) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                present.add(i);
            }
        }
        if (present.size() < MIN_POINTS) {
            return null;
        }
        double sum = 0;
        int n = 0;
        double rangeSum = 0;
        int ranges = 0;
        Double previous = null;
        for (int i = Math.max(0, baselineFrom); i < Math.min(values.size(), baselineTo); i++) {
            Double v = values.get(i);
            if (v == null) {
                previous = null;
                continue;
            }
            sum += v;
            n++;
            if (previous != null) {
                rangeSum += Math.abs(v - previous);
                ranges++;
            }
            previous = v;
        }
        if (n < 2 || ranges == 0) {
            return null;
        }
        double mean = sum / n;
        double mr = rangeSum / ranges;
        double upper = mean + E2 * mr;
        double lower = mean - E2 * mr;
        double sigma = mr / D2;
        int size = values.size();
        boolean[] special = new boolean[size];
        boolean[] high = new boolean[size];
        // Rule 1: outside the limits.
        for (int i : present) {
            double v = values.get(i);
            if (v > upper || v < lower) {
                special[i] = true;
                high[i] = v > upper;
            }
        }
        // Rule 2: 7 or more in a row on one side of the mean (points on the mean break the run).
        runs(values, present, 7, i -> Integer.signum(Double.compare(values.get(i), mean)), special, high, (i, side) -> side > 0);
        // Rule 3: 6 or more in a row each higher (or each lower) than the one before; a repeat breaks the run.
        int runStart = 0;
        int direction = 0;
        for (int k = 1; k <= present.size(); k++) {
            int step = k < present.size() ? Integer.signum(Double.compare(values.get(present.get(k)), values.get(present.get(k - 1)))) : 0;
            if (k < present.size() && step != 0 && step == direction) {
                continue;
            }
            if (direction != 0 && k - runStart >= 6) {
                for (int j = runStart; j < k; j++) {
                    int i = present.get(j);
                    if (!special[i]) {
                        special[i] = true;
                        high[i] = direction > 0;
                    }
                }
            }
            runStart = step != 0 ? k - 1 : k;
            direction = step;
        }
        // Rule 4: 2 of 3 in a row beyond two sigma on the same side.
        for (int k = 0; k + 2 < present.size(); k++) {
            for (int side : new int[] {1, -1}) {
                int beyond = 0;
                for (int j = k; j < k + 3; j++) {
                    double v = values.get(present.get(j));
                    if (side > 0 ? v > mean + 2 * sigma : v < mean - 2 * sigma) {
                        beyond++;
                    }
                }
                if (beyond >= 2) {
                    for (int j = k; j < k + 3; j++) {
                        int i = present.get(j);
                        double v = values.get(i);
                        if ((side > 0 ? v > mean + 2 * sigma : v < mean - 2 * sigma) && !special[i]) {
                            special[i] = true;
                            high[i] = side > 0;
                        }
                    }
                }
            }
        }
        int last = present.get(present.size() - 1);
        Variation latest;
        if (!special[last]) {
            latest = Variation.COMMON_CAUSE;
        } else if (polarity == Polarity.context) {
            latest = high[last] ? Variation.HIGHER : Variation.LOWER;
        } else {
            latest = high[last] == (polarity == Polarity.up) ? Variation.IMPROVEMENT : Variation.CONCERN;
        }
        return new Result(mean, upper, lower, sigma, special, high, latest,
                special[last] ? signal(values, present, mean, upper, lower, sigma) : null);
    }

    /**
     * The rule that makes the latest point special, said as what it is: a month beyond the
     * limits is not the same claim as a run above the average, and the sentence must not say more
     * than the rule found. Rules are tried in the order a reader finds most telling.
     */
    private static String signal(List<Double> values, List<Integer> present, double mean, double upper, double lower,
                                 double sigma) {
        int n = present.size();
        double last = values.get(present.get(n - 1));
        if (last > upper || last < lower) {
            return "the latest month is " + (last > upper ? "above the upper" : "below the lower") + " process limit";
        }
        int side = Double.compare(last, mean);
        int run = 0;
        for (int k = n - 1; k >= 0 && side != 0 && Double.compare(values.get(present.get(k)), mean) == side; k--) {
            run++;
        }
        if (run >= 7) {
            return "the last " + run + " months have all been " + (side > 0 ? "above" : "below") + " the average";
        }
        int step = Integer.signum(Double.compare(last, values.get(present.get(n - 2))));
        int trend = 1;
        for (int k = n - 1; k > 0 && step != 0
                && Integer.signum(Double.compare(values.get(present.get(k)), values.get(present.get(k - 1)))) == step; k--) {
            trend++;
        }
        if (trend >= 6) {
            return "the figures have " + (step > 0 ? "risen" : "fallen") + " " + (trend - 1) + " months in a row";
        }
        return "two of the last three months were near the " + (last > mean ? "upper" : "lower") + " process limit";
    }

    public static Result analyse(List<Double> values, Polarity polarity) {
        return analyse(values, polarity, 0, values.size());
    }

    /** Where the target sits against the limits: beyond them on the good side is met, on the bad side missed. */
    public static Assurance assurance(Result r, Double target, Polarity polarity) {
        if (target == null || polarity == Polarity.context) {
            return Assurance.NO_TARGET;
        }
        if (r == null) {
            return Assurance.NOT_ENOUGH_DATA;
        }
        if (target >= r.lower() && target <= r.upper()) {
            return Assurance.EITHER_WAY;
        }
        boolean targetAbove = target > r.upper();
        // Higher is better and the target is above the whole process: it will be missed.
        return targetAbove == (polarity == Polarity.up) ? Assurance.CONSISTENTLY_MISSED : Assurance.CONSISTENTLY_MET;
    }

    private interface Side {
        int of(int index);
    }

    private interface High {
        boolean of(int index, int side);
    }

    private static void runs(List<Double> values, List<Integer> present, int length, Side side, boolean[] special, boolean[] high,
                             High isHigh) {
        int runStart = 0;
        for (int k = 1; k <= present.size(); k++) {
            int s0 = side.of(present.get(runStart));
            if (k < present.size() && s0 != 0 && side.of(present.get(k)) == s0) {
                continue;
            }
            if (s0 != 0 && k - runStart >= length) {
                for (int j = runStart; j < k; j++) {
                    int i = present.get(j);
                    if (!special[i]) {
                        special[i] = true;
                        high[i] = isHigh.of(i, s0);
                    }
                }
            }
            runStart = k;
        }
    }
}
