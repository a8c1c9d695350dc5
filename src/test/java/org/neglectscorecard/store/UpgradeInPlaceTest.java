package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.Database;
import org.neglectscorecard.testing.TestApp;
import org.springframework.util.FileSystemUtils;

/**
 * A database made by the release before schema migrations (0.1) is migrated in place: its run
 * history, loaded returns, results and audit log are all still there afterwards, its files are
 * recognised as loaded, and the next run works on it.
 */
class UpgradeInPlaceTest {

    private static final Path RELEASE = Path.of("src/test/resources/upgrade/release-0.1");
    private static final List<String> KEPT = List.of("source_file", "statutory_return", "child", "cp_plan", "cin_episode",
            "police_monthly", "indicator_value", "audit_log", "run_input", "rejection", "batch_job_execution",
            "batch_step_execution");

    @TempDir
    Path dir;

    @Test
    void theEmbeddedDatabaseOfTheLastReleaseIsMigratedKeepingEverything() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(RELEASE.resolve("scorecard.mv.db.gz")))) {
            Files.copy(in, data.resolve("scorecard.mv.db"));
        }
        String url = "jdbc:h2:file:" + data.resolve("scorecard").toAbsolutePath();
        Map<String, Long> before;
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            before = counts(c);
            assertThat(hasTable(c, "flyway_schema_history")).isFalse();
        }
        assertThat(before.get("source_file")).isEqualTo(2);
        assertThat(before.get("batch_job_execution")).isEqualTo(2);
        assertThat(before.get("cp_plan")).isPositive();

        Path input = dir.resolve("input");
        FileSystemUtils.copyRecursively(RELEASE.resolve("input"), input);
        try (TestApp app = TestApp.start(data)) {
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetchValue("SELECT MAX(\"version\") FROM \"flyway_schema_history\" WHERE \"success\"")).isNotNull();
            assertThat(dsl.fetch("SELECT \"version\", \"type\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'")
                    .getValue(0, 1)).as("version 1 is the old schema, marked, not re-run").isEqualTo("BASELINE");
            try (Connection c = app.bean(javax.sql.DataSource.class).getConnection()) {
                assertThat(counts(c)).isEqualTo(before);
            }
            // The same period again, on the same files: read by the last release, they are loaded again, in place, as
            // this release reads them (its reading differs), and nothing is counted twice.
            var result = app.run(RELEASE.resolve("job.yml"), LocalDate.of(2026, 3, 31), input, dir.resolve("out"), true);
            assertThat(result.ok()).as(result.message()).isTrue();
            try (Connection c = app.bean(javax.sql.DataSource.class).getConnection()) {
                Map<String, Long> after = counts(c);
                assertThat(after.get("source_file")).isEqualTo(before.get("source_file"));
                assertThat(after.get("cp_plan")).isEqualTo(before.get("cp_plan"));
                assertThat(dsl.fetch("SELECT reading_version FROM source_file").getValues(0, Integer.class)).as("each file read as this release reads")
                        .containsOnly(org.neglectscorecard.store.SourceFiles.READING_VERSION);
                assertThat(after.get("batch_job_execution")).isEqualTo(before.get("batch_job_execution") + 1);
                assertThat(after.get("audit_log")).isGreaterThan(before.get("audit_log"));
            }
        }
        assertThat(dir.resolve("out/upgrade-fixture/2026-03-31/indicators.csv")).exists();
    }

    @Test
    void aPostgresqlDatabaseOfTheLastReleaseIsMigratedKeepingEverything() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>(Database.POSTGRESQL.properties(dir));
        String url = (String) properties.get("spring.datasource.url");
        Map<String, Long> before;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            // Release 0.1 had Spring Boot make the job repository and ran its own schema file at every
            // start; PostgreSQL takes each as one script.
            try (InputStream batch = getClass().getResourceAsStream("/org/springframework/batch/core/schema-postgresql.sql")) {
                s.execute(new String(batch.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            s.execute(Files.readString(RELEASE.resolve("postgresql.sql")));
            s.execute("INSERT INTO source_file (checksum, format, display_name, size_bytes, status) "
                    + "VALUES ('abc', 'CIN_CENSUS_XML', '821/census.xml', 10, 'LOADED')");
            s.execute("INSERT INTO statutory_return (source_file_id, source_kind, la_code3) SELECT source_file_id, 'CIN_CENSUS', '821' FROM source_file");
            s.execute("INSERT INTO cp_plan (la_code3, return_id, child_key, episode_ref, start_date, source_row) "
                    + "SELECT '821', return_id, 'k', '1', DATE '2025-05-01', 3 FROM statutory_return");
            s.execute("INSERT INTO audit_log (at, os_user, host, event) VALUES (CURRENT_TIMESTAMP, 'officer', 'pc', 'RUN COMPLETED')");
            before = counts(c);
        }
        try (TestApp app = TestApp.start(dir.resolve("pg"), properties)) {
            try (Connection c = app.bean(javax.sql.DataSource.class).getConnection()) {
                assertThat(counts(c)).isEqualTo(before);
                assertThat(hasTable(c, "batch_job_execution")).isTrue();
            }
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(((Number) dsl.fetchValue("SELECT COUNT(*) FROM pg_policies WHERE policyname = 'own_la_rows'")).longValue())
                    .as("row-level security is still on every child-level table").isGreaterThanOrEqualTo(15L);
        }
    }

    @Test
    void aDatabaseMigratedOnceIsLeftAsItIsAtTheNextStart() throws Exception {
        Path data = dir.resolve("fresh");
        Object applied;
        try (TestApp app = TestApp.start(data)) {
            applied = app.bean(DSLContext.class).fetchValue("SELECT COUNT(*) FROM \"flyway_schema_history\"");
        }
        try (TestApp app = TestApp.start(data)) {
            assertThat(app.bean(DSLContext.class).fetchValue("SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(applied);
        }
    }

    private static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : KEPT) {
            if (!hasTable(c, table)) {
                continue;
            }
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                out.put(table, rs.getLong(1));
            }
        }
        return out;
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = '"
                + table + "' AND table_schema = current_schema()")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
