package org.neglectscorecard.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/**
 * What the scorecard says of each indicator for each area: this period beside the month before
 * and the same month a year earlier, the direction of travel, the SPC reading of the monthly
 * series, the target and its RAG, England's and the neighbours' figures, the lead officers'
 * commentary, and a sentence. The workbook's sheets, the charts and the board pack lay these out;
 * nothing here decides how they look, so all of them say the same.
 */
public final class ScorecardFigures {

    /**
     * Below this many cases in a typical (median) month, a percentage's monthly figure moves a long
     * way by chance and its spread depends on each month's number: it is read on a p-chart, whose
     * limits follow each month's denominator, where those are known.
     */
    public static final int P_CHART_BELOW = 30;
    /**
     * Below this many cases a month (audits: two this month, five the next) a monthly percentage or
     * ratio swings between its extremes by chance: never read as XmR. Without each month's
     * denominator for a p-chart, it gets no SPC, and the year's figure is read against its target.
     */
    public static final int FEW_CASES_A_MONTH = 10;

    /** Which way a figure moved over the year, said with a triangle and words: never an SPC symbol. */
    public enum Direction {
        UP_BETTER("\u25B2", "Up, better"), UP_WORSE("\u25B2", "Up, worse"), UP("\u25B2", "Up"),
        DOWN_BETTER("\u25BC", "Down, better"), DOWN_WORSE("\u25BC", "Down, worse"), DOWN("\u25BC", "Down"),
        SAME("=", "No change");

        private final String symbol;
        private final String words;

        Direction(String symbol, String words) {
            this.symbol = symbol;
            this.words = words;
        }

        public String symbol() {
            return symbol;
        }

        public String words() {
            return words;
        }

        public String text() {
            return symbol + " " + words;
        }

        static Direction of(Polarity polarity, int sign) {
            if (sign == 0) {
                return SAME;
            }
            return switch (polarity) {
                case up -> sign > 0 ? UP_BETTER : DOWN_WORSE;
                case down -> sign > 0 ? UP_WORSE : DOWN_BETTER;
                case context -> sign > 0 ? UP : DOWN;
            };
        }
    }

    /**
     * The job file's SPC settings: the strategy start, a baseline if it names one, and its change
     * points by indicator id ("all" for every indicator).
     */
    public record SpcSettings(LocalDate strategyStart, LocalDate baselineFrom, LocalDate baselineTo,
                              Map<String, List<LocalDate>> changePoints) {

        public static final String ALL = "all";
        public static final SpcSettings NONE = new SpcSettings(null, null, null, Map.of());

        public SpcSettings {
            changePoints = changePoints == null ? Map.of() : Map.copyOf(changePoints);
        }

        public List<LocalDate> changePointsFor(String indicatorId) {
            List<LocalDate> out = new ArrayList<>(changePoints.getOrDefault(ALL, List.of()));
            out.addAll(changePoints.getOrDefault(indicatorId, List.of()));
            return out.stream().sorted().distinct().toList();
        }
    }

    /**
     * How SPC reads a line: the chart (null where there is none), what the latest month says, the
     * assurance, and in words why there is no chart, where its limits come from, and a change point
     * the notes suggest.
     */
    public record Reading(Spc.Result spc, Spc.Variation variation, Spc.Assurance assurance, String noSpcReason, String basis,
                          String suggestion, String briefSuggestion) {

        Reading(Spc.Result spc, Spc.Variation variation, Spc.Assurance assurance, String noSpcReason, String basis,
                String suggestion) {
            this(spc, variation, assurance, noSpcReason, basis, suggestion, suggestion);
        }
    }

