package org.neglectscorecard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.neglectscorecard.job.RunService;
import org.neglectscorecard.privacy.Pseudonymiser;

/**
 * The README's run (the sample partnership for 2026-03-31, on H2) done once per test JVM and shared
 * by the tests that read its outputs (the workbook, the board pack, the published CSV, the databases
 * comparison), so the suite pays for one real run of about a minute instead of one per test class.
 */
public final class SampleRun {

    public static final String PARTNERSHIP = "pan-bedfordshire-sample";
    public static final LocalDate PERIOD = LocalDate.of(2026, 3, 31);

    private static Path folder;

    private SampleRun() {
    }

    /** The run's output folder (output/pan-bedfordshire-sample/2026-03-31), running the job the first time. */
    public static synchronized Path outputs() throws Exception {
        if (folder == null && System.getProperty("sample.outputs") != null) {
            folder = Path.of(System.getProperty("sample.outputs"));   // another build's outputs, to compare
        }
        if (folder == null) {
            Path dir = Files.createTempDirectory("sample-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            try (TestApp app = TestApp.start(dir.resolve("data"), Map.of("scorecard.pseudonym-key", Pseudonymiser.SAMPLE_KEY))) {
                RunService.RunResult r = app.run(Path.of("jobs/monthly-scorecard.yml"), PERIOD, Path.of("sample-data"),
                        dir.resolve("out"), false);
                if (!r.ok()) {
                    throw new IllegalStateException("The sample run failed: " + r.message());
                }
            }
            folder = dir.resolve("out/" + PARTNERSHIP + "/" + PERIOD);
        }
        return folder;
    }

    /** {@link #outputs()} for callers that cannot throw. */
    public static Path folder() {
        try {
            return outputs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a test run for.
        }
    }
}
