package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.scorecard.DisclosureControl.Figure;
import org.neglectscorecard.scorecard.DisclosureControl.Verdict;
import org.neglectscorecard.testing.Outsider;

/**
 * On random partnerships (two to four LAs, two years of months, counts often small), everything
 * published together lets an outsider work out no withheld count, and shows no count of 1 to 5
 * children (nor of children a percentage does not count): point-in-time counts with a breakdown,
 * their percentage and rate, additive flows with their months and percentage, and a flow counting
 * each child once.
 */
class DisclosurePropertyTest {

    static final Catalogue CATALOGUE = Catalogue.load("sql");
    static final YearMonth LAST = YearMonth.of(2026, 3);
    static final int MONTHS = 26;
    static final String P = "P";

    @Property(tries = 60)
    void anOutsiderWorksOutNothingWithheld(@ForAll @IntRange(min = 2, max = 4) int las, @ForAll long seed) {
        Random random = new Random(seed);
        Set<String> members = new LinkedHashSet<>();
        for (int i = 0; i < las; i++) {
            members.add("LA" + i);
        }
        Data data = new Data(random, members);
        List<Figure> figures = data.figures();
        List<Verdict> verdicts = DisclosureControl.decide(figures, CATALOGUE::get, P, members);

        List<Outsider.Seen> seen = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            Verdict v = verdicts.get(i);
            BigDecimal inMonth = v.inMonthSuppressed() ? null : data.inMonthValue(f);
            seen.add(new Outsider.Seen(f.indicatorId(), f.area(), f.period(), f.breakdown(), v.suppressed() ? null : f.value(),
                    v.suppressed() ? null : f.numerator(), v.suppressed() ? null : f.denominator(), inMonth,
                    BigDecimal.valueOf(data.population(f.area()))));
            assertNoSmallNumberShown(f, v);
        }
        Outsider outsider = new Outsider(CATALOGUE::get, P, members).read(seen);
        assertThat(outsider.recovered(data.truth)).as("worked out from what was published").isEmpty();
    }

    /** A visible figure shows no count of 1 to 5 people, in the year or in the month. */
    private static void assertNoSmallNumberShown(Figure f, Verdict v) {
        IndicatorDefinition d = CATALOGUE.get(f.indicatorId()).orElseThrow();
        if (!v.suppressed()) {
            if (d.unit() == IndicatorDefinition.Unit.count) {
                assertThat(small(d.id(), f.value())).as(f.toString()).isFalse();
            } else {
                assertThat(small(d.numerator(), f.numerator())).as(f.toString()).isFalse();
                assertThat(!d.isRate() && small(d.denominator(), f.denominator())).as(f.toString()).isFalse();
                assertThat(smallComplement(d, f.numerator(), f.denominator())).as("not counted: " + f).isFalse();
            }
        }
        if (!v.inMonthSuppressed()) {
            assertThat(small(d.unit() == IndicatorDefinition.Unit.count ? d.id() : d.numerator(), f.inMonthNumerator()))
                    .as("in the month: " + f).isFalse();
            assertThat(d.unit() != IndicatorDefinition.Unit.count && !d.isRate() && small(d.denominator(), f.inMonthDenominator()))
                    .as("in the month: " + f).isFalse();
            assertThat(smallComplement(d, f.inMonthNumerator(), f.inMonthDenominator())).as("not counted in the month: " + f).isFalse();
        }
    }

    /** The people a percentage of people does not count (denominator less numerator): 1 to 5. */
    static boolean smallComplement(IndicatorDefinition d, BigDecimal numerator, BigDecimal denominator) {
        return d.unit() == IndicatorDefinition.Unit.percent && numerator != null && denominator != null
                && CATALOGUE.get(d.numerator()).map(x -> x.counts().isPeople()).orElse(false)
                && small(d.denominator(), denominator.subtract(numerator));
    }

    private static boolean small(String series, BigDecimal count) {
        boolean people = CATALOGUE.get(series).map(x -> x.counts().isPeople()).orElse(false);
        return people && count != null && count.signum() > 0 && count.compareTo(BigDecimal.valueOf(DisclosureControl.SMALL)) <= 0;
    }

    /** A partnership's counts, consistent as real ones are: the partnership the sum of its LAs, a 12-month flow the sum of its months. */
    static final class Data {
        final Map<Outsider.Cell, Long> truth = new HashMap<>();
        final List<Figure> figures = new ArrayList<>();
        final Map<String, Long> populations = new HashMap<>();
        final Set<String> members;
        final Random random;

        Data(Random random, Set<String> members) {
            this.random = random;
            this.members = members;
            for (String la : members) {
                populations.put(la, 20_000L + random.nextInt(60_000));
                for (int m = 0; m < MONTHS; m++) {
                    LocalDate end = LAST.minusMonths(MONTHS - 1 - m).atEndOfMonth();
                    long open = smallish(40);
                    long neglect = random.nextInt((int) open + 1);
                    put("CPP_OPEN", false, la, end, "all", open);
                    put("CPP_OPEN_NEG_INIT", false, la, end, "all", neglect);
                    if (end.getMonthValue() == 3) {
                        long male = random.nextInt((int) neglect + 1);
                        long female = random.nextInt((int) (neglect - male) + 1);
                        put("CPP_OPEN_NEG_INIT", false, la, end, "gender=Male", male);
                        put("CPP_OPEN_NEG_INIT", false, la, end, "gender=Female", female);
                        put("CPP_OPEN_NEG_INIT", false, la, end, "gender=Not known", neglect - male - female);
                    }
                    long starts = smallish(6);
                    put("CPP_START", true, la, end, "all", starts);
                    put("CPP_START_NEG_INIT", true, la, end, "all", random.nextInt((int) starts + 1));
                    long cla = smallish(15);
                    put("CLA_START", false, la, end, "all", cla);
                    put("CLA_START", true, la, end, "all", random.nextInt((int) cla + 1));
                }
                for (int m = 11; m < MONTHS; m++) {
                    LocalDate end = LAST.minusMonths(MONTHS - 1 - m).atEndOfMonth();
                    for (String series : List.of("CPP_START", "CPP_START_NEG_INIT")) {
                        long year = 0;
                        for (int k = 0; k < 12; k++) {
                            year += truth.get(new Outsider.Cell(series, true, la, LAST.minusMonths(MONTHS - 1 - m + k).atEndOfMonth(), "all"));
                        }
                        put(series, false, la, end, "all", year);
                    }
                }
            }
            populations.put(P, populations.values().stream().mapToLong(Long::longValue).sum());
            // The partnership: the sum of its LAs, cell by cell.
            Map<Outsider.Cell, Long> sums = new HashMap<>();
            truth.forEach((c, v) -> sums.merge(new Outsider.Cell(c.series(), c.inMonth(), P, c.period(), c.breakdown()), v, Long::sum));
            truth.putAll(sums);
        }

        /** Mostly small, sometimes not: the counts disclosure control is about. */
        private long smallish(int max) {
            return random.nextInt(3) == 0 ? random.nextInt(max + 1) : random.nextInt(8);
        }

        private void put(String series, boolean inMonth, String area, LocalDate end, String breakdown, long value) {
            truth.put(new Outsider.Cell(series, inMonth, area, end, breakdown), value);
        }

        long population(String area) {
            return populations.get(area);
        }

        private Long get(String series, boolean inMonth, String area, LocalDate end, String breakdown) {
            return truth.get(new Outsider.Cell(series, inMonth, area, end, breakdown));
        }

        List<Figure> figures() {
            List<String> areas = new ArrayList<>(members);
            areas.add(P);
            for (String area : areas) {
                for (int m = 0; m < MONTHS; m++) {
                    LocalDate end = LAST.minusMonths(MONTHS - 1 - m).atEndOfMonth();
                    Long open = get("CPP_OPEN", false, area, end, "all");
                    count("CPP_OPEN", area, end, "all", open, open);
                    Long neglect = get("CPP_OPEN_NEG_INIT", false, area, end, "all");
                    count("CPP_OPEN_NEG_INIT", area, end, "all", neglect, neglect);
                    for (String g : List.of("gender=Male", "gender=Female", "gender=Not known")) {
                        Long v = get("CPP_OPEN_NEG_INIT", false, area, end, g);
                        if (v != null) {
                            count("CPP_OPEN_NEG_INIT", area, end, g, v, null);
                        }
                    }
                    ratio("CPP_OPEN_NEG_INIT_PCT", area, end, neglect, open, neglect, open, 100);
                    ratio("CPP_OPEN_RATE", area, end, open, population(area), open, population(area), 10_000);
                    Long starts = get("CPP_START", false, area, end, "all");
                    Long neglectStarts = get("CPP_START_NEG_INIT", false, area, end, "all");
                    if (starts != null) {
                        count("CPP_START", area, end, "all", starts, get("CPP_START", true, area, end, "all"));
                        count("CPP_START_NEG_INIT", area, end, "all", neglectStarts, get("CPP_START_NEG_INIT", true, area, end, "all"));
                        ratio("CPP_START_NEG_INIT_PCT", area, end, neglectStarts, starts, get("CPP_START_NEG_INIT", true, area, end, "all"),
                                get("CPP_START", true, area, end, "all"), 100);
                    }
                    count("CLA_START", area, end, "all", get("CLA_START", false, area, end, "all"), get("CLA_START", true, area, end, "all"));
                }
            }
            return figures;
        }

        private void count(String id, String area, LocalDate end, String breakdown, long value, Long inMonth) {
            figures.add(new Figure(id, area, end, breakdown, BigDecimal.valueOf(value), null, null,
                    inMonth == null ? null : BigDecimal.valueOf(inMonth), null));
        }

        /** As the engine writes them: no row where the denominator is zero, in-month value only where its denominator is not. */
        private void ratio(String id, String area, LocalDate end, long numerator, long denominator, Long inMonthNumerator,
                           Long inMonthDenominator, int scale) {
            if (denominator == 0) {
                return;
            }
            BigDecimal value = BigDecimal.valueOf(numerator * (long) scale).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
            figures.add(new Figure(id, area, end, "all", value, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator),
                    inMonthNumerator == null ? null : BigDecimal.valueOf(inMonthNumerator),
                    inMonthDenominator == null ? null : BigDecimal.valueOf(inMonthDenominator)));
        }

        /** What a chart plots for the month: the count, or the percentage (rate) in the month. */
        BigDecimal inMonthValue(Figure f) {
            if (f.inMonthNumerator() == null) {
                return null;
            }
            IndicatorDefinition d = CATALOGUE.get(f.indicatorId()).orElseThrow();
            if (d.unit() == IndicatorDefinition.Unit.count) {
                return f.inMonthNumerator();
            }
            if (f.inMonthDenominator() == null || f.inMonthDenominator().signum() == 0) {
                return null;
            }
            int scale = d.unit() == IndicatorDefinition.Unit.percent ? 100 : 10_000;
            return f.inMonthNumerator().multiply(BigDecimal.valueOf(scale)).divide(f.inMonthDenominator(), 1, RoundingMode.HALF_UP);
        }
    }
}
