package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/** Retention (purge) and the audit log: what a data protection officer asks to see work. */
class PurgeAndAuditTest {

    @TempDir
    Path dir;

    /** A census return for each year to 31 March, each with one child on a plan for neglect since the May before. */
    private Path returnsFor(int... years) throws java.io.IOException {
        Path input = dir.resolve("input");
        for (int year : years) {
            var r = new ReturnBuilder("213", LocalDate.of(year, 3, 31));
            r.child("A" + year).episode((year - 1) + "-05-01", null, "N1").cpp((year - 1) + "-05-10", null, "NEG", "NEG", 0).end().done();
            CensusReturnWriter.writeXml(r.build(), input.resolve(year + ".xml"));
        }
        return input;
    }

    /**
     * A fresh-eye trial: 'purge' deleted children's records the moment it was typed. Typed with no
     * terminal to ask at (a script, a scheduled task, this test), it deletes nothing without --yes,
     * and says what it would have deleted and how to go on.
     */
    @Test
    void purgeDeletesNothingUnlessToldToWhereNoOneCanBeAsked() throws Exception {
        Path input = returnsFor(2015, 2026);
        Path job = TestApp.jobFile(dir, "retained", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out"), false).ok()).isTrue();
        }
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        int refused;
        int done;
        try {
            System.setOut(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
            refused = org.neglectscorecard.Main.run("purge", "--job", job.toString(), "--data-dir", dir.resolve("data").toString());
            said.write("\n---\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            done = org.neglectscorecard.Main.run("purge", "--yes", "--job", job.toString(), "--data-dir", dir.resolve("data").toString());
            said.write("\n---\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            org.neglectscorecard.Main.run("purge", "--dry-run", "--job", job.toString(), "--data-dir", dir.resolve("data").toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String[] console = said.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n---\n");
        assertThat(refused).as(console[0]).isEqualTo(2);
        assertThat(console[0]).contains("purge would delete").contains("from 1 file").contains("Nothing was deleted")
                .contains("--yes").contains("--dry-run").doesNotContain("Deleted");
        assertThat(done).as(console[1]).isZero();
        assertThat(console[1]).contains("Deleted").contains("2015.xml");
        assertThat(console[2]).as("after the purge, nothing listed as if it would go").startsWith("Nothing to delete")
                .doesNotContain("2015.xml");
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM cp_plan")).as("the 2026 return's plan is left").isEqualTo(1L);
            assertThat(app.bean(AuditLog.class).latest(10)).extracting(AuditLog.Entry::event).containsOnlyOnce("PURGE");
        }
    }

    @Test
    void childLevelDataOlderThanTheRetentionPeriodGoesAndStaysGone() throws Exception {
        Path input = returnsFor(2019, 2026);
        Path job = TestApp.jobFile(dir, "retained", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out"), false).ok()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            long values = ((Number) dsl.fetchValue("SELECT COUNT(*) FROM indicator_value")).longValue();

            Purge.Result dry = app.bean(Purge.class).olderThan(LocalDate.of(2020, 1, 1), true);
            assertThat(dry.returns()).isEqualTo(1);
            assertThat(dry.files()).containsExactly("2019.xml");
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM cp_plan")).isEqualTo(2L);

            Purge.Result done = app.bean(Purge.class).olderThan(LocalDate.of(2020, 1, 1), false);
            assertThat(done.rows()).isEqualTo(dry.rows()).isPositive();
            for (String table : Purge.CHILD_LEVEL) {
                assertThat(dsl.fetchValue("SELECT COUNT(*) FROM " + table + " t JOIN statutory_return r ON r.return_id = t.return_id "
                        + "WHERE r.reference_date < DATE '2020-01-01'")).as(table).isEqualTo(0L);
            }
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM cp_plan")).isEqualTo(1L);
            assertThat(((Number) dsl.fetchValue("SELECT COUNT(*) FROM indicator_value")).longValue()).isEqualTo(values);
            app.bean(AuditLog.class).record("PURGE", "retained", LocalDate.of(2020, 1, 1), null, "test purge");

            // The purged file, still in the folder, is not loaded again.
            assertThat(app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out"), true).ok()).isTrue();
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM cp_plan")).isEqualTo(1L);
            assertThat(Files.readString(dir.resolve("out/p/2026-03-31/run-summary.txt")))
                    .contains("2019.xml is older than the retention period and its data was purged");

            List<AuditLog.Entry> log = app.bean(AuditLog.class).latest(10);
            assertThat(log).extracting(AuditLog.Entry::event)
                    .containsExactly("RUN COMPLETED", "RUN STARTED", "PURGE", "RUN COMPLETED", "RUN STARTED");
            AuditLog.Entry completed = log.get(0);
            assertThat(completed.user()).isEqualTo(System.getProperty("user.name"));
            assertThat(completed.details()).contains("read 2026.xml sha256:").contains("wrote indicators.csv sha256:")
                    .containsPattern("wrote charts/ \\(\\d+ files\\)")
                    // The outputs before the inputs: the record is cut at 8,000 characters, and a partnership's inputs filled it.
                    .satisfies(d -> assertThat(d.indexOf("wrote indicators.csv")).isLessThan(d.indexOf("read 2026.xml")))
                    .contains("wrote scorecard-p-2026-03-31.xlsx sha256:");
        }
    }

    @Test
    void aLongRunningLogLosesItsOldRowsAndKeepsTheRest() throws Exception {
        Path input = dir.resolve("input");
        var r = new ReturnBuilder("213", LocalDate.of(2026, 3, 31));
        r.child("A").episode("2025-05-01", null, "N1").end().done();
        CensusReturnWriter.writeXml(r.build(), input.resolve("213/2026.xml"));
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/training.csv"), """
                Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,Course date,Completed,Confidence before,Confidence after,GCP2 licensed
                P1,Trust X,Health,Neglect awareness,Single-agency,2017-05-10,Y,2,4,N
                P2,Trust X,Health,Neglect awareness,Single-agency,2025-05-10,Y,2,4,N
                """);
        Files.writeString(input.resolve("partnership/early-help.csv"), """
                Family reference,Plan start,Plan end,Whole-family plan,Multi-agency,Lead agency,Neglect identified,LA code
                F1,2016-05-01,2017-01-31,Y,Y,Education,Y,213
                F2,2016-06-01,,Y,Y,Health,Y,213
                F3,2025-06-01,2025-12-31,Y,Y,Health,N,213
                """);
        Path job = TestApp.jobFile(dir, "logs", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out"), false).ok()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            LocalDate cutoff = LocalDate.of(2019, 4, 1);

            Purge.Result dry = app.bean(Purge.class).olderThan(cutoff, true);
            assertThat(dry.returns()).isZero();
            assertThat(dry.rows()).isEqualTo(2);   // P1's course, and F1's plan that ended
            assertThat(dry.files()).containsExactly("partnership/early-help.csv (rows dated before the cut-off)",
                    "partnership/training.csv (rows dated before the cut-off)");
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM training_record")).isEqualTo(2L);

            assertThat(app.bean(Purge.class).olderThan(cutoff, false).rows()).isEqualTo(2);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM training_record")).isEqualTo(1L);
            // F2's plan, open since 2016, is still needed; F3 is recent.
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM early_help_plan")).isEqualTo(2L);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM source_file WHERE status = 'PURGED'")).isEqualTo(0L);
            assertThat(app.bean(Purge.class).olderThan(cutoff, true).rows()).isZero();

            // Run again after the purge: the months that would count the deleted rows have no value, not a smaller
            // count of what is left (a trial: 34 neglect audits in 12 months became 22); later months are as before.
            org.neglectscorecard.testing.IndicatorsFile before = org.neglectscorecard.testing.IndicatorsFile.read(
                    dir.resolve("out/p/2026-03-31/indicators.csv"));
            app.bean(AuditLog.class).record("PURGE", "logs", cutoff, null, "deleted 2 child-level rows dated before " + cutoff);
            assertThat(app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out"), true).ok()).isTrue();
            org.neglectscorecard.testing.IndicatorsFile after = org.neglectscorecard.testing.IndicatorsFile.read(
                    dir.resolve("out/p/2026-03-31/indicators.csv"));
            assertThat(before.value("EH_WFMA_OPEN", "E09000033", "2016-12-31")).isNotEmpty();
            assertThat(after.value("EH_WFMA_OPEN", "E09000033", "2016-12-31")).isNullOrEmpty();
            assertThat(after.value("EH_WFMA_OPEN", "E09000033", "2025-11-30"))
                    .isEqualTo(before.value("EH_WFMA_OPEN", "E09000033", "2025-11-30")).isEqualTo("2");
            // Counted over 12 months: P1's course (May 2017) is gone, so no value for a year after the cut-off either.
            assertThat(before.value("TRAIN_NEG", "p", "2018-04-30")).isEqualTo("1");
            assertThat(after.value("TRAIN_NEG", "p", "2018-04-30")).isNull();
            assertThat(after.value("TRAIN_NEG", "p", "2020-02-29")).isNull();
            assertThat(after.value("TRAIN_NEG", "p", "2026-03-31")).isEqualTo(before.value("TRAIN_NEG", "p", "2026-03-31"));
            assertThat(Files.readString(dir.resolve("out/p/2026-03-31/run-summary.txt")))
                    .contains("Child-level rows dated before 1 April 2019 were deleted by purge");
        }
    }
}
