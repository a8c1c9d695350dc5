package org.neglectscorecard.ingest.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.CollectionYear;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.CensusYears;
import org.neglectscorecard.testing.TestApp;

/**
 * The CIN census by collection year (INPUTS.md "A1-A4 by collection year"): every year from 2017-18
 * to 2025-26 is one data file, and the same children in each year's XML, with that year's
 * distinctive items, give the figures the same children give as CSV tables.
 */
class CensusYearsTest {

    @TempDir
    Path dir;

    @Test
    void everyYearIsOneDataFile() {
        assertThat(CinCensus.YEARS.all()).extracting(CollectionYear::year).containsExactlyElementsOf(CensusYears.YEARS);
        CollectionYear y2019 = CinCensus.YEARS.named("2019-20");
        CollectionYear y2021 = CinCensus.YEARS.named("2021-22");
        CollectionYear y2024 = CinCensus.YEARS.named("2024-25");
        assertThat(y2019.blocks()).doesNotContainKey("CINPlanDates");
        assertThat(y2021.blocks()).containsKey("CINPlanDates");
        assertThat(y2019.accepts("AssessmentFactors", "18A")).isTrue();
        assertThat(CinCensus.YEARS.named("2020-21").accepts("AssessmentFactors", "18A")).as("still sent").isTrue();
        assertThat(y2021.accepts("AssessmentFactors", "24A")).isTrue();
        assertThat(y2019.accepts("AssessmentFactors", "24A")).isFalse();
        assertThat(CinCensus.YEARS.named("2022-23").accepts("ReasonForClosure", "RC9")).isTrue();
        assertThat(y2021.accepts("ReasonForClosure", "RC9")).isFalse();
        assertThat(y2024.hasItem("ChildIdentifiers", "Sex")).isTrue();
        assertThat(y2024.hasItem("ChildIdentifiers", "GenderCurrent")).as("renamed").isTrue();
        assertThat(CinCensus.YEARS.forDate(LocalDate.of(2023, 3, 31)).year()).isEqualTo("2022-23");
        assertThat(CinCensus.YEARS.forDate(LocalDate.of(2023, 4, 1)).year()).isEqualTo("2023-24");
    }

    @Test
    void eachYearsXmlGivesTheFiguresOfTheSameChildrenAsTables() throws Exception {
        for (String year : CensusYears.YEARS) {
            CensusReturn children = CensusYears.children(year);
            CensusYears.writeXml(children, year, dir.resolve("xml/821/" + year + ".xml"));
            Path csv = dir.resolve("csv/821/" + year);
            CensusReturnWriter.writeCsv(children, csv);
            if (!CinCensus.YEARS.named(year).blocks().containsKey("CINPlanDates")) {
                Files.delete(csv.resolve("CINplanDates.csv"));   // the year had none
            }
        }
        List<InputFile> found = new InputScanner(new LaDirectory()).scan(dir.resolve("xml"));
        assertThat(found).extracting(InputFile::collectionYear).containsExactlyElementsOf(CensusYears.YEARS);

        String fromXml = run("xml", dsl -> {
            // Years before CIN plan dates were collected leave the CIN plan indicators without a value, not at zero.
            assertThat(dsl.fetch("SELECT f.display_name FROM absent_column a JOIN source_file f ON f.source_file_id = a.source_file_id "
                    + "WHERE a.store_table = 'cin_plan' ORDER BY 1").map(r -> r.get(0, String.class)))
                    .containsExactly("821/2017-18.xml", "821/2018-19.xml", "821/2019-20.xml", "821/2020-21.xml");
        });
        String fromCsv = run("csv", dsl -> { });
        assertThat(fromXml.lines().count()).isGreaterThan(200);
        assertThat(fromXml).isEqualTo(fromCsv);

        String rejects = Files.readString(dir.resolve("out-xml/p/2026-03-31/rejects.csv"));
        // Every year's codes are read: none of them is left out or rejected.
        assertThat(rejects).doesNotContain("value left out").doesNotContain("row rejected");
        // A block no year of the census has is passed over with a note, once per file.
        assertThat(rejects).contains("821/2025-26.xml,CINdetails").contains("<PreProceedings> is not part of the CIN census")
                .contains("passed over, 5 times in this file");
        assertThat(rejects.lines().filter(l -> l.contains("PreProceedings")).count()).isEqualTo(1);
    }

    private String run(String form, java.util.function.Consumer<DSLContext> check) throws Exception {
        Path job = TestApp.jobFile(dir.resolve("jobs"), "years-" + form, "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data-" + form))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2026, 3, 31), dir.resolve(form), dir.resolve("out-" + form), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            check.accept(app.bean(DSLContext.class));
        }
        return Files.readString(dir.resolve("out-" + form + "/p/2026-03-31/indicators.csv"));
    }
}
