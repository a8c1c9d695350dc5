package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The months a return covers end at its date and reach back a whole number of months, whatever the
 * months' lengths: an Annex A as at 30 September covers April to September (six month ends), not
 * 31 March too, which its lists do not reach.
 */
class MonthsCoveredTest {

    @Test
    void sixOrTwelveMonthEndsWhateverTheMonthsLengths() {
        assertThat(ScopeReturnsTasklet.firstDayCovered(LocalDate.of(2026, 3, 31), 6)).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(ScopeReturnsTasklet.firstDayCovered(LocalDate.of(2025, 9, 30), 6)).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(ScopeReturnsTasklet.firstDayCovered(LocalDate.of(2025, 11, 30), 6)).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(ScopeReturnsTasklet.firstDayCovered(LocalDate.of(2025, 2, 28), 6)).isEqualTo(LocalDate.of(2024, 9, 1));
        // Annual returns as before: the 12 months to 31 March, and to a 29 February.
        assertThat(ScopeReturnsTasklet.firstDayCovered(LocalDate.of(2026, 3, 31), 12)).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(ScopeReturnsTasklet.firstDayCovered(LocalDate.of(2024, 2, 29), 12)).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(ScopeReturnsTasklet.firstDayCovered(LocalDate.of(2025, 2, 28), 12)).isEqualTo(LocalDate.of(2024, 3, 1));
    }
}
