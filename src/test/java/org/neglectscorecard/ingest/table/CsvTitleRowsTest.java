package org.neglectscorecard.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.testing.Validate;

/**
 * A CSV file exported with a report's title, run date or filters above its headings (as
 * case-management systems and Excel write them) is read from its heading row, as the same data in
 * an .xlsx with a title row is: the same rows read, loaded and rejected, each problem on the line
 * of the file it is on. A title with commas or semicolons in it does not decide the separator; a
 * plain file reads as before.
 */
class CsvTitleRowsTest {

    private static final Path TRAINING = Path.of("src/test/resources/fixtures/csv-titles");
    private static final Path CENSUS = Path.of("src/test/resources/fixtures/cin-tables-titled");

    @TempDir
    Path dir;

    /** The fixtures' titled files, and the line of each file the bad date (row P3) is on. */
    @ParameterizedTest
    @CsvSource({"training-plain.csv, 4", "training-title-commas.csv, 5", "training-title-semicolons.csv, 6",
            "training-title-filters.csv, 8"})
    void aTrainingLogUnderATitleIsReadFromItsHeadingRowAndItsProblemIsOnItsOwnLine(String file, int badLine) throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.copy(TRAINING.resolve(file), input.resolve(file));
        InputValidator.Report report = Validate.folder(input);

        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isNull();
            assertThat(f.rowsRead()).isEqualTo(4);
            assertThat(f.rowsLoaded()).isEqualTo(3);
            assertThat(f.rowsRejected()).isEqualTo(1);
        });
        assertThat(report.problems()).filteredOn(p -> !p.outcome().equals("note")).singleElement().satisfies(p -> {
            assertThat(p.rejection().rowNumber()).isEqualTo(badLine);
            assertThat(p.rejection().column()).isEqualTo("Course date");
            assertThat(Files.readAllLines(input.resolve(file), StandardCharsets.ISO_8859_1).get(badLine - 1)).startsWith("P3");
        });
    }

    /**
     * A heading renamed to another column's by mistake ("Confidence after" twice, the first holding
     * the answers from before): reading the first would count them as the answers after training.
     * The file is not read, and the message names the heading, both columns and what to do.
     */
    @Test
    void aColumnTheProgramReadsHeadedTwiceStopsTheFileSayingWhich() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(TRAINING.resolve("training-plain.csv"), StandardCharsets.ISO_8859_1));
        lines.set(0, lines.get(0).replace("Confidence before", "Confidence after"));
        Files.write(input.resolve("training.csv"), lines, StandardCharsets.ISO_8859_1);
        InputValidator.Report report = Validate.folder(input);
        assertThat(report.files()).singleElement().satisfies(f -> assertThat(f.problem())
                .contains("has two columns headed 'Confidence after' (columns H and I)").contains("Give the other its own heading"));
        // A heading the program does not read may come twice.
        lines.set(0, lines.get(0).replace("Confidence after,Confidence after", "Confidence before,Confidence after") + ",Notes,Notes");
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + ",a,b");
        }
        Files.write(input.resolve("training.csv"), lines, StandardCharsets.ISO_8859_1);
        assertThat(Validate.folder(input).files()).singleElement().satisfies(f -> assertThat(f.problem()).isNull());
    }

    /** The same rows in a workbook with a title row (which was read) and in CSV with a title line are read alike. */
    @Test
    void theSameDataAsCsvAndAsAWorkbookWithATitleReadTheSame() throws Exception {
        Path csv = dir.resolve("csv");
        Files.createDirectories(csv);
        Files.copy(TRAINING.resolve("training-title-commas.csv"), csv.resolve("training.csv"));
        Path xlsx = dir.resolve("xlsx");
        Files.createDirectories(xlsx);
        List<String> lines = Files.readAllLines(TRAINING.resolve("training-plain.csv"));
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx.resolve("training.xlsx"))) {
            XSSFSheet sheet = wb.createSheet("Training");
            sheet.createRow(0).createCell(0).setCellValue("Neglect training \u2013 LMS export 05/04/2026");
            for (int i = 0; i < lines.size(); i++) {
                String[] values = lines.get(i).split(",", -1);
                var row = sheet.createRow(i + 1);
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
            wb.write(out);
        }
        InputValidator.FileReport fromCsv = Validate.folder(csv).files().get(0);
        InputValidator.FileReport fromXlsx = Validate.folder(xlsx).files().get(0);
        assertThat(fromCsv.format()).isEqualTo(fromXlsx.format()).isEqualTo(InputScanner.Format.AGENCY);
        assertThat(List.of(fromCsv.rowsRead(), fromCsv.rowsLoaded(), fromCsv.rowsRejected()))
                .isEqualTo(List.of(fromXlsx.rowsRead(), fromXlsx.rowsLoaded(), fromXlsx.rowsRejected()))
                .isEqualTo(List.of(4L, 3L, 1L));
        assertThat(rows(Validate.folder(csv))).isEqualTo(rows(Validate.folder(xlsx))).containsExactly(5);
    }

    /** A census's tables each under a title (a blank line, a filter line) load the rows they load without it. */
    @Test
    void aCensusTableSetWithTitlesReadsAsWithout() throws Exception {
        Path titled = dir.resolve("titled/2022-23");
        Path plain = dir.resolve("plain/2022-23");
        Files.createDirectories(titled);
        Files.createDirectories(plain);
        Map<String, Integer> titleLines = new java.util.TreeMap<>();
        try (var files = Files.list(CENSUS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                String name = f.getFileName().toString();
                Files.copy(f, titled.resolve(name));
                List<String> lines = Files.readAllLines(f);
                int heading = 0;
                while (!lines.get(heading).startsWith("LAchildID") && !lines.get(heading).startsWith("Collection")) {
                    heading++;
                }
                titleLines.put(name, heading);
                Files.write(plain.resolve(name), lines.subList(heading, lines.size()));
            }
        }
        assertThat(titleLines).containsEntry("ChildProtectionPlans.csv", 2).containsEntry("Header.csv", 2);

        InputValidator.Report fromTitled = Validate.folder(titled.getParent());
        InputValidator.Report fromPlain = Validate.folder(plain.getParent());
        assertThat(fromTitled.files()).singleElement().satisfies(f -> {
            assertThat(f.format()).isEqualTo(InputScanner.Format.CIN_CENSUS_TABLES);
            assertThat(f.rowsLoaded()).isPositive();
            InputValidator.FileReport p = fromPlain.files().get(0);
            assertThat(List.of(f.rowsRead(), f.rowsLoaded(), f.rowsRejected())).isEqualTo(List.of(p.rowsRead(), p.rowsLoaded(),
                    p.rowsRejected()));
            assertThat(f.rowsRejected()).isEqualTo(1);
        });
        // Each problem is the plain file's, on its line moved down by the title lines above the headings.
        List<String> titledProblems = fromTitled.problems().stream().map(p -> where(p, 0)).toList();
        List<String> plainProblems = fromPlain.problems().stream()
                .map(p -> where(p, p.rejection().sheet() == null ? 0
                        : titleLines.getOrDefault(p.rejection().sheet().substring(p.rejection().sheet().lastIndexOf('/') + 1), 0)))
                .toList();
        assertThat(titledProblems).isNotEmpty().isEqualTo(plainProblems);
        assertThat(titledProblems).anySatisfy(p -> assertThat(p).startsWith("2022-23/ChildProtectionPlans.csv 5 CPPstartDate"));
    }

    private static String where(InputValidator.Problem p, int moved) {
        Integer row = p.rejection().rowNumber() == null ? null : p.rejection().rowNumber() + moved;
        return p.rejection().sheet() + " " + row + " " + p.rejection().column() + " " + p.outcome() + " " + p.rejection().reason();
    }

    private static List<Integer> rows(InputValidator.Report report) {
        return report.problems().stream().filter(p -> !p.outcome().equals("note")).map(p -> p.rejection().rowNumber())
                .collect(Collectors.toList());
    }

    /** A file that is no table: said as before, naming its headings, not its title. */
    @Test
    void aTitledFileNoKindKnowsIsStillNotUsedAndNamesItsHeadings() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.writeString(input.resolve("other.csv"), "Report: caseload\nWorker,Team,Cases open,Cases closed\nW1,North,12,3\n");
        assertThat(Validate.folder(input).files()).singleElement().satisfies(f -> {
            assertThat(f.format()).isEqualTo(InputScanner.Format.NOT_RECOGNISED);
            assertThat(f.problem()).contains("not a table this program reads").contains("'Worker', 'Team'")
                    .doesNotContain("Report: caseload");
        });
    }

    /** A misspelt heading under a title that splits into several cells is still found, and named. */
    @Test
    void aMisspeltHeadingUnderATitleWithCommasIsNamedNotPassedOver() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        List<String> lines = new ArrayList<>(Files.readAllLines(TRAINING.resolve("training-plain.csv")));
        lines.set(0, lines.get(0).replace("Course date", "Course dat"));
        lines.add(0, "Training, all agencies, all courses, run 05/04/2026");
        Files.write(input.resolve("training.csv"), lines);
        InputValidator.Report report = Validate.folder(input);
        assertThat(report.files()).singleElement().satisfies(f -> assertThat(f.format()).isNotEqualTo(InputScanner.Format.NOT_RECOGNISED));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.rejection().reason()).contains("'Course dat'"));
    }

    @Test
    void rowNumbersAreTheFilesLinesUnderATitle() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "Title, with commas, and more\n\nA,B,C\n1,2,3\n\n4,5,6\n");
        try (CsvTableReader r = new CsvTableReader(file, "t", StandardCharsets.UTF_8, n -> { }, null, HeaderChoice.atRow(3))) {
            assertThat(r.header().names()).containsExactly("A", "B", "C");
            assertThat(r.headerRow()).isEqualTo(3);
            assertThat(r.next()).containsExactly("1", "2", "3");
            assertThat(r.rowNumber()).isEqualTo(4);
            assertThat(r.next()).containsExactly("4", "5", "6");
            assertThat(r.rowNumber()).isEqualTo(6);
            assertThat(r.next()).isNull();
        }
        // A plain file: headings on the first line, as always.
        Files.writeString(file, "A,B,C\n1,2,3\n");
        try (CsvTableReader r = new CsvTableReader(file, "t", StandardCharsets.UTF_8)) {
            assertThat(r.header().names()).containsExactly("A", "B", "C");
            assertThat(r.next()).containsExactly("1", "2", "3");
            assertThat(r.rowNumber()).isEqualTo(2);
        }
    }

    /**
     * Excel set to a European language saves "CSV" with semicolons and decimal commas: there "35,6" is
     * 35.6 and "12,345" is 12.345 (never twelve thousand), where a comma-separated file's quoted "12,345"
     * is Excel's thousands and is left for the number's reader.
     */
    @Test
    void aSemicolonFilesDecimalCommasAreDecimals() throws Exception {
        Path file = dir.resolve("eu.csv");
        Files.writeString(file, "la_name;rate;number;note\nLuton;35,6;12,345;1, 2 or 3\nBedford;-0,5;64390;\n");
        try (CsvTableReader r = new CsvTableReader(file, "t", StandardCharsets.UTF_8)) {
            assertThat(r.next()).containsExactly("Luton", "35.6", "12.345", "1, 2 or 3");
            assertThat(r.next()).containsExactly("Bedford", "-0.5", "64390", "");
        }
        Files.writeString(file, "la_name,rate,number\nLuton,35.6,\"12,345\"\n");
        try (CsvTableReader r = new CsvTableReader(file, "t", StandardCharsets.UTF_8)) {
            assertThat(r.next()).containsExactly("Luton", "35.6", "12,345");
        }
    }

    /** The separator a file's start gives, "|" standing for a line end. */
    @ParameterizedTest
    @CsvSource(delimiter = '!', value = {
            // Plain files: the heading row's, as before (a stray comma in a heading does not win).
            "A,B,C|1,2,3|4,5,6 ! ,",
            "A;B;C|1;2;3 ! ;",
            "A\tB\tC|1\t2,5\t3 ! TAB",
            "A;Of which, with x;B|1;2;3 ! ;",
            "A;B ! ;",
            "only one column|1 ! ,",
            // A title above the headings: the lines under it decide.
            "Training, all agencies, 2025|A;B;C|1;2;3|4;5;6 ! ;",
            "Training, all agencies, 2025||A;B;C|1;2;3 ! ;",
            "Report; filters: LA 821; open cases|A,B,C|1,2,3 ! ,",
            "Report: CIN Census 2024-25 extract - run 05/04/2025 09:14|A,B,C|1,2,3 ! ,",
            "Report: CIN Census 2024-25|A\tB\tC|1\t2\t3 ! TAB",
            "Title;;;;|A;B;C;D;E|1;2;3;4;5 ! ;",
            "Title,,,,|A,B,C,D,E|1,2,3,4,5 ! ,",
            // A quote in a title is text; one that opens a value is a value's.
            "Report: 5\" of files, run 1|A;B;C|1;\"x;y\";3|4;5;6 ! ;",
            // A title whose comma count matches the rows' stray commas: the headings' separator still wins.
            "Run 1, 2025|A;B;C|Smith, J;2;3|Jones, K;5;6 ! ;",
            "sep=;|A,B;C|1,5;2 ! ;"})
    void theSeparatorIsTheOneTheLinesAgreeOn(String start, String expected) throws Exception {
        char sep = CsvTableReader.separator(new BufferedReader(new StringReader(start.replace("|", "\r\n").replace("\\t", "\t"))));
        assertThat(sep).isEqualTo(expected.equals("TAB") ? '\t' : expected.charAt(0));
    }

    /** The look-ahead is bounded: a title over a heading row far down is not searched for forever. */
    @ParameterizedTest
    @ValueSource(ints = {HeaderChoice.LOOK_AHEAD + 1, HeaderChoice.LOOK_AHEAD + 5})
    void headingsBelowTheLookAheadAreNotFound(int titleLines) throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < titleLines; i++) {
            s.append("Note ").append(i).append('\n');
        }
        s.append(Files.readString(TRAINING.resolve("training-plain.csv")));
        Files.writeString(input.resolve("training.csv"), s);
        assertThat(Validate.folder(input).files()).singleElement()
                .satisfies(f -> assertThat(f.format()).isEqualTo(InputScanner.Format.NOT_RECOGNISED));
    }
}
