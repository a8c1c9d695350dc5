package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The schema version a read-only command checks a database against is the newest migration's:
 * a migration added without raising it would let 'history' read a database not yet migrated.
 */
class SchemaVersionTest {

    @Test
    void theSchemaVersionIsTheNewestMigrations() throws IOException {
        List<String> versions;
        try (Stream<Path> files = Files.walk(Path.of("sql/schema"))) {
            versions = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.')).toList();
        }
        assertThat(versions).isNotEmpty();
        String newest = versions.stream().max(Comparator.comparing(SchemaVersionTest::comparable)).orElseThrow();
        assertThat(DatabaseSetup.SCHEMA_VERSION).isEqualTo(newest);
    }

    /** "7.1" as "00007.00001", so versions compare as numbers part by part. */
    private static String comparable(String version) {
        StringBuilder out = new StringBuilder();
        for (String part : version.split("\\.")) {
            out.append(String.format("%05d.", Integer.parseInt(part)));
        }
        return out.toString();
    }
}
