package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.TestApp;

/**
 * Every case of the corpus of messy and hostile inputs (src/test/resources/corpus, whose README
 * says what each holds) through the real job: no crash, no silent loss (rows read = loaded +
 * rejected for every file), the message each problem must produce, nothing child-level and no
 * live formula in any output.
 */
class CorpusTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static final LocalDate PERIOD = LocalDate.of(2022, 3, 31);

    @BeforeAll
    static void start() {
        app = TestApp.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsExplainedAndNothingIsLost() throws Exception {
        Path corpus = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> list = Files.list(corpus)) {
            list.filter(Files::isDirectory).sorted().forEach(cases::add);
        }
        cases.add(millionColumns());
        cases.add(pathTricks());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
    }

    private void runCase(Path c) throws Exception {
        String name = c.getFileName().toString();
        Path job = TestApp.jobFile(dir.resolve("jobs"), "corpus-" + name, "p-" + name, List.of("213"));
        Path out = dir.resolve("out");
        var result = app.run(job, PERIOD, c.resolve("input"), out, false);
        assertThat(result.ok()).as(name + ": " + result.message()).isTrue();

        Path folder = out.resolve("p-" + name + "/2022-03-31");
        String rejects = Files.readString(folder.resolve("rejects.csv"));
        String summary = Files.readString(folder.resolve("run-summary.txt"));
        for (String line : Files.readAllLines(c.resolve("expect.txt"))) {
            if (line.startsWith("rejects: ")) {
                assertThat(rejects).as(name + " rejects.csv").contains(line.substring(9));
            } else if (line.startsWith("summary: ")) {
                assertThat(summary).as(name + " run-summary.txt").contains(line.substring(9));
            } else if (line.startsWith("absent: ")) {
                assertThat(allOutputs(folder)).as(name).doesNotContain(line.substring(8));
            } else if (line.startsWith("workbook: ")) {
                String sheet = line.substring(10, line.indexOf(": ", 10));
                assertThat(workbookRows(folder, sheet)).as(name + " workbook sheet " + sheet)
                        .anySatisfy(row -> assertThat(row).contains(line.substring(line.indexOf(": ", 10) + 2)));
            } else if (line.equals("formula-safe")) {
                assertNoLiveFormula(folder);
            }
        }
        // Nothing is lost silently: every file's rows are loaded or rejected.
        DSLContext dsl = app.bean(DSLContext.class);
        dsl.fetch("SELECT s.display_name, s.rows_read, s.rows_loaded, s.rows_rejected FROM source_file s "
                + "JOIN run_input i ON i.source_file_id = s.source_file_id WHERE i.run_id = ?", result.runId())
                .forEach(r -> assertThat(r.get(1, Integer.class)).as(name + " " + r.get(0))
                        .isEqualTo(r.get(2, Integer.class) + r.get(3, Integer.class)));
        // Nothing child-level leaves: identifiers never appear in any output.
        assertThat(allOutputs(folder)).as(name).doesNotContain("SECRET-ID");
    }

    /** A CSV whose header has a million columns: rejected before it can use much memory. */
    private static Path millionColumns() throws IOException {
        Path c = dir.resolve("cases/02-million-columns");
        Path input = c.resolve("input/213");
        Files.createDirectories(input);
        StringBuilder header = new StringBuilder("LAchildID,CINdetailsID,CPPstartDate");
        header.append(",x".repeat(1_000_000)).append('\n');
        Files.writeString(input.resolve("ChildProtectionPlans.csv"), header + "SECRET-ID-1,1,2021-05-10\n");
        Files.writeString(input.resolve("Header.csv"), "Collection,Year,ReferenceDate,LEA\nCIN,2022,2022-03-31,213\n");
        Files.writeString(c.resolve("expect.txt"), "summary: has 1000003 columns in its header row\n");
        return c;
    }

    /** File names that try to climb out of the folder or break lines in reports. */
    private static Path pathTricks() throws IOException {
        Path c = dir.resolve("cases/12-path-tricks");
        Path input = c.resolve("input/213");
        Files.createDirectories(input);
        Files.writeString(input.resolve("..\\..\\ChildIdentifiers.csv"),
                "LAchildID,PersonBirthDate,GenderCurrent\nSECRET-ID-1,2015-01-01,1\n");
        Files.writeString(input.resolve("Header.csv"), "Collection,Year,ReferenceDate,LEA\nCIN,2022,2022-03-31,213\n");
        Files.writeString(input.resolve("ChildProtectionPlans.csv"), "LAchildID,CINdetailsID,CPPstartDate,CPPendDate,"
                + "InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP\nSECRET-ID-1,1,2021-05-10,,NEG,NEG,0\n");
        Files.writeString(input.resolve("name\nwith a new line.xml"), "<Message><Header>\n");
        Files.writeString(c.resolve("expect.txt"), "rejects: name?with a new line.xml\nsummary: name?with a new line.xml\n"
                + "summary: 213/ (CIN census tables)\n");
        return c;
    }

    private static String allOutputs(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.toString().endsWith(".csv") || f.toString().endsWith(".txt")) {
                    all.append(Files.readString(f));
                } else if (f.toString().endsWith(".xlsx")) {
                    try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                        for (Sheet s : wb) {
                            for (Row r : s) {
                                for (Cell cell : r) {
                                    all.append(cell.toString()).append('\n');
                                }
                            }
                        }
                    }
                }
            }
        }
        return all.toString();
    }

    /** Each row of the workbook's sheet, its cells' text joined with " | ". */
    private static List<String> workbookRows(Path folder, String sheet) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Path f = files.filter(p -> p.toString().endsWith(".xlsx")).findFirst()
                    .orElseThrow(() -> new AssertionError("no workbook in " + folder));
            try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet s = wb.getSheet(sheet);
                assertThat(s).as("sheet " + sheet).isNotNull();
                List<String> rows = new java.util.ArrayList<>();
                for (Row r : s) {
                    List<String> cells = new java.util.ArrayList<>();
                    r.forEach(cell -> cells.add(cell.toString()));
                    rows.add(String.join(" | ", cells));
                }
                return rows;
            }
        }
    }

    private static void assertNoLiveFormula(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
                        for (String field : r) {
                            assertThat(field).as(f.getFileName() + " field").doesNotStartWith("=").doesNotStartWith("+")
                                    .doesNotStartWith("@").satisfiesAnyOf(v -> assertThat(v).doesNotStartWith("-"),
                                            v -> assertThat(v).matches("-\\d+(\\.\\d+)?"));
                        }
                    }
                }
            }
            for (Path f : Files.walk(folder).filter(p -> p.toString().endsWith(".xlsx")).toList()) {
                try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                    for (Sheet s : wb) {
                        for (Row r : s) {
                            for (Cell cell : r) {
                                assertThat(cell.getCellType()).as(f.getFileName() + " " + s.getSheetName()).isNotEqualTo(CellType.FORMULA);
                            }
                        }
                    }
                }
            }
        }
    }
}
