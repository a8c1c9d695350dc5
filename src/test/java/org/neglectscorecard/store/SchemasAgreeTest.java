package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.Database;
import org.neglectscorecard.testing.TestApp;

/**
 * The migrations (sql/schema/: common/, and h2/ or postgresql/ where the SQL differs) make the same
 * tables and columns on H2 and PostgreSQL.
 */
class SchemasAgreeTest {

    @TempDir
    Path dir;

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
