package org.neglectscorecard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.DatabaseSetup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The database for a command that only reads it (history, audit), opened directly rather than by
 * starting the application: starting it (job, batch infrastructure, catalogue, connection pool)
 * takes several seconds, reading a few rows a fraction of one. The database is brought up to date
 * first by the same {@link DatabaseSetup} the application runs. Where the database is configured
 * in a way only the application reads (an application.properties or config/ folder of the user's,
 * spring.config.* settings), the application is started as before.
 */
final class QuickDatabase implements AutoCloseable {

    private final DSLContext dsl;
    private final ConfigurableApplicationContext context;
    private final java.sql.Connection connection;

    private QuickDatabase(DSLContext dsl, ConfigurableApplicationContext context, java.sql.Connection connection) {
        this.dsl = dsl;
        this.context = context;
        this.connection = connection;
    }

    static QuickDatabase open(Path dataDir) {
        Path data = Context.prepare(dataDir);
        if (configuredElsewhere()) {
            ConfigurableApplicationContext context = Context.start(dataDir, Map.of());
            return new QuickDatabase(context.getBean(DSLContext.class), context, null);
        }
        // As the application would on starting: a key given but unusable is refused before anything else.
        setting("scorecard.pseudonym-key").or(() -> Optional.ofNullable(System.getenv("SCORECARD_PSEUDONYM_KEY")).filter(k -> !k.isBlank()))
                .ifPresent(org.neglectscorecard.privacy.Pseudonymiser::new);
        String url = setting("spring.datasource.url").orElse("jdbc:h2:file:" + data + "/scorecard;AUTO_SERVER=TRUE");
        SQLDialect dialect = url.startsWith("jdbc:postgresql:") ? SQLDialect.POSTGRES : SQLDialect.H2;
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        try {
            dataSource.setDriver(java.sql.DriverManager.getDriver(url));
        } catch (java.sql.SQLException e) {
            throw new CliException("The database " + url + " cannot be opened: " + e.getMessage());
        }
        dataSource.setUrl(url);
        dataSource.setUsername(setting("spring.datasource.username").orElse(""));
        dataSource.setPassword(setting("spring.datasource.password").orElse(""));
        // One connection for the whole command: H2 closes (and reopens) a file database whenever its
        // last connection closes, which a query at a time would otherwise cost.
        java.sql.Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (java.sql.SQLException e) {
            throw new CliException("The database " + (url.startsWith("jdbc:h2:") ? "in " + data : url) + " cannot be opened: "
                    + e.getMessage());
        }
        DSLContext dsl = DSL.using(connection, dialect, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
        if (!upToDate(dsl)) {
            try {
                new DatabaseSetup(dataSource, DSL.using(dataSource, dialect, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)),
                        new DataSourceTransactionManager(dataSource), Catalogue.location(setting("scorecard.sql-dir").orElse("sql")),
                        new LaDirectory()).run();
            } catch (DatabaseSetup.SchemaOutOfDateException e) {
                closeQuietly(connection);
                throw new CliException(e.getMessage().replace("the database folder", "the database folder " + data));
            } catch (RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
        }
        return new QuickDatabase(dsl, null, connection);
    }

    /**
     * Whether every migration this version ships has been applied: then there is nothing for
     * {@link DatabaseSetup} to do that a command reading the database needs (Flyway alone takes
     * seconds to start, and scanning the class path for the migrations 0.4 s). A new database, or
     * one from an earlier version, is set up as usual.
     */
    private static boolean upToDate(DSLContext dsl) {
        try {
            // Flyway applies migrations in order: the newest applied means every one before it is.
            // Flyway's own table, named as Flyway quotes it (this DSLContext renders names unquoted).
            return dsl.fetchExists(DSL.selectOne().from("\"flyway_schema_history\"")
                    .where("\"success\" = TRUE AND \"version\" = ?", DatabaseSetup.SCHEMA_VERSION));
        } catch (org.jooq.exception.DataAccessException e) {
            return false;   // no history table yet (a new or release-0.1 database): set it up
        }
    }

    DSLContext dsl() {
        return dsl;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(java.sql.Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (java.sql.SQLException e) {
            // the command has its answer; the database closes with the process
        }
    }

    /** A setting as the application would see it from a system property or the environment (SPRING_DATASOURCE_URL). */
    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", ""));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static boolean configuredElsewhere() {
        return Files.exists(Path.of("application.properties")) || Files.exists(Path.of("application.yml"))
                || Files.exists(Path.of("application.yaml")) || Files.isDirectory(Path.of("config"))
                || System.getProperties().stringPropertyNames().stream().anyMatch(p -> p.startsWith("spring.config."))
                || System.getenv().keySet().stream().anyMatch(e -> e.startsWith("SPRING_CONFIG_") || e.equals("SPRING_APPLICATION_JSON"));
    }
}
