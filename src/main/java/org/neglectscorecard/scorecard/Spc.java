package org.neglectscorecard.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;

/**
 * Statistical process control as NHS England's "Making Data Count" (MDC) teaches boards to read it,
 * following its Excel tools and their R implementation (NHS-R's plotthedots, with outliers not
 * screened, as the Excel tools do):
 * <ul>
 * <li>an XmR chart of a monthly series: the mean and natural process limits (mean +/- 2.66 times
 * the mean moving range), or, for a percentage of a handful of cases a month, a p-chart whose
 * limits follow each month's number of cases (p-bar +/- 3 sigma, sigma = sqrt(p(1-p)/n));</li>
 * <li>the mean and limits from a baseline of months (the rest are judged against them), and
 * recalculated from each change point on;</li>
 * <li>limits kept inside the measure's range (0 to 100 for a percentage, 0 and up for a count);</li>
 * <li>special cause where a point is outside the limits, 7 points in a row are on one side of the
 * mean (a point on the mean breaks the run), 7 points in a row each rise (or each fall) from the
 * one before (six rises: a repeated value breaks the run), or 2 of 3 points in a row are beyond two
 * sigma (but inside the limits) on the same side of the mean;</li>
 * <li>a month with no value (a gap: withheld, or not computed) breaks runs and moving ranges, so
 * no rule claims a run it cannot see;</li>
 * <li>fewer than 15 points: no SPC.</li>
 * </ul>
 * Runs are counted within a segment (between change points), as MDC's rebasing does.
 */
public final class Spc {

    public static final int MIN_POINTS = 15;
    /** A run of this many points on one side of the mean, or rising or falling, is special cause. */
    public static final int RUN = 7;
    static final double E2 = 2.66;
    static final double D2 = 1.128;

    /** The kind of chart the series is read on. */
    public enum Chart {
        XMR("XmR chart"), P("p-chart (limits follow each month's number of cases)");

        private final String words;

