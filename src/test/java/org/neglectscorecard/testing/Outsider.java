package org.neglectscorecard.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Measure;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/**
 * Plays someone outside the partnership with everything it published, trying to work out the
 * counts it withheld, as the issue describes: numerators and denominators printed beside
 * percentages, rates times the (public) population, the partnership less its visible LAs, an
 * area's total less its visible groups, and a 12-month count less last month's plus a year-old
 * month, and a percentage's denominator less its numerator (the children it does not count, a
 * count of its own whose LAs add up to the partnership's). Each sum with one unknown left is solved, and solving goes on until nothing more comes
 * out. Written apart from DisclosureControl (one sum at a time, as a person with a spreadsheet
 * would), so the two check each other.
 */
public final class Outsider {

    /** A count, as DisclosureControl names it: entry, 12-month or in-month, area, month end, breakdown. */
    public record Cell(String series, boolean inMonth, String area, LocalDate period, String breakdown) {
    }

    /**
     * One published row: value null where withheld ([c]); numerator and denominator as printed
     * (null when blank); in-month value as a chart shows it (null when not shown).
     */
    public record Seen(String indicatorId, String area, LocalDate period, String breakdown, BigDecimal value,
                       BigDecimal numerator, BigDecimal denominator, BigDecimal inMonth, BigDecimal population) {
    }

    private final Function<String, Optional<IndicatorDefinition>> catalogue;
    private final String partnership;
    private final Set<String> members;
    private final Map<Cell, Long> known = new HashMap<>();
    private final Set<Cell> withheld = new HashSet<>();
    private final Set<Cell> behind = new HashSet<>();
    /** Percentages of people: numerator series to the denominator series they are taken of. */
    private final Map<String, Set<String>> percentagesOf = new HashMap<>();
    /** Each complement cell (denominator less numerator) to its numerator and denominator cells. */
    private final Map<Cell, Cell[]> complements = new HashMap<>();

    /** A complement's series name: the people of the denominator not in the numerator. */
    public static String complementSeries(String numerator, String denominator) {
        return denominator + "\\" + numerator;
    }

    public Outsider(Function<String, Optional<IndicatorDefinition>> catalogue, String partnership, Set<String> members) {
        this.catalogue = catalogue;
        this.partnership = partnership;
        this.members = members;
    }

