package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A month column as partners write it, each read as the month's last day. */
class MonthValuesTest {

    @Test
    void monthsAsPeopleWriteThem() {
        LocalDate april = LocalDate.of(2025, 4, 30);
        for (String v : new String[] {"2025-04", "04/2025", "April 2025", "Apr-2025", "Apr-25", "apr 25", "2025-04-01", "17/04/2025"}) {
            assertThat(Values.month(v)).as(v).contains(april);
        }
        assertThat(Values.month("Sept-24")).contains(LocalDate.of(2024, 9, 30));
    }

    @Test
    void notAMonthSaysHowToWriteOne() {
        for (String v : new String[] {"Foo-25", "2025-13", "13/2025"}) {
            assertThatThrownBy(() -> Values.month(v)).as(v).isInstanceOf(Values.BadValue.class).hasMessageContaining("yyyy-mm");
        }
    }
}