    /** One indicator for one area. */
    public record Line(IndicatorDefinition indicator, String areaCode, String areaName, boolean partnership,
                       IndicatorValue now, IndicatorValue previousMonth, IndicatorValue lastYear, BigDecimal change,
                       Direction direction, List<LocalDate> months, List<Double> spcValues, List<Double> denominators,
                       boolean inMonthSeries, boolean runningTotal, Reading reading, Targets.Target target, Targets.Rag rag,
                       BenchmarkValue benchmark, Targets.Commentary commentary, String sentence, List<IndicatorValue> history) {

        public boolean hasValue() {
            return now != null;
        }

        public Spc.Result spc() {
            return reading.spc();
        }

        public Spc.Variation variation() {
            return reading.variation();
        }

        public Spc.Assurance assurance() {
            return reading.assurance();
        }

        /** The variation in words, with the reason where there is no SPC reading. */
        public String variationWords() {
            return reading.noSpcReason() != null && !reading.variation().special() && reading.variation() != Spc.Variation.COMMON_CAUSE
                    ? "No SPC: " + reading.noSpcReason() : reading.variation().words();
        }

        public String directionText() {
            return direction == null ? null : direction.text();
        }
    }

    /** Everything the figures are made from. */
    public record Inputs(LocalDate period, String partnershipCode, List<IndicatorDefinition> indicators, Catalogue catalogue,
                         List<IndicatorValue> values, List<BenchmarkValue> benchmarks, List<Targets.Target> targets,
                         List<Targets.Commentary> commentary, SpcSettings spc) {
    }

    private ScorecardFigures() {
    }

    public static List<Line> build(Inputs in) {
        Map<String, List<IndicatorValue>> headline = new LinkedHashMap<>();
        Map<String, String> areaNames = new LinkedHashMap<>();
        Map<String, IndicatorValue> byKey = new HashMap<>();
        for (IndicatorValue v : in.values()) {
            if (v.isHeadline() && !v.periodEnd().isAfter(in.period())) {
                headline.computeIfAbsent(v.indicatorId() + "|" + v.areaCode(), k -> new ArrayList<>()).add(v);
                areaNames.putIfAbsent(v.areaCode(), v.areaName());
                byKey.put(v.indicatorId() + "|" + v.areaCode() + "|" + v.periodEnd(), v);
            }
        }
        Map<String, BenchmarkValue> latestBenchmark = new HashMap<>();
        for (BenchmarkValue b : in.benchmarks()) {
            if (b.england() != null || b.snMean() != null) {
                latestBenchmark.merge(b.indicatorId() + "|" + b.areaCode(), b,
                        (x, y) -> x.periodEnd().isAfter(y.periodEnd()) ? x : y);
            }
        }
        List<String> areas = areaOrder(in.partnershipCode(), areaNames);
        LocalDate previous = YearMonth.from(in.period()).minusMonths(1).atEndOfMonth();
        LocalDate lastYear = YearMonth.from(in.period()).minusYears(1).atEndOfMonth();
        List<Line> lines = new ArrayList<>();
        for (IndicatorDefinition d : in.indicators()) {
            boolean inMonth = inMonthSeries(d, in.catalogue());
            boolean runningTotal = d.spc() == IndicatorDefinition.Spc.running_total;
            for (String area : areas) {
                List<IndicatorValue> history = headline.getOrDefault(d.id() + "|" + area, List.of());
                Map<LocalDate, IndicatorValue> byMonth = new HashMap<>();
                history.forEach(v -> byMonth.put(v.periodEnd(), v));
                IndicatorValue now = byMonth.get(in.period());
                IndicatorValue before = byMonth.get(lastYear);
                BigDecimal change = usable(now) && usable(before) ? now.value().subtract(before.value()) : null;
                Direction direction = change == null ? null : Direction.of(d.polarity(), change.signum());
                Series series = series(d, history, byMonth, byKey, area, inMonth, in);
                boolean yearInstead = false;
                if (inMonth && series.withheld() * 4 > series.withFigure()) {
                    // Most months withheld leaves an empty chart, or one of only the months whose small group happened
                    // to be none (every start for abuse or neglect: 100%, 100%, 100%), which a board would misread: the
                    // figure over 12 months is drawn instead, and not read as SPC (its months overlap).
                    series = series(d, history, byMonth, byKey, area, false, in);
                    yearInstead = true;
                }
                List<LocalDate> months = series.months();
                List<Double> spcValues = series.values();
                List<Double> denominators = series.denominators();
                int fewPeople = series.withheld();
                Targets.Target target = Targets.current(in.targets(), d.id(), area, in.period()).orElse(null);
                Targets.Rag rag = usable(now) ? Targets.rag(d.polarity(), now.value(), target).orElse(null) : null;
                Reading reading = yearInstead ? yearInstead(d, target)
                        : read(d, inMonth, runningTotal, months, spcValues, denominators, fewPeople, history, now, target, in);
                BenchmarkValue benchmark = latestBenchmark.get(d.id() + "|" + area);
                boolean partnership = area.equals(in.partnershipCode());
                Targets.Commentary commentary = partnership ? commentary(in.commentary(), d.id(), in.period()) : null;
                String sentence = Sentences.of(d, partnership ? "the partnership" : areaNames.get(area), now, before, reading,
                        benchmark, inMonth && !yearInstead, target);
                lines.add(new Line(d, area, areaNames.get(area), partnership, now, byMonth.get(previous), before, change,
                        runningTotal ? null : direction, months, spcValues, denominators, inMonth && !yearInstead, runningTotal, reading, target,
                        rag, benchmark, commentary, sentence, history));
            }
        }
        return lines;
    }

