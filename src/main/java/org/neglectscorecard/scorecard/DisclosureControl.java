package org.neglectscorecard.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Measure;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/**
 * Disclosure control (OUTPUTS.md section 2): what may be published of a run's figures so that no
 * count of 1 to 5 children or families, shown or withheld, can be worked out by an outsider from
 * everything published together.
 *
 * <p>Every figure is built from counts: a count row is one, a percentage or ratio shows its
 * numerator and denominator, a rate its numerator (the population is public), and a chart's month
 * its in-month count. Those counts are the cells protected here. A cell of children or families
 * from 1 to 5 is withheld (primary); then, while an outsider could still work out a withheld cell
 * from the visible ones, another is withheld (secondary). What an outsider can combine:
 * <ul>
 * <li>the partnership is the sum of its member LAs (every count, month and breakdown);</li>
 * <li>an area's total is the sum of its groups of one breakdown;</li>
 * <li>a 12-month count is the sum of its twelve months, and so moves from one month to the next by
 * the month's count less the count of the month a year before (every flow: one counting each child
 * once is taken as that sum too, as it nearly always is);</li>
 * <li>a percentage's denominator less its numerator is the children or families it does not count
 * (75 of 79 children visited in time: 4 were not). That complement is a count of people like any
 * other: a cell of its own, derived (never printed, always the denominator less the numerator),
 * withheld when 1 to 5, and summed over LAs and groups as its numerator and denominator are
 * (where the percentage has a row for every LA or group they are summed over).</li>
 * </ul>
 * An area's months of such a flow are shown all or none: with its 12-month counts beside them,
 * one month withheld among visible ones could be worked out.
 * A withheld cell counts as worked out when it follows from all of these at once (linear algebra,
 * not one sum at a time), and a set of withheld cells whose total is itself a count of 1 to 5 is
 * not allowed either. A figure is then published only when every cell it shows is.
 * An outsider also holds the copies of other months' runs: a cell one of them showed with the value
 * it has now is known (never withheld to protect another, and the sums are checked with it shown),
 * and a cell they withheld, unchanged, stays withheld.
 * A derived cell is unknown to an outsider exactly when one of the cells it is derived from is: so
 * a withheld complement has its numerator or denominator withheld with it (the cheaper), and a
 * complement is withheld wherever its numerator or denominator is.
 */
public final class DisclosureControl {

    /** Counts of people from 1 to 5 are the small numbers (OUTPUTS.md section 2). */
    public static final int SMALL = 5;

    private DisclosureControl() {
    }

    /** A figure as computed: an indicator_value row. */
    public record Figure(String indicatorId, String area, LocalDate period, String breakdown, BigDecimal value,
                         BigDecimal numerator, BigDecimal denominator, BigDecimal inMonthNumerator,
                         BigDecimal inMonthDenominator) {

        boolean isHeadline() {
            return "all".equals(breakdown);
        }
    }

    /** What may be shown of a figure: its value (with numerator and denominator), and its in-month value. */
    public record Verdict(boolean suppressed, boolean inMonthSuppressed) {
    }

    /** The series of a percentage's complement: the people of the denominator not in the numerator. */
    static String complementSeries(String numerator, String denominator) {
        return denominator + "\\" + numerator;
    }

    /** A count an outsider could learn: of one series (catalogue entry), 12-month or in-month, for an area, month and group. */
    record Cell(String series, boolean inMonth, String area, LocalDate period, String breakdown) implements Comparable<Cell> {

        private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::series).thenComparing(Cell::inMonth)
                .thenComparing(Cell::area).thenComparing(Cell::period).thenComparing(Cell::breakdown);

