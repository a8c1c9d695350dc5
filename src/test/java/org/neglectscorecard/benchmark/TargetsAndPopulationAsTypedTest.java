package org.neglectscorecard.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.indicators.PublishedFiguresTestAccess;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.testing.TestApp;

/**
 * Targets, commentary and population as officers really send them (found by a fresh-eye trial):
 * a percentage typed into Excel is held as 0.4 and shown as 40%, and was judged as 0.4 (a red figure
 * rated green); a percentage typed as a fraction in a CSV likewise; an indicator's title typed in
 * place of its id stopped the whole run ("Value too long"), again at every re-run; "40 %" and "1,000"
 * were rejected; commentary for no indicator and targets without an amber band were said nowhere; a
 * population file of Male and Female rows gave the boys as all the children, doubling every rate.
 */
class TargetsAndPopulationAsTypedTest {

    @TempDir
    static Path dir;
    static String summary;
    static String indicators;
    static List<Targets.Target> targets;

    @BeforeAll
    static void run() throws Exception {
        Path input = dir.resolve("input");
        PublishedFiguresTestAccess.writeWestminster(input);
        Files.createDirectories(input.resolve("partnership"));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("Targets");
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            String[] heads = {"indicator_id", "area_code", "period_end", "target", "amber_tolerance"};
            XSSFRow h = s.createRow(0);
            for (int i = 0; i < heads.length; i++) {
                h.createCell(i).setCellValue(heads[i]);
            }
            XSSFRow r = s.createRow(1);
            r.createCell(0).setCellValue("CPP_OPEN_NEG_INIT_PCT");
            r.createCell(1).setCellValue("Westminster");
            r.createCell(2).setCellValue("2022-03-31");
            r.createCell(3).setCellValue(0.4);
            r.getCell(3).setCellStyle(percent);   // typed as 40%: Excel keeps 0.4
            r.createCell(4).setCellValue(0.05);
            r.getCell(4).setCellStyle(percent);
            try (OutputStream out = Files.newOutputStream(input.resolve("partnership/targets.xlsx"))) {
                wb.write(out);
            }
        }
        Files.writeString(input.resolve("partnership/more-targets.csv"), """
                indicator_id,area_code,period_end,target,amber_tolerance
                CPP_OPEN_NEG_INIT_PCT,213,2021-03-31,0.4,5
                Children on a plan for neglect visited within the local standard,213,2022-03-31,90,5
                "Share of children on a plan, initial category neglect",213,2022-12-31,45,5
                Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect Neglect,213,2022-03-31,90,5
                CPP_OPEN_NEG_INIT_PCT,213,2022-06-30,40 %,
                CPP_OPEN,213,2022-09-30,"1,000",50
                """);
        Files.writeString(input.resolve("partnership/commentary.csv"), """
                indicator_id,period_end,commentary
                CPP_OPEN_NEG_INIT_PCT,2022-03-31,Neglect is the most common initial category.
                PRACTITIONERS CONFIDENT ABOUT NEGLECT,2022-03-31,Up after the spring courses.
                """);
        Files.createDirectories(input.resolve("reference"));
        String head = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
                + "old_la_code,new_la_code,la_name,sex,age_group,population_estimate\n";
        String la = ",Calendar year,Local authority,E92000001,England,E12000007,London,213,E09000033,Westminster,";
        Files.writeString(input.resolve("reference/population-by-sex.csv"), head
                + "2021" + la + "Male,0 to 17,20000\n"
                + "2021" + la + "Female,0 to 17,19000\n"
                + "2021" + la + "Unknown,0 to 17,12\n"
                + "2020" + la + "Total,0 to 17,40100\n"
                + "2020" + la + "Male,0 to 17,20500\n"
                + "2020" + la + "Female,0 to 17,19500\n");
        Path job = TestApp.jobFile(dir.resolve("jobs"), "typed", "inner-west", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            targets = app.bean(Targets.class).targets(r.runId());
        }
        summary = Files.readString(dir.resolve("out/inner-west/2022-03-31/run-summary.txt"));
        indicators = Files.readString(dir.resolve("out/inner-west/2022-03-31/indicators.csv"));
    }

    @Test
    void aPercentageTypedIntoExcelIsItsPercentNotTheFractionExcelKeeps() {
        assertThat(targets).filteredOn(t -> t.periodEnd().equals(LocalDate.of(2022, 3, 31)) && t.indicatorId().equals("CPP_OPEN_NEG_INIT_PCT"))
                .singleElement().satisfies(t -> {
                    assertThat(t.value()).isEqualByComparingTo("40");
                    assertThat(t.amberTolerance()).isEqualByComparingTo("5");
                });
    }

    @Test
    void aPercentageTypedAsAFractionIsNotUsedAndSaid() {
        assertThat(targets).noneMatch(t -> t.periodEnd().equals(LocalDate.of(2021, 3, 31)));
        assertThat(summary).contains("more-targets.csv row 2: the target 0.4 for CPP_OPEN_NEG_INIT_PCT (a percentage) looks like "
                + "40% written as a fraction, so it is not used: write 40 (or 40%) and run again.");
    }

    @Test
    void anIndicatorsTitleInPlaceOfItsIdIsReadAndTextLongerThanAnyIsOneRowRejected() throws Exception {
        assertThat(targets).filteredOn(t -> t.periodEnd().equals(LocalDate.of(2022, 12, 31))).singleElement()
                .satisfies(t -> assertThat(t.indicatorId()).isEqualTo("CPP_OPEN_NEG_INIT_PCT"));
        // 64 characters: the store's 60 for an id stopped the whole run, at every re-run. A title the count and its
        // percentage share is neither's.
        assertThat(targets).noneMatch(t -> t.indicatorId().startsWith("CPP_NEG_VISIT_IN_TIME"));
        assertThat(summary).contains("more-targets.csv row 3: 'CHILDREN ON A PLAN FOR NEGLECT VISITED WITHIN THE LOCAL STANDARD' "
                + "is the title of CPP_NEG_VISIT_IN_TIME and CPP_NEG_VISIT_IN_TIME_PCT, so its target is not used: write the id of "
                + "the one it is for.");
        assertThat(Files.readString(dir.resolve("out/inner-west/2022-03-31/rejects.csv")))
                .contains("is neither an indicator id nor a title (the ids are the first column of indicators.csv");
        assertThat(summary).containsPattern("partnership/more-targets.csv +6 read +5 loaded +1 rejected");
    }

    @Test
    void numbersAsPeopleTypeThemAreRead() {
        assertThat(targets).filteredOn(t -> t.periodEnd().equals(LocalDate.of(2022, 6, 30))).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualByComparingTo("40"));
        assertThat(targets).filteredOn(t -> t.periodEnd().equals(LocalDate.of(2022, 9, 30))).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualByComparingTo(BigDecimal.valueOf(1000)));
    }

    @Test
    void targetsWithoutAnAmberBandAndCommentaryForNoIndicatorAreSaid() {
        assertThat(summary).contains("more-targets.csv: 1 target has no amber tolerance (blank or 0), so its figure is rated "
                + "green or red only, never amber.");
        assertThat(summary).doesNotContain("targets.xlsx: 1 target has no amber tolerance");
        assertThat(summary).contains("commentary.csv row 3: 'PRACTITIONERS CONFIDENT ABOUT NEGLECT' is not an indicator id or "
                + "title, so its commentary is beside no figure");
    }

    @Test
    void aPopulationBySexIsItsTotalOrMaleAndFemaleAdded() throws Exception {
        // The year to March 2022 takes the 2021 estimate: no Total row, so 20,000 boys and 19,000 girls (the Unknown left out).
        assertThat(indicators.lines().filter(l -> l.startsWith("CPP_OPEN_RATE,E09000033,Westminster,2022-03-31,all,")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(",39000,rate_per_10k,false"));
        // The year to March 2021 takes 2020's Total row, not Male and Female added (which would be the same here) nor the largest.
        assertThat(indicators.lines().filter(l -> l.startsWith("CPP_OPEN_RATE,E09000033,Westminster,2021-03-31,all,")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(",40100,rate_per_10k,false"));
        assertThat(summary).doesNotContain("population-by-sex.csv  REJECTED");
        assertThat(rejects()).contains("This file gives children by sex: for each LA and year its Total row is used, or Male and "
                + "Female added together where it has none.");
    }

    private static String rejects() throws java.io.IOException {
        return Files.readString(dir.resolve("out/inner-west/2022-03-31/rejects.csv"));
    }
}