    /** A line's chart points: a gap where a month is withheld, counted in {@code withheld}; {@code withFigure} months have one. */
    private record Series(List<LocalDate> months, List<Double> values, List<Double> denominators, int withheld, int withFigure) {
    }

    private static Series series(IndicatorDefinition d, List<IndicatorValue> history, Map<LocalDate, IndicatorValue> byMonth,
                                 Map<String, IndicatorValue> byKey, String area, boolean inMonth, Inputs in) {
        List<LocalDate> months = new ArrayList<>();
        List<Double> spcValues = new ArrayList<>();
        List<Double> denominators = new ArrayList<>();
        boolean denominatorsKnown = d.unit() != Unit.count && !d.isRate();
        int fewPeople = 0;
        int withFigure = 0;
        if (!history.isEmpty()) {
            YearMonth first = YearMonth.from(history.get(0).periodEnd());
            for (YearMonth m = first; !m.isAfter(YearMonth.from(in.period())); m = m.plusMonths(1)) {
                LocalDate month = m.atEndOfMonth();
                months.add(month);
                IndicatorValue figure = byMonth.get(month);
                Double value = spcValue(d, figure, inMonth);
                Double denominator = denominator(d, figure, inMonth, in.catalogue(), byKey, area, month);
                if (value != null && denominatorsKnown && denominator != null && tooFewPeople(d, value, denominator,
                        in.catalogue())) {
                    value = null;
                    fewPeople++;
                } else if (value == null && figure != null && (figure.suppressed() || figure.value() != null)
                        && aboutPeople(d, in.catalogue())) {
                    // A month with a figure that is not charted was withheld (its count, or one worked out from
                    // it, is 1 to 5): said as that, not as "fewer than 15 months of figures (0)". Only for counts of
                    // children or families: an audit percentage's month with no audits has no figure, and nothing is withheld.
                    fewPeople++;
                }
                withFigure += value != null || figure != null && (figure.suppressed() || figure.value() != null) ? 1 : 0;
                spcValues.add(value);
                denominators.add(value == null ? null : denominator);
            }
        }
        return new Series(months, spcValues, denominators, fewPeople, withFigure);
    }

