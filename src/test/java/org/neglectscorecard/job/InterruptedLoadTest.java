package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.TestApp;
import org.springframework.batch.core.BatchStatus;

/**
 * A file whose loading stopped part-way, with more of it in the database than the committed
 * chunks hold: what an H2 file database was seen to keep of the chunk in flight when its process
 * was killed (KillAndRestartTest, twice: a row or two inside a chunk, stored again on resuming).
 * Here the load is stopped by a real database error in its second chunk, and the database is then
 * left as a kill left it: one row of the failed chunk stored, a rejection and counts for it. Run
 * again, the file is loaded from its first row, and every output is the same as an uninterrupted
 * run's: nothing is stored, counted or rejected twice.
 */
class InterruptedLoadTest {

    @TempDir
    Path dir;

    static final LocalDate PERIOD = LocalDate.of(2025, 3, 31);

    @Test
    void aFileStoppedPartWayIsLoadedAgainFromItsFirstRow() throws Exception {
        Path input = dir.resolve("input");
        // One LA's census tables, of a few thousand rows: more than one chunk of 1,000.
        int children = SampleDataGenerator.generateNational(input.resolve("extract"), 1, 2025, List.of("822"));
        assertThat(children).isGreaterThan(1_100);
        Path job = TestApp.jobFile(dir, "interrupted", "p", List.of("822"));

        try (TestApp app = TestApp.start(dir.resolve("data-whole"))) {
            assertThat(app.run(job, PERIOD, input, dir.resolve("out-whole"), false).ok()).isTrue();
        }

        TestApp first = TestApp.start(dir.resolve("data"));
        try (first) {
            // ChildIdentifiers' row 1100 is in the second chunk: the first is committed, the second fails.
            first.bean(DSLContext.class).execute("ALTER TABLE child ADD CONSTRAINT not_row_1100 CHECK (source_row <> 1100)");
            RunService.RunResult failed = first.run(job, PERIOD, input, dir.resolve("out"), false);
            assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        }
        try (TestApp app = first.again()) {
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM child")).as("the first chunk is stored").isEqualTo(999L);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM child WHERE source_row >= 1001")).isEqualTo(0L);
            // What a kill during the second chunk can leave: a row of it, a note about it, its rows counted.
            dsl.execute("ALTER TABLE child DROP CONSTRAINT not_row_1100");
            dsl.execute("INSERT INTO child (return_id, la_code3, child_key, birth_date, expected_birth_date, gender, source_row) "
                    + "SELECT return_id, la_code3, 'ghost-row-1050', birth_date, expected_birth_date, gender, 1050 FROM child WHERE source_row = 2");
            dsl.execute("INSERT INTO child (return_id, la_code3, child_key, birth_date, expected_birth_date, gender, source_row) "
                    + "SELECT return_id, la_code3, child_key, birth_date, expected_birth_date, gender, source_row FROM child WHERE source_row = 900");
            dsl.execute("INSERT INTO rejection (source_file_id, sheet, row_number, column_name, value_shown, reason, outcome) "
                    + "SELECT source_file_id, 'ChildIdentifiers', 1050, 'GenderCurrent', '7', 'a note from the chunk in flight', 'note' "
                    + "FROM source_file");
            dsl.execute("UPDATE source_file SET rows_read = rows_read + 1000");

            RunService.RunResult resumed = app.run(job, PERIOD, input, dir.resolve("out"), false);
            assertThat(resumed.ok()).as(resumed.message()).isTrue();

            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM (SELECT source_row FROM child GROUP BY return_id, source_row HAVING COUNT(*) > 1)"))
                    .as("no row of the file stored twice").isEqualTo(0L);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM rejection WHERE reason = 'a note from the chunk in flight'")).isEqualTo(0L);
            try (TestApp whole = TestApp.start(dir.resolve("data-whole"))) {
                DSLContext w = whole.bean(DSLContext.class);
                String counts = "SELECT rows_read || '/' || rows_loaded || '/' || rows_rejected || '/' || header_rows FROM source_file";
                assertThat(dsl.fetchValue(counts)).isEqualTo(w.fetchValue(counts));
                assertThat(dsl.fetchValue("SELECT COUNT(*) FROM child")).isEqualTo(w.fetchValue("SELECT COUNT(*) FROM child"));
            }
        }
        for (String file : List.of("indicators.csv", "indicators-published.csv", "rejects.csv")) {
            assertThat(Files.readString(dir.resolve("out/p/2025-03-31/" + file))).as(file)
                    .isEqualTo(Files.readString(dir.resolve("out-whole/p/2025-03-31/" + file)));
        }
    }

    /**
     * A file saved again between the stop and the carrying on (a corrected version under the same
     * name) is not the file the run listed: the run says so and is set aside, and the same command
     * then reads the folder afresh and loads the file as it is now.
     */
    @Test
    void aFileSavedAgainBeforeTheRunCarriesOnIsReadAfresh() throws Exception {
        Path input = dir.resolve("input");
        SampleDataGenerator.generateNational(input.resolve("extract"), 1, 2025, List.of("822"));
        Path job = TestApp.jobFile(dir, "interrupted", "p", List.of("822"));
        TestApp first = TestApp.start(dir.resolve("data"));
        try (first) {
            first.bean(DSLContext.class).execute("ALTER TABLE child ADD CONSTRAINT not_row_1100 CHECK (source_row <> 1100)");
            assertThat(first.run(job, PERIOD, input, dir.resolve("out"), false).status()).isEqualTo(BatchStatus.FAILED);
            first.bean(DSLContext.class).execute("ALTER TABLE child DROP CONSTRAINT not_row_1100");
        }
        // The corrected version: the last child taken out.
        Path identifiers = input.resolve("extract/ChildIdentifiers.csv");
        List<String> lines = Files.readAllLines(identifiers);
        Files.write(identifiers, lines.subList(0, lines.size() - 1));
        Files.setLastModifiedTime(identifiers, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));

        try (TestApp app = first.again()) {
            RunRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(RunRefusedException.class,
                    () -> app.run(job, PERIOD, input, dir.resolve("out"), false));
            assertThat(refused.getMessage()).contains("extract/ (CIN census tables)").contains("saved again")
                    .contains("Run the same command again");

            java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
            app.bean(Progress.class).sendTo(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
            RunService.RunResult afresh = app.run(job, PERIOD, input, dir.resolve("out"), false);
            assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("(attempt 2: the one before stopped without writing a scorecard)")
                    .doesNotContain("re-run");
            assertThat(afresh.ok()).as(afresh.message()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM child c JOIN statutory_return r ON r.return_id = c.return_id "
                    + "JOIN source_file f ON f.source_file_id = r.source_file_id WHERE f.status = 'LOADED'"))
                    .as("the children of the file as it is now").isEqualTo((long) lines.size() - 2);
        }
        // What 'history' says of the two attempts: the first set aside, having written nothing.
        java.io.ByteArrayOutputStream listed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(listed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(org.neglectscorecard.Main.run("history", "--data-dir", dir.resolve("data").toString(), "--job", job.toString()))
                    .isZero();
        } finally {
            System.setOut(console);
        }
        List<String> rows = listed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("2025-03-31")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("completed").contains(dir.resolve("out").toString());
        assertThat(rows.get(1)).contains("set aside").contains("none (the run wrote no outputs)");
    }
}
