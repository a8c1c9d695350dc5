package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neglectscorecard.testing.Database;


/**
 * The job against DfE's own published numbers. For Westminster, 2021 and 2022, child-level
 * returns are built from DfE's tables (d4: plans open at 31 March by initial and latest category;
 * d2: plans started in the year, the same; b3: CIN episodes open at 31 March with primary need
 * N1; b7: children on a CIN plan at 31 March), following DfE's definitions, with decoys on the
 * boundaries that DfE would not count (a plan ending on 31 March, a plan starting the day before
 * the year, an episode closing on 31 March). The 2021 return is XML, the 2022 one CSV tables.
 * The job must compute exactly the published figures.
 */
@ParameterizedClass
@EnumSource(Database.class)
class PublishedFiguresTest {

    @Parameter
    Database database;

    static final String[] CATEGORIES = {"NEG", "PHY", "SAB", "EMO", "MUL"};
    static final String[] COLUMNS = {"Neglect", "Physical", "Sexual", "Emotional", "Multiple"};

    @TempDir
    static Path dir;
    static IndicatorsFile out;

    @BeforeParameterizedClassInvocation
    static void buildReturnsAndRunJob(Database database) throws Exception {
        Path input = dir.resolve(database + "/input/213");
        CensusReturnWriter.writeXml(build(2021), input.resolve("2020-21/cin-census.xml"));
        CensusReturnWriter.writeCsv(build(2022), input.resolve("2021-22"));
        Path job = TestApp.jobFile(dir, "published", "westminster", List.of("213"));
        try (TestApp app = TestApp.start(database, dir.resolve(database + "/data"))) {
            RunService.RunResult result = app.run(job, LocalDate.of(2022, 3, 31), dir.resolve(database + "/input"),
                    dir.resolve(database + "/output"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        out = IndicatorsFile.read(dir.resolve(database + "/output/westminster/2022-03-31/indicators.csv"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2021, 2022})
    void plansOpenAt31MarchEqualDfE(int year) throws IOException {
        CSVRecord d4 = published("d4_cpps_at31march_by_category_of_abuse_2013_to_2022.csv", year);
        String date = year + "-03-31";
        assertThat(out.value("CPP_OPEN", "E09000033", date)).isEqualTo(d4.get("CPP_At31"));
        assertThat(out.value("CPP_OPEN_NEG_INIT", "E09000033", date)).isEqualTo(d4.get("Neglect_Initial"));
        assertThat(out.value("CPP_OPEN_NEG_LATEST", "E09000033", date)).isEqualTo(d4.get("Neglect_Latest"));
        assertThat(out.value("CPP_OPEN_NEG_INIT_PCT", "E09000033", date))
                .isEqualTo(percent(d4.get("Neglect_Initial"), d4.get("CPP_At31")));
    }

    @ParameterizedTest
    @ValueSource(ints = {2021, 2022})
    void plansStartedInTheYearEqualDfE(int year) throws IOException {
        CSVRecord d2 = published("d2_cpps_starting_by_category_of_abuse_2013_to_2022.csv", year);
        String date = year + "-03-31";
        assertThat(out.value("CPP_START", "E09000033", date)).isEqualTo(d2.get("CPP_start"));
        assertThat(out.value("CPP_START_NEG_INIT", "E09000033", date)).isEqualTo(d2.get("Neglect_Initial"));
        assertThat(out.value("CPP_START_NEG_LATEST", "E09000033", date)).isEqualTo(d2.get("Neglect_Latest"));
        assertThat(out.value("CPP_START_NEG_LATEST_PCT", "E09000033", date))
                .isEqualTo(percent(d2.get("Neglect_Latest"), d2.get("CPP_start")));
    }

    @ParameterizedTest
    @ValueSource(ints = {2021, 2022})
    void episodesWithPrimaryNeedN1EqualDfE(int year) throws IOException {
        CSVRecord b3 = published("b3_cin_primary_need_2013_to_2022.csv", year);
        assertThat(out.value("CIN_OPEN_N1", "E09000033", year + "-03-31")).isEqualTo(b3.get("N1_Abuse_or_neglect"));
        assertThat(out.value("CIN_OPEN_N1_PCT", "E09000033", year + "-03-31"))
                .isEqualTo(percent(b3.get("N1_Abuse_or_neglect"), b3.get("At31_episodes")));
    }

    @ParameterizedTest
    @ValueSource(ints = {2022})
    void childrenOnACinPlanEqualDfE(int year) throws IOException {
        CSVRecord b7 = published("b7_child_in_need_plans_2022.csv", year);
        assertThat(out.value("CINP_OPEN", "E09000033", year + "-03-31")).isEqualTo(b7.get("CINPlan_At31"));
    }

    /** A return for the year to 31 March {@code year} that reproduces DfE's figures for Westminster. */
    static CensusReturn build(int year) throws IOException {
        CSVRecord d4 = published("d4_cpps_at31march_by_category_of_abuse_2013_to_2022.csv", year);
        CSVRecord d2 = published("d2_cpps_starting_by_category_of_abuse_2013_to_2022.csv", year);
        CSVRecord b3 = published("b3_cin_primary_need_2013_to_2022.csv", year);
        int cinPlans = year == 2022 ? Integer.parseInt(published("b7_child_in_need_plans_2022.csv", year).get("CINPlan_At31")) : 0;
        LocalDate reference = LocalDate.of(year, 3, 31);
        LocalDate yearStart = LocalDate.of(year - 1, 4, 1);
        int n1Left = Integer.parseInt(b3.get("N1_Abuse_or_neglect"));
        ReturnBuilder r = new ReturnBuilder("213", reference);

        // Plans open at 31 March: started before the year, so not also starts in it.
        List<String[]> open = categoryPairs(d4);
        for (int i = 0; i < open.size(); i++) {
            LocalDate referral = LocalDate.of(year - 2, 9, 1).plusDays(i % 150);
            r.child("O" + year + "-" + i).episode(referral.toString(), null, n1Left-- > 0 ? "N1" : "N4")
                    .cpp(referral.plusDays(20).toString(), null, open.get(i)[0], open.get(i)[1], i % 3).end().done();
        }
        // Plans started in the year, all ended before 31 March, in closed episodes.
        List<String[]> started = categoryPairs(d2);
        for (int i = 0; i < started.size(); i++) {
            LocalDate referral = yearStart.plusDays((long) i * 300 / started.size());
            r.child("S" + year + "-" + i).episode(referral.toString(), referral.plusDays(40).toString(), "N4")
                    .cpp(referral.plusDays(5).toString(), referral.plusDays(30).toString(), started.get(i)[0], started.get(i)[1], 0)
                    .end().done();
        }
        // Children on a CIN plan at 31 March.
        for (int i = 0; i < cinPlans; i++) {
            LocalDate referral = LocalDate.of(year - 1, 6, 1).plusDays(i % 200);
            r.child("P" + year + "-" + i).episode(referral.toString(), null, n1Left-- > 0 ? "N1" : "N5")
                    .cinPlan(referral.plusDays(30).toString(), null).end().done();
        }
        // The other episodes open at 31 March.
        int others = Integer.parseInt(b3.get("At31_episodes")) - open.size() - cinPlans;
        for (int i = 0; i < others; i++) {
            LocalDate referral = LocalDate.of(year - 1, 10, 1).plusDays(i % 150);
            r.child("E" + year + "-" + i).episode(referral.toString(), null, n1Left-- > 0 ? "N1" : "N5").end().done();
        }
        // Decoys DfE would not count: a plan and episode ending on 31 March itself; a plan starting
        // the day before the year; a CIN plan ending on 31 March.
        r.child("X1-" + year).episode(LocalDate.of(year - 2, 6, 1).toString(), reference.toString(), "N1")
                .cpp(LocalDate.of(year - 2, 6, 10).toString(), reference.toString(), "NEG", "NEG", 0).end().done();
        r.child("X2-" + year).episode(yearStart.minusDays(31).toString(), yearStart.plusDays(30).toString(), "N1")
                .cpp(yearStart.minusDays(1).toString(), yearStart.plusDays(19).toString(), "NEG", "NEG", 0).end().done();
        r.child("X3-" + year).episode(yearStart.plusDays(10).toString(), reference.toString(), "N1")
                .cinPlan(yearStart.plusDays(40).toString(), reference.toString()).end().done();
        return r.build();
    }

    /**
     * Initial and latest categories paired plan by plan so both of DfE's columns come out right:
     * both lists in the same category order, zipped.
     */
    static List<String[]> categoryPairs(CSVRecord row) {
        List<String> initial = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            for (int i = 0; i < Integer.parseInt(row.get(COLUMNS[c] + "_Initial")); i++) {
                initial.add(CATEGORIES[c]);
            }
            for (int i = 0; i < Integer.parseInt(row.get(COLUMNS[c] + "_Latest")); i++) {
                latest.add(CATEGORIES[c]);
            }
        }
        assertThat(initial).hasSameSizeAs(latest);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < initial.size(); i++) {
            pairs.add(new String[] {initial.get(i), latest.get(i)});
        }
        return pairs;
    }

    static CSVRecord published(String file, int year) throws IOException {
        try (InputStream in = BOMInputStream.builder().setInputStream(
                PublishedFiguresTest.class.getResourceAsStream("/dfe/westminster-" + file)).get()) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                if (r.get("time_period").equals(String.valueOf(year))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("no " + year + " row in " + file);
    }

    static String percent(String numerator, String denominator) {
        return new BigDecimal(numerator).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(denominator), 1, RoundingMode.HALF_UP).toPlainString();
    }

}