        @Override
        public int compareTo(Cell o) {
            return ORDER.compare(this, o);
        }
    }

    /**
     * The verdict for each figure, in the same order.
     *
     * @param partnership the partnership's area code
     * @param members     the area codes of its member LAs (whose sum it is)
     */
    public static List<Verdict> decide(List<Figure> figures, Function<String, Optional<IndicatorDefinition>> catalogue,
                                       String partnership, Set<String> members) {
        return decide(figures, List.of(), catalogue, partnership, members);
    }

    /** A figure as another run of the same job had it, with what that run published of it. */
    public record Published(Figure figure, Verdict verdict) {
    }

    /**
     * The verdict for each figure, in the same order, consistent with what other runs of the same
     * job published (the copies of last month and this month are read together): a count another
     * run showed, with the value it has now, is known, so never withheld to protect another; a
     * count another run withheld, unchanged since and shown by none, stays withheld. Without this,
     * February's copy showed three figures March's withheld so that a count of 1 to 5 could not be
     * worked out, and March's four that February's withheld for the same reason.
     *
     * @param otherRuns each other run's figures with its verdicts
     */
    public static List<Verdict> decide(List<Figure> figures, List<List<Published>> otherRuns,
                                       Function<String, Optional<IndicatorDefinition>> catalogue, String partnership,
                                       Set<String> members) {
        Problem p = new Problem(catalogue, partnership, members);
        List<Cell[]> shown = new ArrayList<>(figures.size());
        List<Cell[]> shownInMonth = new ArrayList<>(figures.size());
        for (Figure f : figures) {
            shown.add(p.cellsOf(f, false));
            shownInMonth.add(f.isHeadline() ? p.cellsOf(f, true) : null);
        }
        for (List<Published> run : otherRuns) {
            p.publishedElsewhere(run);
        }
        p.protect();
        List<Verdict> out = new ArrayList<>(figures.size());
        for (int i = 0; i < figures.size(); i++) {
            boolean suppressed = p.anyWithheld(shown.get(i));
            // In-month values of breakdowns are shown nowhere: never published.
            boolean inMonth = suppressed || shownInMonth.get(i) == null || p.anyWithheld(shownInMonth.get(i));
            out.add(new Verdict(suppressed, inMonth));
        }
        return out;
    }

    /** The cells, equations and withheld set of one run. */
    private static final class Problem {
        private final Function<String, Optional<IndicatorDefinition>> catalogue;
        private final String partnership;
        private final Set<String> members;
        private final Map<Cell, Integer> index = new HashMap<>();
        private final List<Cell> cells = new ArrayList<>();
        private final List<Long> values = new ArrayList<>();
        /** For a derived cell (a complement), the numerator and denominator it is the difference of; else null. */
        private final List<int[]> derivedFrom = new ArrayList<>();
        /** The series of complements: "denominator\\numerator" to {numerator, denominator}. */
        private final Map<String, String[]> complements = new HashMap<>();
        private boolean[] withheld;
        /** Each equation: cell indexes and coefficients (sum of coefficient times cell = 0). */
        private final List<int[]> eqCells = new ArrayList<>();
        private final List<int[]> eqCoefficients = new ArrayList<>();
        /** For sum equations (a total and its parts), the parts: withheld parts must not add up to a small number. */
        private final List<int[]> eqParts = new ArrayList<>();

        Problem(Function<String, Optional<IndicatorDefinition>> catalogue, String partnership, Set<String> members) {
            this.catalogue = catalogue;
            this.partnership = partnership;
            this.members = members;
        }

        private Optional<IndicatorDefinition> entry(String id) {
            return id == null ? Optional.empty() : catalogue.apply(id);
        }

        private boolean people(String series) {
            String[] c = complements.get(series);
            if (c != null) {
                return people(c[0]) && people(c[1]);
            }
            return entry(series).map(d -> d.counts().isPeople()).orElse(false);
        }

        /** A flow counted over 12 months has counts in the month of its own; a count at the month end does not. */
        private boolean flow(String series) {
            String[] c = complements.get(series);
            if (c != null) {
                return flow(c[0]) || flow(c[1]);
            }
            return entry(series).map(d -> d.measure() == Measure.in_year).orElse(false);
        }

        /** The counts a figure shows (in-month: those its in-month value shows), registering them. */
        Cell[] cellsOf(Figure f, boolean inMonth) {
            IndicatorDefinition d = entry(f.indicatorId()).orElse(null);
            if (d == null) {
                return new Cell[0];
            }
            List<Cell> out = new ArrayList<>(2);
            if (d.unit() == Unit.count) {
                add(out, f.indicatorId(), inMonth, f, inMonth ? f.inMonthNumerator() : f.value());
            } else if (d.numerator() != null) {
                Integer numerator = add(out, d.numerator(), inMonth, f, inMonth ? f.inMonthNumerator() : f.numerator());
                if (!d.isRate()) {
                    Integer denominator = add(out, d.denominator(), inMonth, f,
                            inMonth ? f.inMonthDenominator() : f.denominator());
                    if (d.unit() == Unit.percent && numerator != null && denominator != null) {
                        complement(d, inMonth, f, numerator, denominator);
                    }
                }
            }
            return out.toArray(new Cell[0]);
        }

        /** Registers a shown count: its index, or null where it is not one to protect or has no value. */
        private Integer add(List<Cell> out, String series, boolean inMonth, Figure f, BigDecimal value) {
            if (!people(series)) {
                return null;   // practitioners, audits, appointments: never withheld, so nothing to protect
            }
            // A count at the month end is the same in the month: one cell, not two.
            Cell cell = new Cell(series, inMonth && flow(series), f.area(), f.period(), f.breakdown());
            if (value == null) {
                return null;
            }
            int i = register(cell, value.longValue(), null);
            out.add(cell);
            return i;
        }

        private int register(Cell cell, long value, int[] from) {
            return index.computeIfAbsent(cell, c -> {
                cells.add(c);
                values.add(value);
                derivedFrom.add(from);
                return cells.size() - 1;
            });
        }

        /**
         * The complement of a percentage of people (its denominator less its numerator, both counts of
         * people): a derived cell, not shown by the figure but worked out from it, so protected too.
         */
        private void complement(IndicatorDefinition d, boolean inMonth, Figure f, int numerator, int denominator) {
            String series = complementSeries(d.numerator(), d.denominator());
            complements.putIfAbsent(series, new String[] {d.numerator(), d.denominator()});
            Cell cell = new Cell(series, inMonth && flow(series), f.area(), f.period(), f.breakdown());
            register(cell, values.get(denominator) - values.get(numerator), new int[] {numerator, denominator});
        }

        /** Cells another run published with the value they have now: known to an outsider whatever this run withholds. */
        private final java.util.BitSet known = new java.util.BitSet();
        /** Cells another run withheld with the value they have now: kept withheld unless a run published them. */
        private final java.util.BitSet hiddenElsewhere = new java.util.BitSet();

        /** Marks this run's cells that another run published ({@link #known}) or withheld with the same value. */
        void publishedElsewhere(List<Published> run) {
            Problem other = new Problem(catalogue, partnership, members);
            List<Cell[]> cellsShown = new ArrayList<>();
            for (Published f : run) {
                Cell[] shown = other.cellsOf(f.figure(), false);
                Cell[] inMonth = f.figure().isHeadline() ? other.cellsOf(f.figure(), true) : null;
                if (!f.verdict().suppressed()) {
                    cellsShown.add(shown);
                }
                if (inMonth != null && !f.verdict().inMonthSuppressed()) {
                    cellsShown.add(inMonth);
                }
            }
            boolean[] visible = new boolean[other.cells.size()];
            for (Cell[] shown : cellsShown) {
                for (Cell c : shown) {
                    visible[other.index.get(c)] = true;
                }
            }
            for (int j = 0; j < other.cells.size(); j++) {
                int[] from = other.derivedFrom.get(j);
                boolean shown = from == null ? visible[j] : visible[from[0]] && visible[from[1]];
                Integer i = index.get(other.cells.get(j));
                if (i == null || values.get(i).longValue() != other.values.get(j).longValue()) {
                    continue;   // not a figure of this run, or revised since: what was shown of it says nothing of it now
                }
                if (shown) {
                    known.set(i);
                } else {
                    // A complement too: its numerator and denominator may both have moved, by the same, since.
                    hiddenElsewhere.set(i);
                }
            }
        }

        boolean anyWithheld(Cell[] shown) {
            for (Cell c : shown) {
                Integer i = index.get(c);
                if (i != null && withheld[i]) {
                    return true;
                }
            }
            return false;
        }

        void protect() {
            withheld = new boolean[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                long v = values.get(i);
                withheld[i] = v >= 1 && v <= SMALL || hiddenElsewhere.get(i) && !known.get(i);
            }
            equations();
            derived();
            // The equations each cell is in, in order: read for every component at every round.
            int[] inEquations = new int[cells.size()];
            for (int[] eq : eqCells) {
                for (int c : eq) {
                    inEquations[c]++;
                }
            }
            int[][] equationsOf = new int[cells.size()][];
            for (int c = 0; c < cells.size(); c++) {
                equationsOf[c] = new int[inEquations[c]];
                inEquations[c] = 0;
            }
            for (int e = 0; e < eqCells.size(); e++) {
                for (int c : eqCells.get(e)) {
                    equationsOf[c][inEquations[c]++] = e;
                }
            }
            boolean changed = true;
            while (changed) {
                changed = wholeSeriesOfMonths();
                changed |= derived();
                changed |= smallTotals();
                if (!changed) {
                    changed = determined(equationsOf);
                }
            }
        }

        /** The kinds of sum an outsider can form (see the class comment). */
        private void equations() {
            // A complement is its denominator less its numerator: denominator = numerator + complement.
            for (int i = 0; i < cells.size(); i++) {
                int[] from = derivedFrom.get(i);
                if (from != null) {
                    eqCells.add(new int[] {from[1], from[0], i});
                    eqCoefficients.add(new int[] {1, -1, -1});
                    eqParts.add(null);   // a visible denominator is never small: nothing for smallTotals here
                }
            }
            complementEquations = eqCells.size();
            Map<String, Map<String, Integer>> byAreas = new TreeMap<>();
            Map<String, List<Integer>> byGroups = new TreeMap<>();
            Map<String, Integer> totals = new HashMap<>();
            Map<String, Map<LocalDate, Integer>> twelve = new HashMap<>();
            Map<String, Map<LocalDate, Integer>> months = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                byAreas.computeIfAbsent(c.series() + "|" + c.inMonth() + "|" + c.period() + "|" + c.breakdown(),
                        k -> new TreeMap<>()).put(c.area(), i);
                if (!c.inMonth()) {
                    if ("all".equals(c.breakdown())) {
                        totals.put(c.series() + "|" + c.area() + "|" + c.period(), i);
                    } else {
                        String dimension = c.breakdown().contains("=") ? c.breakdown().substring(0, c.breakdown().indexOf('='))
                                : c.breakdown();
                        byGroups.computeIfAbsent(c.series() + "|" + c.area() + "|" + c.period() + "|" + dimension,
                                k -> new ArrayList<>()).add(i);
                    }
                }
                if ("all".equals(c.breakdown()) && additive(c.series())) {
                    (c.inMonth() ? months : twelve).computeIfAbsent(c.series() + "|" + c.area(), k -> new HashMap<>())
                            .put(c.period(), i);
                }
            }
            for (Map<String, Integer> areas : byAreas.values()) {
                Integer total = areas.get(partnership);
                List<Integer> parts = new ArrayList<>();
                areas.forEach((area, i) -> {
                    if (members.contains(area)) {
                        parts.add(i);
                    }
                });
                if (total != null && !parts.isEmpty() && complete(total, source -> {
                    Cell c = cells.get(total);
                    Map<String, Integer> of = byAreas.get(source + "|" + (c.inMonth() && flow(source)) + "|" + c.period() + "|"
                            + c.breakdown());
                    return of == null ? List.of() : of.values();
                })) {
                    sum(total, parts);
                }
            }
            byGroups.forEach((key, parts) -> {
                String[] k = key.split("\\|");
                Integer total = totals.get(k[0] + "|" + k[1] + "|" + k[2]);
                if (total != null && complete(total, source -> byGroups.getOrDefault(source + "|" + k[1] + "|" + k[2] + "|" + k[3],
                        List.of()))) {
                    parts.sort(null);
                    sum(total, parts);
                }
            });
            // A 12-month figure is the sum of its twelve months: V(m) = I(m-11) + ... + I(m).
            twelve.forEach((key, v) -> {
                Map<LocalDate, Integer> in = months.getOrDefault(key, Map.of());
                Set<LocalDate> summed = new java.util.HashSet<>();
                new TreeMap<>(v).forEach((m, now) -> {
                    List<Integer> parts = new ArrayList<>(12);
                    for (int k = 0; k < 12; k++) {
                        Integer month = in.get(YearMonth.from(m).minusMonths(k).atEndOfMonth());
                        if (month == null) {
                            return;
                        }
                        parts.add(month);
                    }
                    sum(now, parts);
                    eqParts.set(eqParts.size() - 1, null);   // the months are not shown as parts of a total to protect
                    summed.add(m);
                });
                // And from one month to the next it moves by the month's count less the count of the month a year
                // before (implied by the sums where every month is there; said for where some are not).
                new TreeMap<>(v).forEach((m, now) -> {
                    Integer before = v.get(YearMonth.from(m).minusMonths(1).atEndOfMonth());
                    Integer monthNow = in.get(m);
                    Integer yearAgo = in.get(YearMonth.from(m).minusMonths(12).atEndOfMonth());
                    boolean implied = summed.contains(m) && summed.contains(YearMonth.from(m).minusMonths(1).atEndOfMonth());
                    if (before != null && monthNow != null && yearAgo != null && !implied) {
                        eqCells.add(new int[] {now, before, monthNow, yearAgo});
                        eqCoefficients.add(new int[] {1, -1, -1, 1});
                        eqParts.add(null);
                    }
                });
                monthsOf.put(key, new ArrayList<>(in.values()));
            });
        }

        /**
         * A derived cell is unknown exactly when a cell it is derived from is: withheld with its
         * numerator or denominator, and, when withheld for itself (a complement of 1 to 5), it takes
         * the cheaper of the two with it, as a percentage with a small numerator is withheld. True if
         * any was withheld.
         */
        private boolean derived() {
            boolean changed = false;
            for (int i = 0; i < cells.size(); i++) {
                int[] from = derivedFrom.get(i);
                if (from == null) {
                    continue;
                }
                if (withheld[from[0]] || withheld[from[1]]) {
                    // Not a complement another copy showed unchanged: the outsider has it, and the sums must be checked so.
                    if (!withheld[i] && !known.get(i)) {
                        withheld[i] = true;
                        changed = true;
                    }
                } else if (withheld[i]) {
                    Integer extra = cheapest(List.of(from[0], from[1]));
                    if (extra != null) {   // null: another run showed both, so nothing withheld here hides it
                        withheld[extra] = true;
                        changed = true;
                    }
                }
            }
            return changed;
        }

        /**
         * Whether a sum whose total is the given cell holds: always for counts; for complements only
         * where every numerator and denominator its numerator's and denominator's sums add up has its
         * complement. A percentage has no row for a group whose numerator has none (1 child starting
         * to be looked after whose ethnicity was refused, say), though the group is in its
         * denominator's sum: the complements shown would then add up to less than the total's, and
         * a false sum would "work out" cells no outsider can.
         *
         * @param sameSum the cells of the same sum (its parts, with or without its total) of a numerator or denominator series
         */
        private boolean complete(int total, Function<String, java.util.Collection<Integer>> sameSum) {
            Cell t = cells.get(total);
            String[] sources = complements.get(t.series());
            if (derivedFrom.get(total) == null || sources == null) {
                return true;
            }
            for (String source : sources) {
                for (int i : sameSum.apply(source)) {
                    Cell c = cells.get(i);
                    if (!index.containsKey(new Cell(t.series(), t.inMonth(), c.area(), c.period(), c.breakdown()))) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** The complements' own equations (denominator = numerator + complement) are the first this many. */
        private int complementEquations;

        /** The in-month cells of each additive flow and area ("series|area"): withheld all together or not at all. */
        private final Map<String, List<Integer>> monthsOf = new HashMap<>();

        /**
         * An area's monthly counts of a flow and its 12-month counts say the same thing twice (each
         * 12-month count is a sum of months), so once one month is withheld any visible month would,
         * with the 12-month counts, give it away: an area's months of a flow are shown all or none.
         * True if any was withheld.
         */
        private boolean wholeSeriesOfMonths() {
            boolean changed = false;
            for (List<Integer> months : monthsOf.values()) {
                boolean any = false;
                for (int c : months) {
                    any |= withheld[c];
                }
                if (any) {
                    for (int c : months) {
                        // A month another run showed stays known: the sums are then checked with it shown.
                        if (!withheld[c] && !known.get(c)) {
                            withheld[c] = true;
                            changed = true;
                        }
                    }
                }
            }
            return changed;
        }

        /**
         * A 12-month count taken as the sum of its months: every flow, including one counting each child
         * once. A child counted in two months of one year is rare, so an outsider takes the sum as exact
         * and is almost always right: a reader of the sample worked Luton's withheld months of children
         * starting to be looked after back, five years deep, from one charted month ("0 in Nov 2025") and
         * the 12-month figures, every one matching the truth.
         */
        private boolean additive(String series) {
            String[] c = complements.get(series);
            if (c != null) {
                return false;   // its 12-month sums follow from its numerator's and denominator's
            }
            return entry(series).map(d -> d.measure() == Measure.in_year).orElse(false);
        }

        private void sum(int total, List<Integer> parts) {
            int[] c = new int[parts.size() + 1];
            int[] k = new int[parts.size() + 1];
            c[0] = total;
            k[0] = 1;
            for (int j = 0; j < parts.size(); j++) {
                c[j + 1] = parts.get(j);
                k[j + 1] = -1;
            }
            eqCells.add(c);
            eqCoefficients.add(k);
            eqParts.add(parts.stream().mapToInt(Integer::intValue).toArray());
        }

        /**
         * Withheld parts of one total that add up to 1 to 5 (two LAs withheld whose sum is 3, say)
         * let their sum be worked out: one more part is withheld. True if any was.
         */
        private boolean smallTotals() {
            boolean changed = false;
            for (int e = 0; e < eqParts.size(); e++) {
                int[] parts = eqParts.get(e);
                if (parts == null) {
                    continue;
                }
                long total = 0;
                int count = 0;
                for (int c : parts) {
                    if (withheld[c]) {
                        total += values.get(c);
                        count++;
                    }
                }
                boolean totalShown = !withheld[eqCells.get(e)[0]];
                if (totalShown && count >= 2 && total >= 1 && total <= SMALL) {
                    Integer extra = cheapest(java.util.Arrays.stream(parts).boxed().toList());
                    if (extra != null) {
                        withheld[extra] = true;
                        changed = true;
                    }
                }
            }
            return changed;
        }

        /**
         * Finds withheld cells that the visible ones determine, component by component of the
         * equations linking withheld cells, and withholds one more cell beside the first found in
         * each. True if any was.
         */
        private boolean determined(int[][] equationsOf) {
            // Only components holding a cell withheld since the last look can have changed: the others were
            // found safe then (a component that was not got a cell more, so it holds a new one).
            if (looked == null) {
                looked = new boolean[cells.size()];
            }
            List<Integer> fresh = new ArrayList<>();
            for (int i = 0; i < withheld.length; i++) {
                if (withheld[i] && !looked[i]) {
                    fresh.add(i);
                }
            }
            boolean[] reached = new boolean[cells.size()];
            boolean[] eqReached = new boolean[eqCells.size()];
            java.util.BitSet inComponent = new java.util.BitSet(eqCells.size());
            Map<Integer, List<Integer>> components = new TreeMap<>();   // by the component's first cell, as before
            for (int start : fresh) {
                if (reached[start]) {
                    continue;
                }
                List<Integer> equations = new ArrayList<>();
                int first = start;
                java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
                queue.add(start);
                reached[start] = true;
                while (!queue.isEmpty()) {
                    int c = queue.poll();
                    first = Math.min(first, c);
                    for (int e : equationsOf[c]) {
                        if (eqReached[e]) {
                            continue;
                        }
                        eqReached[e] = true;
                        equations.add(e);
                        for (int other : eqCells.get(e)) {
                            if (withheld[other] && !reached[other]) {
                                reached[other] = true;
                                queue.add(other);
                            }
                        }
                    }
                }
                if (!equations.isEmpty()) {
                    // In order, read off the marks rather than sorted as boxed numbers (6% of a national run's rounds).
                    List<Integer> inOrder = new ArrayList<>(equations.size());
                    for (int e : equations) {
                        inComponent.set(e);
                    }
                    for (int e = inComponent.nextSetBit(0); e >= 0; e = inComponent.nextSetBit(e + 1)) {
                        inOrder.add(e);
                    }
                    inComponent.clear();
                    components.put(first, inOrder);
                }
            }
            for (int i : fresh) {
                looked[i] = true;
            }
            boolean changed = false;
            for (List<Integer> equations : components.values()) {
                Elimination.Found determined = Elimination.firstDetermined(equations, eqCells, eqCoefficients, withheld, cells);
                if (determined == null) {
                    continue;
                }
                // The first cell found takes one more with it, as ever; so does every other cell the same elimination
                // found, in cell order, that is not in a sum with what this round could change and whose working out
                // has no cell it could change: it would still be worked out next round, so it needs one more either
                // way (the rest are looked at again then, the component holding a cell withheld since). One at a time,
                // a national run's largest component was eliminated afresh 355 times, 13.6 s of its 18 s of disclosure
                // control (JFR). A cell that nothing visible gives away no longer leaves the others found beside it to
                // a round that never comes.
                java.util.BitSet touched = new java.util.BitSet(cells.size());
                boolean[] asEliminated = determined.all().size() > 1 ? withheld.clone() : withheld;
                for (int found : determined.all()) {
                    if (touched.get(found) || near(found, touched, equationsOf)) {
                        continue;   // looked at again next round, with what this one withheld
                    }
                    // Read against what was withheld when eliminated: a cell withheld since is one it is worked out from.
                    Set<Integer> workedFrom = sources(Elimination.certificate(determined.about(found), equations, eqCells,
                            eqCoefficients, asEliminated));
                    if (!touched.isEmpty() && (workedFrom.isEmpty() || workedFrom.stream().anyMatch(touched::get))) {
                        continue;
                    }
                    Integer extra = withholdBeside(found, equations, equationsOf, workedFrom);
                    if (extra == null) {
                        continue;
                    }
                    changed = true;
                    if (extra == TABLE) {
                        break;   // a whole table went: what else it reaches is looked at next round
                    }
                    reach(touched, extra, equationsOf);
                }
            }
            return changed;
        }

        /**
         * Whether a cell is in a sum with one this round could change: most such cells' working out
         * is, and telling those that are not costs a certificate each (a national run's rounds asked
         * for four thousand, to take six hundred).
         */
        private boolean near(int cell, java.util.BitSet touched, int[][] equationsOf) {
            if (touched.isEmpty()) {
                return false;
            }
            for (int e : equationsOf[cell]) {
                for (int c : eqCells.get(e)) {
                    if (touched.get(c)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** What {@link #withholdBeside} returns when it withheld a whole table of a breakdown. */
        private static final int TABLE = -1;

        /**
         * Withholds one more cell so that the visible cells no longer give away the withheld cell
         * found: the cell withheld, {@link #TABLE}, or null when nothing visible gives it away.
         *
         * @param workedFrom the visible cells its certificate works it out from (empty for none found)
         */
        private Integer withholdBeside(int found, List<Integer> equations, int[][] equationsOf, Set<Integer> workedFrom) {
            List<Integer> beside = new ArrayList<>();
            for (int e : equationsOf[found]) {
                if (e < complementEquations) {
                    // A complement's own equation: its numerator or denominator is withheld already (derived()),
                    // and withholding the other too hides nothing the sums still give (a numerator left to be
                    // worked out from the partnership less the other LAs stays so): the sums' cells go first.
                    continue;
                }
                for (int c : eqCells.get(e)) {
                    if (c != found) {   // a complement found is not withheld again through its own numerator and denominator
                        beside.add(c);
                    }
                }
            }
            // The visible cells it is worked out from: withholding one breaks that working out, where a cell
            // merely beside it in a sum may break nothing (worked out along a longer chain, with every cell
            // beside it withheld, the cheapest cell anywhere went: a partnership's month, blanking its chart).
            // Of those as cheap, one beside it goes first, as secondary suppression has it.
            Set<Integer> besides = sources(beside);
            List<Integer> candidates = new ArrayList<>(workedFrom.isEmpty() ? besides : workedFrom);
            looked[found] = false;   // looked at again next time, whatever is withheld now
            Cell about = cells.get(found);
            if (!"all".equals(about.breakdown())) {
                // A breakdown's small group never costs an area its headline figure: another group goes, or,
                // failing that, the whole table of that breakdown (every area's groups; the totals stay).
                List<Integer> groups = new ArrayList<>(candidates);
                groups.removeIf(c -> "all".equals(cells.get(c).breakdown()));
                List<Integer> groupsBeside = new ArrayList<>(besides);
                groupsBeside.removeIf(c -> "all".equals(cells.get(c).breakdown()));
                if (cheapest(groups, besides) != null) {
                    candidates = groups;
                } else if (cheapest(groupsBeside) != null) {
                    candidates = groupsBeside;
                } else if (withholdTable(about)) {
                    return TABLE;
                }
            }
            Integer extra = cheapest(candidates, besides);
            if (extra == null) {
                extra = cheapest(besides);
            }
            if (extra == null) {
                for (int e : equations) {
                    for (int c : eqCells.get(e)) {
                        candidates.add(c);
                    }
                }
                extra = cheapest(candidates);
            }
            if (extra == null) {
                // Every figure its sums hold is withheld already: the sums pin it among withheld figures only
                // (a thinned LA's few GCP2 children, month by month), so nothing shown says what it is. Stopping
                // the run here left a small LA with no scorecard at all.
                looked[found] = true;
                return null;
            }
            withheld[extra] = true;
            return extra;
        }

        /**
         * Marks what withholding a cell can change before the next round: the cell, its months (shown
         * all or none) and the complements derived from it, and every cell in a sum with any of them
         * (a sum of withheld parts that is small takes another of its parts).
         */
        private void reach(java.util.BitSet touched, int extra, int[][] equationsOf) {
            List<Integer> moved = new ArrayList<>();
            moved.add(extra);
            moved.addAll(monthsOfCell(extra));
            for (int e : equationsOf[extra]) {
                if (e < complementEquations) {
                    moved.add(eqCells.get(e)[2]);
                }
            }
            for (int c : moved) {
                touched.set(c);
                for (int e : equationsOf[c]) {
                    for (int other : eqCells.get(e)) {
                        touched.set(other);
                    }
                }
            }
        }

        /** The months shown with a cell, all or none (empty for a cell not one of an area's months of a flow). */
        private List<Integer> monthsOfCell(int cell) {
            if (monthGroup == null) {
                monthGroup = new HashMap<>();
                for (List<Integer> months : monthsOf.values()) {
                    for (int c : months) {
                        monthGroup.put(c, months);
                    }
                }
            }
            return monthGroup.getOrDefault(cell, List.of());
        }

        private Map<Integer, List<Integer>> monthGroup;

        /** Cells withheld when components were last looked at. */
        private boolean[] looked;

        /** Every group of a breakdown's table (each area's, for one series and month): the totals stay shown. */
        private boolean withholdTable(Cell group) {
            if (tables == null) {
                tables = new HashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    Cell c = cells.get(i);
                    if (!"all".equals(c.breakdown())) {
                        tables.computeIfAbsent(tableOf(c), k -> new ArrayList<>()).add(i);
                    }
                }
            }
            boolean changed = false;
            for (int i : tables.get(tableOf(group))) {
                if (!withheld[i] && !known.get(i)) {
                    withheld[i] = true;
                    changed = true;
                }
            }
            return changed;
        }

        /** The groups of each breakdown's table, by {@link #tableOf}: made when first needed. */
        private Map<String, List<Integer>> tables;

        private static String tableOf(Cell c) {
            return c.series() + "|" + c.period() + "|" + c.inMonth() + "|" + dimensionOf(c.breakdown());
        }

        private static String dimensionOf(String breakdown) {
            return breakdown.contains("=") ? breakdown.substring(0, breakdown.indexOf('=')) : breakdown;
        }

        /**
         * The visible cell whose withholding costs the board least: an LA's months, then an LA's
         * 12-month figures, then the partnership's groups, then its months (one month of a flow costs
         * the partnership's whole chart of it), its headline last of all; of those, a group before a
         * total, a small count before a large one, a zero only when nothing else will do.
         */
        private Integer cheapest(java.util.Collection<Integer> candidates) {
            return cheapest(candidates, Set.of());
        }

        /** As {@link #cheapest(java.util.Collection)}, of cells as cheap taking first those preferred. */
        private Integer cheapest(java.util.Collection<Integer> candidates, Set<Integer> preferred) {
            Comparator<Integer> cost = Comparator.<Integer>comparingInt(this::tier)
                    .thenComparing(i -> !preferred.contains(i))
                    .thenComparing(i -> "all".equals(cells.get(i).breakdown()))
                    .thenComparing(i -> values.get(i) == 0)
                    .thenComparing(values::get)
                    .thenComparing(cells::get);
            // A derived cell is withheld by withholding what it is derived from.
            return candidates.stream().flatMap(i -> derivedFrom.get(i) == null ? java.util.stream.Stream.of(i)
                    : java.util.stream.Stream.of(derivedFrom.get(i)[0], derivedFrom.get(i)[1]))
                    .filter(i -> !withheld[i] && !known.get(i)).distinct().min(cost).orElse(null);
        }

        /** The cells to withhold to hide these: a derived cell's numerator and denominator, any other cell itself. */
        private Set<Integer> sources(List<Integer> of) {
            Set<Integer> out = new java.util.LinkedHashSet<>();
            for (int i : of) {
                int[] from = derivedFrom.get(i);
                if (from == null) {
                    out.add(i);
                } else {
                    out.add(from[0]);
                    out.add(from[1]);
                }
            }
            return out;
        }

        /** What withholding a cell costs, by kind: see {@link #cheapest}. */
        private int tier(int i) {
            Cell c = cells.get(i);
            if (!partnership.equals(c.area())) {
                return c.inMonth() ? 0 : 1;
            }
            if (!"all".equals(c.breakdown())) {
                return 2;
            }
            return c.inMonth() ? 3 : 4;
        }
    }

    /**
     * Which withheld cells a set of equations pins down: a withheld cell is determined when the
     * unit vector for it lies in the row space of the equations restricted to withheld cells (the
     * visible ones are known). Reduced row echelon form modulo two large primes: a cell determined
     * over the rationals is determined modulo any prime not dividing one of the system's minors, so
     * checking two primes misses none in practice, and a false alarm only withholds one figure more.
     */
    static final class Elimination {

        private static final long[] PRIMES = {2_147_483_647L, 1_000_000_007L};

        private Elimination() {
        }

        /**
         * The first withheld cell (in cell order) the equations pin down, with the first prime's
         * elimination kept when it was found there: its row operations give the certificate
         * without eliminating again.
         */
        static Found firstDetermined(List<Integer> equations, List<int[]> eqCells, List<int[]> eqCoefficients,
                                     boolean[] withheld, List<Cell> cells) {
            for (long p : PRIMES) {
                List<SparseRow> rows = new ArrayList<>(equations.size());
                for (int e : equations) {
                    rows.add(withheldPart(eqCells.get(e), eqCoefficients.get(e), withheld, p));
                }
                Steps steps = p == PRIMES[0] ? new Steps() : null;
                List<Integer> all = determined(rows, steps, p);
                if (!all.isEmpty()) {
                    all.sort((a, b) -> cells.get(a).compareTo(cells.get(b)));
                    return new Found(all.get(0), steps == null ? null : rows, steps, List.copyOf(all));
                }
            }
            return null;
        }

        /**
         * The first determined cell, and, when the first prime found it, that elimination's rows as it
         * left them, the row operations it took (both null when only the second prime did: no
         * certificate) and every cell it found determined, in cell order.
         */
        record Found(int cell, List<SparseRow> rows, Steps steps, List<Integer> all) {

            Found(int cell, List<SparseRow> rows, Steps steps) {
                this(cell, rows, steps, List.of(cell));
            }

            /** Another cell the same elimination found determined, for its certificate. */
            Found about(int other) {
                return new Found(other, rows, steps, all);
            }
        }

        /** The dense form, for tests: columns whose variable the system fixes. */
        static List<Integer> determinedColumns(long[][] m, int columns, long p) {
            List<SparseRow> rows = new ArrayList<>();
            for (long[] r : m) {
                SparseRow row = new SparseRow(columns);
                for (int j = 0; j < columns; j++) {
                    if (Math.floorMod(r[j], p) != 0) {
                        row.put(j, Math.floorMod(r[j], p));
                    }
                }
                rows.add(row);
            }
            List<Integer> out = new ArrayList<>(determined(rows, p));
            out.sort(null);
            return out;
        }

        /**
         * Variables the system fixes: Gauss-Jordan elimination modulo p on sparse rows (the equations
         * are sums of a few cells; as dense matrices a national run's were gigabytes and hours), each
         * step on the shortest row left and, in it, the column in fewest rows, which keeps fill-in low.
         * A variable is fixed when its pivot row, fully reduced, has no other entry.
         * <p>
         * Rows are primitive hash maps, the rows each column is in a count and a list of ints, and the
         * queue of rows by length a heap of longs: with boxed maps and a queue of arrays, a national run
         * spent 12 s here (JFR: most of it boxing, hashing and the queue), for the same pivots in the
         * same order.
         */
        static List<Integer> determined(List<SparseRow> rows, long p) {
            return determined(rows, null, p);
        }

        /**
         * As {@link #determined(List, long)}; where steps is given, every row operation is recorded
         * in it, in order, so that a fixed variable's pivot row can be traced back to the equations
         * that fix it.
         */
        static List<Integer> determined(List<SparseRow> rows, Steps steps, long p) {
            // For each column, how many rows it is in (exact: it chooses the pivot) and a list of the rows
            // it has been in (rows that left it since are skipped when read). Sets of rows per column, kept
            // exact through every fill-in and cancellation, were half the elimination's time (JFR, a 65-LA
            // run); the columns are cell numbers, so arrays. The order a pivot's rows are reduced in does
            // not matter: each is reduced by the pivot row alone, which none of them changes.
            int columnsUpTo = 0;
            for (SparseRow row : rows) {
                for (int s = 0; s < row.capacity(); s++) {
                    if (row.used(s)) {
                        columnsUpTo = Math.max(columnsUpTo, row.keyAt(s) + 1);
                    }
                }
            }
            int[] inCount = new int[columnsUpTo];
            int[][] rowsOf = new int[columnsUpTo][];
            int[] listed = new int[columnsUpTo];
            for (int i = 0; i < rows.size(); i++) {
                SparseRow row = rows.get(i);
                for (int s = 0; s < row.capacity(); s++) {
                    if (row.used(s)) {
                        int c = row.keyAt(s);
                        inCount[c]++;
                        listed[c] = append(rowsOf, listed[c], c, i);
                    }
                }
            }
            int[] seenAt = new int[rows.size()];                // the pivot (counted from 1) that last read the row
            int pivots = 0;
            boolean[] done = new boolean[rows.size()];
            int[] pivotOf = new int[rows.size()];               // pivot row -> its column, -1 for none
            java.util.Arrays.fill(pivotOf, -1);
            LongHeap shortest = new LongHeap(rows.size() * 2);  // (length << 32 | row): shortest first, then the first row
            for (int i = 0; i < rows.size(); i++) {
                shortest.add((long) rows.get(i).size() << 32 | i);
            }
            while (!shortest.isEmpty()) {
                long next = shortest.poll();
                int r = (int) next;
                SparseRow row = rows.get(r);
                if (done[r] || row.size() != (next >>> 32)) {
                    continue;   // already a pivot row, or a stale entry: the row has changed since
                }
                done[r] = true;
                if (row.size() == 0) {
                    continue;
                }
                // The pivot row's entries, read once (a row keeps the room it once needed, so reading it is not free).
                int n = 0;
                int[] slots = new int[row.size()];
                int[] columns = new int[row.size()];
                long[] coefficients = new long[row.size()];
                for (int s = 0; s < row.capacity(); s++) {
                    if (row.used(s)) {
                        slots[n] = s;
                        columns[n++] = row.keyAt(s);
                    }
                }
                int col = -1;
                long pivotValue = 0;
                int fewest = Integer.MAX_VALUE;
                for (int j = 0; j < n; j++) {
                    int c = columns[j];
                    if (inCount[c] < fewest || (inCount[c] == fewest && c < col)) {
                        fewest = inCount[c];
                        col = c;
                        pivotValue = row.valueAt(slots[j]);
                    }
                }
                long inverse = inverse(pivotValue, p);
                for (int j = 0; j < n; j++) {
                    coefficients[j] = row.valueAt(slots[j]) * inverse % p;
                    row.setValueAt(slots[j], coefficients[j]);
                }
                if (steps != null) {
                    steps.add(r, Steps.SCALE, inverse);
                }
                pivots++;
                int[] candidates = rowsOf[col];
                int candidateCount = listed[col];
                for (int k = 0; k < candidateCount; k++) {
                    int i = candidates[k];
                    if (i == r || seenAt[i] == pivots) {
                        continue;
                    }
                    seenAt[i] = pivots;
                    SparseRow other = rows.get(i);
                    long f = other.get(col);
                    if (f == 0) {
                        continue;   // left the column since it was listed
                    }
                    if (steps != null) {
                        steps.add(i, r, f);
                    }
                    for (int j = 0; j < n; j++) {
                        int c = columns[j];
                        int change = other.addMod(c, p - f * coefficients[j] % p, p);
                        if (change < 0) {
                            inCount[c]--;
                        } else if (change > 0) {
                            inCount[c]++;
                            listed[c] = append(rowsOf, listed[c], c, i);
                        }
                    }
                    if (!done[i]) {
                        shortest.add((long) other.size() << 32 | i);
                    }
                }
                // The pivot's column is now in its own row alone.
                rowsOf[col] = new int[] {r};
                listed[col] = 1;
                pivotOf[r] = col;
            }
            List<Integer> out = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                if (pivotOf[r] >= 0 && rows.get(r).size() == 1) {
                    out.add(pivotOf[r]);
                }
            }
            return out;
        }

        /**
         * The most equations one row's combination may hold while a certificate is sought: the
         * elimination keeps rows short, not their combinations, which on a national run's largest
         * components could otherwise outgrow the heap. (The sample's longest working out used 13.)
         */
        private static final int MAX_COMBINATION = 20_000;

        /**
         * The row operations of one elimination, in the order taken: row t multiplied by f (source
         * {@link #SCALE}), or row t less f times row s. A row's combination of the equations is these
         * operations applied to the identity, so only a pivot row's own ancestry need be replayed
         * for its certificate. Carrying every row's combination through the elimination instead, as
         * before, was 46 s of a 65-LA run's 80 s of disclosure control (JFR), for the same certificates.
         */
        static final class Steps {
            static final int SCALE = -1;
            private int[] target = new int[256];
            private int[] source = new int[256];
            private long[] factor = new long[256];
            private int size;

            void add(int t, int s, long f) {
                if (size == target.length) {
                    target = java.util.Arrays.copyOf(target, size * 2);
                    source = java.util.Arrays.copyOf(source, size * 2);
                    factor = java.util.Arrays.copyOf(factor, size * 2);
                }
                target[size] = t;
                source[size] = s;
                factor[size] = f;
                size++;
            }

            /**
             * Row r's combination of the equations (key n: the n-th equation) after every step, or
             * null when one it is made from outgrows MAX_COMBINATION. Only the steps that make row r
             * as it ends are applied: for each row, how many of the first steps make its value as it
             * is read (a row read as a source at step k is read as it was then), found from r back
             * through the steps of each row it needs, not by reading every step: a national run's
             * rounds asked for a thousand certificates of one elimination's hundreds of thousands of
             * steps, and reading all of them for each was most of its disclosure control (JFR).
             */
            SparseRow combination(int r, int rows, long p) {
                index(rows);
                int[] needed = new int[rows];
                needed[r] = size;
                int[] done = new int[rows];   // of each row's steps (in order), how many are looked at
                java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
                work.add(r);
                int[] chosen = new int[16];
                int count = 0;
                while (!work.isEmpty()) {
                    int t = work.poll();
                    for (int j = firstStep[t] + done[t]; j < firstStep[t + 1] && stepOf[j] < needed[t]; j++, done[t]++) {
                        int k = stepOf[j];
                        if (count == chosen.length) {
                            chosen = java.util.Arrays.copyOf(chosen, count * 2);
                        }
                        chosen[count++] = k;
                        int from = source[k];
                        if (from != SCALE && k > needed[from]) {
                            needed[from] = k;
                            work.add(from);
                        }
                    }
                }
                java.util.Arrays.sort(chosen, 0, count);
                SparseRow[] combos = new SparseRow[rows];
                for (int n = 0; n < count; n++) {
                    int k = chosen[n];
                    int t = target[k];
                    SparseRow combo = identity(combos, t);
                    if (source[k] == SCALE) {
                        for (int s = 0; s < combo.capacity(); s++) {
                            if (combo.used(s)) {
                                combo.setValueAt(s, combo.valueAt(s) * factor[k] % p);
                            }
                        }
                    } else {
                        subtract(combo, factor[k], identity(combos, source[k]), p);
                        if (combo.size() > MAX_COMBINATION) {
                            return null;
                        }
                    }
                }
                return identity(combos, r);
            }

            /** Each row's steps, in order: those of row t are stepOf[firstStep[t]] to stepOf[firstStep[t + 1] - 1]. */
            private int[] firstStep;
            private int[] stepOf;

            private void index(int rows) {
                if (firstStep != null && firstStep.length == rows + 1 && stepOf.length == size) {
                    return;
                }
                firstStep = new int[rows + 1];
                for (int k = 0; k < size; k++) {
                    firstStep[target[k] + 1]++;
                }
                for (int t = 0; t < rows; t++) {
                    firstStep[t + 1] += firstStep[t];
                }
                stepOf = new int[size];
                int[] next = java.util.Arrays.copyOf(firstStep, rows);
                for (int k = 0; k < size; k++) {
                    stepOf[next[target[k]]++] = k;
                }
            }

            /** A row's combination, at first the row's own equation alone. */
            private static SparseRow identity(SparseRow[] combos, int row) {
                if (combos[row] == null) {
                    combos[row] = new SparseRow(4);
                    combos[row].put(row, 1);
                }
                return combos[row];
            }
        }

        /** An equation's terms in withheld cells, modulo p: the visible ones are known, so drop out. */
        private static SparseRow withheldPart(int[] cs, int[] ks, boolean[] withheld, long p) {
            SparseRow row = new SparseRow(cs.length);
            for (int j = 0; j < cs.length; j++) {
                if (withheld[cs[j]]) {
                    long v = Math.floorMod(row.get(cs[j]) + ks[j], p);
                    if (v == 0) {
                        row.remove(cs[j]);
                    } else {
                        row.put(cs[j], v);
                    }
                }
            }
            return row;
        }

        /** target -= f * source, modulo p. */
        private static void subtract(SparseRow target, long f, SparseRow source, long p) {
            for (int s = 0; s < source.capacity(); s++) {
                if (source.used(s)) {
                    int c = source.keyAt(s);
                    long v = Math.floorMod(target.get(c) - f * source.valueAt(s) % p, p);
                    if (v == 0) {
                        target.remove(c);
                    } else {
                        target.put(c, v);
                    }
                }
            }
        }

        /**
         * How the visible cells give a determined withheld cell away: the visible cells of the
         * equations that, combined, leave the withheld cell alone among the withheld ones, each with
         * its coefficient in that combination (those whose terms cancel out are left out). Withholding
         * any one of them breaks this way of working it out. Empty when the cell is not determined
         * modulo the first prime.
         */
        static List<Integer> certificate(int found, List<Integer> equations, List<int[]> eqCells,
                                         List<int[]> eqCoefficients, boolean[] withheld) {
            List<SparseRow> rows = new ArrayList<>(equations.size());
            for (int e : equations) {
                rows.add(withheldPart(eqCells.get(e), eqCoefficients.get(e), withheld, PRIMES[0]));
            }
            Steps steps = new Steps();
            determined(rows, steps, PRIMES[0]);
            return certificate(new Found(found, rows, steps), equations, eqCells, eqCoefficients, withheld);
        }

        /** As above, from the elimination that found the cell (empty when the first prime did not). */
        static List<Integer> certificate(Found f, List<Integer> equations, List<int[]> eqCells,
                                         List<int[]> eqCoefficients, boolean[] withheld) {
            if (f.steps() == null) {
                return List.of();
            }
            long p = PRIMES[0];
            int found = f.cell();
            List<SparseRow> rows = f.rows();
            for (int r = 0; r < rows.size(); r++) {
                SparseRow row = rows.get(r);
                if (row.size() != 1 || row.get(found) == 0) {
                    continue;
                }
                SparseRow combo = f.steps().combination(r, rows.size(), p);
                if (combo == null) {
                    return List.of();   // the caller falls back to the cells beside it
                }
                SparseRow visible = new SparseRow(16);
                for (int s = 0; s < combo.capacity(); s++) {
                    if (!combo.used(s)) {
                        continue;
                    }
                    int[] cs = eqCells.get(equations.get(combo.keyAt(s)));
                    int[] ks = eqCoefficients.get(equations.get(combo.keyAt(s)));
                    for (int j = 0; j < cs.length; j++) {
                        if (!withheld[cs[j]]) {
                            long v = Math.floorMod(visible.get(cs[j]) + combo.valueAt(s) * Math.floorMod(ks[j], p) % p, p);
                            if (v == 0) {
                                visible.remove(cs[j]);
                            } else {
                                visible.put(cs[j], v);
                            }
                        }
                    }
                }
                List<Integer> out = new ArrayList<>();
                for (int c : visible.keys()) {
                    out.add(c);
                }
                out.sort(null);
                return out;
            }
            return List.of();
        }

        /** Lists row under column, growing the column's list as needed: the column's new length. */
        private static int append(int[][] rowsOf, int length, int column, int row) {
            int[] list = rowsOf[column];
            if (list == null) {
                list = rowsOf[column] = new int[4];
            } else if (length == list.length) {
                list = rowsOf[column] = java.util.Arrays.copyOf(list, length * 2);
            }
            list[length] = row;
            return length + 1;
        }

        private static long inverse(long a, long p) {
            if (a == 1 || a == p - 1) {
                return a;   // most pivots: the equations' coefficients are 1 and -1
            }
            long result = 1;
            long base = a % p;
            long e = p - 2;
            while (e > 0) {
                if ((e & 1) == 1) {
                    result = result * base % p;
                }
                base = base * base % p;
                e >>= 1;
            }
            return result;
        }

        /**
         * A sparse row: non-negative int keys (cells) to long values, by open addressing with linear
         * probing; a value of 0 is what {@link #get} gives for an absent key (no entry is ever 0).
         */
        static final class SparseRow {
            private static final int FREE = -1;
            private int[] keys;
            private long[] values;
            private int size;

            SparseRow(int expected) {
                int capacity = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
                keys = new int[capacity];
                java.util.Arrays.fill(keys, FREE);
                values = new long[capacity];
            }

            int size() {
                return size;
            }

            int capacity() {
                return keys.length;
            }

            boolean used(int slot) {
                return keys[slot] != FREE;
            }

            int keyAt(int slot) {
                return keys[slot];
            }

            long valueAt(int slot) {
                return values[slot];
            }

            void setValueAt(int slot, long value) {
                values[slot] = value;
            }

            private int home(int key) {
                int h = key * 0x9E3779B9;
                return (h ^ (h >>> 16)) & (keys.length - 1);
            }

            long get(int key) {
                int mask = keys.length - 1;
                for (int i = home(key); ; i = (i + 1) & mask) {
                    if (keys[i] == key) {
                        return values[i];
                    }
                    if (keys[i] == FREE) {
                        return 0;
                    }
                }
            }

            /** @return whether the key is new to the row */
            boolean put(int key, long value) {
                int mask = keys.length - 1;
                for (int i = home(key); ; i = (i + 1) & mask) {
                    if (keys[i] == key) {
                        values[i] = value;
                        return false;
                    }
                    if (keys[i] == FREE) {
                        keys[i] = key;
                        values[i] = value;
                        if (++size * 2 > keys.length) {
                            grow();
                        }
                        return true;
                    }
                }
            }

            /**
             * Adds delta (non-zero, below p) to the key's value modulo p, in one probe.
             *
             * @return 1 when the key is new to the row, -1 when its value became 0 (so it left the row), else 0
             */
            int addMod(int key, long delta, long p) {
                int mask = keys.length - 1;
                for (int i = home(key); ; i = (i + 1) & mask) {
                    if (keys[i] == key) {
                        long v = (values[i] + delta) % p;
                        if (v == 0) {
                            removeAt(i);
                            return -1;
                        }
                        values[i] = v;
                        return 0;
                    }
                    if (keys[i] == FREE) {
                        keys[i] = key;
                        values[i] = delta;
                        if (++size * 2 > keys.length) {
                            grow();
                        }
                        return 1;
                    }
                }
            }

            void remove(int key) {
                int mask = keys.length - 1;
                int hole = home(key);
                while (keys[hole] != key) {
                    if (keys[hole] == FREE) {
                        return;
                    }
                    hole = (hole + 1) & mask;
                }
                removeAt(hole);
            }

            private void removeAt(int hole) {
                int mask = keys.length - 1;
                // Backward-shift deletion: each later key of the run moves into the hole unless its home lies after the hole.
                for (int j = (hole + 1) & mask; keys[j] != FREE; j = (j + 1) & mask) {
                    int h = home(keys[j]);
                    boolean stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
                    if (!stays) {
                        keys[hole] = keys[j];
                        values[hole] = values[j];
                        hole = j;
                    }
                }
                keys[hole] = FREE;
                size--;
            }

            int[] keys() {
                int[] out = new int[size];
                int n = 0;
                for (int k : keys) {
                    if (k != FREE) {
                        out[n++] = k;
                    }
                }
                return out;
            }

            private void grow() {
                int[] oldKeys = keys;
                long[] oldValues = values;
                keys = new int[oldKeys.length * 2];
                java.util.Arrays.fill(keys, FREE);
                values = new long[keys.length];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != FREE) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
        }

        /** A binary min-heap of longs. */
        static final class LongHeap {
            private long[] heap;
            private int size;

            LongHeap(int expected) {
                heap = new long[Math.max(4, expected)];
            }

            boolean isEmpty() {
                return size == 0;
            }

            void add(long x) {
                if (size == heap.length) {
                    heap = java.util.Arrays.copyOf(heap, size * 2);
                }
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (heap[parent] <= x) {
                        break;
                    }
                    heap[i] = heap[parent];
                    i = parent;
                }
                heap[i] = x;
            }

            long poll() {
                long top = heap[0];
                long last = heap[--size];
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && heap[child + 1] < heap[child]) {
                        child++;
                    }
                    if (last <= heap[child]) {
                        break;
                    }
                    heap[i] = heap[child];
                    i = child;
                }
                if (size > 0) {
                    heap[i] = last;
                }
                return top;
            }
        }
    }
}
