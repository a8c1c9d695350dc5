package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * A missing column never becomes zeros (issue 11.3): Luton's 2022-23 census tables have no
 * InitialCategoryOfAbuse. The indicators that read it have no value for the months that return
 * serves (and 12-month ones for every month whose year reaches them), as does everything built on
 * them and the partnership's; the months the complete 2021-22 return serves keep theirs, and so do
 * indicators that do not read the column. The run summary says so in its first lines, and the
 * Completeness sheet flags it.
 */
class AbsentColumnIndicatorsTest {

    static final String LUTON = "E06000032";

    @TempDir
    Path dir;

    static ReturnBuilder census(LocalDate reference) {
        var r = new ReturnBuilder("821", reference);
        for (int i = 0; i < 8; i++) {
            int year = reference.getYear();
            r.child(year + "-" + i).episode((year - 1) + "-04-20", null, "N1")
                    .cpp((year - 1) + "-05-0" + (i + 1), null, i < 6 ? "NEG" : "PHY", "NEG", 0).end().done();
        }
        return r;
    }

    @Test
    void indicatorsThatReadAMissingColumnHaveNoValueForTheMonthsItsReturnServes() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeXml(census(LocalDate.of(2022, 3, 31)).build(), input.resolve("821/2021-22.xml"));
        Path tables = input.resolve("821/2022-23");
        CensusReturnWriter.writeCsv(census(LocalDate.of(2023, 3, 31)).build(), tables);
        Path out = runWithout(tables.resolve("ChildProtectionPlans.csv"), 4, "InitialCategoryOfAbuse", input);
        IndicatorsFile values = IndicatorsFile.read(out.resolve("indicators.csv"));

        // The complete return's months keep their values.
        assertThat(values.value("CPP_OPEN_NEG_INIT", LUTON, "2022-03-31")).isEqualTo("6");
        assertThat(values.value("CPP_START_NEG_INIT", LUTON, "2022-03-31")).isEqualTo("6");
        for (String month : List.of("2022-04-30", "2022-09-30", "2023-03-31")) {
            for (String area : List.of(LUTON, "p")) {
                assertThat(values.value("CPP_OPEN_NEG_INIT", area, month)).as(area + " " + month).isNull();
                assertThat(values.value("CPP_OPEN_NEG_INIT_PCT", area, month)).as(area + " " + month).isNull();
                assertThat(values.value("CPP_START_NEG_INIT", area, month)).as(area + " " + month).isNull();
                // Indicators that do not read the initial category are untouched.
                assertThat(values.value("CPP_OPEN", area, month)).as(area + " " + month).isNotNull();
            }
        }
        assertThat(values.value("CPP_OPEN_NEG_LATEST", LUTON, "2023-03-31")).isEqualTo("8");
        assertThat(values.rows()).filteredOn(r -> r.get("indicator_id").startsWith("CPP_OPEN_NEG_INIT"))
                .extracting(r -> r.get("period_end")).as("no month the incomplete return serves").allMatch(m -> m.compareTo("2022-03-31") <= 0);

        List<String> summary = Files.readAllLines(out.resolve("run-summary.txt"));
        String top = String.join("\n", summary.subList(0, 8));
        assertThat(top).contains("SOME FIGURES HAVE NO VALUE").contains("has no InitialCategoryOfAbuse")
                .contains("(CPP_OPEN_NEG_INIT), ").contains("(CPP_OPEN_NEG_INIT_PCT)").contains("Luton")
                .contains("have no value for Luton for April 2022 to March 2023, shown as [x].");
        // Said by title and by what they lack, not as a list of indicator IDs.
        assertThat(String.join("\n", summary)).containsPattern("  - 821/2022-23/[^\n]*has no InitialCategoryOfAbuse, see the top of this summary "
                + "\\(\\d+\\): 'Children on a plan, initial category neglect'")
                .doesNotContain("CPP_OPEN_NEG_INIT: no value");

        List<String> flagged = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(out.resolve("scorecard-p-2023-03-31.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("Completeness");
            for (int i = s.getTables().get(0).getStartRowIndex() + 1; i <= s.getTables().get(0).getEndRowIndex(); i++) {
                String note = s.getRow(i).getCell(5).getStringCellValue();
                assertThat(note).as("every row has a note").isNotBlank();
                if (note.startsWith("Missing")) {
                    flagged.add(s.getRow(i).getCell(1).getStringCellValue() + ": " + note);
                }
                rows.add(s.getRow(i).getCell(0).getStringCellValue() + " | " + s.getRow(i).getCell(1).getStringCellValue() + " | " + note);
            }
        }
        assertThat(flagged).as(String.join("\n", rows)).singleElement().asString()
                .startsWith("ChildProtectionPlans InitialCategoryOfAbuse: Missing: CPP_OPEN_NEG_INIT");
    }

