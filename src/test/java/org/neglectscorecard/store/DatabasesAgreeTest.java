package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.neglectscorecard.testing.Database;
import org.neglectscorecard.testing.SampleRun;

/**
 * H2 and PostgreSQL give byte-identical outputs (indicators, the published copy, rejects,
 * benchmarks) from the same inputs: the whole sample partnership (three LAs, six years, every input
 * form), run by the README's command on each, each a process of its own.
 */
// Beside the other classes (junit-platform.properties): its runs are processes of their own, so it
// shares nothing with the classes that capture this JVM's console, and it takes the sample's two
// runs (about a minute) off the suite's one thread.
@Execution(ExecutionMode.CONCURRENT)
class DatabasesAgreeTest {

    @TempDir
    Path dir;

    @Test
    void theSampleDataGivesIdenticalIndicatorsOnH2AndPostgresql() throws Exception {
        List<String> csv = new ArrayList<>();
        for (Database db : Database.values()) {
            Path out = dir.resolve("out-" + db);
            run(db, dir.resolve("data-" + db), out);
            Path folder = out.resolve(SampleRun.PARTNERSHIP + "/" + SampleRun.PERIOD);
            csv.add(Files.readString(folder.resolve("indicators.csv")) + Files.readString(folder.resolve("indicators-published.csv"))
                    + Files.readString(folder.resolve("rejects.csv")) + Files.readString(folder.resolve("benchmarks.csv")));
        }
        assertThat(csv.get(0).lines().count()).isGreaterThan(5000);
        assertThat(csv.get(0)).contains("indicator_id,area_code,period_end,value,england,region,sn_mean");
        assertThat(csv.get(1)).isEqualTo(csv.get(0));
    }

    /** The README's run of the sample (its job file, sample-data/, no key of the operator's) on the database given. */
    private static void run(Database db, Path data, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g", "-XX:+UseParallelGC", "-Djava.awt.headless=true",
                "-Dscorecard.progress-bars=never"));
        for (Map.Entry<String, Object> p : db.properties(data).entrySet()) {
            command.add("-D" + p.getKey() + "=" + p.getValue());
        }
        command.addAll(List.of("org.neglectscorecard.Main", "run", "--period", SampleRun.PERIOD.toString(),
                "--output", out.toString(), "--data-dir", data.toString()));
        Path console = data.resolveSibling("console-" + db + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().remove("SCORECARD_PSEUDONYM_KEY");   // the sample's own key, as SampleRun has it
        int status = builder.start().waitFor();
        assertThat(status).as(db + ": the run said\n" + Files.readString(console)).isZero();
    }
}
