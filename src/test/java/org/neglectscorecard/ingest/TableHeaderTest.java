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

    /**
     * Headings that carry how to fill them in ("... (DD/MM/YYYY)", a line break before it, "(Y/N)")
     * or a short form ("Practitioner Ref") are the columns they name; a bracketed word that names
     * something ("Category of Abuse (Initial)") stays part of the heading.
     */
    @Test
    void aFormatHintOrShortFormInAHeadingIsTheColumnItNames() {
        TableHeader hinted = new TableHeader("List 7", List.of("Child Protection Plan Start Date (DD/MM/YYYY)",
                "Child Protection Plan End Date\n(dd-mm-yy)", "Was the Child Seen Alone? (Y/N)", "Practitioner Ref",
                "CP Plan Start Dt", "Category of Abuse (Initial)"), true);
        assertThat(hinted.indexOf("Child Protection Plan Start Date")).contains(0);
        assertThat(hinted.indexOf("Child Protection Plan End Date")).contains(1);
        assertThat(hinted.indexOf("Was the Child Seen Alone?")).contains(2);
        assertThat(hinted.indexOf("Practitioner reference")).contains(3);
        assertThat(hinted.indexOf("CP Plan Start Date")).contains(4);
        assertThat(hinted.has("Category of Abuse")).isFalse();
        assertThat(hinted.nameOf("Child Protection Plan Start Date")).as("shown as the file wrote it")
                .isEqualTo("Child Protection Plan Start Date (DD/MM/YYYY)");

        TableHeader gcp2 = new TableHeader("GCP2", List.of("Date of referral", "Love & Care", "Physical care (1-5)"), true);
        assertThat(gcp2.has("Referral date")).as("Annex A's List 3 'Date of referral' is not List 6's 'Referral Date'").isFalse();
        assertThat(gcp2.indexOf("Love and care")).contains(1);
        assertThat(gcp2.indexOf("Physical care")).contains(2);

        TableHeader own = new TableHeader("List 7", List.of("Plan Start (DD/MM/YYYY)", "Plan Start"), true);
        assertThat(own.indexOf("Plan Start")).as("a heading of the name itself wins").contains(1);
    }
}
