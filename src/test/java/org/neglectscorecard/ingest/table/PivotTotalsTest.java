package org.neglectscorecard.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.agency.AgencySource;
import org.neglectscorecard.ingest.agency.AgencyTableReader;
import org.neglectscorecard.testing.TestApp;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A table exported from an Excel pivot table ends with a "Grand Total" row, and has a subtotal row
 * ("821 Total") after each group: they add up the rows above them, so they are passed over with a
 * note, not read as records (counted twice) nor rejected (a month of "Grand Total"). A record is
 * never taken for one.
 */
class PivotTotalsTest {

    @TempDir
    Path dir;

    @Test
    void aPivotsTotalAndSubtotalRowsArePassedOverWithANoteAndTheRecordsLoaded() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.copy(Path.of("src/test/resources/fixtures/pivot-totals/police.csv"), input.resolve("police.csv"));
        Path job = TestApp.jobFile(dir.resolve("jobs"), "pivot", "p", List.of("821", "822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            app.run(job, LocalDate.of(2025, 2, 28), input, dir.resolve("out"), false);
            DSLContext dsl = app.bean(DSLContext.class);
            // Counted in the store: the four records, none of the three total rows.
            assertThat(dsl.fetch("SELECT p.la_code3, p.month_end, p.neglect_offences FROM police_monthly p JOIN statutory_return s "
                    + "ON s.return_id = p.return_id JOIN source_file f ON f.source_file_id = s.source_file_id "
                    + "WHERE f.display_name = 'police.csv' ORDER BY p.la_code3, p.month_end")
                    .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)))
                    .containsExactly("821 2025-01-31 10", "821 2025-02-28 8", "822 2025-01-31 4", "822 2025-02-28 6");
            assertThat(dsl.fetch("SELECT r.row_number, r.outcome, r.reason FROM rejection r JOIN source_file f "
                    + "ON f.source_file_id = r.source_file_id WHERE f.display_name = 'police.csv'")
                    .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)))
                    .singleElement().asString()
                    .startsWith("4 note This row is a subtotal row as an Excel pivot table adds, and 2 more rows below it are too: "
                            + "they add up the rows above them, so they were passed over, not read as records.");
            assertThat(((Number) dsl.fetchValue("SELECT rows_rejected FROM source_file WHERE display_name = 'police.csv'"))
                    .intValue()).isZero();
        }
    }

    /**
     * A report writer's footer under the list ("Report run 01/04/2026 09:14 by LCS reporting") was rejected as a
     * record with no month (a trial, 4 December: validate said there was something to fix). It is passed over,
     * said without its words; a record whose first cell merely begins so, with more cells filled, is read.
     */
    @Test
    void aReportsFooterUnderTheListIsPassedOverAndNotShown() throws Exception {
        Path file = dir.resolve("police.csv");
        Files.writeString(file, """
                Month,Neglect offences,With earlier neglect concerns,LA code
                2025-01,3,1,
                Report run 01/04/2026 09:14 by J Smith,,,
                Printed on 2 April,1,1,
                """);
        TableSetReader reader = AgencyTableReader.of(List.of(Map.entry(AgencySource.POLICE, TableSource.csv(file, StandardCharsets.UTF_8))), null);
        assertThat(months(reader)).containsExactly("2025-01", "Printed on 2 April");
        assertThat(reader.notes()).extracting(Rejection::rowNumber, Rejection::reason).singleElement().satisfies(n ->
                assertThat(n.toList()).containsExactly(3, "This row, under the list, is a report's footer (when or by whom the "
                        + "report was run), not a record: it was passed over."));
    }

    /** Only a first cell that is exactly a total's label: a record that merely looks like one is read. */
    @Test
    void aRecordIsNeverTakenForATotal() throws Exception {
        Path file = dir.resolve("police.csv");
        Files.writeString(file, """
                Month,Sum of Neglect offences,Sum of With earlier neglect concerns,LA code
                Totals,1,1,
                Total 5,1,1,
                2025-01 Total,1,1,
                2025-01,3,1,
                 grand TOTAL ,4,2,
                """);
        TableSetReader reader = AgencyTableReader.of(List.of(Map.entry(AgencySource.POLICE, TableSource.csv(file, StandardCharsets.UTF_8))), null);
        List<String> read = months(reader);
        // "2025-01 Total" comes before any 2025-01 row, so it is no subtotal: the processor rejects it as a month.
        assertThat(read).containsExactly("Totals", "Total 5", "2025-01 Total", "2025-01");
        assertThat(reader.notes()).extracting(Rejection::rowNumber, Rejection::reason).singleElement().satisfies(n ->
                assertThat(n.toList()).containsExactly(6, "This row ('grand TOTAL') is a total row as an Excel pivot table adds: it "
                        + "adds up the rows above it, so it was passed over, not read as a record. Nothing else in the table is "
                        + "affected. (To send the rows alone, turn off the pivot table's totals and subtotals before exporting.)"));
    }

    /**
     * Two rows a template or a person adds that are not records: the guidance a template writes
     * under its headings ("DD/MM/YYYY", "Drop down"), and a count under the list ("Total: 4").
     * Both passed over with a note, never rejected as records with unreadable dates.
     */
    @Test
    void aTemplatesGuidanceRowAndACountUnderTheListAreNotRecords() throws Exception {
        Path file = dir.resolve("police.csv");
        Files.writeString(file, """
                Month,Neglect offences,With earlier neglect concerns,LA code
                MM/YYYY,Number,Number,Text
                2025-01,3,1,
                2025-02,2,1,

                Total: 5,,,
                Total offences: 5,,,
                """);
        TableSetReader reader = AgencyTableReader.of(List.of(Map.entry(AgencySource.POLICE, TableSource.csv(file, StandardCharsets.UTF_8))), null);
        List<String> read = months(reader);
        assertThat(read).containsExactly("2025-01", "2025-02");
        assertThat(reader.notes()).extracting(Rejection::rowNumber).containsExactly(2, 6);   // the 2 total rows said once
        assertThat(reader.notes().get(0).reason()).contains("the template's guidance");
        assertThat(reader.notes().get(1).reason()).contains("('Total: 5') is a total row");
    }

    /** Each record's Month, as the reader gives the rows it takes for records. */
    private static List<String> months(TableSetReader reader) throws Exception {
        List<String> read = new ArrayList<>();
        reader.open(new ExecutionContext());
        for (SourceRow r = reader.read(); r != null; r = reader.read()) {
            read.add(r.value("Month"));
        }
        reader.close();
        return read;
    }
}
