package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.ingest.agency.AgencyRecord;
import org.neglectscorecard.ingest.agency.AgencyRowProcessor;
import org.neglectscorecard.ingest.agency.AgencySource;
import org.neglectscorecard.ingest.agency.AgencyTableReader;
import org.neglectscorecard.ingest.cin.CinCensus;
import org.neglectscorecard.ingest.cin.CinCensusRowProcessor;
import org.neglectscorecard.ingest.cin.CinRecord;
import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.testing.Rows;

/**
 * An LA given by a name two LAs have had, or by the name of an LA that has since been replaced:
 * Dorset is the old county (835) until 31 March 2019 and the new unitary (838) from 1 April 2019;
 * Bournemouth (837) became part of Bournemouth, Christchurch and Poole (839); Northamptonshire (928)
 * was split into North (940) and West (941) Northamptonshire on 1 April 2021. A row's date tells
 * which LA is meant where one can be; otherwise the row is refused, saying which LAs the name fits
 * and asking for the code. Each used to be refused as "not an English local authority" (Dorset),
 * or counted for an LA that no longer existed (Bournemouth, Northamptonshire in 2022).
 */
class LaNamesTest {

    private static final LaDirectory LAS = new LaDirectory();
    private static final Pseudonymiser KEY = new Pseudonymiser("0123456789abcdef0123456789abcdef");

