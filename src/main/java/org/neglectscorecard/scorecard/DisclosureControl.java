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
 * the month's count less the count of the month a year before (additive flows).</li>
 * </ul>
 * An area's months of such a flow are shown all or none: with its 12-month counts beside them,
 * one month withheld among visible ones could be worked out.
 * A withheld cell counts as worked out when it follows from all of these at once (linear algebra,
 * not one sum at a time), and a set of withheld cells whose total is itself a count of 1 to 5 is
 * not allowed either. A figure is then published only when every cell it shows is.
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
        Problem p = new Problem(catalogue, partnership, members);
        List<Cell[]> shown = new ArrayList<>(figures.size());
        List<Cell[]> shownInMonth = new ArrayList<>(figures.size());
        for (Figure f : figures) {
            shown.add(p.cellsOf(f, false));
            shownInMonth.add(f.isHeadline() ? p.cellsOf(f, true) : null);
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
            return entry(series).map(d -> d.counts().isPeople()).orElse(false);
        }

        /** A flow counted over 12 months has counts in the month of its own; a count at the month end does not. */
        private boolean flow(String series) {
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
                add(out, d.numerator(), inMonth, f, inMonth ? f.inMonthNumerator() : f.numerator());
                if (!d.isRate()) {
                    add(out, d.denominator(), inMonth, f, inMonth ? f.inMonthDenominator() : f.denominator());
                }
            }
            return out.toArray(new Cell[0]);
        }

        private void add(List<Cell> out, String series, boolean inMonth, Figure f, BigDecimal value) {
            if (!people(series)) {
                return;   // practitioners, audits, appointments: never withheld, so nothing to protect
            }
            // A count at the month end is the same in the month: one cell, not two.
            Cell cell = new Cell(series, inMonth && flow(series), f.area(), f.period(), f.breakdown());
            if (value == null) {
                return;
            }
            index.computeIfAbsent(cell, c -> {
                cells.add(c);
                values.add(value.longValue());
                return cells.size() - 1;
            });
            out.add(cell);
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
                withheld[i] = v >= 1 && v <= SMALL;
            }
            equations();
            Map<Integer, List<Integer>> equationsOf = new HashMap<>();
            for (int e = 0; e < eqCells.size(); e++) {
                for (int c : eqCells.get(e)) {
                    equationsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
                }
            }
            boolean changed = true;
            while (changed) {
                changed = wholeSeriesOfMonths();
                changed |= smallTotals();
                if (!changed) {
                    changed = determined(equationsOf);
                }
            }
        }

        /** The three kinds of sum an outsider can form (see the class comment). */
        private void equations() {
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
                if (total != null && !parts.isEmpty()) {
                    sum(total, parts);
                }
            }
            byGroups.forEach((key, parts) -> {
                String[] k = key.split("\\|");
                Integer total = totals.get(k[0] + "|" + k[1] + "|" + k[2]);
                if (total != null) {
                    parts.sort(null);
                    sum(total, parts);
                }
            });
            // A 12-month figure is the sum of its twelve months: V(m) = I(m-11) + ... + I(m).
            twelve.forEach((key, v) -> {
                Map<LocalDate, Integer> in = months.getOrDefault(key, Map.of());
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
                });
                // And from one month to the next it moves by the month's count less the count of the month a year
                // before (implied by the sums where every month is there; said for where some are not).
                new TreeMap<>(v).forEach((m, now) -> {
                    Integer before = v.get(YearMonth.from(m).minusMonths(1).atEndOfMonth());
                    Integer monthNow = in.get(m);
                    Integer yearAgo = in.get(YearMonth.from(m).minusMonths(12).atEndOfMonth());
                    if (before != null && monthNow != null && yearAgo != null) {
                        eqCells.add(new int[] {now, before, monthNow, yearAgo});
                        eqCoefficients.add(new int[] {1, -1, -1, 1});
                        eqParts.add(null);
                    }
                });
                monthsOf.put(key, new ArrayList<>(in.values()));
            });
        }

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
                        if (!withheld[c]) {
                            withheld[c] = true;
                            changed = true;
                        }
                    }
                }
            }
            return changed;
        }

        /** A 12-month count that is the sum of its months: every count of events, but not one counting each child once. */
        private boolean additive(String series) {
            return entry(series).map(d -> d.measure() == Measure.in_year && !d.distinct()).orElse(false);
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
        private boolean determined(Map<Integer, List<Integer>> equationsOf) {
            int[] parent = new int[cells.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            List<Integer> live = new ArrayList<>();
            for (int e = 0; e < eqCells.size(); e++) {
                int first = -1;
                for (int c : eqCells.get(e)) {
                    if (withheld[c]) {
                        if (first < 0) {
                            first = c;
                        } else {
                            union(parent, first, c);
                        }
                    }
                }
                if (first >= 0) {
                    live.add(e);
                }
            }
            Map<Integer, List<Integer>> components = new TreeMap<>();
            for (int e : live) {
                for (int c : eqCells.get(e)) {
                    if (withheld[c]) {
                        components.computeIfAbsent(find(parent, c), k -> new ArrayList<>()).add(e);
                        break;
                    }
                }
            }
            boolean changed = false;
            for (List<Integer> equations : components.values()) {
                Integer found = Elimination.firstDetermined(equations, eqCells, eqCoefficients, withheld, cells);
                if (found == null) {
                    continue;
                }
                List<Integer> candidates = new ArrayList<>();
                for (int e : equationsOf.getOrDefault(found, List.of())) {
                    for (int c : eqCells.get(e)) {
                        candidates.add(c);
                    }
                }
                Cell about = cells.get(found);
                if (!"all".equals(about.breakdown())) {
                    // A breakdown's small group never costs an area its headline figure: another group goes, or,
                    // failing that, the whole table of that breakdown (every area's groups; the totals stay).
                    candidates.removeIf(c -> "all".equals(cells.get(c).breakdown()));
                    if (cheapest(candidates) == null) {
                        withholdTable(about);
                        changed = true;
                        continue;
                    }
                }
                Integer extra = cheapest(candidates);
                if (extra == null) {
                    for (int e : equations) {
                        for (int c : eqCells.get(e)) {
                            candidates.add(c);
                        }
                    }
                    extra = cheapest(candidates);
                }
                if (extra == null) {
                    throw new IllegalStateException("No figure left to withhold beside " + cells.get(found));
                }
                withheld[extra] = true;
                changed = true;
            }
            return changed;
        }

        /** Every group of a breakdown's table (each area's, for one series and month): the totals stay shown. */
        private void withholdTable(Cell group) {
            String dimension = dimensionOf(group.breakdown());
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (c.series().equals(group.series()) && c.period().equals(group.period()) && c.inMonth() == group.inMonth()
                        && !"all".equals(c.breakdown()) && dimensionOf(c.breakdown()).equals(dimension)) {
                    withheld[i] = true;
                }
            }
        }

        private static String dimensionOf(String breakdown) {
            return breakdown.contains("=") ? breakdown.substring(0, breakdown.indexOf('=')) : breakdown;
        }

        /**
         * The visible cell whose withholding costs the board least: a chart's month before a
         * 12-month figure, a group before a total, an LA before the partnership (whose headline is
         * withheld last of all), a small count before a large one, a zero only when nothing else will do.
         */
        private Integer cheapest(List<Integer> candidates) {
            Comparator<Integer> cost = Comparator.<Integer, Boolean>comparing(i -> !cells.get(i).inMonth())
                    .thenComparing(i -> partnership.equals(cells.get(i).area()) && "all".equals(cells.get(i).breakdown())
                            && !cells.get(i).inMonth())
                    .thenComparing(i -> partnership.equals(cells.get(i).area()))
                    .thenComparing(i -> "all".equals(cells.get(i).breakdown()))
                    .thenComparing(i -> values.get(i) == 0)
                    .thenComparing(values::get)
                    .thenComparing(cells::get);
            return candidates.stream().filter(i -> !withheld[i]).distinct().min(cost).orElse(null);
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private static void union(int[] parent, int a, int b) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
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

        static Integer firstDetermined(List<Integer> equations, List<int[]> eqCells, List<int[]> eqCoefficients,
                                       boolean[] withheld, List<Cell> cells) {
            Map<Integer, Integer> column = new LinkedHashMap<>();
            for (int e : equations) {
                for (int c : eqCells.get(e)) {
                    if (withheld[c]) {
                        column.putIfAbsent(c, column.size());
                    }
                }
            }
            List<Integer> unknowns = new ArrayList<>(column.keySet());
            Integer best = null;
            for (long p : PRIMES) {
                long[][] m = new long[equations.size()][unknowns.size()];
                for (int r = 0; r < equations.size(); r++) {
                    int[] cs = eqCells.get(equations.get(r));
                    int[] ks = eqCoefficients.get(equations.get(r));
                    for (int j = 0; j < cs.length; j++) {
                        if (withheld[cs[j]]) {
                            int col = column.get(cs[j]);
                            m[r][col] = Math.floorMod(m[r][col] + ks[j], p);
                        }
                    }
                }
                for (int col : determinedColumns(m, unknowns.size(), p)) {
                    int cell = unknowns.get(col);
                    if (best == null || cells.get(cell).compareTo(cells.get(best)) < 0) {
                        best = cell;
                    }
                }
                if (best != null) {
                    return best;
                }
            }
            return null;
        }

        /** Columns whose variable the system fixes: pivot columns whose reduced row has no free entry. */
        static List<Integer> determinedColumns(long[][] m, int columns, long p) {
            int rows = m.length;
            int[] pivotOfRow = new int[rows];
            java.util.Arrays.fill(pivotOfRow, -1);
            int r = 0;
            for (int col = 0; col < columns && r < rows; col++) {
                int pivot = -1;
                for (int i = r; i < rows; i++) {
                    if (m[i][col] != 0) {
                        pivot = i;
                        break;
                    }
                }
                if (pivot < 0) {
                    continue;
                }
                long[] t = m[pivot];
                m[pivot] = m[r];
                m[r] = t;
                long inverse = inverse(m[r][col], p);
                for (int j = col; j < columns; j++) {
                    m[r][j] = m[r][j] * inverse % p;
                }
                for (int i = 0; i < rows; i++) {
                    if (i != r && m[i][col] != 0) {
                        long f = m[i][col];
                        long[] row = m[i];
                        long[] pr = m[r];
                        for (int j = col; j < columns; j++) {
                            if (pr[j] != 0) {
                                row[j] = Math.floorMod(row[j] - f * pr[j] % p, p);
                            }
                        }
                    }
                }
                pivotOfRow[r] = col;
                r++;
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < r; i++) {
                int nonZero = 0;
                for (int j = 0; j < columns && nonZero < 2; j++) {
                    if (m[i][j] != 0) {
                        nonZero++;
                    }
                }
                if (nonZero == 1) {
                    out.add(pivotOfRow[i]);
                }
            }
            return out;
        }

        private static long inverse(long a, long p) {
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
    }
}
