package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.neglectscorecard.store.schema.Tables.BENCHMARK_VALUE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * An LA whose 9-character code changed keeps one series (INDICATORS.md, LA codes): North Yorkshire
 * (815) was E10000023 until 2023 and is E06000065 since. Its returns for 2019 to 2025 give one
 * series under its current code, a rate in every year (ONS labels its 2022 estimate E10000023 and
 * its 2023 one E06000065), and DfE's real published rows (which switch codes in 2023) are found for
 * every year.
 */
class LaCodeChangesTest {

    @TempDir
    Path dir;

    /** ONS mid-year estimates of children aged 0 to 17 in North Yorkshire, as shipped (reference/ons_...csv). */
    private static final int MID_2021 = 113710;
    private static final int MID_2022 = 114700;
    private static final int MID_2023 = 114929;

    @Test
    void anLaWhoseCodeChangedIsOneSeriesWithARateAndABenchmarkEveryYear() throws Exception {
        Path input = dir.resolve("input");
        for (int year = 2019; year <= 2025; year++) {
            var r = new ReturnBuilder("815", LocalDate.of(year, 3, 31));
            // Two children on a plan at each 31 March, and an assessment finding neglect in each year.
            for (String who : List.of("a", "b")) {
                r.child(year + who).episode((year - 1) + "-05-01", null, "N1")
                        .cpp((year - 1) + "-06-01", null, "NEG", "NEG", 0)
                        .assessment((year - 1) + "-05-02", (year - 1) + "-05-20", "16A", "3A").end().done();
            }
            CensusReturnWriter.writeXml(r.build(), input.resolve("815/" + year + "/census.xml"));
        }
        Path dfe = input.resolve("dfe/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv");
        Files.createDirectories(dfe.getParent());
        Files.copy(Path.of("src/test/resources/dfe/la-code-changes").resolve(dfe.getFileName()), dfe);
        Path job = TestApp.jobFile(dir, "north-yorkshire", "ny", List.of("815"));

        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2025, 3, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
            IndicatorsFile out = IndicatorsFile.read(dir.resolve("out/ny/2025-03-31/indicators.csv"));

            Set<String> areas = new TreeSet<>();
            out.rows().forEach(row -> areas.add(row.get("area_code") + " " + row.get("area_name")));
            assertThat(areas).containsExactly("E06000065 North Yorkshire", "ny Test partnership ny");

            for (int year = 2019; year <= 2025; year++) {
                String march = year + "-03-31";
                assertThat(out.value("CPP_OPEN", "E06000065", march)).as(march).isEqualTo("2");
                assertThat(out.value("CPP_OPEN_RATE", "E06000065", march)).as("the rate at " + march).isNotNull();
            }
            // The year to March 2023 uses the estimate for mid-2022 (labelled E10000023), 2024 mid-2023's (E06000065).
            assertThat(out.value("CPP_OPEN_RATE", "E06000065", "2022-03-31")).isEqualTo(rate(2, MID_2021));
            assertThat(out.value("CPP_OPEN_RATE", "E06000065", "2023-03-31")).isEqualTo(rate(2, MID_2022));
            assertThat(out.value("CPP_OPEN_RATE", "E06000065", "2024-03-31")).isEqualTo(rate(2, MID_2023));
            assertThat(out.value("CPP_OPEN_RATE", "E06000065", "2023-02-28")).as("a month inside the year").isEqualTo(rate(2, MID_2022));

            // DfE's own figure for North Yorkshire, whichever code that year's row carries, beside ours each year.
            DSLContext dsl = app.bean(DSLContext.class);
            var b = BENCHMARK_VALUE;
            List<LocalDate> years = dsl.select(b.PERIOD_END).from(b).where(b.INDICATOR_ID.eq("ASSESS_NEG_PCT")
                    .and(b.AREA_CODE.eq("E06000065")).and(b.PUBLISHED.isNotNull()).and(b.ENGLAND.isNotNull()))
                    .orderBy(b.PERIOD_END).fetch(b.PERIOD_END);
            assertThat(years).extracting(LocalDate::getYear).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025);
        }
    }

    @Test
    void theLookupIsDataAndASplitEndsOneSeriesAndStartsOthers() {
        var las = new org.neglectscorecard.reference.LaDirectory();
        assertThat(las.code3("E10000023")).contains("815");
        assertThat(las.code3("E06000065")).contains("815");
        assertThat(las.current("815").orElseThrow().code9()).isEqualTo("E06000065");
        assertThat(las.current("825").orElseThrow().code9()).isEqualTo("E06000060");
        assertThat(las.current("933").orElseThrow().code9()).isEqualTo("E06000066");
        // Northamptonshire (928) split into North (940) and West (941) in 2021; Cumbria (909) into 942 and 943 in 2023:
        // each is an LA of its own, so the old series keeps its last code and the new ones start under theirs.
        assertThat(las.current("928").orElseThrow().code9()).isEqualTo("E10000021");
        assertThat(las.current("940").orElseThrow().code9()).isEqualTo("E06000061");
        assertThat(las.current("909").orElseThrow().code9()).isEqualTo("E10000006");
        assertThat(las.current("943").orElseThrow().name()).isEqualTo("Westmorland and Furness");
    }

    private static String rate(int count, int population) {
        return BigDecimal.valueOf(count * 10_000L).divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