    /**
     * A table of plans without its end-date column (real exports leave it out, or head it so it is
     * not known) would make every plan it lists look open to this day: three of these eight ended.
     * The figures at month ends that read the end date have no value for the months the return
     * serves, never the eight; the complete return before keeps its own, and the summary says why.
     */
    @Test
    void plansWithoutAnEndDateColumnAreNotCountedAsOpen() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeXml(census(LocalDate.of(2022, 3, 31)).build(), input.resolve("821/2021-22.xml"));
        var later = new ReturnBuilder("821", LocalDate.of(2023, 3, 31));
        for (int i = 0; i < 8; i++) {
            later.child("2023-" + i).episode("2022-04-20", null, "N1")
                    .cpp("2022-05-0" + (i + 1), i < 3 ? "2022-10-1" + i : null, "NEG", "NEG", 0).end().done();
        }
        Path tables = input.resolve("821/2022-23");
        CensusReturnWriter.writeCsv(later.build(), tables);
        Path out = runWithout(tables.resolve("ChildProtectionPlans.csv"), 3, "CPPendDate", input);
        IndicatorsFile values = IndicatorsFile.read(out.resolve("indicators.csv"));
        assertThat(values.value("CPP_OPEN", LUTON, "2022-03-31")).isEqualTo("8");
        for (String month : List.of("2022-04-30", "2022-11-30", "2023-03-31")) {
            for (String area : List.of(LUTON, "p")) {
                assertThat(values.value("CPP_OPEN", area, month)).as(area + " " + month).isNull();
            }
        }
        String summary = Files.readString(out.resolve("run-summary.txt"));
        assertThat(summary).contains("SOME FIGURES HAVE NO VALUE").contains("has no CPPendDate")
                .contains("'Children on a child protection plan' (CPP_OPEN)");
        assertThat(Files.readString(out.resolve("rejects.csv")))
                .contains("ChildProtectionPlans.csv has no CPPendDate column: without it every record would look open to this day");
    }

    /**
     * A whole LA's census XML exported without its CINPlanDates blocks (a system that does not map
     * them) said every child was off a CIN plan: 0 for a year, silently. A return of 50 or more
     * episodes always has some, so none at all is the block left out: the CIN plan figures have no
     * value for the months it serves, the earlier complete return keeps its own, and the notes say why.
     */
    @Test
    void aWholeReturnWithoutOneCinPlanHasNoValueForCinPlansNotZero() throws Exception {
        Path input = dir.resolve("input");
        var earlier = new ReturnBuilder("821", LocalDate.of(2022, 3, 31));
        for (int i = 0; i < 8; i++) {
            earlier.child("a" + i).episode("2021-04-20", null, "N1").cinPlan("2021-05-0" + (i + 1), null).end().done();
        }
        CensusReturnWriter.writeXml(earlier.build(), input.resolve("821/2021-22.xml"));
        var later = new ReturnBuilder("821", LocalDate.of(2023, 3, 31));
        for (int i = 0; i < 60; i++) {
            later.child("b" + i).episode("2022-04-20", null, "N1").assessment("2022-04-21", "2022-05-01", "16A")
                    .cpp("2022-06-01", null, "NEG", "NEG", 0).end().done();
        }
        CensusReturnWriter.writeXml(later.build(), input.resolve("821/2022-23.xml"));
        Path job = TestApp.jobFile(dir, "absent", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2023, 3, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        Path out = dir.resolve("out/p/2023-03-31");
        IndicatorsFile values = IndicatorsFile.read(out.resolve("indicators.csv"));
        assertThat(values.value("CINP_OPEN", LUTON, "2022-03-31")).isEqualTo("8");
        for (String month : List.of("2022-04-30", "2022-09-30", "2023-03-31")) {
            assertThat(values.value("CINP_OPEN", LUTON, month)).as(month).isNull();
            assertThat(values.value("CINP_OPEN", "p", month)).as(month).isNull();
            assertThat(values.value("CPP_OPEN", LUTON, month)).as("the plans it does have count: " + month).isNotNull();
        }
        assertThat(values.value("CPP_OPEN", LUTON, "2023-03-31")).isEqualTo("60");
        assertThat(Files.readString(out.resolve("rejects.csv"))).contains("has 60 CINdetails records but not one CINplanDates");
        assertThat(Files.readString(out.resolve("run-summary.txt"))).contains("SOME FIGURES HAVE NO VALUE");
    }

    /** The table's file without one column (checked by its heading), then the period run on the input: its outputs' folder. */
    private Path runWithout(Path table, int column, String heading, Path input) throws Exception {
        List<String> lines = Files.readAllLines(table);
        assertThat(lines.get(0).split(",")[column]).isEqualTo(heading);
        Files.write(table, lines.stream().map(l -> without(l, column)).toList());
        Path job = TestApp.jobFile(dir, "absent", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2023, 3, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        return dir.resolve("out/p/2023-03-31");
    }

    private static String without(String line, int column) {
        String[] cells = line.split(",", -1);
        List<String> kept = new ArrayList<>(List.of(cells));
        kept.remove(column);
        return String.join(",", kept);
    }
}