    @Test
    void aPartnersLogNamingDorsetBournemouthOrNorthamptonshireIsPlacedByTheRowsDate() throws Exception {
        Map<String, Object> byPractitioner = new LinkedHashMap<>();
        List<Rejection> notes = new ArrayList<>();
        AgencyRowProcessor processor = new AgencyRowProcessor(KEY, LAS);
        for (SourceRow row : read(Path.of("src/test/resources/fixtures/la-names/training.csv"))) {
            String who = row.value("Practitioner reference");
            try {
                ParsedRow<AgencyRecord> parsed = processor.process(row);
                byPractitioner.put(who, parsed.record().laCode3());
                notes.addAll(parsed.notes());
            } catch (RowRejectedException e) {
                byPractitioner.put(who, e.problems());
            }
        }
        assertThat(byPractitioner.get("P1")).as("Dorset in 2018: the old county").isEqualTo("835");
        assertThat(byPractitioner.get("P2")).as("Dorset in 2025: the unitary").isEqualTo("838");
        assertThat(byPractitioner.get("P3")).as("Bournemouth in 2025: BCP").isEqualTo("839");
        assertThat(byPractitioner.get("P4")).isEqualTo("839");
        assertThat(byPractitioner.get("P6")).as("Northamptonshire before the split").isEqualTo("928");
        assertThat(byPractitioner.get("P5")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Rejection.class))
                .singleElement().satisfies(p -> {
                    assertThat(p.column()).isEqualTo("LA code");
                    assertThat(p.reason()).isEqualTo("'Northamptonshire' is Northamptonshire (928), which was replaced by North "
                            + "Northamptonshire (940) and West Northamptonshire (941) on 1 April 2021, before this row's date "
                            + "(30 June 2022): write the 3-digit code of the LA the row is for (940 or 941)");
                });
        // Bournemouth for BCP is said once for the file, at its first row.
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.rowNumber()).isEqualTo(4);
            assertThat(n.reason()).startsWith("'Bournemouth' is Bournemouth (837), which was replaced by Bournemouth, "
                    + "Christchurch and Poole (839) on 1 April 2019, before this row's date (14 May 2025): the row is counted "
                    + "for 839.");
        });
    }

    /**
     * A plan is placed by its latest date, and one still open by today's: a Dorset plan started in
     * February 2019 and still open is the unitary's (838), not the county's that ended six weeks later.
     */
    @Test
    void anEarlyHelpPlanIsPlacedByItsEndOrIfOpenByToday() throws Exception {
        AgencyRowProcessor processor = new AgencyRowProcessor(KEY, LAS);
        TableSetReader reader = AgencyTableReader.of(List.of(Map.entry(AgencySource.EARLY_HELP,
                TableSource.csv(Path.of("src/test/resources/fixtures/la-names/early-help.csv"), StandardCharsets.UTF_8))), null);
        Map<String, String> byFamily = new LinkedHashMap<>();
        for (SourceRow row : Rows.readAll(reader)) {
            byFamily.put(row.value("Family reference"), processor.process(row).record().laCode3());
        }
        assertThat(byFamily).containsExactly(Map.entry("F1", "838"), Map.entry("F2", "835"), Map.entry("F3", "839"));
    }

    /** Loaded, the rows are stored for the LA their dates say, and the note on Bournemouth is kept with the file. */
    @Test
    void loadedTheRowsAreStoredForTheLaTheirDatesSayAndTheNoteIsKept(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        java.nio.file.Files.createDirectories(input);
        java.nio.file.Files.copy(Path.of("src/test/resources/fixtures/la-names/training.csv"), input.resolve("training.csv"));
        Path job = org.neglectscorecard.testing.TestApp.jobFile(dir.resolve("jobs"), "names", "p", List.of("835", "838", "839", "928"));
        try (org.neglectscorecard.testing.TestApp app = org.neglectscorecard.testing.TestApp.start(dir.resolve("data"))) {
            app.run(job, java.time.LocalDate.of(2025, 6, 30), input, dir.resolve("out"), false);
            org.jooq.DSLContext dsl = app.bean(org.jooq.DSLContext.class);
            assertThat(dsl.fetch("SELECT la_code3, source_row FROM training_record ORDER BY source_row")
                    .map(r -> r.get(1) + ":" + r.get(0))).containsExactly("2:835", "3:838", "4:839", "5:839", "7:928");
            assertThat(dsl.fetch("SELECT row_number, outcome, reason FROM rejection ORDER BY row_number")
                    .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)))
                    .anySatisfy(r -> assertThat(r).startsWith("4 note 'Bournemouth' is Bournemouth (837)"))
                    .anySatisfy(r -> assertThat(r).startsWith("6 row rejected 'Northamptonshire' is Northamptonshire (928)"));
        }
    }

    @Test
    void aNameTwoLasHaveHadWithNoDateIsRefusedListingBoth() {
        RowCheck.LaName dorset = RowCheck.laByName(LAS, "Dorset", null, null).orElseThrow();
        assertThat(dorset.code3()).isNull();
        assertThat(dorset.problem()).isEqualTo("'Dorset' fits more than one local authority: Dorset (835, until 31 March 2019) "
                + "and Dorset (838, from 1 April 2019), and the row has no date to tell them apart. Write the LA's 3-digit "
                + "code instead (835 or 838)");
        assertThat(RowCheck.byName(LAS, "Dorset")).isEmpty();
        // A name only one LA has ever had needs no date; a name no LA has had is none.
        assertThat(RowCheck.byName(LAS, "Luton Borough Council")).contains("821");
        assertThat(RowCheck.laByName(LAS, "Nowhere", null, null)).isEmpty();
        // Poole, like Bournemouth, is BCP after 2019; Cumbria after 2023 is one of two.
        assertThat(RowCheck.laByName(LAS, "Poole", java.time.LocalDate.of(2024, 1, 1), null).orElseThrow().code3()).isEqualTo("839");
        assertThat(RowCheck.laByName(LAS, "Cumbria", java.time.LocalDate.of(2024, 1, 1), null).orElseThrow().problem())
                .contains("Cumberland (942) and Westmorland and Furness (943) on 1 April 2023");
        assertThat(RowCheck.laByName(LAS, "Cumberland", java.time.LocalDate.of(2020, 1, 1), null).orElseThrow().problem())
                .contains("began on 1 April 2023");
        // Buckinghamshire and North Yorkshire kept their 3-digit codes through their changes.
        assertThat(RowCheck.laByName(LAS, "Buckinghamshire", java.time.LocalDate.of(2019, 1, 1), null).orElseThrow().code3())
                .isEqualTo("825");
        assertThat(RowCheck.laByName(LAS, "North Yorkshire", java.time.LocalDate.of(2025, 1, 1), null).orElseThrow().code3())
                .isEqualTo("815");
    }

    /** A census's rows are placed by the return's reference date: a 2018-19 return of Dorset's is the county's. */
    @Test
    void aCensusNamingDorsetIsPlacedByItsReferenceDate() throws Exception {
        TableHeader header = new TableHeader("ChildIdentifiers", List.of("LAchildID", "PersonBirthDate", "GenderCurrent"), false);
        SourceRow row = new SourceRow(header, 2, new String[] {"C1", "2015-01-01", "1"}, "Dorset");
        assertThat(laOf(new CinCensusRowProcessor(KEY, LAS, CinCensus.YEARS.named("2018-19")), row)).isEqualTo("835");
        assertThat(laOf(new CinCensusRowProcessor(KEY, LAS, CinCensus.YEARS.named("2024-25")), row)).isEqualTo("838");
        RowRejectedException noYear = catchThrowableOfType(RowRejectedException.class,
                () -> new CinCensusRowProcessor(KEY, LAS, null).process(row));
        assertThat(noYear.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .startsWith("'Dorset' fits more than one local authority: Dorset (835, until 31 March 2019)"));
    }

    private static String laOf(CinCensusRowProcessor processor, SourceRow row) throws Exception {
        return ((CinRecord.Child) processor.process(row).record()).laCode3();
    }

    private static List<SourceRow> read(Path file) throws Exception {
        TableSetReader reader = AgencyTableReader.of(List.of(Map.entry(AgencySource.TRAINING, TableSource.csv(file, StandardCharsets.UTF_8))), null);
        return Rows.readAll(reader);
    }
}
