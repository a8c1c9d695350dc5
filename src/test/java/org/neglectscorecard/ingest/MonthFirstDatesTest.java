package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.testing.TestApp;
import org.neglectscorecard.testing.Validate;

/**
 * A partner's export with its dates written month first (US style, 04/13/2025): the rows whose day
 * is 13 or more cannot be read day first, and the others would be read with day and month swapped,
 * so the file is rejected whole, saying why, and nothing from it is counted. One mistyped date in a
 * day-first file is only that row's problem.
 */
class MonthFirstDatesTest {

    private static final String HEADINGS = "Family reference,Plan start,Plan end,Whole-family plan,Multi-agency,Lead agency,"
            + "Neglect identified,LA code";

    @TempDir
    Path dir;

    @Test
    void aFileOfMonthFirstDatesIsRejectedWholeAndOneTypoIsARow() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("821"));
        Files.createDirectories(input.resolve("822"));
        List<String> us = new ArrayList<>(List.of(HEADINGS));
        List<String> uk = new ArrayList<>(List.of(HEADINGS));
        for (int i = 1; i <= 20; i++) {
            LocalDate start = LocalDate.of(2025, 1 + i % 12, 1 + (i * 7) % 28);
            us.add("F" + i + "," + String.format("%02d/%02d/%d", start.getMonthValue(), start.getDayOfMonth(), start.getYear())
                    + ",,Y,Y,Education,Y,");
            uk.add("G" + i + "," + String.format("%02d/%02d/%d", start.getDayOfMonth(), start.getMonthValue(), start.getYear())
                    + ",,Y,Y,Education,Y,");
        }
        uk.set(5, "G5,04/13/2025,,Y,Y,Education,Y,");   // one typo, month first
        Files.write(input.resolve("821/early-help.csv"), us);
        Files.write(input.resolve("822/early-help.csv"), uk);

        InputValidator.Report report = Validate.folder(input);
        assertThat(report.files()).filteredOn(f -> f.displayName().equals("821/early-help.csv")).singleElement()
                .satisfies(f -> {
                    assertThat(f.rowsLoaded()).isZero();
                    assertThat(f.problem()).contains("written month first (US style)").contains("dd/mm/yyyy");
                });
        assertThat(report.files()).filteredOn(f -> f.displayName().equals("822/early-help.csv")).singleElement()
                .satisfies(f -> assertThat(f.rowsLoaded()).isEqualTo(19));

        // Pasted together: the 19 day-first rows, then 6 appended from a month-first export, 3 of which
        // read only month first and 3 of which (day 12 or less) would read swapped. And a short export
        // with 2 of its 4 dates reading only month first. Both rejected whole: no date in them is safe.
        Path mixedFolder = dir.resolve("mixed/823");
        Files.createDirectories(mixedFolder);
        List<String> mixed = new ArrayList<>(uk.subList(0, 5));
        mixed.addAll(uk.subList(6, uk.size()));
        mixed.addAll(List.of("H1,12/25/2025,,Y,Y,Education,Y,", "H2,11/13/2025,,Y,Y,Education,Y,", "H3,10/30/2025,,Y,Y,Education,Y,",
                "H4,12/10/2025,,Y,Y,Education,Y,", "H5,03/07/2025,,Y,Y,Education,Y,", "H6,01/02/2025,,Y,Y,Education,Y,"));
        Files.write(mixedFolder.resolve("early-help-pasted.csv"), mixed);
        Files.write(mixedFolder.resolve("early-help-short.csv"), List.of(HEADINGS, "J1,04/13/2025,,Y,Y,Education,Y,",
                "J2,12/10/2025,,Y,Y,Education,Y,", "J3,09/28/2025,,Y,Y,Education,Y,", "J4,03/07/2025,,Y,Y,Education,Y,"));
        InputValidator.Report pasted = Validate.folder(dir.resolve("mixed"));
        assertThat(pasted.files()).hasSize(2).allSatisfy(f -> {
            assertThat(f.rowsLoaded()).as(f.displayName()).isZero();
            assertThat(f.problem()).as(f.displayName()).contains("written month first (US style), all or some of them")
                    .contains("could be read with day and month swapped");
        });

        Path job = TestApp.jobFile(dir.resolve("jobs"), "eh", "p", List.of("821", "822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2025, 12, 31), input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetchValue("SELECT status FROM source_file WHERE display_name = '821/early-help.csv'")).isEqualTo("REJECTED");
            // Counted in the store: nothing of the month-first file, all but the typo of the other.
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM early_help_plan e JOIN statutory_return s ON s.return_id = e.return_id "
                    + "JOIN source_file f ON f.source_file_id = s.source_file_id WHERE f.display_name = '821/early-help.csv'",
                    Long.class)).isEqualTo(0L);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM early_help_plan e JOIN statutory_return s ON s.return_id = e.return_id "
                    + "JOIN source_file f ON f.source_file_id = s.source_file_id WHERE f.display_name = '822/early-help.csv'",
                    Long.class)).isEqualTo(19L);
        }
        String rejects = Files.readString(dir.resolve("out/p/2025-12-31/rejects.csv"));
        assertThat(rejects).contains("821/early-help.csv").contains("written month first (US style)")
                .contains("month first (US style) it would be 13 April 2025");
    }
}
