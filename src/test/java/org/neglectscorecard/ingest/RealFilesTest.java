package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.TestApp;
import org.neglectscorecard.testing.ValidatorTables;

/**
 * Returns written by other people's tools, not by our own generator (src/test/resources/real-formats/,
 * each folder's README names the repository and path): they load without a valid row rejected, and
 * the figures are the ones counted by hand from the file.
 */
class RealFilesTest {

    private static final Path REAL = Path.of("src/test/resources/real-formats");

    @TempDir
    Path dir;

    /**
     * Data to Insight's SSDA903 validator test data writes DEC as a spreadsheet's short date
     * (24/04/17) beside DECOM as dd/mm/yyyy. Counted by hand: in the year to 31 March 2017 three
     * children started to be looked after (RNE S, short breaks V3/V4 left out), two of them for
     * abuse or neglect (839646 and 408489); their episodes all have a two-digit-year DEC.
     */
    @Test
    void dataToInsightsSsda903TestDataWithTwoDigitYearEndDates() throws Exception {
        Path input = dir.resolve("input");
        copy(REAL.resolve("csc-validator-be-903"), input.resolve("821/903"));
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                name: d2i-903
                partnership:
                  id: p
                  name: Test partnership
                  members: [821]
                files:
                  - path: 821/903
                    full-history: true
                """);
        IndicatorsFile out = run(job, LocalDate.of(2018, 3, 31), input);
        String rejects = Files.readString(dir.resolve("out/p/2018-03-31/rejects.csv"));
        assertThat(rejects).doesNotContain("row rejected").doesNotContain(",DEC,");
        assertThat(out.value("CLA_START", "E06000032", "2017-03-31")).isEqualTo("3");
        assertThat(out.value("CLA_START_N1", "E06000032", "2017-03-31")).isEqualTo("2");
        assertThat(out.value("CLA_START", "E06000032", "2018-03-31")).isEqualTo("3");
        assertThat(out.value("CLA_START_N1", "E06000032", "2018-03-31")).isEqualTo("0");
    }

    /**
     * The SSDA903 return as XML (root EXPSSDA903), as Social Finance's data synthesizer writes it
     * for DfE's schema. Counted by hand, starts (RNE S, short breaks V3/V4 left out): four in the
     * year to 31 March 2016, two in 2016-17 (350989, 236081), two in 2017-18 (446826, 46798; 833157's
     * is a short break).
     */
    @Test
    void anSsda903ReturnAsXml() throws Exception {
        Path input = dir.resolve("input");
        copy(REAL.resolve("csc-data-synthesizer"), input.resolve("822"));
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                name: xml-903
                partnership:
                  id: p
                  name: Test partnership
                  members: [822]
                files:
                  - path: 822/generated_903.xml
                    full-history: true
                """);
        IndicatorsFile out = run(job, LocalDate.of(2018, 3, 31), input);
        String summary = Files.readString(dir.resolve("out/p/2018-03-31/run-summary.txt"));
        assertThat(summary).contains("822/generated_903.xml").contains("53 read").contains("53 loaded");
        assertThat(Files.readString(dir.resolve("out/p/2018-03-31/rejects.csv"))).doesNotContain("row rejected");
        assertThat(out.value("CLA_START", "E06000055", "2016-03-31")).isEqualTo("4");
        assertThat(out.value("CLA_START", "E06000055", "2017-03-31")).isEqualTo("2");
        assertThat(out.value("CLA_START", "E06000055", "2018-03-31")).isEqualTo("2");
        assertThat(out.value("CLA_START_N1", "E06000055", "2018-03-31")).isEqualTo("0");
    }

    /**
     * liia-tools' merged episodes name each row's LA in an LA column, by name. Counted by hand:
     * starts in the year to 31 March 2018 were two in Barking and Dagenham (both N1).
     */
    @Test
    void liiaToolsMergedEpisodesNameTheirLas() throws Exception {
        Path input = dir.resolve("input");
        copy(REAL.resolve("liia-tools-ssda903-merged"), input.resolve("london"));
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                name: liia-903
                partnership:
                  id: p
                  name: Test partnership
                  members: [301, 316, 319]
                files:
                  - path: london
                    full-history: true
                """);
        IndicatorsFile out = run(job, LocalDate.of(2022, 10, 31), input);
        String rejects = Files.readString(dir.resolve("out/p/2022-10-31/rejects.csv"));
        assertThat(rejects).doesNotContain("row rejected");
        assertThat(out.value("CLA_START", "E09000002", "2018-03-31")).isEqualTo("2");
        assertThat(out.value("CLA_START_N1", "E09000002", "2018-03-31")).isEqualTo("2");
        // RULE3_BAD started twice in September 2016: one child, counted once.
        assertThat(out.value("CLA_START", "E09000002", "2017-03-31")).isEqualTo("1");
        // Newham's and Sutton's rows are theirs (their data starts too late for a 12-month figure).
        String summary = Files.readString(dir.resolve("out/p/2022-10-31/run-summary.txt"));
        assertThat(summary).contains("21 loaded").contains("as at 2018-03-31").contains("2023-03-31");
    }

    /**
     * Data to Insight's CIN validator turns the census XML into tables its own way (a pandas index
     * column first; ChildCharacteristics with the ethnicity only and a Disabilities table of one
     * code a row; each assessment once per factor; a Reviews table): the same children give the
     * same figures as the XML, breakdowns by disability included, and no table is "not used".
     */
    @Test
    void theCinValidatorsTablesGiveTheFiguresOfTheXml() throws Exception {
        CensusReturn census = SampleDataGenerator.sampleReturn("821", 2026);
        Path xml = CensusReturnWriter.writeXml(census, dir.resolve("xml/821/census.xml"));
        ValidatorTables.write(xml, dir.resolve("validator/821/cin"));
        assertThat(Files.readString(dir.resolve("validator/821/cin/Disabilities.csv"))).startsWith(",LAchildID,Disability\n0,");
        Path job = TestApp.jobFile(dir, "cin-forms", "p", List.of("821"));
        LocalDate period = LocalDate.of(2026, 3, 31);
        String fromXml = Files.readString(runIn(job, period, "xml").resolve("indicators.csv"));
        Path validator = runIn(job, period, "validator");
        assertThat(fromXml).contains("disability=Disabled");
        assertThat(Files.readString(validator.resolve("indicators.csv"))).isEqualTo(fromXml);
        assertThat(Files.readString(validator.resolve("run-summary.txt"))).doesNotContain("not used");
    }

    /**
     * An LA's Annex A export with Ofsted's headings and the values LAs really write (wordings from
     * liia-tools-pipeline's Annex_A_schema.yml, collected from LAs' returns). Counted by hand at
     * 31 March 2024: four children on a plan whose latest category is neglect (A to D: "Likelihood
     * of Neglect", "YNNN", "NEGLECT", "a) Neglect"; E is physical, F "Emotional Neglect" is
     * multiple), two of them seen alone (A "Child seen alone", B "Seen alone"; C was not, D's answer
     * is "c) Unknown"): 50%. Three of four open CIN episodes are for abuse or neglect; two of
     * three children who started to be looked after.
     */
    @Test
    void anLaExportWithTheWordingsLasUse() throws Exception {
        Path book = dir.resolve("input/822/annex-a.xlsx");
        Files.createDirectories(book.getParent());
        List<String> common = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Does the Child have a Disability");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            sheet(wb, "List 6", common, List.of("CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
                    "CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker"), new String[][] {
                    {"L6-1", "a) Male", "White - British [WBRI]", "01/02/2015", "9", "NONE", "01/06/2023", "N1a - Domestic Violence",
                            "20/03/2024", "", "", "c) Child in need plan", "Team 1", "W1"},
                    {"L6-2", "b) Female", "A1 - White British", "03/04/2012", "11", "AUT", "01/07/2023", "CIN - N1 Abuse Neglect",
                            "20/03/2024", "", "", "c) Child in need plan", "Team 1", "W1"},
                    {"L6-3", "c) Not stated/recorded (or unborn)", "Information not yet obtained", "05/05/2020", "3", "c) Unknown",
                            "01/08/2023", "Abuse or Neglect: Neglect", "20/03/2024", "", "", "b) Child Protection plan", "Team 2", "W2"},
                    {"L6-4", "1 - Male", "Black or Black British - Caribbean", "06/06/2016", "7", "0 - No", "01/09/2023",
                            "N4 - Family in acute stress", "20/03/2024", "", "", "c) Child in need plan", "Team 2", "W2"}});
            sheet(wb, "List 7", common, List.of("Child Protection Plan Start Date", "Initial Category of Abuse",
                    "Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                    "Date of latest review conference", "Child Protection Plan End Date",
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"), new String[][] {
                    plan("A", "Neglect Only", "Likelihood of Neglect", "Child seen alone"),
                    plan("B", "YNNN", "YNNN", "Seen alone"),
                    plan("C", "NEGLECT", "NEGLECT", "Child not seen alone"),
                    plan("D", "a) Neglect", "a) Neglect", "c) Unknown"),
                    plan("E", "Physical injury", "Physical injury", "Seen"),
                    plan("F", "Emotional Neglect", "Emotional Neglect", "Yes")});
            sheet(wb, "List 8", common, List.of("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
                    "Date Started to be Looked After", "Child's Category of Need", "Child's Legal Status",
                    "Date Ceased to be Looked After"), new String[][] {
                    {"L8-1", "Male", "WBRI - White British", "01/01/2010", "14", "No", "b) No", "01/05/2023", "N1 (Abuse or Neglect)",
                            "C2: FCO", ""},
                    {"L8-2", "Female", "White British", "01/01/2011", "13", "No", "b) No", "01/06/2023", "N1SD : Neglect",
                            "V2: Single period under S20", ""},
                    {"L8-3", "Female", "White British", "01/01/2012", "12", "No", "b) No", "01/07/2023", "N2 (Disability)",
                            "C1: ICO", ""}});
            try (var out = Files.newOutputStream(book)) {
                wb.write(out);
            }
        }
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                name: annex-a-wordings
                partnership:
                  id: p
                  name: Test partnership
                  members: [822]
                files:
                  - path: 822/annex-a.xlsx
                    as-at: 2024-03-31
                """);
        IndicatorsFile out = run(job, LocalDate.of(2024, 3, 31), dir.resolve("input"));
        String rejects = Files.readString(dir.resolve("out/p/2024-03-31/rejects.csv"));
        assertThat(rejects).doesNotContain("value left out").doesNotContain("row rejected");
        assertThat(out.value("CPP_OPEN_NEG_LATEST", "E06000055", "2024-03-31")).isEqualTo("4");
        assertThat(out.value("CPP_NEG_SEEN_ALONE_PCT", "E06000055", "2024-03-31")).isEqualTo("50.0");
        assertThat(out.value("CIN_OPEN_N1", "E06000055", "2024-03-31")).isEqualTo("3");
        // Children who started to be looked after in the year: List 8 reaches back six months, so no figure.
        assertThat(out.value("CLA_START_N1", "E06000055", "2024-03-31")).isNull();
        assertThat(out.value("CPP_OPEN", "E06000055", "2024-03-31", "disability=Not known")).isNull();
    }

    private static String[] plan(String id, String initial, String latest, String seenAlone) {
        return new String[] {id, "b) Female", "a) WBRI", "01/01/2015", "9", "b) No", "01/10/2023", initial, latest, "15/03/2024",
                seenAlone, "01/01/2024", "", "b) No", "0", "Team 3", "W3"};
    }

    private static void sheet(org.apache.poi.ss.usermodel.Workbook wb, String name, List<String> common, List<String> own,
                              String[][] rows) {
        org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet(name);
        org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
        List<String> headings = new java.util.ArrayList<>(common);
        headings.addAll(own);
        for (int i = 0; i < headings.size(); i++) {
            head.createCell(i).setCellValue(headings.get(i));
        }
        for (int r = 0; r < rows.length; r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
    }

    private Path runIn(Path job, LocalDate period, String form) {
        try (TestApp app = TestApp.start(dir.resolve("data-" + form))) {
            RunService.RunResult r = app.run(job, period, dir.resolve(form), dir.resolve("out-" + form), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        return dir.resolve("out-" + form + "/p/" + period);
    }

    private IndicatorsFile run(Path job, LocalDate period, Path input) throws IOException {
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, period, input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        return IndicatorsFile.read(dir.resolve("out/p/" + period + "/indicators.csv"));
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
