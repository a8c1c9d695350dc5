package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Counts;
import org.neglectscorecard.indicators.IndicatorDefinition.Measure;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/** The sentence beside each figure says only what the figures and the SPC reading show. */
class SentencesTest {

    static IndicatorDefinition indicator(Unit unit, Polarity polarity) {
        return indicator(unit == Unit.percent ? "Share of plans for neglect" : "Children on a plan for neglect", unit, polarity);
    }

    static IndicatorDefinition indicator(String title, Unit unit, Polarity polarity) {
        return new IndicatorDefinition("X", title,
                "Knowing our problem", "test", List.of("CIN_CENSUS"), polarity, unit, unit == Unit.count ? 0 : 1, Counts.children,
                "test", null, Measure.open_at_month_end, IndicatorDefinition.Spc.point_in_time, List.of(), false, true, true,
                "SELECT 1", null, null, null, "test.yml");
    }

    static IndicatorValue value(String v, boolean suppressed) {
        return new IndicatorValue("X", "P", "P", LocalDate.of(2026, 3, 31), "all", new BigDecimal(v), null, null, null, "count", suppressed);
    }

    @Test
    void aFallWithinNormalVariationIsNotCalledARealChange() {
        String s = Sentences.of(indicator(Unit.count, Polarity.down), "the partnership", value("194", false), value("221", false),
                Spc.Variation.COMMON_CAUSE, null, false);
        assertThat(s).isEqualTo("Children on a plan for neglect fell from 221 to 194 over the year; the monthly figures vary "
                + "within their usual range, so this is not yet a sign of real change.");
    }

    @Test
    void specialCauseIsNamedAsTheSpcShowsItWithEnglandBesideAPercentage() {
        BenchmarkValue england = new BenchmarkValue("X", "P", LocalDate.of(2025, 3, 31), new BigDecimal("64.0"), new BigDecimal("48.0"),
                null, null, null, null, null, null, null);
        String s = Sentences.of(indicator(Unit.percent, Polarity.down), "the partnership", value("64.0", false), value("58.5", false),
                Spc.Variation.CONCERN_HIGH, england, false);
        assertThat(s).isEqualTo("Share of plans for neglect rose from 58.5% to 64.0% over the year; the latest month is unusually "
                + "high (special cause, not the usual ups and downs), which is a concern; England's figure was 48.0% at "
                + "31 March 2025, when ours was 64.0%.");
    }

    @Test
    void aShiftIsCalledAShiftNotAnUnusualMonth() {
        String s = Sentences.of(indicator(Unit.count, Polarity.down), "the partnership", value("238", false), value("238", false),
                Spc.Variation.CONCERN_HIGH, "the last 9 months have all been above the average", null, false);
        assertThat(s).isEqualTo("Children on a plan for neglect was unchanged from a year earlier, at 238; the last 9 months "
                + "have all been above the average (special cause, not the usual ups and downs), which is a concern.");
    }

    @Test
    void aWithheldFigureIsNotDescribed() {
        String s = Sentences.of(indicator(Unit.count, Polarity.down), "Bedford", value("3", true), value("9", false),
                Spc.Variation.COMMON_CAUSE, null, false);
        assertThat(s).startsWith("Withheld").doesNotContain("3").doesNotContain("9");
    }

    @Test
    void aRateIsNotToldPerWhatTwice() {
        String s = Sentences.of(indicator("Children on a plan for neglect per 10,000 children", Unit.rate_per_10k, Polarity.down),
                "the partnership", value("24.1", false), value("22.9", false), Spc.Variation.COMMON_CAUSE, null, false);
        assertThat(s).startsWith("Children on a plan for neglect per 10,000 children rose from 22.9 to 24.1 over the year;");
        String other = Sentences.of(indicator("Rate of children on a plan for neglect", Unit.rate_per_10k, Polarity.down),
                "the partnership", value("24.1", false), value("22.9", false), Spc.Variation.COMMON_CAUSE, null, false);
        assertThat(other).startsWith("Rate of children on a plan for neglect rose from 22.9 per 10,000 children to 24.1 per 10,000 children");
    }
}
