package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlTemplatesTest {

    @TempDir
    Path sql;

    private SqlTemplates templates(String... nameAndText) throws Exception {
        Files.createDirectories(sql.resolve("engine"));
        for (int i = 0; i < nameAndText.length; i += 2) {
            Files.writeString(sql.resolve("engine/" + nameAndText[i] + ".sql"), nameAndText[i + 1]);
        }
        return new SqlTemplates(sql.toUri().toString());
    }

    @Test
    void aNestedStatementsValuesTakeTheirPlaceAmongTheOuterOnes() throws Exception {
        SqlTemplates t = templates(
                "outer", "-- {inner} in a comment is not a hole\nSELECT :a, x FROM ({inner}) s WHERE s.y = :b AND {text}\n",
                "inner", "SELECT x, y FROM t WHERE z = :c AND w = :a\n");
        Map<String, Object> binds = Map.of("a", 1, "b", 2, "c", 3);
        SqlTemplates.Statement inner = t.statement("inner", binds, Map.of());
        SqlTemplates.Statement s = t.statement("outer", binds, Map.of("text", "1 = 1"), Map.of("inner", inner));

        assertThat(s.sql()).isEqualTo("SELECT ?, x FROM (SELECT x, y FROM t WHERE z = ? AND w = ?\n) s WHERE s.y = ? AND 1 = 1\n");
        assertThat(s.binds()).containsExactly(1, 3, 1, 2);
    }

    @Test
    void catalogueTextIsFilledAfterBindingSoItsColonsAreNotValues() throws Exception {
        SqlTemplates t = templates("one", "SELECT :a FROM ({indicator_sql}) q\n");
        SqlTemplates.Statement s = t.statement("one", Map.of("a", 7), Map.of("indicator_sql", "SELECT ':b' AS v"));

        assertThat(s.sql()).isEqualTo("SELECT ? FROM (SELECT ':b' AS v) q\n");
        assertThat(s.binds()).containsExactly(7);
    }
}
