package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.TestApp;

/**
 * The process killed outright (SIGKILL, as a power cut or kill -9 would) at several points of a
 * run, each time started again with the same command, until it finishes: the outputs are then
 * byte-identical to an uninterrupted run's, and nothing was loaded twice. A real subprocess on a
 * real H2 file database.
 */
@Execution(ExecutionMode.CONCURRENT)   // beside the other classes (junit-platform.properties): it shares nothing with them
class KillAndRestartTest {

    @TempDir
    Path dir;

    static final String PERIOD = "2025-03-31";

    /** A kill this long after the run first says a line beginning so: one in each part of the run. */
    record KillPoint(String said, long millisAfter) {
        @Override
        public String toString() {
            return millisAfter + " ms after '" + said.strip() + "'";
        }
    }

    // Placed by what the run says rather than by the clock, so that each lands in the part it is
    // meant for on a fast machine or a slow one, and no run waits longer than it must.
    static final List<KillPoint> KILLS = List.of(
            new KillPoint("Starting", 1_500),     // the returns being checked and their partitions recorded
            new KillPoint("  Loaded ", 0),        // loading: one return stored, the others not yet
            new KillPoint("Using ", 1_000),       // computing the indicators
            new KillPoint("Withheld ", 300));     // writing the outputs

    @Test
    void killedAtAnyPointThenRestartedEndsAsIfNeverKilled() throws Exception {
        Path input = dir.resolve("input");
        // Big enough that every step takes a while (so kills land in loading, computing and writing), small enough for CI.
        List<String> las = List.of("821", "822", "201");
        // A return per LA, as LAs send them: a kill during loading costs the file it lands in, read again from its first row.
        for (String la : las) {
            SampleDataGenerator.generateNational(input.resolve(la), 1, 2025, List.of(la));
        }
        Path job = TestApp.jobFile(dir, "killed", "p", las);

        // The uninterrupted run: a process of its own too, so that this test shares nothing with the others
        // (no console, no Spring context), and runs beside them (mostly waiting on its processes).
        long t0 = System.nanoTime();
        Run whole = start(job, input, "Finished", "whole");
        assertThat(whole.process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.process.exitValue()).as(whole.output()).isZero();

        // Killed at each point in turn (a point after it has finished is simply not reached), then
        // the same command again until it completes.
        List<String> seen = new ArrayList<>();
        seen.add(String.format("uninterrupted run: %.1f s", (System.nanoTime() - t0) / 1e9));
        int kills = 0;
        boolean finished = false;
        StringBuilder afterKills = new StringBuilder();   // what the runs after the first kill said
        for (KillPoint point : KILLS) {
            long began = System.nanoTime();
            Run run = start(job, input, point.said(), "");
            run.said.await(300, TimeUnit.SECONDS);
            if (!run.process.waitFor(point.millisAfter(), TimeUnit.MILLISECONDS) && run.process.isAlive()) {
                run.process.destroyForcibly().waitFor();
                kills++;
                if (kills > 1) {
                    afterKills.append(run.output());
                }
                seen.add(String.format("killed %s, after %.1f s, last said: %s", point, (System.nanoTime() - began) / 1e9, run.lastLine()));
            } else {
                run.process.waitFor(300, TimeUnit.SECONDS);
                afterKills.append(run.output());
                seen.add("ran to the end before " + point + ", exit " + run.process.exitValue());
                finished = run.process.exitValue() == 0;
                assertThat(run.process.exitValue()).as(String.join("\n", seen) + "\n" + run.output()).isIn(0, 2);
                break;
            }
        }
        if (!finished) {
            long began = System.nanoTime();
            Run last = start(job, input, "Finished", "");
            assertThat(last.process.waitFor(300, TimeUnit.SECONDS)).isTrue();
            seen.add(String.format("the last run: %.1f s", (System.nanoTime() - began) / 1e9));
            String said = last.output();
            // 0: it carried on and finished; 2: a kill landed after it had finished, and it says so.
            assertThat(last.process.exitValue()).as(String.join("\n", seen) + "\n" + said).isIn(0, 2);
            assertThat(said).containsAnyOf("carrying on from where it stopped", "already completed");
            afterKills.append(said);
        }
        // H2 can leave an index out of step with its table at a kill (IndexRebuild): each run taking over from a
        // killed one makes them again before it reads anything (the first kill lands in loading, so one always does).
        assertThat(afterKills.toString()).as(String.join("\n", seen)).contains("indexes made again");
        assertThat(kills).as(String.join("\n", seen)).isGreaterThanOrEqualTo(3);

        // Said with every run's words if missing: once in a clean-clone CI run (3 Dec) the last run ended without
        // writing them, and the test could only say the file was not there.
        assertThat(dir.resolve("out/p/" + PERIOD + "/indicators.csv")).as(String.join("\n", seen) + "\n" + afterKills).exists();
        for (String file : List.of("indicators.csv", "indicators-published.csv", "rejects.csv")) {
            assertThat(Files.readString(dir.resolve("out/p/" + PERIOD + "/" + file))).as(file + "\n" + String.join("\n", seen))
                    .isEqualTo(Files.readString(dir.resolve("out-whole/p/" + PERIOD + "/" + file)));
        }
    }

    /**
     * The command a person (or the scheduler) types, as a separate process.
     *
     * @param suffix of the output and data folders: "" for the runs killed and carried on
     */
    private Run start(Path job, Path input, String waitFor, String suffix) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx512m", "-XX:+UseParallelGC",
                // Each of these processes lives seconds: Java's quick compiler alone starts them sooner
                // (the full one spends its first seconds compiling for speed the run does not last to use).
                "-XX:TieredStopAtLevel=1",
                "-Dscorecard.pseudonym-key=" + TestApp.KEY, "-Dscorecard.progress-bars=never",
                "org.neglectscorecard.Main", "run", "--period", PERIOD, "--job", job.toString(), "--input", input.toString(),
                "--output", dir.resolve("out" + (suffix.isEmpty() ? "" : "-" + suffix)).toString(),
                "--data-dir", dir.resolve("data" + (suffix.isEmpty() ? "" : "-" + suffix)).toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Run(p, waitFor);
    }

    private static final class Run {
        final Process process;
        /** Counted down when the run says a line beginning with what the kill waits for, or ends. */
        final CountDownLatch said = new CountDownLatch(1);
        private final StringBuilder out = new StringBuilder();

        Run(Process process, String waitFor) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                        if (line.startsWith(waitFor)) {
                            said.countDown();
                        }
                    }
                } catch (IOException e) {
                    // the process was killed
                }
                said.countDown();
            });
            reader.setDaemon(true);
            reader.start();
        }

        String output() throws InterruptedException {
            Thread.sleep(200);
            synchronized (out) {
                return out.toString();
            }
        }

        String lastLine() {
            synchronized (out) {
                String[] lines = out.toString().split("\n");
                return lines[lines.length - 1];
            }
        }
    }
}
