package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.indicators.IndicatorEngine;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.TestApp;

/**
 * The indicators' scratch tables on H2: a run keeps its rows in them until it has computed every
 * indicator and then empties the tables at once (TRUNCATE), far quicker than deleting the rows;
 * but it never takes the rows of another run that is still computing with them.
 */
class ScratchTablesTest {

    private static final List<String> SCRATCH = IndicatorEngine.WORK_TABLES;
    private static final LocalDate PERIOD = LocalDate.of(2026, 3, 31);

    @TempDir
    Path dir;

    @Test
    void aRunEmptiesTheScratchTablesOnceDone() throws Exception {
        Path input = census();
        Path job = job();
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            // What a run killed after computing left behind (committed, no longer read by anyone): emptied with the rest.
            dsl.execute(scratchRow(-7, 4));
            RunService.RunResult r = app.run(job, PERIOD, input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            assertThat(count(dsl, "SELECT COUNT(*) FROM indicator_value WHERE figure IS NOT NULL")).isPositive();
            for (String table : SCRATCH) {
                assertThat(count(dsl, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
        }
    }

    @Test
    void anotherRunStillComputingKeepsItsRowsAndTheFiguresAreTheSame() throws Exception {
        Path input = census();
        Path job = job();
        try (TestApp app = TestApp.start(dir.resolve("data-alone"))) {
            assertThat(app.run(job, PERIOD, input, dir.resolve("out-alone"), false).ok()).isTrue();
        }
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            runWhileAnotherRunHoldsARow(app, job, input, -8);
            assertThat(count(dsl, "SELECT COUNT(*) FROM work_value WHERE run_id = -8")).isEqualTo(1L);
            assertThat(count(dsl, "SELECT COUNT(*) FROM work_value WHERE run_id <> -8")).isZero();
            for (String table : SCRATCH) {
                if (!table.equals("work_value")) {
                    assertThat(count(dsl, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
                }
            }
        }
        assertThat(Files.readString(dir.resolve("out/bedford/2026-03-31/indicators.csv")))
                .isEqualTo(Files.readString(dir.resolve("out-alone/bedford/2026-03-31/indicators.csv")));
    }

    @Test
    void withH2sLockingOffAnotherRunsRowsAreNeverTruncated() throws Exception {
        // TRUNCATE keeps another run's rows only by waiting for its lock: with LOCK_MODE=0 there is none to wait for.
        Path input = census();
        Path job = job();
        String url = "jdbc:h2:file:" + dir.resolve("data").toAbsolutePath() + "/scorecard;LOCK_MODE=0";
        try (TestApp app = TestApp.start(dir.resolve("data"), java.util.Map.of("spring.datasource.url", url))) {
            DSLContext dsl = app.bean(DSLContext.class);
            runWhileAnotherRunHoldsARow(app, job, input, -9);
            assertThat(count(dsl, "SELECT COUNT(*) FROM work_value WHERE run_id = -9")).isEqualTo(1L);
            assertThat(count(dsl, "SELECT COUNT(*) FROM work_value WHERE run_id <> -9")).isZero();
        }
    }

    @Test
    void whileAnotherJobHoldsItsRunLockTheRunDeletesOnlyItsOwnRows() throws Exception {
        Path input = census();
        Path job = job();
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            // Another job running on another machine (trusted for a day), and a committed row of its.
            dsl.execute("INSERT INTO run_lock (job_name, period, host, pid, started_at) "
                    + "VALUES ('luton', DATE '2026-03-31', 'elsewhere', 1, LOCALTIMESTAMP(0))");
            dsl.execute(scratchRow(-10, 6));
            RunService.RunResult r = app.run(job, PERIOD, input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            assertThat(count(dsl, "SELECT COUNT(*) FROM work_value WHERE run_id = -10")).isEqualTo(1L);
            assertThat(count(dsl, "SELECT COUNT(*) FROM work_value WHERE run_id <> -10")).isZero();
        }
    }

    /** Runs the job while another connection (another job's computation, part-way) holds an uncommitted scratch row. */
    private void runWhileAnotherRunHoldsARow(TestApp app, Path job, Path input, long otherRunId) throws Exception {
        try (Connection other = app.bean(DataSource.class).getConnection()) {
            other.setAutoCommit(false);
            try (var s = other.createStatement()) {
                s.execute(scratchRow(otherRunId, 6));
            }
            RunService.RunResult r = app.run(job, PERIOD, input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            other.commit();
        }
    }

    /** A scratch row of another run (numbered below zero, as no real run is). */
    private static String scratchRow(long runId, int numerator) {
        return "INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator) "
                + "VALUES (" + runId + ", 'CPP_OPEN', '821', 24310, 'all', " + numerator + ")";
    }

    private Path job() throws java.io.IOException {
        return TestApp.jobFile(dir.resolve("jobs"), "scratch", "bedford", List.of("822"));
    }

    private static long count(DSLContext dsl, String sql) {
        return dsl.fetchOne(sql).get(0, Long.class);
    }

    private Path census() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeCsv(SampleDataGenerator.sampleReturn("822", 2026), input.resolve("822/2026"));
        return input;
    }
}