        Chart(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * What the latest point says, as Making Data Count's variation icons say it: special cause
     * improvement or concern (or, with no better direction, neither), high or low; or common cause.
     * The words never use an arrow, which in this workbook is the direction of travel.
     */
    public enum Variation {
        IMPROVEMENT_HIGH("Special cause: improvement (high)"),
        IMPROVEMENT_LOW("Special cause: improvement (low)"),
        CONCERN_HIGH("Special cause: concern (high)"),
        CONCERN_LOW("Special cause: concern (low)"),
        NEITHER_HIGH("Special cause: higher (no better direction)"),
        NEITHER_LOW("Special cause: lower (no better direction)"),
        COMMON_CAUSE("Common cause: usual variation"),
        NOT_ENOUGH_DATA("No SPC: fewer than 15 months"),
        NO_SPC("No SPC");

        private final String words;

        Variation(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public boolean special() {
            return ordinal() <= NEITHER_LOW.ordinal();
        }

        /** A word or two for a crowded table, always beside the icon that says the rest. */
        public String shortWords() {
            return switch (this) {
                case IMPROVEMENT_HIGH, IMPROVEMENT_LOW -> "Improvement";
                case CONCERN_HIGH, CONCERN_LOW -> "Concern";
                case NEITHER_HIGH -> "Higher";
                case NEITHER_LOW -> "Lower";
                case COMMON_CAUSE -> "Common cause";
                default -> "No SPC";
            };
        }

        public boolean improvement() {
            return this == IMPROVEMENT_HIGH || this == IMPROVEMENT_LOW;
        }

        public boolean concern() {
            return this == CONCERN_HIGH || this == CONCERN_LOW;
        }

        public boolean high() {
            return this == IMPROVEMENT_HIGH || this == CONCERN_HIGH || this == NEITHER_HIGH;
        }

        static Variation of(boolean high, Polarity polarity) {
            if (polarity == Polarity.context) {
                return high ? NEITHER_HIGH : NEITHER_LOW;
            }
            boolean good = high == (polarity == Polarity.up);
            return good ? (high ? IMPROVEMENT_HIGH : IMPROVEMENT_LOW) : (high ? CONCERN_HIGH : CONCERN_LOW);
        }
    }

    /** Whether the process, as it is, will meet the target (MDC's assurance icons). */
    public enum Assurance {
        CONSISTENTLY_MET("Target consistently met (pass)"),
        CONSISTENTLY_MISSED("Target consistently missed (fail)"),
        EITHER_WAY("Target met or missed by chance (hit and miss)"),
        NO_TARGET("No target"),
        NOT_ENOUGH_DATA("No SPC, so no assurance");

        private final String words;

        Assurance(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /**
         * Said as what will happen, not "pass" or "fail": beside the RAG, "fail" next to "amber: near
         * target" read as a contradiction to a trial's board member, where both are true (near the
         * target this month, and on the usual variation missing it every month).
         */
        public String shortWords() {
            return switch (this) {
                case CONSISTENTLY_MET -> "Met every month";
                case CONSISTENTLY_MISSED -> "Missed every month";
                case EITHER_WAY -> "Hit and miss";
                default -> null;
            };
        }
    }

    /** A sustained shift in the latest months, for the notes to suggest as a change point. Never applied here. */
    public record Shift(int from, int months, boolean high) {
    }

    /**
     * The chart's figures and the reading of each point. Per point: the centre line, the limits and
     * sigma that point is judged against (NaN in a gap of a p-chart), whether any rule marks it
     * special cause and on which side, and the segment it is in (0 before the first change point).
     *
     * @param baseline per point, whether its value went into the mean and limits
     * @param signal   why the latest point is special cause, in words a board reads ("the last 9
     *                 months have all been above the average"); null when it is not
     * @param shift    a sustained shift running to the latest month, not yet named as a change point
     */
    public record Result(Chart chart, double[] centre, double[] upperLimits, double[] lowerLimits, double[] sigmas,
                         boolean[] special, boolean[] high, int[] segment, boolean[] baseline, Variation latest, String signal,
                         Shift shift) {

        private int last() {
            for (int i = centre.length - 1; i >= 0; i--) {
                if (!Double.isNaN(centre[i])) {
                    return i;
                }
            }
            return centre.length - 1;
        }

        /** The mean (centre line) the latest month is judged against. */
        public double mean() {
            return centre[last()];
        }

        public double upper() {
            return upperLimits[last()];
        }

        public double lower() {
            return lowerLimits[last()];
        }

        public double sigma() {
            return sigmas[last()];
        }

        public boolean latestSpecial() {
            return latest.special();
        }

        public int specialCount() {
            int n = 0;
            for (boolean s : special) {
                n += s ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * How to read a series.
     *
     * @param baselineFrom first index of the first segment's baseline (inclusive)
     * @param baselineTo   last index of it (exclusive); the whole first segment when it runs past it
     * @param changePoints indices where the process changed (each starts a segment with its own limits)
     * @param min          the lowest value the measure can take (limits are not drawn below it), or -infinity
     * @param max          the highest, or +infinity
     * @param laterBaselineTo for the segments after a change point: their baseline ends here (exclusive;
     *                     the strategy start) when that leaves them {@link #MIN_POINTS} points, else they
     *                     take all their months
     */
    public record Options(int baselineFrom, int baselineTo, List<Integer> changePoints, double min, double max,
                          int laterBaselineTo) {

        public Options(int baselineFrom, int baselineTo, List<Integer> changePoints, double min, double max) {
            this(baselineFrom, baselineTo, changePoints, min, max, Integer.MAX_VALUE);
        }

        public static Options whole(int size) {
            return new Options(0, size, List.of(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        public Options range(double low, double high) {
            return new Options(baselineFrom, baselineTo, changePoints, low, high, laterBaselineTo);
        }
    }

    private Spc() {
    }

    public static Result analyse(List<Double> values, Polarity polarity) {
        return xmr(values, polarity, Options.whole(values.size()));
    }

    public static Result analyse(List<Double> values, Polarity polarity, int baselineFrom, int baselineTo) {
        return xmr(values, polarity, new Options(baselineFrom, baselineTo, List.of(), Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY));
    }

    /** An XmR chart; null when the series has fewer than {@link #MIN_POINTS} points or no baseline to set limits from. */
    public static Result xmr(List<Double> values, Polarity polarity, Options o) {
        return analyse(Chart.XMR, values, null, polarity, o);
    }

    /**
     * A p-chart of percentages (0 to 100) with each month's denominator; a month without either is a gap.
     * The centre line is the baseline's cases over its denominators, not a mean of monthly percentages.
     */
    public static Result pChart(List<Double> percentages, List<Double> denominators, Polarity polarity, Options o) {
        return analyse(Chart.P, percentages, denominators, polarity, o.range(0, 100));
    }

    private static Result analyse(Chart chart, List<Double> values, List<Double> denominators, Polarity polarity, Options o) {
        int size = values.size();
        Double[] v = new Double[size];
        for (int i = 0; i < size; i++) {
            Double x = values.get(i);
            boolean noDenominator = denominators != null && (denominators.get(i) == null || denominators.get(i) <= 0);
            v[i] = x == null || noDenominator || x.isNaN() ? null : x;
        }
        if (Arrays.stream(v).filter(x -> x != null).count() < MIN_POINTS) {
            return null;
        }
        int[] segment = new int[size];
        List<Integer> starts = new ArrayList<>(List.of(0));
        o.changePoints().stream().filter(c -> c > 0 && c < size).sorted().distinct().forEach(starts::add);
        for (int s = 0; s < starts.size(); s++) {
            int end = s + 1 < starts.size() ? starts.get(s + 1) : size;
            for (int i = starts.get(s); i < end; i++) {
                segment[i] = s;
            }
        }
        double[] centre = new double[size];
        double[] upper = new double[size];
        double[] lower = new double[size];
        double[] sigma = new double[size];
        boolean[] baseline = new boolean[size];
        Arrays.fill(centre, Double.NaN);
        Arrays.fill(upper, Double.NaN);
        Arrays.fill(lower, Double.NaN);
        Arrays.fill(sigma, Double.NaN);
        double[] previous = null;   // the limits carried on into a segment too short to set its own
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int end = s + 1 < starts.size() ? starts.get(s + 1) : size;
            int baseFrom = from;
            int baseTo = end;
            if (s == 0) {
                baseFrom = Math.max(0, Math.min(o.baselineFrom(), end));
                baseTo = Math.max(baseFrom, Math.min(o.baselineTo(), end));
            } else if (o.laterBaselineTo() < end && presentIn(v, from, Math.max(from, o.laterBaselineTo())) >= MIN_POINTS) {
                baseTo = o.laterBaselineTo();
            }
            int present = 0;
            for (int i = baseFrom; i < baseTo; i++) {
                present += v[i] != null ? 1 : 0;
            }
            // A later segment needs as many points as a whole chart to set its own limits; until then the
            // limits before the change point carry on (MDC rebases only on enough data).
            double[] fit = null;
            if (present >= (s == 0 ? 2 : MIN_POINTS)) {
                fit = chart == Chart.P ? pFit(v, denominators, baseFrom, baseTo) : xmrFit(v, baseFrom, baseTo);
            }
            if (fit == null) {
                if (previous == null) {
                    return null;
                }
                fit = previous;
            } else {
                for (int i = baseFrom; i < baseTo; i++) {
                    baseline[i] = v[i] != null;
                }
            }
            previous = fit;
            for (int i = from; i < end; i++) {
                if (chart == Chart.P) {
                    if (v[i] == null) {
                        continue;
                    }
                    double p = fit[0] / 100;
                    double sd = 100 * Math.sqrt(p * (1 - p) / denominators.get(i));
                    centre[i] = fit[0];
                    sigma[i] = sd;
                    upper[i] = fit[0] + 3 * sd;
                    lower[i] = fit[0] - 3 * sd;
                } else {
                    centre[i] = fit[0];
                    sigma[i] = fit[1] / D2;
                    upper[i] = fit[0] + E2 * fit[1];
                    lower[i] = fit[0] - E2 * fit[1];
                }
                upper[i] = Math.min(o.max(), Math.max(o.min(), upper[i]));
                lower[i] = Math.min(o.max(), Math.max(o.min(), lower[i]));
            }
        }
        boolean[] special = new boolean[size];
        boolean[] high = new boolean[size];
        rules(v, centre, upper, lower, sigma, segment, special, high);
        int last = -1;
        for (int i = size - 1; i >= 0 && last < 0; i--) {
            if (v[i] != null) {
                last = i;
            }
        }
        Variation latest = special[last] ? Variation.of(high[last], polarity) : Variation.COMMON_CAUSE;
        return new Result(chart, centre, upper, lower, sigma, special, high, segment, baseline, latest,
                special[last] ? signal(v, centre, upper, lower, segment, last) : null,
                shift(v, centre, segment, last, starts));
    }

    private static int presentIn(Double[] v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += v[i] != null ? 1 : 0;
        }
        return n;
    }

    /** Mean and mean moving range of the baseline; moving ranges only between neighbouring months both present. */
    private static double[] xmrFit(Double[] v, int from, int to) {
        double sum = 0;
        int n = 0;
        double rangeSum = 0;
        int ranges = 0;
        for (int i = from; i < to; i++) {
            if (v[i] == null) {
                continue;
            }
            sum += v[i];
            n++;
            if (i > from && v[i - 1] != null) {
                rangeSum += Math.abs(v[i] - v[i - 1]);
                ranges++;
            }
        }
        if (n < 2 || ranges == 0) {
            return null;
        }
        return new double[] {sum / n, rangeSum / ranges};
    }

    /** The baseline's overall percentage: cases over denominators, each month's cases its percentage of its denominator. */
    private static double[] pFit(Double[] v, List<Double> denominators, int from, int to) {
        double cases = 0;
        double total = 0;
        for (int i = from; i < to; i++) {
            if (v[i] != null) {
                cases += v[i] / 100 * denominators.get(i);
                total += denominators.get(i);
            }
        }
        return total <= 0 ? null : new double[] {100 * cases / total, 0};
    }

    private static void rules(Double[] v, double[] centre, double[] upper, double[] lower, double[] sigma, int[] segment,
                              boolean[] special, boolean[] high) {
        int size = v.length;
        // Rule 1: outside the limits.
        for (int i = 0; i < size; i++) {
            if (v[i] != null && (v[i] > upper[i] || v[i] < lower[i])) {
                special[i] = true;
                high[i] = v[i] > upper[i];
            }
        }
        // Rule 2: 7 or more in a row on one side of the mean.
        int runStart = 0;
        for (int i = 0; i <= size; i++) {
            int side = i < size ? side(v, centre, i) : 0;
            boolean continues = i < size && side != 0 && i > runStart && segment[i] == segment[runStart]
                    && side == side(v, centre, runStart);
            if (continues) {
                continue;
            }
            if (i - runStart >= RUN && side(v, centre, runStart) != 0) {
                mark(special, high, runStart, i, side(v, centre, runStart) > 0);
            }
            runStart = i;
        }
        // Rule 3: 7 or more in a row each higher (or each lower) than the one before.
        runStart = 0;
        int direction = 0;
        for (int i = 1; i <= size; i++) {
            int step = i < size && v[i] != null && v[i - 1] != null && segment[i] == segment[i - 1]
                    ? Integer.signum(Double.compare(v[i], v[i - 1])) : 0;
            if (step != 0 && step == direction) {
                continue;
            }
            if (direction != 0 && i - runStart >= RUN) {
                mark(special, high, runStart, i, direction > 0);
            }
            direction = step;
            runStart = i - 1;
        }
        // Rule 4: 2 of 3 in a row beyond two sigma (and inside the limits) on the same side of the mean.
        for (int i = 0; i + 2 < size; i++) {
            if (segment[i + 2] != segment[i] || v[i] == null || v[i + 1] == null || v[i + 2] == null) {
                continue;
            }
            for (int side : new int[] {1, -1}) {
                int close = 0;
                for (int j = i; j < i + 3; j++) {
                    close += close(v, centre, upper, lower, sigma, j) && side(v, centre, j) == side ? 1 : 0;
                }
                if (close < 2) {
                    continue;
                }
                for (int j = i; j < i + 3; j++) {
                    if (close(v, centre, upper, lower, sigma, j) && side(v, centre, j) == side && !special[j]) {
                        special[j] = true;
                        high[j] = side > 0;
                    }
                }
            }
        }
    }

    private static int side(Double[] v, double[] centre, int i) {
        return v[i] == null || Double.isNaN(centre[i]) ? 0 : Integer.signum(Double.compare(v[i], centre[i]));
    }

    private static boolean close(Double[] v, double[] centre, double[] upper, double[] lower, double[] sigma, int i) {
        if (v[i] == null || Double.isNaN(sigma[i]) || v[i] > upper[i] || v[i] < lower[i]) {
            return false;
        }
        return Math.abs(v[i] - centre[i]) > 2 * sigma[i];
    }

    private static void mark(boolean[] special, boolean[] high, int from, int to, boolean isHigh) {
        for (int j = from; j < to; j++) {
            if (!special[j]) {
                special[j] = true;
                high[j] = isHigh;
            }
        }
    }

    /**
     * The rule that makes the latest point special, said as what it is: a month beyond the limits is
     * not the same claim as a run above the average, and the sentence must not say more than the
     * rule found. Rules are tried in the order a reader finds most telling.
     */
    private static String signal(Double[] v, double[] centre, double[] upper, double[] lower, int[] segment, int last) {
        double x = v[last];
        if (x > upper[last] || x < lower[last]) {
            return "the latest month is " + (x > upper[last] ? "above the upper" : "below the lower") + " process limit";
        }
        int side = side(v, centre, last);
        int run = 0;
        for (int k = last; k >= 0 && side != 0 && segment[k] == segment[last] && side(v, centre, k) == side; k--) {
            run++;
        }
        if (run >= RUN) {
            return "the last " + run + " months have all been " + (side > 0 ? "above" : "below") + " the average";
        }
        int step = last > 0 && v[last - 1] != null ? Integer.signum(Double.compare(x, v[last - 1])) : 0;
        int rises = 0;
        for (int k = last; k > 0 && step != 0 && v[k - 1] != null && segment[k - 1] == segment[last]
                && Integer.signum(Double.compare(v[k], v[k - 1])) == step; k--) {
            rises++;
        }
        if (rises >= RUN - 1) {
            return "the figures have " + (step > 0 ? "risen" : "fallen") + " " + rises + " months in a row";
        }
        return "two of the last three months were near the " + (x > centre[last] ? "upper" : "lower") + " process limit";
    }

    /**
     * A run of {@link #RUN} or more months on one side of the mean that reaches the latest month and
     * began after the segment's own start: the process may have changed where the run began. The
     * notes suggest naming that month as a change point; the limits are never moved on their own.
     */
    private static Shift shift(Double[] v, double[] centre, int[] segment, int last, List<Integer> starts) {
        int side = side(v, centre, last);
        if (side == 0) {
            return null;
        }
        int first = last;
        int months = 0;
        for (int k = last; k >= 0 && segment[k] == segment[last] && side(v, centre, k) == side; k--) {
            first = k;
            months++;
        }
        if (months < RUN || starts.contains(first)) {
            return null;
        }
        return new Shift(first, months, side > 0);
    }

    /**
     * Where the target sits against the process limits. Lower is better: met every month when the
     * whole process is at or below the target (the upper limit on it or under it), missed every month
     * when even the lower limit is above it; otherwise the target is hit and missed by chance. A value
     * exactly on target meets it, as RAG says.
     */
    public static Assurance assurance(Result r, Double target, Polarity polarity) {
        if (target == null || polarity == Polarity.context) {
            return Assurance.NO_TARGET;
        }
        if (r == null) {
            return Assurance.NOT_ENOUGH_DATA;
        }
        double upper = r.upper();
        double lower = r.lower();
        if (polarity == Polarity.down) {
            return upper <= target ? Assurance.CONSISTENTLY_MET : lower > target ? Assurance.CONSISTENTLY_MISSED : Assurance.EITHER_WAY;
        }
        return lower >= target ? Assurance.CONSISTENTLY_MET : upper < target ? Assurance.CONSISTENTLY_MISSED : Assurance.EITHER_WAY;
    }
}
