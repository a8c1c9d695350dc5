package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.neglectscorecard.store.schema.Tables.ASSESSMENT;
import static org.neglectscorecard.store.schema.Tables.AUDIT_LOG;
import static org.neglectscorecard.store.schema.Tables.RUN_LOCK;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.store.IndexRebuild;
import org.neglectscorecard.store.SourceFiles;
import org.neglectscorecard.testing.H2Damage;
import org.neglectscorecard.testing.TestApp;

/**
 * A run that takes over from a process that died holding the job's lock makes H2's indexes again
 * before it reads anything (an abrupt stop can leave them out of step with their tables), and
 * records it; while another job's run is going on it is refused instead (that run's writes could
 * break a key while it is dropped, and this one is not to read through indexes out of step), and
 * the next run does it. Another job's run killed is made good the same way by the next run of any job.
 */
class IndexRebuildOnTakeOverTest {

    @TempDir
    Path dir;

    static final LocalDate PERIOD = LocalDate.of(2025, 3, 31);

    @Test
    void aRunTakingOverFromADeadProcessMakesTheIndexesAgainUnlessAnotherJobIsRunning() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Path job = TestApp.jobFile(dir, "monthly", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            IndexRebuild indexes = app.bean(IndexRebuild.class);

            // Another partnership's job running now (this process: alive), and this job's last run killed.
            lock(dsl, "other", ProcessHandle.current().pid());
            lock(dsl, "monthly", deadPid());
            assertThat(runQuietly(app, job, input)).as("refused, saying why")
                    .contains("the job other is running on this database. Run the same command again once it has finished.");
            assertThat(rebuilt(dsl)).as("put off while the other job runs").isZero();
            assertThat(indexes.unfinished()).as("and kept for the next run").isTrue();

            // The other job has finished: the next run (of any job) makes them again first.
            dsl.deleteFrom(RUN_LOCK).where(RUN_LOCK.JOB_NAME.eq("other")).execute();
            runQuietly(app, job, input);
            assertThat(rebuilt(dsl)).isEqualTo(1);
            assertThat(indexes.unfinished()).isFalse();
            assertThat(dsl.fetchValue(AUDIT_LOG.DETAILS, AUDIT_LOG.EVENT.eq("INDEXES REBUILT"))).contains("have not been yet");

            // A run ended as runs end (the lock released) leaves nothing to do: the next run does not rebuild.
            runQuietly(app, job, input);
            assertThat(rebuilt(dsl)).isEqualTo(1);

            // Killed again: the run that takes over rebuilds.
            lock(dsl, "monthly", deadPid());
            runQuietly(app, job, input);
            assertThat(rebuilt(dsl)).isEqualTo(2);
            assertThat(dsl.select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).where(AUDIT_LOG.EVENT.eq("INDEXES REBUILT"))
                    .orderBy(AUDIT_LOG.AUDIT_ID.desc()).limit(1).fetchOne(AUDIT_LOG.DETAILS))
                    .contains("stopped part-way (its process had stopped)").containsPattern("\\d+ indexes made again in [0-9.]+ seconds");

            // Another job's run killed (its lock left by a dead process): this job's next run makes them again, once.
            lock(dsl, "other", deadPid());
            runQuietly(app, job, input);
            assertThat(rebuilt(dsl)).isEqualTo(3);
            assertThat(dsl.fetchCount(RUN_LOCK, RUN_LOCK.JOB_NAME.eq("other"))).as("that lock forgotten, once mended").isZero();
            runQuietly(app, job, input);
            assertThat(rebuilt(dsl)).isEqualTo(3);
        }
    }

    /**
     * The failure CI saw, end to end: a file left loading by a killed run, and an index entry of
     * one of its rows whose row is gone. The run stops where it removes what the killed run stored
     * of the file ("Row not found in primary index"), makes the indexes again, and carries on: its
     * figures are those of a run never interrupted.
     */
    @Test
    void aRunStoppedByAnIndexOutOfStepMakesTheIndexesAgainAndCarriesOn() throws Exception {
        Path input = dir.resolve("census");
        org.neglectscorecard.sample.SampleDataGenerator.generateNational(input.resolve("821"), 0.2, 2025, List.of("821"));
        Path job = TestApp.jobFile(dir, "monthly", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data-census"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(app.run(job, PERIOD, input, dir.resolve("out-whole"), false).ok()).isTrue();
            String whole = Files.readString(dir.resolve("out-whole/p/" + PERIOD + "/indicators.csv"));

            dsl.update(SOURCE_FILE).set(SOURCE_FILE.STATUS, SourceFiles.LOADING).execute();
            long row = dsl.select(DSL.max(ASSESSMENT.ROW_ID)).from(ASSESSMENT).fetchSingle().value1();
            try (Connection c = app.bean(DataSource.class).getConnection()) {
                H2Damage.removeRowBehindItsIndexes(c, "ASSESSMENT", row);
            }

            var again = app.run(job, PERIOD, input, dir.resolve("out-again"), true);

            assertThat(again.ok()).as(again.message()).isTrue();
            assertThat(dsl.select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).where(AUDIT_LOG.EVENT.eq("INDEXES REBUILT")).fetch(AUDIT_LOG.DETAILS))
                    .singleElement().asString().startsWith("The run found an index of the database out of step with its data");
            assertThat(Files.readString(dir.resolve("out-again/p/" + PERIOD + "/indicators.csv"))).isEqualTo(whole);
        }
    }

    private static void lock(DSLContext dsl, String job, long pid) {
        dsl.deleteFrom(RUN_LOCK).where(RUN_LOCK.JOB_NAME.eq(job)).execute();
        dsl.insertInto(RUN_LOCK, RUN_LOCK.JOB_NAME, RUN_LOCK.PERIOD, RUN_LOCK.HOST, RUN_LOCK.PID, RUN_LOCK.STARTED_AT)
                .values(job, PERIOD, RunLock.host(), pid, LocalDateTime.now().withNano(0)).execute();
    }

    /** The process id of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static int rebuilt(DSLContext dsl) {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.EVENT.eq("INDEXES REBUILT"));
    }

    /**
     * An empty input folder: the run's outcome is not this test's business, only what it does first.
     *
     * @return why the run was refused, or null
     */
    private static String runQuietly(TestApp app, Path job, Path input) {
        try {
            app.run(job, PERIOD, input, input.resolveSibling("out"), false);
            return null;
        } catch (RunRefusedException e) {
            return e.getMessage();
        }
    }
}
