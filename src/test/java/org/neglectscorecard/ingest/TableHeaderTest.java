package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Headings are found as people write them: here, as an Excel pivot table writes a value field. */
class TableHeaderTest {

    /**
     * An LA's Annex A List 7 exported from a pivot table (a heading D2I's ssd-data-model lists among
     * real LAs' samples): "Sum of Number of Previous Child Protection Plans" is that column. A
     * heading of the column's own name wins, and a "Count of" or "Max of" is never taken for the value.
     */
    @Test
    void aPivotTablesSumOfAFieldIsTheField() {
        TableHeader pivot = new TableHeader("List 7", List.of("Child Unique ID", "Sum of Number of Previous Child Protection Plans",
                "Count of Case Reference", "Max of Date of the Last Statutory Visit"), true);
        assertThat(pivot.indexOf("Number of Previous Child Protection Plans")).contains(1);
        assertThat(pivot.has("Date of the last statutory visit")).as("a Max of is not the value").isFalse();
        assertThat(pivot.has("Case Reference")).isFalse();

        TableHeader both = new TableHeader("List 7", List.of("Sum of Number of Previous Child Protection Plans",
                "Number of Previous Child Protection Plans"), true);
        assertThat(both.indexOf("Number of Previous Child Protection Plans")).contains(1);
    }
}
