package org.neglectscorecard.scorecard;

import java.math.BigDecimal;
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
import org.neglectscorecard.indicators.IndicatorDefinition.Spc;

/**
 * What the scorecard says of each indicator for each area: this period beside the month before
 * and the same month a year earlier, the direction of travel, the SPC reading of the monthly
 * series, the target and its RAG, England's and the neighbours' figures, and a sentence. The
 * workbook's sheets and the charts lay these out; nothing here decides how they look.
 */
public final class ScorecardFigures {

    /** One indicator for one area. */
    public record Line(IndicatorDefinition indicator, String areaCode, String areaName, boolean partnership,
                       IndicatorValue now, IndicatorValue previousMonth, IndicatorValue lastYear, BigDecimal change,
                       String direction, List<LocalDate> months, List<Double> spcValues, boolean inMonthSeries,
                       org.neglectscorecard.scorecard.Spc.Result spc, org.neglectscorecard.scorecard.Spc.Variation variation,
                       Targets.Target target, Targets.Rag rag, org.neglectscorecard.scorecard.Spc.Assurance assurance,
                       BenchmarkValue benchmark, String sentence, List<IndicatorValue> history) {

        public boolean hasValue() {
            return now != null;
        }
    }

    /** Everything the figures are made from. */
    public record Inputs(LocalDate period, String partnershipCode, List<IndicatorDefinition> indicators, Catalogue catalogue,
                         List<IndicatorValue> values, List<BenchmarkValue> benchmarks, List<Targets.Target> targets,
                         LocalDate baselineFrom, LocalDate baselineTo) {
    }

    private ScorecardFigures() {
    }

    public static List<Line> build(Inputs in) {
        Map<String, List<IndicatorValue>> headline = new LinkedHashMap<>();
        Map<String, String> areaNames = new LinkedHashMap<>();
        for (IndicatorValue v : in.values()) {
            if (v.isHeadline() && !v.periodEnd().isAfter(in.period())) {
                headline.computeIfAbsent(v.indicatorId() + "|" + v.areaCode(), k -> new ArrayList<>()).add(v);
                areaNames.putIfAbsent(v.areaCode(), v.areaName());
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
            for (String area : areas) {
                List<IndicatorValue> history = headline.getOrDefault(d.id() + "|" + area, List.of());
                Map<LocalDate, IndicatorValue> byMonth = new HashMap<>();
                history.forEach(v -> byMonth.put(v.periodEnd(), v));
                IndicatorValue now = byMonth.get(in.period());
                IndicatorValue before = byMonth.get(lastYear);
                BigDecimal change = usable(now) && usable(before) ? now.value().subtract(before.value()) : null;
                String direction = change == null ? null : direction(d.polarity(), change.signum());
                List<LocalDate> months = new ArrayList<>();
                List<Double> spcValues = new ArrayList<>();
                if (!history.isEmpty()) {
                    YearMonth first = YearMonth.from(history.get(0).periodEnd());
                    for (YearMonth m = first; !m.isAfter(YearMonth.from(in.period())); m = m.plusMonths(1)) {
                        months.add(m.atEndOfMonth());
                        spcValues.add(spcValue(d, byMonth.get(m.atEndOfMonth()), inMonth));
                    }
                }
                int from = in.baselineFrom() == null ? 0 : Math.max(0, months.indexOf(in.baselineFrom()));
                int to = in.baselineTo() == null || !months.contains(in.baselineTo()) ? months.size() : months.indexOf(in.baselineTo()) + 1;
                org.neglectscorecard.scorecard.Spc.Result spc = org.neglectscorecard.scorecard.Spc.analyse(spcValues, d.polarity(), from, to);
                // The SPC reading is of the latest month: without a value for the period there is none.
                org.neglectscorecard.scorecard.Spc.Variation variation = spc == null || now == null
                        ? org.neglectscorecard.scorecard.Spc.Variation.NOT_ENOUGH_DATA : spc.latest();
                Targets.Target target = Targets.current(in.targets(), d.id(), area, in.period()).orElse(null);
                Targets.Rag rag = usable(now) ? Targets.rag(d.polarity(), now.value(), target).orElse(null) : null;
                // Assurance needs the target in the SPC series' own terms: not for a year's total against monthly counts.
                org.neglectscorecard.scorecard.Spc.Assurance assurance = target == null || inMonth && d.unit() == IndicatorDefinition.Unit.count
                        ? org.neglectscorecard.scorecard.Spc.Assurance.NO_TARGET
                        : org.neglectscorecard.scorecard.Spc.assurance(spc, target.value().doubleValue(), d.polarity());
                BenchmarkValue benchmark = latestBenchmark.get(d.id() + "|" + area);
                String sentence = Sentences.of(d, area.equals(in.partnershipCode()) ? "the partnership" : areaNames.get(area), now, before,
                        variation, spc == null ? null : spc.signal(), benchmark, inMonth);
                lines.add(new Line(d, area, areaNames.get(area), area.equals(in.partnershipCode()), now, byMonth.get(previous),
                        before, change, direction, months, spcValues, inMonth, spc, variation, target, rag, assurance, benchmark,
                        sentence, history));
            }
        }
        return lines;
    }

    /**
     * Whether SPC reads the count (or rate) in the month rather than the figure at the month end:
     * for flows, counted over 12 months, whose overlapping months would make every change look real.
     */
    public static boolean inMonthSeries(IndicatorDefinition d, Catalogue catalogue) {
        if (d.isBase()) {
            return d.spc() == Spc.in_month;
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
        if (inMonth && d.unit() == IndicatorDefinition.Unit.count && d.counts().isPeople() && x.signum() > 0
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

    /** Which way it moved, and whether that is better or worse, in words and a symbol. */
    static String direction(Polarity polarity, int sign) {
        if (sign == 0) {
            return "\u25CF No change";
        }
        String arrow = sign > 0 ? "\u25B2 " : "\u25BC ";
        return switch (polarity) {
            case up -> arrow + (sign > 0 ? "Improving" : "Worsening");
            case down -> arrow + (sign < 0 ? "Improving" : "Worsening");
            case context -> arrow + (sign > 0 ? "Up" : "Down");
        };
    }

    static Optional<Line> find(List<Line> lines, String indicatorId, String area) {
        return lines.stream().filter(l -> l.indicator().id().equals(indicatorId) && l.areaCode().equals(area)).findFirst();
    }

    static Comparator<Line> byPriority(List<String> priorities) {
        return Comparator.comparing((Line l) -> priorities.indexOf(l.indicator().priority()));
    }
}