    /** Whether the figure counts children or families, itself or through its numerator or denominator: only those are withheld. */
    private static boolean aboutPeople(IndicatorDefinition d, org.neglectscorecard.indicators.Catalogue catalogue) {
        if (d.counts() != null && d.counts().isPeople()) {
            return true;
        }
        for (String part : new String[] {d.numerator(), d.denominator()}) {
            if (part != null && catalogue.get(part).map(p -> p.counts() != null && p.counts().isPeople()).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The reading of a line charted over 12 months because most of its monthly figures are withheld. */
    private static Reading yearInstead(IndicatorDefinition d, Targets.Target target) {
        return new Reading(null, Spc.Variation.NO_SPC,
                target == null || d.polarity() == Polarity.context ? Spc.Assurance.NO_TARGET : Spc.Assurance.NOT_ENOUGH_DATA,
                "the figure in the month is withheld in most months (" + Sentences.WITHHELD + "), so the chart shows the figure "
                        + "over the 12 months to each month end, which SPC does not read (each month overlaps the 11 before)",
                null, null);
    }

    /** The SPC reading of one line: which chart, its baseline and change points, and what the latest month says. */
    private static Reading read(IndicatorDefinition d, boolean inMonth, boolean runningTotal, List<LocalDate> months,
                                List<Double> values, List<Double> denominators, int fewPeople, List<IndicatorValue> history,
                                IndicatorValue now, Targets.Target target, Inputs in) {
        if (runningTotal) {
            return new Reading(null, Spc.Variation.NO_SPC, Spc.Assurance.NOT_ENOUGH_DATA,
                    "a running total (it only grows), read against its target", null, null);
        }
        long present = values.stream().filter(v -> v != null).count();
        if (present < Spc.MIN_POINTS) {
            return new Reading(null, Spc.Variation.NOT_ENOUGH_DATA,
                    target == null || d.polarity() == Polarity.context ? Spc.Assurance.NO_TARGET : Spc.Assurance.NOT_ENOUGH_DATA,
                    fewPeople > 0 ? "in " + fewPeople + " months the figure is withheld (it is, or would let someone work out, 1 to 5 "
                            + "children or families in the month), so those months are not charted, leaving " + present + " (SPC needs 15)"
                            : "fewer than 15 months of figures (" + present + ")", null, null);
        }
        boolean proportion = d.unit() == Unit.percent;
        boolean perCase = d.unit() == Unit.percent || d.unit() == Unit.ratio || d.unit() == Unit.mean;
        List<Double> known = denominators.stream().filter(x -> x != null).sorted().toList();
        boolean denominatorsKnown = perCase && known.size() >= Spc.MIN_POINTS;
        Double perMonth = !perCase ? null : denominatorsKnown ? known.get(known.size() / 2) : typicalMonth(history, inMonth);
        boolean few = perMonth != null && perMonth < FEW_CASES_A_MONTH;
        Spc.Chart chart = proportion && denominatorsKnown && perMonth < P_CHART_BELOW ? Spc.Chart.P : Spc.Chart.XMR;
        if (few && chart == Spc.Chart.XMR) {
            return new Reading(null, Spc.Variation.NO_SPC, target == null ? Spc.Assurance.NO_TARGET : Spc.Assurance.NOT_ENOUGH_DATA,
                    "about " + Math.round(perMonth) + " cases a month, too few to read month by month; the figure for the "
                            + "year is read against its target", null, null);
        }
        int size = months.size();
        List<Integer> changePoints = new ArrayList<>();
        Map<Integer, String> namedFor = new java.util.HashMap<>();
        changePoints(d, in).forEach((c, id) -> {
            int i = months.indexOf(YearMonth.from(c).atEndOfMonth());
            if (i > 0) {
                changePoints.add(i);
                if (id != null) {
                    namedFor.putIfAbsent(i, id);
                }
            }
        });
        int firstEnd = changePoints.stream().min(Integer::compare).orElse(size);
        int from = 0;
        int to = firstEnd;
        String basis;
        if (in.spc().baselineFrom() != null || in.spc().baselineTo() != null) {
            from = in.spc().baselineFrom() == null ? 0 : Math.max(0, indexOnOrAfter(months, in.spc().baselineFrom()));
            to = in.spc().baselineTo() == null ? firstEnd : Math.min(firstEnd, indexOnOrAfter(months, in.spc().baselineTo()) + 1);
            basis = "the baseline the job file names, " + span(months, from, to);
        } else {
            int start = in.spc().strategyStart() == null ? -1 : indexOnOrAfter(months, in.spc().strategyStart());
            long before = start <= 0 ? 0 : values.subList(0, Math.min(start, firstEnd)).stream().filter(v -> v != null).count();
            if (before >= Spc.MIN_POINTS) {
                to = Math.min(start, firstEnd);
                basis = "the months before the strategy began, " + span(months, 0, to);
            } else {
                basis = "all the months" + (firstEnd < size ? " before the first change point" : "") + ", " + span(months, 0, firstEnd)
                        + (in.spc().strategyStart() != null ? " (fewer than 15 before the strategy began)" : "");
            }
        }
        if (from >= to || values.subList(from, to).stream().filter(v -> v != null).count() < 2) {
            from = 0;
            to = firstEnd;
            basis = "all the months, " + span(months, 0, firstEnd) + " (the baseline named has too few)";
        }
        int strategy = in.spc().strategyStart() == null ? Integer.MAX_VALUE : indexOnOrAfter(months, in.spc().strategyStart());
        List<Integer> sorted = changePoints.stream().sorted().distinct().toList();
        for (int k = 0; k < sorted.size(); k++) {
            int c = sorted.get(k);
            int end = k + 1 < sorted.size() ? sorted.get(k + 1) : size;
            basis += "; recalculated from " + ScorecardWorkbook.monthName(months.get(c)) + " (a change point in the job file"
                    + (namedFor.containsKey(c) ? ", named for " + in.catalogue().get(namedFor.get(c)).map(IndicatorDefinition::title)
                            .orElse(namedFor.get(c)) + ", which this is built on" : "") + ")";
            long beforeStrategy = strategy > c && strategy < end
                    ? values.subList(c, strategy).stream().filter(v -> v != null).count() : 0;
            basis += beforeStrategy >= Spc.MIN_POINTS ? " using " + span(months, c, strategy) + ", before the strategy began"
                    : end - c < Spc.MIN_POINTS ? ", once 15 months have passed (until then the limits before it carry on)" : "";
        }
        Spc.Options options = new Spc.Options(from, to, changePoints, 0,
                d.unit() == Unit.percent ? 100 : Double.POSITIVE_INFINITY, strategy);
        if (d.unit() == Unit.mean) {
            options = options.range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        Spc.Result r = chart == Spc.Chart.P ? Spc.pChart(values, denominators, d.polarity(), options)
                : Spc.xmr(values, d.polarity(), options);
        if (r == null) {
            return new Reading(null, Spc.Variation.NOT_ENOUGH_DATA, Spc.Assurance.NOT_ENOUGH_DATA,
                    "too few months with figures to set limits", null, null);
        }
        if (chart == Spc.Chart.P) {
            basis += "; a p-chart, as there are about " + Math.round(perMonth) + " cases a month";
        }
        // The SPC reading is of the latest month: without a charted value for the period there is none, though the
        // process (and so the assurance) is still read from the months that are charted.
        Spc.Variation variation = r.latest();
        String noReading = null;
        if (now == null) {
            variation = Spc.Variation.NO_SPC;
            noReading = "no figure for this month";
        } else if (values.get(size - 1) == null) {
            variation = Spc.Variation.NO_SPC;
            noReading = "this month is not charted (withheld: " + Sentences.WITHHELD + ")";
        }
        // Assurance needs the target in the SPC series' own terms: not a year's total against monthly counts.
        Spc.Assurance assurance = target == null || d.polarity() == Polarity.context ? Spc.Assurance.NO_TARGET
                : inMonth && d.unit() == Unit.count ? Spc.Assurance.NO_TARGET
                : Spc.assurance(r, target.value().doubleValue(), d.polarity());
        String suggestion = null;
        String brief = null;
        if (r.shift() != null) {
            LocalDate month = months.get(r.shift().from());
            // With the indicator's change points already named, so the line copied into the job file adds, not replaces.
            String named = java.util.stream.Stream.concat(in.spc().changePoints().getOrDefault(d.id(), List.of()).stream(),
                    java.util.stream.Stream.of(month)).sorted().distinct().map(LocalDate::toString)
                    .collect(java.util.stream.Collectors.joining(", "));
            suggestion = "the last " + r.shift().months() + " months (since " + ScorecardWorkbook.monthName(month) + ") have all been "
                    + (r.shift().high() ? "above" : "below") + " the mean: if the way of working changed then, name " + month
                    + " under spc-change-points in the job file (" + d.id() + ": [" + named + "]) and the limits will be "
                    + "recalculated from that month";
            // The board pack's page says once what naming a change point does: each line only says where and what to name.
            brief = "the last " + r.shift().months() + " months (since " + ScorecardWorkbook.monthName(month) + ") "
                    + (r.shift().high() ? "above" : "below") + " the mean (" + d.id() + ": [" + named + "])";
        }
        return new Reading(r, variation, assurance, noReading, basis, suggestion, brief);
    }

    /**
     * An indicator's change points: those for every indicator, its own, and those named for an
     * indicator it is built on (a count's change applies to the count's rate per 10,000 and its
     * percentage, which count the same children: the board pack read "special cause" for the count
     * and "common cause" for its rate). Not the other way: a percentage may step because its
     * denominator did, which says nothing of its count. Each date maps to the indicator it was named
     * for where that is not this one, so the notes can say so.
     */
    private static Map<LocalDate, String> changePoints(IndicatorDefinition d, Inputs in) {
        Map<LocalDate, String> out = new java.util.TreeMap<>();
        in.spc().changePointsFor(d.id()).forEach(c -> out.put(c, null));
        String at = d.numerator();
        for (int depth = 0; at != null && depth < 10; depth++) {
            String id = at;
            in.spc().changePoints().getOrDefault(id, List.of()).forEach(c -> out.putIfAbsent(c, id));
            at = in.catalogue().get(id).filter(n -> !n.isBase()).map(IndicatorDefinition::numerator).orElse(null);
        }
        return out;
    }

    private static String span(List<LocalDate> months, int from, int to) {
        if (to <= from) {
            return "none";
        }
        return ScorecardWorkbook.monthName(months.get(from)) + " to " + ScorecardWorkbook.monthName(months.get(to - 1));
    }

    private static int indexOnOrAfter(List<LocalDate> months, LocalDate date) {
        for (int i = 0; i < months.size(); i++) {
            if (!months.get(i).isBefore(date)) {
                return i;
            }
        }
        return months.size();
    }

    /** Cases in a typical month, from the 12-month denominators when the monthly ones are not published. */
    private static Double typicalMonth(List<IndicatorValue> history, boolean inMonth) {
        List<Double> perMonth = history.stream().filter(v -> !v.suppressed() && v.denominator() != null)
                .map(v -> v.denominator().doubleValue() / (inMonth ? 12 : 1)).sorted().toList();
        return perMonth.isEmpty() ? null : perMonth.get(perMonth.size() / 2);
    }

    /**
     * A month's denominator for a percentage, ratio or mean: the month-end denominator for a
     * point-in-time figure; for a figure read in the month, the count in the month of the entry its
     * denominator names, where that entry is published and not withheld. Null when not known.
     */
    private static Double denominator(IndicatorDefinition d, IndicatorValue v, boolean inMonth, Catalogue catalogue,
                                      Map<String, IndicatorValue> byKey, String area, LocalDate month) {
        if (v == null || v.suppressed() || d.unit() == Unit.count || d.isRate()) {
            return null;
        }
        if (!inMonth) {
            return v.denominator() == null ? null : v.denominator().doubleValue();
        }
        IndicatorValue den = byKey.get(d.denominator() + "|" + area + "|" + month);
        return den == null || den.suppressed() || den.inMonthValue() == null ? null : den.inMonthValue().doubleValue();
    }

    /**
     * Whether a month's figure rests on 1 to 5 children or families in the month: the chart leaves a
     * gap there, as it does for a count of 1 to 5 in the month, since the figure beside its
     * denominator would say how many.
     */
    private static boolean tooFewPeople(IndicatorDefinition d, double value, double denominator, Catalogue catalogue) {
        boolean denominatorPeople = catalogue.get(d.denominator()).map(x -> x.counts().isPeople()).orElse(false);
        boolean numeratorPeople = catalogue.get(d.numerator()).map(x -> x.counts().isPeople()).orElse(false);
        double cases = d.unit() == Unit.percent ? value * denominator / 100 : value * denominator;
        long n = Math.round(cases);
        return denominatorPeople && denominator >= 1 && denominator <= 5 || numeratorPeople && n >= 1 && n <= 5;
    }

    /** The lead officers' words for the month, or the latest before it. */
    static Targets.Commentary commentary(List<Targets.Commentary> all, String indicatorId, LocalDate period) {
        if (all == null) {
            return null;
        }
        return all.stream().filter(k -> k.indicatorId().equals(indicatorId) && !k.periodEnd().isAfter(period))
                .max(Comparator.comparing(Targets.Commentary::periodEnd)).orElse(null);
    }

    /**
     * Whether SPC reads the count (or rate) in the month rather than the figure at the month end:
     * for flows, counted over 12 months, whose overlapping months would make every change look real.
     */
    public static boolean inMonthSeries(IndicatorDefinition d, Catalogue catalogue) {
        if (d.isBase()) {
            return d.spc() == IndicatorDefinition.Spc.in_month;
        }
        return catalogue.get(d.numerator()).map(n -> inMonthSeries(n, catalogue)).orElse(false);
    }

    /** A month's SPC point: a gap where the value is withheld, or is a count of 1 to 5 people in the month. */
    private static Double spcValue(IndicatorDefinition d, IndicatorValue v, boolean inMonth) {
        if (v == null || v.suppressed()) {
            return null;
        }
        BigDecimal x = inMonth ? v.inMonthValue() : v.value();
        if (x == null) {
            return null;
        }
        if (inMonth && d.unit() == Unit.count && d.counts().isPeople() && x.signum() > 0
                && x.compareTo(BigDecimal.valueOf(5)) <= 0) {
            return null;
        }
        return x.doubleValue();
    }

    /** The partnership first, then its LAs by name. */
    static List<String> areaOrder(String partnership, Map<String, String> names) {
        List<String> areas = new ArrayList<>();
        if (names.containsKey(partnership)) {
            areas.add(partnership);
        }
        names.entrySet().stream().filter(e -> !e.getKey().equals(partnership))
                .sorted(Map.Entry.comparingByValue()).forEach(e -> areas.add(e.getKey()));
        return areas;
    }

    static boolean usable(IndicatorValue v) {
        return v != null && !v.suppressed() && v.value() != null;
    }

    static Optional<Line> find(List<Line> lines, String indicatorId, String area) {
        return lines.stream().filter(l -> l.indicator().id().equals(indicatorId) && l.areaCode().equals(area)).findFirst();
    }

    static Comparator<Line> byPriority(List<String> priorities) {
        return Comparator.comparing((Line l) -> priorities.indexOf(l.indicator().priority()));
    }

    /** A figure rounded as the catalogue says, for words. */
    static String plain(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