    /** Reads what was published, then works out all it can. */
    public Outsider read(List<Seen> published) {
        for (Seen s : published) {
            IndicatorDefinition d = catalogue.apply(s.indicatorId()).orElseThrow();
            boolean headline = "all".equals(s.breakdown());
            if (d.unit() == Unit.count) {
                learn(cell(d.id(), false, s), s.value());
                if (headline && flow(d.id())) {
                    learn(cell(d.id(), true, s), s.inMonth());
                    if (s.inMonth() == null) {
                        behind.add(cell(d.id(), true, s));
                    }
                }
                continue;
            }
            if (d.numerator() == null) {
                continue;
            }
            if (s.value() == null) {
                // Withheld: the counts it is built on are what the outsider would like to know (unless shown elsewhere).
                behind.add(cell(d.numerator(), false, s));
                if (!d.isRate()) {
                    behind.add(cell(d.denominator(), false, s));
                }
                continue;
            }
            learn(cell(d.numerator(), false, s), s.numerator());
            if (d.unit() == Unit.percent && people(d.numerator()) && people(d.denominator())) {
                percentagesOf.computeIfAbsent(d.numerator(), k -> new HashSet<>()).add(d.denominator());
            }
            if (headline && s.inMonth() != null) {
                // A chart's percentage or rate in the month: the numerator from the denominator, or back.
                Cell num = cell(d.numerator(), flow(d.numerator()), s);
                Cell den = d.isRate() ? null : cell(d.denominator(), flow(d.denominator()), s);
                ratios.add(new Ratio(num, den, s.inMonth(), d.unit(), d.isRate() ? s.population() : null));
            }
            if (d.isRate()) {
                // Rate times population, where the numerator is not printed.
                if (s.numerator() == null && s.population() != null) {
                    learn(cell(d.numerator(), false, s), s.value().multiply(s.population())
                            .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP));
                }
            } else {
                learn(cell(d.denominator(), false, s), s.denominator());
                if (s.numerator() == null && s.denominator() != null && d.unit() == Unit.percent) {
                    learn(cell(d.numerator(), false, s), s.value().multiply(s.denominator())
                            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP));
                }
            }
        }
        // A count row withheld is a secret even if another figure printed it (that is the leak to find);
        // a count behind a withheld percentage is one only if nothing printed it.
        for (Seen s : published) {
            IndicatorDefinition d = catalogue.apply(s.indicatorId()).orElseThrow();
            if (d.unit() == Unit.count && s.value() == null) {
                withheld.add(cell(d.id(), false, s));
            }
        }
        for (Cell c : behind) {
            if (!known.containsKey(c)) {
                withheld.add(c);
            }
        }
        complements();
        solve();
        return this;
    }

    /**
     * Withheld counts (of a [c] row, or behind a [c] percentage) the outsider worked out anyway:
     * those of its answers that are right.
     */
    public Map<Cell, Long> recovered(Map<Cell, Long> truth) {
        Map<Cell, Long> out = new HashMap<>();
        for (Cell c : withheld) {
            Long right = truth.get(c);
            Cell[] parts = complements.get(c);
            if (parts != null && truth.containsKey(parts[0]) && truth.containsKey(parts[1])) {
                right = truth.get(parts[1]) - truth.get(parts[0]);
            }
            if (known.containsKey(c) && known.get(c).equals(right)) {
                out.put(c, known.get(c));
            }
        }
        return out;
    }

    /** Every count the outsider knows, shown or worked out. */
    public Map<Cell, Long> known() {
        return known;
    }

    private Cell cell(String series, boolean inMonth, Seen s) {
        return new Cell(series, inMonth, s.area(), s.period(), s.breakdown());
    }

    private boolean people(String series) {
        return catalogue.apply(series).map(d -> d.counts().isPeople()).orElse(false);
    }

    /**
     * The complement of every percentage of people, wherever its numerator and denominator are
     * shown or sought: known where both are, a secret where either is.
     */
    private void complements() {
        Set<Cell> all = new HashSet<>(known.keySet());
        all.addAll(withheld);
        for (Cell num : all) {
            for (String series : percentagesOf.getOrDefault(num.series(), Set.of())) {
                Cell den = new Cell(series, num.inMonth() && flow(series), num.area(), num.period(), num.breakdown());
                if (!all.contains(den)) {
                    continue;
                }
                Cell c = new Cell(complementSeries(num.series(), series), num.inMonth() || den.inMonth(), num.area(),
                        num.period(), num.breakdown());
                complements.put(c, new Cell[] {num, den});
                if (withheld.contains(num) || withheld.contains(den)) {
                    withheld.add(c);
                } else if (known.containsKey(num) && known.containsKey(den)) {
                    known.put(c, known.get(den) - known.get(num));
                }
            }
        }
    }

    private boolean flow(String series) {
        return catalogue.apply(series).map(d -> d.measure() == Measure.in_year).orElse(false);
    }

    private void learn(Cell c, BigDecimal v) {
        if (v != null) {
            known.put(c, v.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
    }

    /** A value shown without its counts: value = numerator / denominator (times 100 or 10,000). */
    private record Ratio(Cell numerator, Cell denominator, BigDecimal value, Unit unit, BigDecimal population) {
    }

    private final List<Ratio> ratios = new ArrayList<>();

    /** Sums with one unknown left, and ratios with one count known, solved until nothing more comes out. */
    private void solve() {
        List<Map<Cell, Integer>> sums = sums();
        boolean more = true;
        while (more) {
            more = false;
            for (Ratio r : ratios) {
                BigDecimal scale = BigDecimal.valueOf(r.unit() == Unit.percent ? 100 : r.unit() == Unit.rate_per_10k ? 10_000 : 1);
                Long den = r.denominator() == null ? (r.population() == null ? null : r.population().longValue())
                        : known.get(r.denominator());
                Long num = known.get(r.numerator());
                if (num == null && den != null) {
                    learn(r.numerator(), r.value().multiply(BigDecimal.valueOf(den)).divide(scale, 0, RoundingMode.HALF_UP));
                    more = true;
                } else if (num != null && den == null && r.denominator() != null && r.value().signum() != 0) {
                    learn(r.denominator(), BigDecimal.valueOf(num).multiply(scale).divide(r.value(), 0, RoundingMode.HALF_UP));
                    more = true;
                }
            }
            for (Map<Cell, Integer> sum : sums) {
                Cell unknown = null;
                int unknowns = 0;
                long rest = 0;
                for (Map.Entry<Cell, Integer> e : sum.entrySet()) {
                    Long v = known.get(e.getKey());
                    if (v == null) {
                        unknown = e.getKey();
                        unknowns++;
                    } else {
                        rest += e.getValue() * v;
                    }
                }
                if (unknowns == 1) {
                    known.put(unknown, -rest / sum.get(unknown));
                    more = true;
                }
            }
        }
    }

    /** The sums an outsider can write down from the catalogue's definitions (each adds up to zero). */
    private List<Map<Cell, Integer>> sums() {
        Set<Cell> all = new HashSet<>(known.keySet());
        all.addAll(withheld);
        all.addAll(complements.keySet());
        Map<String, Map<Cell, Integer>> byAreas = new HashMap<>();
        Map<String, Map<Cell, Integer>> byGroups = new HashMap<>();
        for (Cell c : all) {
            String key = c.series() + "|" + c.inMonth() + "|" + c.period() + "|" + c.breakdown();
            if (c.area().equals(partnership)) {
                byAreas.computeIfAbsent(key, k -> new HashMap<>()).put(c, 1);
            } else if (members.contains(c.area())) {
                byAreas.computeIfAbsent(key, k -> new HashMap<>()).put(c, -1);
            }
            if (!c.inMonth()) {
                String dimension = "all".equals(c.breakdown()) ? null : c.breakdown().substring(0, c.breakdown().indexOf('='));
                for (String dim : dimension == null ? dimensionsOf(all, c) : List.of(dimension)) {
                    byGroups.computeIfAbsent(c.series() + "|" + c.area() + "|" + c.period() + "|" + dim, k -> new HashMap<>())
                            .put(c, dimension == null ? 1 : -1);
                }
            }
        }
        List<Map<Cell, Integer>> out = new ArrayList<>();
        complements.forEach((c, parts) -> out.add(Map.of(parts[1], 1, parts[0], -1, c, -1)));
        byAreas.values().stream().filter(m -> m.containsValue(1) && m.containsValue(-1)).forEach(out::add);
        byGroups.values().stream().filter(m -> m.containsValue(1) && m.containsValue(-1)).forEach(out::add);
        for (Cell c : all) {
            boolean additive = catalogue.apply(c.series()).map(d -> d.measure() == Measure.in_year && !d.distinct()).orElse(false);
            if (c.inMonth() || !"all".equals(c.breakdown()) || !additive) {
                continue;
            }
            // The 12-month count is the sum of its months; and from one month to the next it moves by
            // the month's count less the count of the month a year before.
            Map<Cell, Integer> year = new HashMap<>();
            year.put(c, 1);
            for (int k = 0; k < 12; k++) {
                year.put(new Cell(c.series(), true, c.area(), YearMonth.from(c.period()).minusMonths(k).atEndOfMonth(), "all"), -1);
            }
            if (all.containsAll(year.keySet())) {
                out.add(year);
            }
            Cell before = new Cell(c.series(), false, c.area(), YearMonth.from(c.period()).minusMonths(1).atEndOfMonth(), "all");
            Cell month = new Cell(c.series(), true, c.area(), c.period(), "all");
            Cell yearAgo = new Cell(c.series(), true, c.area(), YearMonth.from(c.period()).minusMonths(12).atEndOfMonth(), "all");
            if (all.contains(before) && all.contains(month) && all.contains(yearAgo)) {
                out.add(Map.of(c, 1, before, -1, month, -1, yearAgo, 1));
            }
        }
        return out;
    }

    private static List<String> dimensionsOf(Set<Cell> all, Cell total) {
        Set<String> out = new HashSet<>();
        for (Cell c : all) {
            if (!c.inMonth() && c.series().equals(total.series()) && c.area().equals(total.area())
                    && c.period().equals(total.period()) && !"all".equals(c.breakdown())) {
                out.add(c.breakdown().substring(0, c.breakdown().indexOf('=')));
            }
        }
        return new ArrayList<>(out);
    }
}
