package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What rejects.csv may show of a wrong value: what helps to put it right, never what could name a child. */
class RejectionShownTest {

    @ParameterizedTest
    @ValueSource(strings = {"Unknown", "Not known", "Physical abuse", "No further action", "Neglect", "NOT STATED",
            "Other - not known", "2024-13-45", "31/02/2024 10:00", "2024-03-31T10:00:00Z", "123456", "45382.5", "NEG", "Cancelled by patient",
            "Was not brought", "DD/MM/YYYY", "Grade 3", "Could not attend", "Voluntary sector",
            "Neglect and domestic abuse"})
    void wordsPeopleTypeForACodeDatesNumbersAndShortCodesAreShown(String value) {
        assertThat(Rejection.shown(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jennifer", "Unknown Smith", "Other Jones", "A1234567", "Neglect by J. Smith",
            "Child of Sarah Brown", "not known not known not known not known not known not known not known",
            // Surnames that are also words, ethnic groups, and runs of digits that may be an NHS number.
            "Not known Black", "White Irish", "9434765919", "943 476 5919", "943-476-5919",
            // Months that are also names: never taken for words typed for a code.
            "April 3", "August 12", "01 05 19", "1, 5, 19"})
    void namesIdentifiersAndLongTextAreWithheld(String value) {
        assertThat(Rejection.shown(value)).isEqualTo(Rejection.WITHHELD);
    }
}
