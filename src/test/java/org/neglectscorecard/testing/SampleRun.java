package org.neglectscorecard.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The monthly job run once on the sample data, its outputs shared by the tests that read them (the
 * workbook, the board pack): one real run of about a minute instead of one per test class.
 */
public final class SampleRun {

    public static final String PARTNERSHIP = "pan-bedfordshire-sample";
    public static final LocalDate PERIOD = LocalDate.of(2026, 3, 31);
    private static Path folder;

    private SampleRun() {
    }

    /** The run's output folder, output/&lt;partnership&gt;/&lt;period&gt;, running the job the first time it is asked for. */
    public static synchronized Path folder() {
        if (folder != null) {
            return folder;
        }
        try {
            Path dir = Files.createTempDirectory("sample-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            try (TestApp app = TestApp.start(dir.resolve("data"), Map.of("scorecard.pseudonym-key", Pseudonymiser.SAMPLE_KEY))) {
                RunService.RunResult r = app.run(Path.of("jobs/monthly-scorecard.yml"), PERIOD, Path.of("sample-data"),
                        dir.resolve("out"), false);
                assertThat(r.ok()).as(r.message()).isTrue();
            }
            folder = dir.resolve("out/" + PARTNERSHIP + "/" + PERIOD);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
