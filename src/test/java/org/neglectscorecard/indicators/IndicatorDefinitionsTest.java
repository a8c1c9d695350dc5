package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.Database;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * Pins the child protection and children in need definitions on a hand-made return whose every
 * figure can be worked out on paper (the workings are in the comments), through the real job:
 * month-end boundaries, overlapping plans, the reporting year's edges, initial and latest
 * category, plans open two years, CIN plans with neglect found at assessment, episodes counted
 * once a year however many assessments, rates and breakdowns. On H2 and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Database.class)
class IndicatorDefinitionsTest {

    static final String LA = "E09000033";
    @Parameter
    Database database;
    @TempDir
    static Path dir;
    static IndicatorsFile out;

    @BeforeParameterizedClassInvocation
    static void runJob(Database database) throws Exception {
        // One return: Westminster (213), year 1 April 2021 to 31 March 2022.
        var r = new ReturnBuilder("213", LocalDate.of(2022, 3, 31));
        r.child("A").born("2015-06-01").gender("1").ethnicity("WBRI")
                .episode("2021-05-01", null, "N1").cpp("2021-05-10", null, "NEG", "NEG", 0).end().done();
        r.child("B").episode("2021-06-01", "2021-09-15", "N4").cpp("2021-06-15", "2021-08-31", "PHY", "PHY", 1).end().done();
        r.child("C").episode("2021-06-20", null, "N1")
                .cpp("2021-07-01", "2021-12-10", "EMO", "EMO", 0)
                .cpp("2021-09-01", null, "EMO", "NEG", 1).end().done();
        r.child("D").born("2021-01-01").gender("2").ethnicity("APKN")
                .episode("2021-10-01", null, "N5").cpp("2021-10-31", null, "NEG", "EMO", 2).end().done();
        r.child("E").born("2005-01-01").gender("1").ethnicity("BAFR")
                .episode("2018-12-01", null, "N1").cpp("2019-01-10", null, "NEG", "NEG", 0).end().done();
        r.child("F").episode("2021-03-20", null, "N1").cpp("2021-04-01", "2021-04-30", "NEG", "NEG", 0).end().done();
        r.child("G").episode("2021-03-01", "2021-06-30", "N1").cpp("2021-03-31", "2021-06-01", "NEG", "NEG", 3).end().done();
        r.child("H").episode("2021-05-01", null, "N1").assessment("2021-05-02", "2021-07-15", "16A", "3A")
                .cinPlan("2021-06-01", null).end().done();
        r.child("I").episode("2021-04-05", null, "N4").assessment("2021-04-06", "2021-04-20", "21")
                .cinPlan("2021-05-01", "2022-01-31").end().done();
        r.child("J").episode("2021-08-01", null, "N1").assessment("2021-08-02", "2021-08-20", "16A")
                .assessment("2021-11-15", "2021-12-01", "16A", "2B").end().done();
        Path input = dir.resolve(database + "/input");
        CensusReturnWriter.writeXml(r.build(), input.resolve("213.xml"));
        Path job = TestApp.jobFile(dir, "definitions", "p", List.of("213"));
        try (TestApp app = TestApp.start(database, dir.resolve(database + "/data"))) {
            RunService.RunResult result = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve(database + "/output"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        out = IndicatorsFile.read(dir.resolve(database + "/output/p/2022-03-31/indicators.csv"));
    }

    @Test
    void plansOpenAtMonthEnd() {
        // 31 Mar 2022: A, C (second plan), D, E are open.
        assertThat(out.value("CPP_OPEN", LA, "2022-03-31")).isEqualTo("4");
        // 30 Apr 2021: G (31 Mar to 1 Jun) and E; F ended on 30 Apr itself, so it no longer counts.
        assertThat(out.value("CPP_OPEN", LA, "2021-04-30")).isEqualTo("2");
        // 31 Aug 2021: A, C, E; B ended on 31 Aug; C's second plan starts 1 Sep.
        assertThat(out.value("CPP_OPEN", LA, "2021-08-31")).isEqualTo("3");
        // 30 Sep 2021: C is on two plans at once and is counted once: A, C, E.
        assertThat(out.value("CPP_OPEN", LA, "2021-09-30")).isEqualTo("3");
        // 31 Oct 2021: D's plan starts on the month end itself and counts: A, C, D, E.
        assertThat(out.value("CPP_OPEN", LA, "2021-10-31")).isEqualTo("4");
    }

    @Test
    void initialAndLatestCategoryAreDifferentIndicators() {
        // Initial neglect at 31 Mar 2022: A, D, E. Latest neglect: A, C (EMO then NEG), E.
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31")).isEqualTo("3");
        assertThat(out.value("CPP_OPEN_NEG_LATEST", LA, "2022-03-31")).isEqualTo("3");
        assertThat(out.value("CPP_OPEN_NEG_INIT_PCT", LA, "2022-03-31")).isEqualTo("75.0");
        assertThat(out.row("CPP_OPEN_NEG_INIT_PCT", LA, "2022-03-31", "all").get("numerator")).isEqualTo("3");
        assertThat(out.row("CPP_OPEN_NEG_INIT_PCT", LA, "2022-03-31", "all").get("denominator")).isEqualTo("4");
        // 30 Sep 2021: initial neglect A, E; latest neglect A, C, E.
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2021-09-30")).isEqualTo("2");
        assertThat(out.value("CPP_OPEN_NEG_LATEST", LA, "2021-09-30")).isEqualTo("3");
    }

    @Test
    void plansStartedInTheReportingYear() {
        // 1 Apr 2021 to 31 Mar 2022: F (1 Apr), A, B, C twice, D. Not G (31 Mar 2021), not E.
        assertThat(out.value("CPP_START", LA, "2022-03-31")).isEqualTo("6");
        assertThat(out.value("CPP_START_NEG_INIT", LA, "2022-03-31")).isEqualTo("3");     // A, D, F
        assertThat(out.value("CPP_START_NEG_LATEST", LA, "2022-03-31")).isEqualTo("3");   // A, C's second, F
        assertThat(out.value("CPP_START_NEG_INIT_PCT", LA, "2022-03-31")).isEqualTo("50.0");
        // Of the initial-neglect starts, D had previous plans.
        assertThat(out.value("CPP_START_NEG_REPEAT_PCT", LA, "2022-03-31")).isEqualTo("33.3");
        // A 12-month value needs twelve covered months: none before March 2022 in a single return.
        assertThat(out.value("CPP_START", LA, "2022-02-28")).isNull();
    }

    @Test
    void plansOpenTwoYearsOrMore() {
        // Only E's plan (from 10 Jan 2019) had been open two years at 31 Mar 2022.
        assertThat(out.value("CPP_OPEN_NEG_2YR", LA, "2022-03-31")).isEqualTo("1");
    }

    @Test
    void childInNeedPlansAndNeglectFoundAtAssessment() {
        // H's plan from 1 Jun 2021 and I's (ends on 31 Jan 2022, so not open at it).
        assertThat(out.value("CINP_OPEN", LA, "2021-12-31")).isEqualTo("2");
        assertThat(out.value("CINP_OPEN", LA, "2022-01-31")).isEqualTo("1");
        // H's assessment found neglect, authorised 15 Jul 2021: counted from then, not before.
        assertThat(out.value("CINP_OPEN_NEG", LA, "2021-06-30")).isEqualTo("0");
        assertThat(out.value("CINP_OPEN_NEG", LA, "2021-07-31")).isEqualTo("1");
        assertThat(out.value("CINP_OPEN_NEG_PCT", LA, "2021-12-31")).isEqualTo("50.0");
    }

    @Test
    void episodesByPrimaryNeed() {
        // Open at 31 Mar 2022: A, C, D, E, F, H, I, J; N1: A, C, E, F, H, J.
        assertThat(out.value("CIN_OPEN_N1", LA, "2022-03-31")).isEqualTo("6");
        assertThat(out.value("CIN_OPEN_N1_PCT", LA, "2022-03-31")).isEqualTo("75.0");
    }

    @Test
    void assessmentsCountEpisodesOnceAYear() {
        // H (16A) and J (16A twice, counted once); I recorded only 21, "no factors".
        assertThat(out.value("ASSESS_NEG", LA, "2022-03-31")).isEqualTo("2");
        assertThat(out.value("ASSESS_NEG_PCT", LA, "2022-03-31")).isEqualTo("100.0");
    }

    @Test
    void ratesUseThePopulationOfTheYearBefore() {
        // 4 children / Westminster's mid-2021 population of 30,607, per 10,000 = 1.307
        assertThat(out.value("CPP_OPEN_RATE", LA, "2022-03-31")).isEqualTo("1.3");
        assertThat(out.row("CPP_OPEN_RATE", LA, "2022-03-31", "all").get("denominator")).isEqualTo("30607");
    }

    @Test
    void breakdownsOfChildrenOnAPlanForNeglect() {
        // A (6, male, White), D (1, female, Asian), E (17, male, Black) at 31 Mar 2022.
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31", "age_band=5-9")).isEqualTo("1");
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31", "age_band=1-4")).isEqualTo("1");
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31", "age_band=16+")).isEqualTo("1");
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31", "gender=Male")).isEqualTo("2");
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31", "ethnicity=Asian or Asian British")).isEqualTo("1");
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31", "disability=Not disabled")).isEqualTo("3");
        // Counts of 1 to 5 children are flagged for suppression; the true value is kept.
        assertThat(out.row("CPP_OPEN_NEG_INIT", LA, "2022-03-31", "gender=Male").get("suppressed")).isEqualTo("true");
        // Breakdowns only for 31 March and the run's period, not every month.
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2021-09-30", "gender=Male")).isNull();
    }

    @Test
    void aPartnershipOfOneEqualsItsLa() {
        for (var row : out.rows()) {
            if (row.get("area_code").equals(LA)) {
                assertThat(out.value(row.get("indicator_id"), "p", row.get("period_end"), row.get("breakdown")))
                        .as(row.toString()).isEqualTo(row.get("value"));
            }
        }
    }
}
