package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.Database;
import org.neglectscorecard.testing.TestApp;

/**
 * One PostgreSQL database shared by a regional alliance: two LAs' jobs run at the same time without
 * interfering, and each LA's database role reads only its own children's rows while the alliance's
 * role reads the aggregates and nothing child-level (sql/schema/postgresql-roles.sql).
 */
class SharedPostgresTest {

    @TempDir
    Path dir;

    static final LocalDate PERIOD = LocalDate.of(2026, 3, 31);

    @Test
    void twoLasJobsAtOnceGiveWhatEachGivesAlone() throws Exception {
        for (String la : List.of("821", "822")) {
            CensusReturnWriter.writeCsv(SampleDataGenerator.sampleReturn(la, 2025), dir.resolve("in-" + la + "/2025"));
            CensusReturnWriter.writeCsv(SampleDataGenerator.sampleReturn(la, 2026), dir.resolve("in-" + la + "/2026"));
        }
        // Alone, each on a database of its own.
        for (String la : List.of("821", "822")) {
            try (TestApp app = TestApp.start(Database.POSTGRESQL, dir.resolve("alone-" + la))) {
                assertThat(app.run(job(la), PERIOD, dir.resolve("in-" + la), dir.resolve("alone-out"), false).ok()).isTrue();
            }
        }
        // Together, on one shared database, at the same time.
        TestApp first = TestApp.start(Database.POSTGRESQL, dir.resolve("shared"));
        TestApp second = first.again();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunService.RunResult>> results = new ArrayList<>();
            results.add(pool.submit(() -> first.run(job("821"), PERIOD, dir.resolve("in-821"), dir.resolve("shared-out"), false)));
            results.add(pool.submit(() -> second.run(job("822"), PERIOD, dir.resolve("in-822"), dir.resolve("shared-out"), false)));
            for (Future<RunService.RunResult> r : results) {
                assertThat(r.get().ok()).as(r.get().message()).isTrue();
            }
        } finally {
            pool.shutdown();
            first.close();
            second.close();
        }
        for (String la : List.of("821", "822")) {
            assertThat(Files.readString(dir.resolve("shared-out/p" + la + "/2026-03-31/indicators.csv")))
                    .isEqualTo(Files.readString(dir.resolve("alone-out/p" + la + "/2026-03-31/indicators.csv")));
        }
    }

    @Test
    void eachLasRoleSeesOnlyItsOwnChildrenAndTheAllianceOnlyAggregates() throws Exception {
        for (String la : List.of("821", "822")) {
            CensusReturnWriter.writeCsv(SampleDataGenerator.sampleReturn(la, 2026), dir.resolve("in/" + la));
        }
        String url;
        try (TestApp app = TestApp.start(Database.POSTGRESQL, dir.resolve("data"))) {
            assertThat(app.run(TestApp.jobFile(dir, "both", "both", List.of("821", "822")), PERIOD, dir.resolve("in"),
                    dir.resolve("out"), false).ok()).isTrue();
            // Without the "?user=postgres" the embedded server's URL carries, so each connection is who it says.
            url = app.context().getEnvironment().getProperty("spring.datasource.url").replaceFirst("\\?.*$", "");
        }
        try (Connection owner = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = owner.createStatement()) {
            String roles = Files.readString(Path.of("sql/schema/postgresql-roles.sql"))
                    .replace("'change me'", "'test'");
            for (String statement : roles.split(";\\s*\\n")) {
                String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
            assertThat(count(s, "SELECT COUNT(DISTINCT la_code3) FROM cp_plan")).isEqualTo(2);
            // A table a later migration adds (as V15 added work_spell_month to databases whose roles the
            // DBA made before it) is given to the LAs' roles after the migration: taken away, then given
            // back by the callback Flyway runs after each migration.
            s.execute("REVOKE ALL ON work_spell_month FROM scorecard_la_821");
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT 1 WHERE has_table_privilege('scorecard_la_821', 'work_spell_month', "
                    + "'INSERT')) x")).isZero();
            String callback = Files.readString(Path.of("sql/schema/postgresql/afterEachMigrate.sql"));
            s.execute(callback.substring(callback.indexOf("DO $$"), callback.lastIndexOf("$$") + 2));
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT 1 WHERE has_table_privilege('scorecard_la_821', 'work_spell_month', "
                    + "'INSERT')) x")).isOne();
        }
        try (Connection luton = DriverManager.getConnection(url, "scorecard_la_821", "test"); Statement s = luton.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM cp_plan")).isPositive();
            assertThat(count(s, "SELECT COUNT(*) FROM cp_plan WHERE la_code3 <> '821'")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM child WHERE la_code3 = '822'")).isZero();
            assertThatThrownBy(() -> s.execute("INSERT INTO cp_plan (la_code3, return_id, child_key, episode_ref, start_date, source_row) "
                    + "VALUES ('822', 1, 'x', '1', DATE '2026-01-01', 1)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        }
        try (Connection alliance = DriverManager.getConnection(url, "scorecard_alliance", "test"); Statement s = alliance.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM indicator_value")).isPositive();
            assertThatThrownBy(() -> s.executeQuery("SELECT COUNT(*) FROM cp_plan")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    private Path job(String la) throws Exception {
        return TestApp.jobFile(dir, "job" + la, "p" + la, List.of(la));
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
