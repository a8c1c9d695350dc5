package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.Database;
import org.neglectscorecard.testing.SampleRun;
import org.neglectscorecard.testing.TestApp;

/**
 * H2 and PostgreSQL give byte-identical outputs (indicators, the published copy, rejects, benchmarks) from the same inputs (the whole sample
 * partnership: three LAs, six years, every input form), and the migrations (sql/schema/: common/, and
 * h2/ or postgresql/ where the SQL differs) make the same tables and columns on both.
 */
class DatabasesAgreeTest {

    @TempDir
    Path dir;

    @Test
    void theSampleDataGivesIdenticalIndicatorsOnH2AndPostgresql() throws Exception {
        Path sample = Path.of("sample-data");
        Path job = Path.of("jobs/monthly-scorecard.yml");
        List<String> csv = new ArrayList<>();
        for (Database db : Database.values()) {
            Path folder;
            if (db == Database.H2) {
                folder = SampleRun.outputs();   // the same run on H2, shared with the other tests that read it
            } else {
                // Three entries computed at a time, whatever this machine's cores (H2's shared run has as many as it has).
                try (TestApp app = TestApp.start(db, dir.resolve("data-" + db), java.util.Map.of("scorecard.pseudonym-key", "",
                        "scorecard.compute-workers", 3))) {
                    var result = app.run(job, SampleRun.PERIOD, sample, dir.resolve("out-" + db), false);
                    assertThat(result.ok()).as(db + ": " + result.message()).isTrue();
                }
                folder = dir.resolve("out-" + db + "/" + SampleRun.PARTNERSHIP + "/" + SampleRun.PERIOD);
            }
            csv.add(Files.readString(folder.resolve("indicators.csv")) + Files.readString(folder.resolve("indicators-published.csv"))
                    + Files.readString(folder.resolve("rejects.csv")) + Files.readString(folder.resolve("benchmarks.csv")));
        }
        assertThat(csv.get(0).lines().count()).isGreaterThan(5000);
        assertThat(csv.get(0)).contains("indicator_id,area_code,period_end,value,england,region,sn_mean");
        assertThat(csv.get(1)).isEqualTo(csv.get(0));
    }

    /**
     * Loading sends its rows as JDBC batches of one-row INSERTs: on PostgreSQL the driver is told
     * to send them as INSERTs of many rows each, which it reports as "succeeded, count unknown"
     * for every row; H2 counts each row.
     */
    @Test
    void onPostgresqlBatchedInsertsAreSentManyRowsAtATime() throws Exception {
        for (Database db : Database.values()) {
            try (TestApp app = TestApp.start(db, dir.resolve("batch-" + db))) {
                int[] counts;
                try (java.sql.Connection c = app.bean(javax.sql.DataSource.class).getConnection();
                     java.sql.Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE batch_probe (n INTEGER)");
                    try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO batch_probe (n) VALUES (?)")) {
                        for (int n = 0; n < 4; n++) {
                            insert.setInt(1, n);
                            insert.addBatch();
                        }
                        counts = insert.executeBatch();
                    }
                }
                // (The driver sends rows in groups of a power of two: four rows, one INSERT.)
                assertThat(counts).as(db.toString()).containsOnly(db == Database.POSTGRESQL ? java.sql.Statement.SUCCESS_NO_INFO : 1)
                        .hasSize(4);
            }
        }
    }

    @Test
    void bothSchemasDefineTheSameTablesAndColumns() {
        List<TreeSet<String>> columns = new ArrayList<>();
        for (Database db : Database.values()) {
            try (TestApp app = TestApp.start(db, dir.resolve("schema-" + db))) {
                DSLContext dsl = app.bean(DSLContext.class);
                String schema = dsl.fetchValue("SELECT current_schema()").toString();
                TreeSet<String> found = new TreeSet<>();
                dsl.fetch("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = ?", schema)
                        .forEach(r -> {
                            String table = r.get(0, String.class).toLowerCase(Locale.ROOT);
                            if (!table.startsWith("batch_")) {
                                found.add(table + "." + r.get(1, String.class).toLowerCase(Locale.ROOT));
                            }
                        });
                columns.add(found);
            }
        }
        assertThat(columns.get(0)).contains("cp_plan.latest_category", "indicator_value.figure", "child_profile.ethnicity");
        assertThat(columns.get(1)).isEqualTo(columns.get(0));
    }
}
