package org.neglectscorecard.indicators;

import java.util.List;

/**
 * One entry of the indicator catalogue (sql/indicators/*.yml): what it measures, how a board
 * reads it, and how it is computed. Base entries carry SQL; derived ones name their numerator
 * and denominator.
 */
public record IndicatorDefinition(
        String id,
        String title,
        String priority,
        String source,
        List<String> sources,
        Polarity polarity,
        Unit unit,
        int decimals,
        Counts counts,
        String definition,
        String dfe,
        Measure measure,
        Spc spc,
        List<String> breakdowns,
        boolean distinct,
        boolean publish,
        boolean headline,
        String sql,
        String numerator,
        String denominator,
        BenchmarkSpec benchmark,
        String file) {

    /**
     * Whether the entry counts from the strategy's start date (its SQL reads {@code {strategy_start}}):
     * such a figure has no value for a month before the strategy began.
     */
    public boolean countsSinceStrategyStart() {
        return sql != null && sql.contains("{strategy_start}");
    }

    public enum Polarity { up, down, context }

    public enum Unit { count, percent, rate_per_10k, ratio, mean }

    /** What the indicator counts, which decides small-number suppression. */
    public enum Counts {
        children, families, practitioners, audits, assessments, appointments, responses, offences, none;

        /** Counts of children or families from 1 to 5 are suppressed in board-facing outputs. */
        public boolean isPeople() {
            return this == children || this == families;
        }
    }

    public enum Measure {
        /** Spells during which a subject counts; value = subjects counting at the month end. */
        open_at_month_end,
        /** Events; value = events (or distinct subjects) in the 12 months to the month end. */
        in_year,
        percent, rate_per_10k, ratio, mean;

        public boolean isBase() {
            return this == open_at_month_end || this == in_year;
        }
    }

    /**
     * The series statistical process control reads: the figure at the month end, the count in the
     * month, or none for a running total (since the strategy start, licensed to date), which only
     * grows and is read against its target.
     */
    public enum Spc { point_in_time, in_month, running_total }

    public static final String POPULATION = "population";

    public boolean isBase() {
        return measure.isBase();
    }

    public boolean isRate() {
        return POPULATION.equals(denominator);
    }
}
