package org.neglectscorecard.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/**
 * One plain-English sentence per figure, made from the figures alone: what it was a year ago and
 * now, whether the monthly series says that is a real change or normal variation (never more than
 * the SPC shows), and how it compares with England where DfE publishes the same measure. A running
 * total is said against its target instead.
 */
public final class Sentences {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /**
     * Why a figure shows [c], the same words whether it is itself 1 to 5 or withheld so that one
     * cannot be worked out: saying which would tell a reader the second kind is not small, and
     * "concerns 1 to 5 children" on a withheld 117 is untrue and points at where to look.
     */
    public static final String WITHHELD = "it is, or would let someone work out, a count of 1 to 5 children or families";

    private Sentences() {
    }

    public static String of(IndicatorDefinition d, String where, IndicatorValue now, IndicatorValue yearAgo,
                            Spc.Variation variation, BenchmarkValue benchmark, boolean inMonth) {
        return of(d, where, now, yearAgo, variation, null, benchmark, inMonth);
    }

    /** @param signal why the latest month is special cause, as {@link Spc.Result#signal()} says it; null if not known */
    public static String of(IndicatorDefinition d, String where, IndicatorValue now, IndicatorValue yearAgo,
                            Spc.Variation variation, String signal, BenchmarkValue benchmark, boolean inMonth) {
        return of(d, where, now, yearAgo, new ScorecardFigures.Reading(null, variation, Spc.Assurance.NO_TARGET, null, null, null),
                signal, benchmark, inMonth, null);
    }

    static String of(IndicatorDefinition d, String where, IndicatorValue now, IndicatorValue yearAgo, ScorecardFigures.Reading reading,
                     BenchmarkValue benchmark, boolean inMonth, Targets.Target target) {
        return of(d, where, now, yearAgo, reading, reading.spc() == null ? null : reading.spc().signal(), benchmark, inMonth, target);
    }

    private static String of(IndicatorDefinition d, String where, IndicatorValue now, IndicatorValue yearAgo,
                             ScorecardFigures.Reading reading, String signal, BenchmarkValue benchmark, boolean inMonth,
                             Targets.Target target) {
        if (now == null) {
            return "No figure for this month.";
        }
        if (now.suppressed()) {
            return "Withheld: " + WITHHELD + ".";
        }
        StringBuilder s = new StringBuilder(d.title());
        if (where != null && !where.equals("the partnership")) {
            s.append(" in ").append(where);
        }
        String value = format(d, now.value());
        if (d.spc() == IndicatorDefinition.Spc.running_total) {
            s.append(" reached ").append(value);
            if (target != null) {
                int sign = now.value().compareTo(target.value());
                boolean met = d.polarity() == IndicatorDefinition.Polarity.down ? sign <= 0 : sign >= 0;
                s.append(met ? ", meeting" : ", short of").append(" the target of ").append(format(d, target.value()))
                        .append(" for ").append(target.periodEnd().format(DAY));
            }
            return s.append("; a running total only grows, so it is read against its target, not as SPC.").toString();
        }
        if (yearAgo == null || yearAgo.suppressed() || yearAgo.value() == null) {
            s.append(" stood at ").append(value).append("; there is no figure a year earlier to compare with");
        } else {
            int sign = now.value().compareTo(yearAgo.value());
            if (sign == 0) {
                s.append(" was unchanged from a year earlier, at ").append(value);
            } else {
                s.append(sign > 0 ? " rose from " : " fell from ").append(format(d, yearAgo.value())).append(" to ").append(value)
                        .append(" over the year");
            }
        }
        Spc.Variation variation = reading.variation();
        if (variation == Spc.Variation.COMMON_CAUSE) {
            s.append("; the monthly ").append(inMonth ? "numbers vary" : "figures vary")
                    .append(" within their usual range, so this is not yet a sign of real change");
        } else if (variation.special()) {
            s.append("; ").append(signal != null ? signal : "the latest month is unusually " + (variation.high() ? "high" : "low"))
                    .append(" (special cause, not the usual ups and downs), which is ")
                    .append(variation.improvement() ? "an improvement" : variation.concern() ? "a concern" : "a real change");
        } else if (variation == Spc.Variation.NOT_ENOUGH_DATA && reading.noSpcReason() != null
                && !reading.noSpcReason().startsWith("fewer than")) {
            s.append("; no SPC reading: ").append(reading.noSpcReason());
        } else if (variation == Spc.Variation.NOT_ENOUGH_DATA) {
            s.append("; there are too few months of figures yet to tell real change from the usual ups and downs");
        } else if (variation == Spc.Variation.NO_SPC && reading.noSpcReason() != null) {
            s.append("; no SPC reading: ").append(reading.noSpcReason());
        }
        if (benchmark != null && benchmark.england() != null && d.unit() != Unit.count) {
            BigDecimal difference = benchmark.value() == null ? null : benchmark.value().subtract(benchmark.england());
            s.append("; England's figure was ").append(format(d, benchmark.england())).append(" at ")
                    .append(benchmark.periodEnd().format(DAY));
            if (difference != null && difference.signum() != 0) {
                s.append(", when ").append(where == null || where.equals("the partnership") ? "ours" : where + "'s").append(" was ")
                        .append(format(d, benchmark.value()));
            }
        }
        return s.append('.').toString();
    }

