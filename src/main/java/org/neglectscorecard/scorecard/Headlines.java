package org.neglectscorecard.scorecard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * What a board reads first, decided once so that the workbook's cover and Board summary and the
 * board pack's cover and summary all say the same: the partnership's headline indicators (and any
 * indicator whose target is red, since a board must see every red target), in priority order; the
 * red targets among them; and the "at a glance" answers.
 */
final class Headlines {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    /** Indicators that say whether neglect is rising or falling, first found first. */
    static final List<String> NEGLECT = List.of("CPP_OPEN_NEG_INIT", "CPP_START_NEG_INIT", "CPP_OPEN_NEG_INIT_RATE",
            "CPP_OPEN_NEG_INIT_PCT");

    private Headlines() {
    }

    /** The partnership's headline lines and red-target lines, grouped by strategic priority in catalogue order. */
    static List<ScorecardFigures.Line> lines(Content c) {
        List<ScorecardFigures.Line> out = new ArrayList<>();
        for (String priority : priorities(c.indicators())) {
            for (IndicatorDefinition d : c.indicators()) {
                if (!d.priority().equals(priority)) {
                    continue;
                }
                ScorecardFigures.find(c.lines(), d.id(), c.partnershipCode())
                        .filter(l -> d.headline() || l.rag() == Targets.Rag.RED)
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    static List<String> priorities(List<IndicatorDefinition> indicators) {
        Set<String> out = new LinkedHashSet<>();
        indicators.forEach(d -> out.add(d.priority()));
        return new ArrayList<>(out);
    }

    /** The red targets among the headline lines. */
    static List<ScorecardFigures.Line> red(Content c) {
        return lines(c).stream().filter(l -> l.rag() == Targets.Rag.RED).toList();
    }

    /** Why a line is on the summary though not a headline indicator. */
    static boolean addedForRedTarget(ScorecardFigures.Line line) {
        return !line.indicator().headline() && line.rag() == Targets.Rag.RED;
    }

    /** England's figure for a line, with its date, or null where DfE publishes none to compare with. */
    static String england(ScorecardFigures.Line line) {
        BenchmarkValue b = line.benchmark();
        if (b == null || b.england() == null || line.indicator().unit() == Unit.count) {
            return null;
        }
        return Sentences.format(line.indicator(), b.england()) + " at " + b.periodEnd().format(DAY);
    }

    /** "2 of 3 member LAs better than their statistical neighbours at 31 March 2022", or null where there is no comparison. */
    static String neighbours(Content c, IndicatorDefinition d) {
        String[] n = neighboursCount(c, d);
        return n == null ? null : n[0].replace(" better", " member LAs better than their statistical neighbours") + " at " + n[2];
    }

    /** {"2 of 3 better", "31 Mar 2022", "31 March 2022"}: member LAs whose latest figure beats their neighbours' mean. */
    static String[] neighboursCount(Content c, IndicatorDefinition d) {
        if (d.polarity() == Polarity.context || d.unit() == Unit.count) {
            return null;
        }
        Map<String, BenchmarkValue> latest = new HashMap<>();
        for (BenchmarkValue b : c.benchmarks()) {
            if (b.indicatorId().equals(d.id()) && !b.areaCode().equals(c.partnershipCode()) && b.snMean() != null && b.value() != null) {
                latest.merge(b.areaCode(), b, (x, y) -> x.periodEnd().isAfter(y.periodEnd()) ? x : y);
            }
        }
        if (latest.isEmpty()) {
            return null;
        }
        long better = latest.values().stream().filter(b -> d.polarity() == Polarity.up ? b.value().compareTo(b.snMean()) > 0
                : b.value().compareTo(b.snMean()) < 0).count();
        LocalDate when = latest.values().stream().map(BenchmarkValue::periodEnd).max(LocalDate::compareTo).orElseThrow();
        return new String[] {better + " of " + latest.size() + " better", when.format(SHORT), when.format(DAY)};
    }

    /** A question a board asks first, and its answer from the figures. */
    record Glance(String question, List<String> answers) {
    }

    /** Is neglect rising or falling, is it real change, how do we compare with England, which targets are red. */
    static List<Glance> atAGlance(Content c) {
        List<Glance> out = new ArrayList<>();
        List<ScorecardFigures.Line> neglect = new ArrayList<>();
        for (String id : NEGLECT) {
            ScorecardFigures.find(c.lines(), id, c.partnershipCode()).filter(ScorecardFigures.Line::hasValue)
                    .filter(l -> !l.now().suppressed()).ifPresent(neglect::add);
        }
        List<String> rising = new ArrayList<>();
        List<String> real = new ArrayList<>();
        for (ScorecardFigures.Line l : neglect.subList(0, Math.min(2, neglect.size()))) {
            rising.add(Sentences.movement(l));
            // Only the first letter: the words go on after a colon, and "SPC" in them stays an acronym ("no spc needs 15" read oddly).
            String words = l.variationWords();
            real.add(l.indicator().title() + ": " + words.substring(0, 1).toLowerCase(Locale.UK) + words.substring(1)
                    + (l.spc() != null && l.spc().signal() != null ? " (" + l.spc().signal() + ")" : "") + ".");
        }
        if (rising.isEmpty()) {
            rising.add("No child protection figures for this month.");
        }
        out.add(new Glance("Is neglect rising or falling?", rising));
        List<ScorecardFigures.Line> headline = lines(c);
        // A figure missing or withheld this month has no reading: counted as such, not as "too few figures".
        List<ScorecardFigures.Line> shown = headline.stream().filter(l -> l.hasValue() && !l.now().suppressed()).toList();
        long improvement = shown.stream().filter(l -> l.variation().improvement()).count();
        long concern = shown.stream().filter(l -> l.variation().concern()).count();
        long common = shown.stream().filter(l -> l.variation() == Spc.Variation.COMMON_CAUSE).count();
        long neither = shown.stream().filter(l -> l.variation().special() && !l.variation().improvement() && !l.variation().concern()).count();
        long none = shown.size() - improvement - concern - common - neither;
        long missing = headline.size() - shown.size();
        real.add("Across the " + headline.size() + " indicators on the summary: " + improvement + " show improvement, " + concern
                + (concern == 1 ? " shows" : " show") + " concern" + (neither > 0 ? ", " + neither + " real change with no better direction" : "")
                + ", " + common + " only the usual ups and downs, " + (missing > 0 ? none + " cannot be read as SPC (a running total, or too "
                + "few figures), and " + missing + (missing == 1 ? " has" : " have") + " no figure this month (withheld, or missing: "
                + "the run summary says why)." : "and " + none + " cannot be read as SPC (a running total, or too few figures)."));
        out.add(new Glance("Is it real change, or the usual ups and downs?", real));
        List<String> england = new ArrayList<>();
        for (ScorecardFigures.Line l : headline) {
            BenchmarkValue b = l.benchmark();
            if (b == null || b.england() == null || b.value() == null || l.indicator().unit() == Unit.count || england.size() == 2) {
                continue;
            }
            int sign = b.value().compareTo(b.england());
            boolean better = l.indicator().polarity() == Polarity.up ? sign > 0 : sign < 0;
            // Like with like: our figure at the date of England's latest, then ours now, so the two figures of ours
            // beside one of England's are never read as one.
            boolean now = b.periodEnd().equals(c.period());
            // A rate DfE prints on an older population, or not at all, is worked out here from DfE's count: not "published".
            boolean workedOut = l.indicator().benchmark() != null && l.indicator().benchmark().overPopulation();
            england.add(l.indicator().title() + ": " + Sentences.format(l.indicator(), b.value()) + " against England's "
                    + Sentences.format(l.indicator(), b.england()) + " at " + b.periodEnd().format(DAY)
                    + (workedOut ? " (DfE's count over the same population estimates as ours)" : "")
                    + (now ? "" : ", the latest year DfE has published")
                    + (sign == 0 || l.indicator().polarity() == Polarity.context ? "" : better ? " (better than England)" : " (worse than England)")
                    + (now || !l.hasValue() || l.now().suppressed() ? "." : "; " + Sentences.format(l.indicator(), l.now().value()) + " now."));
        }
        if (england.isEmpty()) {
            england.add("No figure to set beside England's: add DfE's published files to the inputs.");
        }
        out.add(new Glance("How do we compare with England?", england));
        List<ScorecardFigures.Line> red = red(c);
        // A target whose figure is missing or withheld this month cannot be judged: said, so a red target never
        // just drops off the list.
        List<ScorecardFigures.Line> unjudged = headline.stream().filter(l -> l.target() != null && l.rag() == null).toList();
        List<String> targets = new ArrayList<>();
        if (red.isEmpty() && unjudged.isEmpty()) {
            long any = headline.stream().filter(l -> l.rag() != null).count();
            targets.add(any == 0 ? "No targets are set for this month (add a targets file to the inputs)." : "None.");
        } else {
            for (ScorecardFigures.Line l : red) {
                targets.add(l.indicator().title() + ": " + Sentences.format(l.indicator(), l.now().value()) + " against a target of "
                        + Sentences.format(l.indicator(), l.target().value()) + ".");
            }
            if (red.isEmpty()) {
                targets.add("None among the targets that can be judged this month.");
            }
            for (ScorecardFigures.Line l : unjudged) {
                targets.add(l.indicator().title() + ": cannot be judged this month (target " + Sentences.format(l.indicator(),
                        l.target().value()) + "): " + (l.hasValue() && l.now().suppressed() ? "the figure is withheld as a small number."
                        : "there is no figure for this month; the run summary says why."));
            }
        }
        out.add(new Glance("Which targets are red?", targets));
        return out;
    }
}
