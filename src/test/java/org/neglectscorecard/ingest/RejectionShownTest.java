package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What rejects.csv may show of a wrong value: what helps to put it right, never what could name a child. */
class RejectionShownTest {

    @ParameterizedTest
    @ValueSource(strings = {"Unknown", "Not known", "Physical abuse", "No further action", "Neglect", "NOT STATED",
            "Other - not known", "2024-13-45", "123456789012", "NEG"})
    void wordsPeopleTypeForACodeDatesNumbersAndShortCodesAreShown(String value) {
        assertThat(Rejection.shown(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jennifer", "Unknown Smith", "Other Jones", "A1234567", "Neglect by J. Smith",
            "Child of Sarah Brown", "not known not known not known not known not known not known not known"})
    void namesIdentifiersAndLongTextAreWithheld(String value) {
        assertThat(Rejection.shown(value)).isEqualTo(Rejection.WITHHELD);
    }
}
