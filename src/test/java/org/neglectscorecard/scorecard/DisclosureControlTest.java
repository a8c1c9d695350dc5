package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.scorecard.DisclosureControl.Figure;
import org.neglectscorecard.scorecard.DisclosureControl.Verdict;

/**
 * Disclosure control on hand-made figures of real catalogue entries: small numbers withheld, and
 * then whatever they could be worked out from (OUTPUTS.md section 2).
 */
class DisclosureControlTest {

    static final Catalogue CATALOGUE = Catalogue.load("sql");
    static final LocalDate END = LocalDate.of(2026, 3, 31);
    static final Set<String> LAS = Set.of("A", "B", "C");

    static Figure count(String id, String area, String breakdown, long value) {
        return count(id, area, END, breakdown, value, null);
    }

    static Figure count(String id, String area, LocalDate end, String breakdown, long value, Long inMonth) {
        return new Figure(id, area, end, breakdown, BigDecimal.valueOf(value), null, null,
                inMonth == null ? null : BigDecimal.valueOf(inMonth), null);
    }

    static Figure percent(String id, String area, long numerator, long denominator, Long inMonthNumerator, Long inMonthDenominator) {
        return new Figure(id, area, END, "all", BigDecimal.valueOf(numerator * 100.0 / denominator), BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator), inMonthNumerator == null ? null : BigDecimal.valueOf(inMonthNumerator),
                inMonthDenominator == null ? null : BigDecimal.valueOf(inMonthDenominator));
    }

    static List<Verdict> decide(List<Figure> figures) {
        return DisclosureControl.decide(figures, CATALOGUE::get, "P", LAS);
    }

    static boolean withheld(List<Figure> in, List<Verdict> out, String id, String area, String breakdown) {
        for (int i = 0; i < in.size(); i++) {
            Figure f = in.get(i);
            if (f.indicatorId().equals(id) && f.area().equals(area) && f.breakdown().equals(breakdown) && f.period().equals(END)) {
                return out.get(i).suppressed();
            }
        }
        throw new AssertionError("no figure " + id + " " + area + " " + breakdown);
    }

    @Test
    void oneLaWithheldBesideThePartnershipTotalTakesTheNextSmallestWithIt() {
        List<Figure> in = List.of(count("CPP_OPEN", "P", "all", 60), count("CPP_OPEN", "A", "all", 3),
                count("CPP_OPEN", "B", "all", 22), count("CPP_OPEN", "C", "all", 35));
        List<Verdict> out = decide(in);
        assertThat(withheld(in, out, "CPP_OPEN", "A", "all")).isTrue();
        assertThat(withheld(in, out, "CPP_OPEN", "B", "all")).isTrue();     // 60 - 22 - 35 would give A's 3
        assertThat(withheld(in, out, "CPP_OPEN", "C", "all")).isFalse();
        assertThat(withheld(in, out, "CPP_OPEN", "P", "all")).isFalse();
    }

    @Test
    void twoWithheldProtectEachOtherUnlessTogetherTheyAreASmallNumber() {
        List<Figure> in = List.of(count("CPP_OPEN", "P", "all", 40), count("CPP_OPEN", "A", "all", 3),
                count("CPP_OPEN", "B", "all", 4), count("CPP_OPEN", "C", "all", 33));
        assertThat(withheld(in, decide(in), "CPP_OPEN", "C", "all")).isFalse();
        // 1 and 2: the partnership less C would say these two LAs have 3 children between them.
        List<Figure> small = List.of(count("CPP_OPEN", "P", "all", 36), count("CPP_OPEN", "A", "all", 1),
                count("CPP_OPEN", "B", "all", 2), count("CPP_OPEN", "C", "all", 33));
        assertThat(withheld(small, decide(small), "CPP_OPEN", "C", "all")).isTrue();
    }

    @Test
    void aWithheldGroupOfABreakdownTakesTheNextSmallestGroup() {
        List<Figure> in = List.of(count("CPP_OPEN_NEG_INIT", "A", "all", 40), count("CPP_OPEN_NEG_INIT", "A", "gender=Male", 2),
                count("CPP_OPEN_NEG_INIT", "A", "gender=Female", 38), count("CPP_OPEN_NEG_INIT", "A", "gender=Not known", 0),
                count("CPP_OPEN_NEG_INIT", "A", "age_band=under 1", 9), count("CPP_OPEN_NEG_INIT", "A", "age_band=1 to 4", 31));
        List<Verdict> out = decide(in);
        assertThat(withheld(in, out, "CPP_OPEN_NEG_INIT", "A", "gender=Female")).isTrue();
        assertThat(withheld(in, out, "CPP_OPEN_NEG_INIT", "A", "gender=Not known")).isFalse();   // a zero only when nothing else will do
        assertThat(withheld(in, out, "CPP_OPEN_NEG_INIT", "A", "age_band=under 1")).isFalse();   // another dimension: nothing withheld there
        assertThat(withheld(in, out, "CPP_OPEN_NEG_INIT", "A", "all")).isFalse();
    }

    @Test
    void countsThatAreNotOfPeopleAreLeftAlone() {
        List<Figure> in = List.of(count("AUDIT_NEG", "P", "all", 60), count("AUDIT_NEG", "A", "all", 3),
                count("AUDIT_NEG", "B", "all", 57));
        assertThat(decide(in)).extracting(Verdict::suppressed).containsOnly(false);
    }

    @Test
    void aReviewOfASingleChildIsACountOfPeople() {
        List<Figure> in = List.of(count("CASE_REVIEW_NEG", "P", "all", 2));
        assertThat(decide(in)).extracting(Verdict::suppressed).containsExactly(true);
    }

    /** The case: a CLA_START withheld beside the partnership total was printed as CLA_START_N1_PCT's denominator. */
    @Test
    void everyFigureBuiltOnAWithheldCountIsWithheldWithIt() {
        List<Figure> in = List.of(count("CLA_START", "P", "all", 60), count("CLA_START", "A", "all", 4),
                count("CLA_START", "B", "all", 21), count("CLA_START", "C", "all", 35),
                percent("CLA_START_N1_PCT", "P", 30, 60, null, null), percent("CLA_START_N1_PCT", "A", 0, 4, null, null),
                percent("CLA_START_N1_PCT", "B", 10, 21, null, null), percent("CLA_START_N1_PCT", "C", 20, 35, null, null));
        List<Verdict> out = decide(in);
        assertThat(withheld(in, out, "CLA_START", "B", "all")).isTrue();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "A", "all")).as("its denominator is a small number").isTrue();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "B", "all")).as("its denominator is withheld").isTrue();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "C", "all")).isFalse();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "P", "all")).isFalse();
    }

    /**
     * The tester's case: Luton's 75 of 79 children on a plan for neglect visited in time says 4 were
     * not. The complement of a percentage of children is a count of children: withheld when 1 to 5.
     */
    @Test
    void aPercentageWhoseComplementIsASmallNumberIsWithheld() {
        List<Figure> in = List.of(percent("CPP_NEG_VISIT_IN_TIME_PCT", "P", 208, 223, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "A", 75, 79, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "B", 56, 60, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "C", 77, 84, null, null),
                count("CLA_START", "A", "all", 30), percent("CLA_START_N1_PCT", "A", 25, 30, null, null));
        List<Verdict> out = decide(in);
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "A", "all")).as("79 - 75 = 4 not visited").isTrue();
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "B", "all")).as("60 - 56 = 4 not visited").isTrue();
        // 223 - 208 - (84 - 77) = 8 between A and B: neither can be told, so the rest stays.
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "C", "all")).isFalse();
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "P", "all")).isFalse();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "A", "all")).as("30 - 25 = 5 started for other reasons").isTrue();
        // The numerator goes with it (the cheaper count), not the 30 children who started to be looked after.
        assertThat(withheld(in, out, "CLA_START", "A", "all")).isFalse();
    }

    @Test
    void aComplementOfNoneOrOfSixOrMoreIsNotWithheld() {
        List<Figure> in = List.of(percent("CPP_NEG_VISIT_IN_TIME_PCT", "P", 203, 223, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "A", 79, 79, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "B", 54, 60, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "C", 70, 84, null, null),
                percent("CLA_START_N1_PCT", "A", 24, 30, null, null));
        assertThat(decide(in)).extracting(Verdict::suppressed).containsOnly(false);
    }

    /** Practitioners, audits, appointments and responses are not protected, nor are their complements. */
    @Test
    void theComplementOfAPercentageOfAppointmentsIsLeftAlone() {
        List<Figure> in = List.of(percent("WNB_ALL_PCT", "A", 96, 100, null, null),
                percent("TRAIN_CONFIDENT_PCT", "A", 38, 40, null, null));
        assertThat(decide(in)).extracting(Verdict::suppressed).containsOnly(false);
    }

    /**
     * A's complement of 4, withheld, would come back as the partnership's 34 less B's 10 and C's 20:
     * one more LA's figure goes with it (the cheapest, B's).
     */
    @Test
    void aSmallComplementIsNotLeftToBeWorkedOutFromThePartnershipLessTheOtherLas() {
        List<Figure> in = List.of(percent("CPP_NEG_VISIT_IN_TIME_PCT", "P", 189, 223, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "A", 75, 79, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "B", 50, 60, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "C", 64, 84, null, null));
        List<Verdict> out = decide(in);
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "A", "all")).isTrue();
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "B", "all")).as("34 - 10 - 20 would give A's 4").isTrue();
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "C", "all")).isFalse();
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "P", "all")).isFalse();
    }

    /**
     * Luton's 25 of 30 children starting to be looked after for neglect leaves 5 for other reasons:
     * its numerator goes, then one more LA's (the partnership's less the others' would give it),
     * and the counts of children starting, which give nothing away with the numerators withheld, stay.
     */
    @Test
    void aSmallComplementCostsTheNumeratorsNotTheCountsBesideThem() {
        List<Figure> in = List.of(count("CLA_START", "P", "all", 160), count("CLA_START", "A", "all", 30),
                count("CLA_START", "B", "all", 60), count("CLA_START", "C", "all", 70),
                percent("CLA_START_N1_PCT", "P", 115, 160, null, null), percent("CLA_START_N1_PCT", "A", 25, 30, null, null),
                percent("CLA_START_N1_PCT", "B", 40, 60, null, null), percent("CLA_START_N1_PCT", "C", 50, 70, null, null));
        List<Verdict> out = decide(in);
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "A", "all")).isTrue();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "B", "all")).as("115 - 50 - 40 would give A's 25, and 30 - 25").isTrue();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "C", "all")).isFalse();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "P", "all")).isFalse();
        for (String area : List.of("P", "A", "B", "C")) {
            assertThat(withheld(in, out, "CLA_START", area, "all")).as(area).isFalse();
        }
    }

    /** Two LAs' complements of 2 each, withheld, add up to 4, which the partnership less the third LA would say. */
    @Test
    void withheldComplementsThatTogetherAreASmallNumberTakeAnotherWithThem() {
        List<Figure> in = List.of(percent("CPP_NEG_VISIT_IN_TIME_PCT", "P", 203, 223, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "A", 77, 79, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "B", 58, 60, null, null),
                percent("CPP_NEG_VISIT_IN_TIME_PCT", "C", 68, 84, null, null));
        List<Verdict> out = decide(in);
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "A", "all")).isTrue();
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "B", "all")).isTrue();
        assertThat(withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "C", "all")
                || withheld(in, out, "CPP_NEG_VISIT_IN_TIME_PCT", "P", "all")).as("20 - 16 would give A and B 4 between them").isTrue();
    }

    /**
     * The sample's Bedford, 2021: 1 child started to be looked after whose ethnicity was refused,
     * and no CLA_START_N1_PCT row for that group (its numerator has none). The groups' complements
     * then add up to 10, not the total's 11: no sum of complements is written down for them, or it
     * would "work out" what no outsider can (the run stopped: no figure left to withhold).
     */
    @Test
    void aPercentageWithoutARowForAGroupOfItsDenominatorHasNoSumOfComplementsThere() {
        String[] groups = {"ethnicity=White", "ethnicity=Asian or Asian British", "ethnicity=Black or Black British",
                "ethnicity=Mixed", "ethnicity=Refused or not obtained"};
        long[] starts = {21, 4, 1, 1, 1};
        long[] n1 = {12, 3, 1, 1, -1};
        List<Figure> in = new ArrayList<>();
        in.add(count("CLA_START", "A", "all", 28));
        in.add(percent("CLA_START_N1_PCT", "A", 17, 28, null, null));
        for (int g = 0; g < groups.length; g++) {
            in.add(count("CLA_START", "A", groups[g], starts[g]));
            if (n1[g] >= 0) {
                Figure f = percent("CLA_START_N1_PCT", "A", n1[g], starts[g], null, null);
                in.add(new Figure(f.indicatorId(), f.area(), f.period(), groups[g], f.value(), f.numerator(), f.denominator(), null, null));
            }
        }
        List<Verdict> out = decide(in);
        assertThat(withheld(in, out, "CLA_START", "A", "ethnicity=Refused or not obtained")).isTrue();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "A", "ethnicity=Asian or Asian British")).isTrue();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "A", "ethnicity=White")).as("21 - 12 = 9, but it is the next group").isTrue();
        assertThat(withheld(in, out, "CLA_START_N1_PCT", "A", "all")).as("28 - 17 = 11").isFalse();
        assertThat(withheld(in, out, "CLA_START", "A", "all")).isFalse();
    }

    /** In the month too: a chart's 6 of 7 children starting a plan for neglect says 1 started for another reason. */
    @Test
    void aPercentageInTheMonthWhoseComplementIsSmallIsNotPlotted() {
        List<Figure> in = List.of(percent("CPP_START_NEG_INIT_PCT", "A", 60, 100, 6L, 7L));
        Verdict v = decide(in).get(0);
        assertThat(v.suppressed()).isFalse();
        assertThat(v.inMonthSuppressed()).isTrue();
    }

    @Test
    void aPercentageInTheMonthOfAFewChildrenIsNotPlotted() {
        List<Figure> in = List.of(percent("CPP_START_NEG_INIT_PCT", "A", 40, 100, 3L, 7L));
        Verdict v = decide(in).get(0);
        assertThat(v.suppressed()).isFalse();
        assertThat(v.inMonthSuppressed()).isTrue();
    }

    /** A 12-month count of 3, after 10 last month, when the month a year ago had 7 and this month 0. */
    @Test
    void aTwelveMonthCountIsNotLeftToBeWorkedOutFromLastMonthsAndTheMonthsBetween() {
        List<Figure> in = new ArrayList<>();
        YearMonth m = YearMonth.from(END);
        in.add(count("CPP_START", "A", m.atEndOfMonth(), "all", 3, 0L));
        in.add(count("CPP_START", "A", m.minusMonths(1).atEndOfMonth(), "all", 10, 0L));
        in.add(count("CPP_START", "A", m.minusMonths(12).atEndOfMonth(), "all", 20, 7L));
        List<Verdict> out = decide(in);
        assertThat(out.get(0).suppressed()).isTrue();
        // One of the other three must go, or 10 - 7 + 0 gives the 3: the year-old month's chart point, the cheapest.
        assertThat(out.get(2).inMonthSuppressed()).isTrue();
        assertThat(out.get(1).suppressed()).isFalse();
    }

    /**
     * Children starting to be looked after, each counted once in a year: the 12-month count is not
     * exactly the sum of the months, but nearly always is, and an outsider takes it so. Two years of
     * one LA's months, one of 4 children (November a year ago) and this November's 0 charted: the 12
     * months to October 45, to November 41 give the 4 back (0 + 45 - 41). Every month of such a flow
     * is withheld with the small one, as for a flow counted with repeats.
     */
    @Test
    void aFlowCountingEachChildOnceHasItsMonthsWithheldAllTogether() {
        List<Figure> in = new ArrayList<>();
        YearMonth last = YearMonth.of(2025, 11);
        for (int k = 0; k < 24; k++) {
            YearMonth m = last.minusMonths(23 - k);
            long month = m.equals(last) ? 0 : m.equals(last.minusMonths(12)) ? 4 : 8;
            in.add(count("CLA_START", "A", m.atEndOfMonth(), "all", m.equals(last) ? 41 : 45 + k, month));
        }
        List<Verdict> out = decide(in);
        assertThat(out.get(11).inMonthSuppressed()).as("the month of 4").isTrue();
        assertThat(out).allSatisfy(v -> assertThat(v.inMonthSuppressed()).isTrue());
        assertThat(out.get(23).suppressed()).as("the 12-month figures stay shown").isFalse();
    }

    /**
     * A small LA's few children whose GCP2 score improved (a fresh-eye trial thinned Bedford's files):
     * elimination found a withheld month pinned by the sums with every figure in them withheld
     * already, and the run stopped with "No figure left to withhold", leaving the LA no scorecard.
     * Nothing shown says what such a cell is: the run goes on. (The figures as the run had them.)
     */
    @Test
    void aCellPinnedOnlyByWithheldFiguresStopsNothing() {
        List<Figure> in = new ArrayList<>();
        String[][] rows = {
                {"A", "2023-12-31", "4", "5", "1", "1"}, {"A", "2024-11-30", "3", "4", "0", "0"}, {"A", "2024-12-31", "4", "7", "2", "4"},
                {"B", "2024-11-30", "1", "1", "0", "0"},
                {"P", "2023-12-31", "6", "7", "2", "2"}, {"P", "2024-11-30", "4", "5", "0", "0"}, {"P", "2024-12-31", "4", "7", "2", "4"}};
        for (String[] r : rows) {
            long n = Long.parseLong(r[2]);
            long d = Long.parseLong(r[3]);
            in.add(new Figure("GCP2_IMPROVED_PCT", r[0], LocalDate.parse(r[1]), "all", BigDecimal.valueOf(n * 100.0 / d),
                    BigDecimal.valueOf(n), BigDecimal.valueOf(d), new BigDecimal(r[4]), new BigDecimal(r[5])));
        }
        List<Verdict> out = DisclosureControl.decide(in, CATALOGUE::get, "P", Set.of("A", "B"));
        for (int i = 0; i < 4; i++) {
            assertThat(out.get(i).suppressed()).as(rows[i][0] + " " + rows[i][1]).isTrue();
        }
        assertThat(out).allSatisfy(v -> assertThat(v.inMonthSuppressed()).isTrue());
    }


    static List<DisclosureControl.Published> published(List<Figure> figures, boolean... suppressed) {
        List<DisclosureControl.Published> out = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            out.add(new DisclosureControl.Published(figures.get(i), new Verdict(suppressed[i], true)));
        }
        return out;
    }

    /**
     * Last month's copy withheld C (35) to protect A's 3, where this month's alone would withhold B
     * (22, the smaller): with both copies together, 60 - 22 - 35 gives the 3. Last month's choice
     * stands, and B, shown then, is not withheld now (it would hide nothing).
     */
    @Test
    void aFigureAnotherMonthsCopyWithheldStaysWithheldAndOneItShowedIsNotWithheldNow() {
        List<Figure> in = List.of(count("CPP_OPEN", "P", "all", 60), count("CPP_OPEN", "A", "all", 3),
                count("CPP_OPEN", "B", "all", 22), count("CPP_OPEN", "C", "all", 35));
        assertThat(decide(in)).as("alone").extracting(Verdict::suppressed).containsExactly(false, true, true, false);
        List<Verdict> out = DisclosureControl.decide(in, List.of(published(in, false, true, false, true)), CATALOGUE::get, "P", LAS);
        assertThat(out).extracting(Verdict::suppressed).containsExactly(false, true, false, true);
    }

    /**
     * A's 9 children last month were shown with B's and C's; A's return is corrected to 3, and the
     * partnership's total moves with it. B and C, unchanged, are known from last month's copy:
     * withholding either hides nothing, so the partnership's total goes.
     */
    @Test
    void whereEveryOtherFigureIsKnownFromAnotherCopyTheTotalIsWithheld() {
        List<Figure> before = List.of(count("CPP_OPEN", "P", "all", 66), count("CPP_OPEN", "A", "all", 9),
                count("CPP_OPEN", "B", "all", 22), count("CPP_OPEN", "C", "all", 35));
        List<Figure> in = List.of(count("CPP_OPEN", "P", "all", 60), count("CPP_OPEN", "A", "all", 3),
                count("CPP_OPEN", "B", "all", 22), count("CPP_OPEN", "C", "all", 35));
        List<Verdict> out = DisclosureControl.decide(in, List.of(published(before, false, false, false, false)), CATALOGUE::get,
                "P", LAS);
        assertThat(out).extracting(Verdict::suppressed).containsExactly(true, true, false, false);
    }

    /**
     * A review's case: last month showed 8 of 18 children starting to be looked after for abuse or
     * neglect (10 for another reason). Now 3 of 13: the 3 is withheld, but the 10 is unchanged and
     * known from last month's copy, so the 13 would give the 3 back: the 13 goes too.
     */
    @Test
    void aComplementKnownFromAnotherCopyIsNotTakenAsHidden() {
        List<Figure> before = List.of(percent("CLA_START_N1_PCT", "A", 8, 18, null, null), count("CLA_START", "A", "all", 18));
        List<Figure> in = List.of(percent("CLA_START_N1_PCT", "A", 3, 13, null, null), count("CLA_START", "A", "all", 13));
        List<Verdict> out = DisclosureControl.decide(in, List.of(published(before, false, false)), CATALOGUE::get, "P", LAS);
        assertThat(out).extracting(Verdict::suppressed).containsExactly(true, true);
    }

    /**
     * The other way round: last month 3 of 20 was withheld (17 for another reason, hidden with it)
     * beside the 20 shown. Now 8 of 25: the 17 is unchanged, so showing both figures gives 20 - 17.
     */
    @Test
    void aComplementAnotherCopyWithheldStaysHiddenThoughItsCountsMoved() {
        List<Figure> before = List.of(percent("CLA_START_N1_PCT", "A", 3, 20, null, null), count("CLA_START", "A", "all", 20));
        List<Figure> in = List.of(percent("CLA_START_N1_PCT", "A", 8, 25, null, null), count("CLA_START", "A", "all", 25));
        assertThat(decide(in)).as("alone, nothing is small").extracting(Verdict::suppressed).containsOnly(false);
        List<Verdict> out = DisclosureControl.decide(in, List.of(published(before, true, false)), CATALOGUE::get, "P", LAS);
        assertThat(out.get(0).suppressed() || out.get(1).suppressed()).isTrue();
    }

    /** A figure revised since the other copy is a new figure: what that copy withheld of it binds nothing. */
    @Test
    void aRevisedFigureIsNotKeptWithheldForWhatAnotherCopyWithheld() {
        List<Figure> before = List.of(count("CPP_OPEN", "P", "all", 61), count("CPP_OPEN", "A", "all", 3),
                count("CPP_OPEN", "B", "all", 22), count("CPP_OPEN", "C", "all", 36));
        List<Figure> in = List.of(count("CPP_OPEN", "P", "all", 60), count("CPP_OPEN", "A", "all", 13),
                count("CPP_OPEN", "B", "all", 12), count("CPP_OPEN", "C", "all", 35));
        List<Verdict> out = DisclosureControl.decide(in, List.of(published(before, false, true, true, true)), CATALOGUE::get,
                "P", LAS);
        assertThat(out).as("B is unchanged in name only: 22 then, 12 now").extracting(Verdict::suppressed)
                .containsOnly(false);
    }
    @Test
    void nothingIsWithheldWhereThereAreNoSmallNumbers() {
        List<Figure> in = List.of(count("CPP_OPEN", "P", "all", 60), count("CPP_OPEN", "A", "all", 13),
                count("CPP_OPEN", "B", "all", 12), count("CPP_OPEN", "C", "all", 35), count("CPP_OPEN", "C", "all", 0));
        assertThat(decide(in)).extracting(Verdict::suppressed).containsOnly(false);
    }

    @Test
    void determinedCellsAreFoundByEliminationNotOneSumAtATime() {
        // x + y = known and x - y = known pin both, though each sum has two unknowns.
        long[][] m = {{1, 1}, {1, 2_147_483_646L}};   // -1 modulo the prime
        assertThat(DisclosureControl.Elimination.determinedColumns(m, 2, 2_147_483_647L)).containsExactly(0, 1);
        long[][] one = {{1, 1}};
        assertThat(DisclosureControl.Elimination.determinedColumns(one, 2, 2_147_483_647L)).isEmpty();
    }
}