    /** "Children on a plan for neglect: 238, down from 251 a year earlier." */
    static String movement(ScorecardFigures.Line l) {
        IndicatorDefinition d = l.indicator();
        StringBuilder s = new StringBuilder(d.title()).append(": ");
        if (l.now() == null || l.now().suppressed()) {
            return s.append(l.now() == null ? "no figure this month." : "withheld (" + WITHHELD + ").").toString();
        }
        s.append(format(d, l.now().value()));
        if (l.lastYear() == null || l.lastYear().suppressed() || l.lastYear().value() == null) {
            return s.append("; no figure a year earlier to compare with.").toString();
        }
        int sign = l.now().value().compareTo(l.lastYear().value());
        return s.append(sign == 0 ? ", the same as a year earlier." : (sign > 0 ? ", up from " : ", down from ")
                + format(d, l.lastYear().value()) + " a year earlier.").toString();
    }

    /**
     * The summary's one sentence, short enough for two lines beside the figures: what changed over
     * the year and what SPC makes of it. The full sentence is on the indicator's page.
     */
    static String brief(ScorecardFigures.Line l) {
        IndicatorDefinition d = l.indicator();
        if (l.now() == null) {
            return "No figure for this month.";
        }
        if (l.now().suppressed()) {
            return "Withheld to protect the children concerned.";
        }
        if (l.runningTotal()) {
            return "Reached " + format(d, l.now().value()) + (l.target() == null ? "" : " of a target of " + format(d, l.target().value()))
                    + "; a running total.";
        }
        StringBuilder s = new StringBuilder();
        if (l.lastYear() == null || l.lastYear().suppressed() || l.lastYear().value() == null) {
            s.append("No figure a year ago");
        } else {
            int sign = l.now().value().compareTo(l.lastYear().value());
            s.append(sign == 0 ? "Same as a year ago" : (sign > 0 ? "Up from " : "Down from ") + format(d, l.lastYear().value()));
            if (sign != 0 && d.polarity() != IndicatorDefinition.Polarity.context) {
                s.append(sign > 0 == (d.polarity() == IndicatorDefinition.Polarity.up) ? ", better" : ", worse");
            }
        }
        Spc.Variation v = l.variation();
        if (v == Spc.Variation.COMMON_CAUSE) {
            s.append("; the usual ups and downs.");
        } else if (v.special()) {
            s.append("; ").append(v.improvement() ? "an improvement" : v.concern() ? "a concern" : "a real change");
            String signal = l.spc() == null ? null : shortSignal(l.spc().signal());
            s.append(signal == null ? "." : ": " + signal + ".");
        } else {
            String reason = l.reading().noSpcReason();
            s.append(reason == null ? "; too few months for SPC."
                    : reason.contains("cases a month") ? "; too few cases a month for SPC."
                    : reason.startsWith("this month is not charted") ? "; this month withheld from the SPC chart."
                    : reason.contains("1 to 5") ? "; too many months withheld for SPC."
                    : reason.startsWith("no figure") ? "; no figure this month."
                    : "; too few months for SPC.");
        }
        return s.toString();
    }

    /** The SPC rule said in a few words: "17 months above the average". */
    static String shortSignal(String signal) {
        if (signal == null) {
            return null;
        }
        return signal.replace("the latest month is ", "").replace(" process limit", " limit")
                .replaceFirst("^the last (\\d+) months have all been (above|below) the average", "$1 months $2 average")
                .replaceFirst("^the figures have (risen|fallen) (\\d+) months in a row", "$1 $2 months running")
                .replace("two of the last three months were near the ", "2 of 3 months near the ")
                .replace(" process limit", " limit");
    }

    static String format(IndicatorDefinition d, BigDecimal v) {
        BigDecimal x = v.setScale(d.decimals(), RoundingMode.HALF_UP);
        String n = d.unit() == Unit.count ? String.format(Locale.UK, "%,d", x.longValue()) : x.toPlainString();
        return switch (d.unit()) {
            case percent -> n + "%";
            // "Children on a plan per 10,000 children rose from 22.9 to 24.1": the title already says per what.
            case rate_per_10k -> d.title().contains("per 10,000") ? n : n + " per 10,000 children";
            default -> n;
        };
    }
}
