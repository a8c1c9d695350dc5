package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.AnnexAWriter;
import org.neglectscorecard.sample.AnnexAWriter.Style;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.TestApp;

/**
 * A column whose values cannot be read on many rows (another system's codes pasted into List 7's
 * categories) left those rows out of the figures that use it: a trial (4 December) saw neglect
 * plans fall from 60 to 52, said only as "58 problems found" at the foot of the run summary, and
 * another saw an LA's plans for neglect published as 0 in every month. It is said with the warnings
 * at the top, per file and column, and where 1 row in 100 or more is unreadable the figures that
 * use the column have no value for the months the return serves; a stray value is left to rejects.csv.
 */
class ValuesLeftOutTest {

    @TempDir
    Path dir;

    @Test
    void manyUnreadableValuesInAColumnAreWarnedOfOneStrayIsNot() throws Exception {
        int changed = annexAWith("E", 12);
        Path job = TestApp.jobFile(dir, "leftout", "bedford", List.of("822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult result = app.run(job, LocalDate.of(2025, 3, 31), dir.resolve("input"), dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        String summary = Files.readString(dir.resolve("out/bedford/2025-03-31/run-summary.txt"));
        assertThat(summary).contains("822/annex-a.xlsx: " + changed + " values of Initial Category of Abuse")
                .contains("in List 7 could not be read, and their rows were loaded without them")
                .contains("the figures that use Initial Category of Abuse have no value for the months the file serves");
        // Counted as blank, the children written in codes of its own would fall out of the figures: withheld instead.
        assertThat(summary).contains("SOME FIGURES HAVE NO VALUE")
                .contains("822/annex-a.xlsx gives Initial Category of Abuse that cannot be read (rejects.csv lists each value)");
        String indicators = Files.readString(dir.resolve("out/bedford/2025-03-31/indicators.csv"));
        assertThat(indicators.lines()).noneMatch(l -> l.startsWith("CPP_OPEN_NEG_INIT,E06000055,Bedford,2025-03-31,all,"))
                .anyMatch(l -> l.startsWith("CPP_OPEN,E06000055,Bedford,2025-03-31,all,"));
        // Before the inputs' list and the figures, with the other warnings.
        assertThat(summary.indexOf("could not be read, and their rows")).isLessThan(summary.indexOf("indicators have a value"));
    }

    @Test
    void oneStrayValueIsLeftToTheRejectsFile() throws Exception {
        annexAWith("E", 1);
        Path job = TestApp.jobFile(dir, "stray", "bedford", List.of("822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2025, 3, 31), dir.resolve("input"), dir.resolve("out"), false).ok()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("out/bedford/2025-03-31/run-summary.txt"))).doesNotContain("could not be read, and");
        assertThat(Files.readString(dir.resolve("out/bedford/2025-03-31/rejects.csv"))).contains("Initial Category of Abuse");
    }

    /** Every value unreadable: the column is there, so the note says so, not "missing or empty"; the figures are [x]. */
    @Test
    void aColumnNoneOfWhoseValuesCanBeReadIsSaidSo() throws Exception {
        int changed = annexAWith("E", Integer.MAX_VALUE);
        Path job = TestApp.jobFile(dir, "none", "bedford", List.of("822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2025, 3, 31), dir.resolve("input"), dir.resolve("out"), false).ok()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("out/bedford/2025-03-31/rejects.csv")))
                .contains("gives Initial Category of Abuse that can be read (" + changed + " values could not be")
                .doesNotContain("Initial Category of Abuse (the column is missing or empty)");
        // The top of the summary too: the column is there, so "has no" would send the user looking for it.
        assertThat(Files.readString(dir.resolve("out/bedford/2025-03-31/run-summary.txt"))).contains("SOME FIGURES HAVE NO VALUE")
                .contains("822/annex-a.xlsx gives Initial Category of Abuse that cannot be read (rejects.csv lists each value)")
                .doesNotContain("has no Initial Category of Abuse");
    }

    /** A wording naming several categories is Multiple, as DfE counts it: said once, so nobody looks for those plans under neglect. */
    @Test
    void aCategoryNamingSeveralIsReadAsMultipleAndSaidOnce() throws Exception {
        int changed = annexAWith("Neglect;Emotional", 5);
        Path job = TestApp.jobFile(dir, "several", "bedford", List.of("822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2025, 3, 31), dir.resolve("input"), dir.resolve("out"), false).ok()).isTrue();
        }
        String rejects = Files.readString(dir.resolve("out/bedford/2025-03-31/rejects.csv"));
        assertThat(changed).isEqualTo(5);
        assertThat(rejects.split("A category naming several is read as Multiple", -1)).hasSize(2);
        assertThat(rejects).doesNotContain("Neglect;Emotional,\"value left out");
    }

    /** Bedford's 2024-25 Annex A in the input, {@code value} in List 7's Initial Category of Abuse on its first rows; how many changed. */
    private int annexAWith(String value, int rows) throws Exception {
        Path file = dir.resolve("input/822/annex-a.xlsx");
        AnnexAWriter.write(SampleDataGenerator.sampleReturn("822", 2025), LocalDate.of(2025, 3, 31), Map.of(), List.of(),
                Style.OFSTED, file);
        return categories(file, value, rows);
    }

    /** Writes {@code value} into List 7's Initial Category of Abuse on its first {@code rows} rows; how many it changed. */
    private static int categories(Path file, String value, int rows) throws Exception {
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        int changed = 0;
        try (wb) {
            Sheet list7 = wb.getSheet("List 7");
            Row header = list7.getRow(0);
            int column = -1;
            for (Cell c : header) {
                if (c.getStringCellValue().strip().equalsIgnoreCase("Initial Category of Abuse")) {
                    column = c.getColumnIndex();
                }
            }
            assertThat(column).as("List 7's Initial Category of Abuse").isNotNegative();
            for (int i = 1; i <= list7.getLastRowNum() && changed < rows; i++) {
                Row row = list7.getRow(i);
                if (row != null && row.getCell(column) != null) {
                    row.getCell(column).setCellValue(value);
                    changed++;
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return changed;
    }
}
