package org.neglectscorecard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neglectscorecard.ScorecardApplication;
import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.job.RunService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application on a real database of its own (an H2 file in the test's folder), for
 * tests that run the real job on real files. Each instance is a fresh database unless given the
 * folder of an earlier one.
 */
public final class TestApp implements AutoCloseable {

    public static final String KEY = "test-pseudonymisation-key-not-for-real-data";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final Map<String, Object> extra;

    private TestApp(Path dataDir, Map<String, Object> extra) {
        this.dataDir = dataDir;
        this.extra = extra;
        Map<String, Object> properties = new HashMap<>();
        properties.put("scorecard.data-dir", dataDir.toAbsolutePath().toString());
        properties.put("scorecard.pseudonym-key", KEY);
        properties.putAll(extra);
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // As command-line arguments, which (unlike default properties) override application.properties.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        this.context = new SpringApplicationBuilder(ScorecardApplication.class).run(args);
    }

    public static TestApp start(Path dataDir) {
        return new TestApp(dataDir, Map.of());
    }

    public static TestApp start(Path dataDir, Map<String, Object> extra) {
        return new TestApp(dataDir, extra);
    }

    /** A fresh database of the given kind. */
    public static TestApp start(Database database, Path dataDir) {
        return checked(database, new TestApp(dataDir, database.properties(dataDir)));
    }

    /** Makes sure the application really is on the database the test asked for. */
    private static TestApp checked(Database database, TestApp app) {
        org.jooq.SQLDialect family = app.bean(org.jooq.DSLContext.class).dialect().family();
        org.jooq.SQLDialect wanted = database == Database.POSTGRESQL ? org.jooq.SQLDialect.POSTGRES : org.jooq.SQLDialect.H2;
        if (family != wanted) {
            app.close();
            throw new IllegalStateException("asked for " + database + " but the application is on " + family);
        }
        return app;
    }

    /** A fresh database of the given kind, with settings of the test's own. */
    public static TestApp start(Database database, Path dataDir, Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(database.properties(dataDir));
        all.putAll(more);
        return checked(database, new TestApp(dataDir, all));
    }

    /** Another application (as a second process would be) on this one's database. */
    public TestApp again() {
        return new TestApp(dataDir, extra);
    }

    /** Another application on this one's database, with settings of its own. */
    public TestApp again(Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(extra);
        all.putAll(more);
        return new TestApp(dataDir, all);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Path dataDir() {
        return dataDir;
    }

    public RunService.RunResult run(Path jobFile, LocalDate period, Path input, Path output, boolean rerun) {
        return bean(RunService.class).run(new RunService.RunRequest(JobFile.load(jobFile), period, input, output, rerun));
    }

    /** A job file for a partnership of the given LAs, written into {@code folder}. */
    public static Path jobFile(Path folder, String name, String partnershipId, List<String> members) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".yml");
        Files.writeString(file, "name: " + name + "\n"
                + "partnership:\n  id: " + partnershipId + "\n  name: Test partnership " + partnershipId + "\n"
                + "  members: [" + String.join(", ", members) + "]\n");
        return file;
    }

    @Override
    public void close() {
        context.close();
    }
}
