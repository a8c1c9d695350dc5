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

    private TestApp(Path dataDir, Map<String, Object> extra) {
        this.dataDir = dataDir;
        Map<String, Object> properties = new HashMap<>();
        properties.put("scorecard.data-dir", dataDir.toAbsolutePath().toString());
        properties.put("scorecard.pseudonym-key", KEY);
        properties.putAll(extra);
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        this.context = new SpringApplicationBuilder(ScorecardApplication.class).properties(properties).run();
    }

    public static TestApp start(Path dataDir) {
        return new TestApp(dataDir, Map.of());
    }

    public static TestApp start(Path dataDir, Map<String, Object> extra) {
        return new TestApp(dataDir, extra);
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
