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

    /** In a date column (never a date of birth's): any text shaped like a date; in a summary's month column, its labels too. */
    @ParameterizedTest
    @ValueSource(strings = {"Apr 25, 2021", "20210425", "25042021", "25-Apr-21", "25th April 2021", "April 2021",
            "Monday 25 April 2021 10:00", "2024-13-45", "Not known", "45382"})
    void inADateColumnDateShapedTextIsShown(String value) {
        assertThat(Rejection.shownDate(value)).isEqualTo(value);
        assertThat(Rejection.shownMonth(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Total 2025/26", "Year to date", "Q1 total", "Grand total 2025", "2021/22", "2025-26"})
    void inAMonthColumnASummarysLabelIsShown(String value) {
        assertThat(Rejection.shownMonth(value)).isEqualTo(value);
        assertThat(Rejection.shownDate(value)).isEqualTo(Rejection.WITHHELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jennifer", "April Smith", "April 3", "August 12", "9434765919", "943 476 5919", "20211345",
            "12345678", "W367079923271", "Total for Jennifer Smith", "A1234567", "01 05 19 Smith", "not a date"})
    void inADateOrMonthColumnNamesIdentifiersAndOtherTextAreStillWithheld(String value) {
        assertThat(Rejection.shownDate(value)).isEqualTo(Rejection.WITHHELD);
        if (!value.equals("not a date")) {
            assertThat(Rejection.shownMonth(value)).isEqualTo(Rejection.WITHHELD);
        }
    }

    /** In a column of codes or categories: a few words of categories, or of the column's own code list. */
    @ParameterizedTest
    @ValueSource(strings = {"All services", "Attended late", "Neglect Awareness Level 1", "Total 2025/26", "Follow-up visit",
            "Waiting list", "Online e-learning module", "Health visiting (all)", "Hospital cancelled", "Dentistry", "Adequate",
            "Thematic audit", "Very good", "Neither agree nor disagree", "Local authority",
            "Multi-Agency Neglect: Recognising & Responding (Level 3)", "Children’s Services – Neglect Awareness"})
    void inACategoryColumnWordsOfCategoriesAreShown(String value) {
        assertThat(Rejection.shownCategory(value, Rejection.wordsOf(java.util.List.of("Postnatal / health visiting",
                "Graded Care Profile 2")))).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jennifer Smith", "Attended with Jennifer", "All services for Smith", "Apr 25, 2021", "20210425",
            "9434765919", "01 05 19", "Level 1 Level 2 Level 3 Level 4 Level 5", "Mum said she forgot the appointment again",
            "SK10 4AB", "W367079923271", "Young Fair", "In Poor"})
    void inACategoryColumnNamesDatesIdentifiersAndFreeTextAreStillWithheld(String value) {
        assertThat(Rejection.shownCategory(value, Rejection.wordsOf(java.util.List.of("Postnatal / health visiting"))))
                .isEqualTo(Rejection.WITHHELD);
    }
}
