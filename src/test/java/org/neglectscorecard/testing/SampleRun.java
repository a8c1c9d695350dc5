package org.neglectscorecard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neglectscorecard.Main;

/**
 * The README's run (the sample partnership for 2026-03-31, on H2), typed as the README types it
 * (the 'run' command, in this JVM), done once per test JVM and shared by the tests that read its
 * outputs (the workbook, the board pack, the published CSV, the databases comparison) and its
 * console (ScorecardCliTest), so the suite pays for one real run of about a minute instead of one
 * per test class.
 */
public final class SampleRun {

    public static final String PARTNERSHIP = "pan-bedfordshire-sample";
    public static final LocalDate PERIOD = LocalDate.of(2026, 3, 31);

    private static Path folder;
    private static Path dir;
    private static String console;

    private SampleRun() {
    }

    /** The run's output folder (output/pan-bedfordshire-sample/2026-03-31), running the job the first time. */
    public static synchronized Path outputs() throws Exception {
        if (folder == null && System.getProperty("sample.outputs") != null) {
            folder = Path.of(System.getProperty("sample.outputs"));   // another build's outputs, to compare
        }
        if (folder == null) {
            Path made = Files.createTempDirectory("sample-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            PrintStream out = System.out;
            PrintStream err = System.err;
            int status;
            try {
                System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
                status = Main.run("run", "--period", PERIOD.toString(), "--output", made.resolve("out").toString(),
                        "--data-dir", made.resolve("data").toString());
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            console = said.toString(StandardCharsets.UTF_8);
            if (status != 0) {
                throw new IllegalStateException("The sample run ended with status " + status + ":\n" + console);
            }
            dir = made;
            folder = made.resolve("out/" + PARTNERSHIP + "/" + PERIOD);
        }
        return folder;
    }

    /** What the run said on the console (null where the outputs are another build's). */
    public static synchronized String console() throws Exception {
        outputs();
        return console;
    }

    /** The run's data folder (its H2 database), for a test to copy: it must not change the shared run. */
    public static synchronized Path dataDir() throws Exception {
        outputs();
        return dir == null ? null : dir.resolve("data");
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

    /** A copy of the run's data folder (its H2 database) for a test to change, leaving the shared run as it is. */
    public static void copyDataDir(Path to) throws Exception {
        copy(dataDir(), to);
    }

    /** Copies a folder, but for H2's lock files (the copy is another database, not the shared run's). */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
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
