package org.neglectscorecard.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.indicators.PublishedFiguresTestAccess;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.testing.TestApp;

/**
 * Files as people keep them: DfE's file saved by the browser as "download (3).csv" is still DfE's d4
 * (known by its columns), so the benchmarks are the same as under DfE's name; a targets file naming
 * the LA by its name is read; a target for an id or area the run does not have is said, never
 * dropped without a word.
 */
class RenamedDownloadsAndTargetsByNameTest {

    static final Path REFERENCE = Path.of("sample-data/reference");
    static final String D4 = "d4_cpps_at31march_by_category_of_abuse_2013_to_2022.csv";

    @TempDir
    Path dir;

    @Test
    void aRenamedDownloadGivesTheSameBenchmarksAndTargetsMayNameTheLa() throws Exception {
        String asNamed = run("named", D4);
        String renamed = run("renamed", "download (3).csv");
        assertThat(asNamed).contains("CPP_OPEN_NEG_INIT_PCT,E09000033");
        assertThat(renamed).isEqualTo(asNamed);

        String summary = Files.readString(dir.resolve("out-renamed/inner-west/2022-03-31/run-summary.txt"));
        assertThat(summary).contains("targets.csv row 3: 'CPP_OPEN_NEG_PCT' is not an indicator id or title, so its target is not used.")
                .contains("targets.csv row 4: 'Camden' is not one of this run's areas, so its target for CPP_OPEN_NEG_INIT_PCT is not used.")
                .doesNotContain("targets.csv row 2");
        assertThat(summary).doesNotContain("no benchmark reads it");

        // validate says the same of the targets before anything is loaded, and a script is told there is something to fix.
        Path job = TestApp.jobFile(dir.resolve("jobs-validate"), "bench", partnership, List.of("213"));
        int status = org.neglectscorecard.Main.run("validate", "--input", dir.resolve("input-renamed").toString(), "--job", job.toString(),
                "--output", dir.resolve("validated").toString());
        String checked = Files.readString(dir.resolve("validated/inner-west/validation/validation-summary.txt"));
        assertThat(checked).contains("TARGETS THE RUN WOULD NOT USE")
                .contains("targets.csv row 3: 'CPP_OPEN_NEG_PCT' is not an indicator id or title, so its target is not used.")
                .contains("targets.csv row 4: 'Camden' is not one of this run's areas, so its target for CPP_OPEN_NEG_INIT_PCT is not used.")
                .doesNotContain("targets.csv row 2");
        assertThat(status).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("validated/inner-west/validation/rejects.csv")))
                .contains("targets.csv,,4,,,\"'Camden' is not one of this run's areas");
    }

    @Test
    void aStandInIsNeverPreferredToDfesOwnFileNorTakenWhenItBreaksFiguresDown() throws Exception {
        String asNamed = run("named2", D4);
        // DfE's d4 beside a copy under another name, one of whose figures is changed: DfE's own file is read.
        Path input = dir.resolve("input-both");
        Files.createDirectories(input.resolve("reference"));
        List<String> copy = new java.util.ArrayList<>(Files.readAllLines(REFERENCE.resolve(D4)));
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).startsWith("2022,Reporting year,National,")) {
                copy.set(i, copy.get(i).replaceAll(",\\d+(?=,|$)", ",1"));   // England's 2022 figures all 1
            }
        }
        Files.write(input.resolve("reference/copy.csv"), copy);
        assertThat(run("both", D4, D4, input)).isEqualTo(asNamed);
        // The same columns broken down by another column: not d4, whose figure each of its rows would overwrite; said.
        Path broken = dir.resolve("input-broken");
        Files.createDirectories(broken.resolve("reference"));
        List<String> lines = Files.readAllLines(REFERENCE.resolve(D4));
        List<String> split = new java.util.ArrayList<>(List.of(lines.get(0) + ",age_group"));
        lines.stream().skip(1).forEach(l -> {
            split.add(l + ",Under 10");
            split.add(l + ",10 and over");
        });
        Files.write(broken.resolve("reference/by-age.csv"), split);
        run("broken", null, D4, broken);
        String summary = Files.readString(dir.resolve("out-broken/inner-west/2022-03-31/run-summary.txt"));
        assertThat(summary).contains("reference/by-age.csv holds DfE published statistics, but no benchmark reads it");
        assertThat(Files.readString(dir.resolve("out-broken/inner-west/2022-03-31/benchmarks.csv"))).doesNotContain("CPP_OPEN_NEG_INIT_PCT,");
    }

    @Test
    void aTargetForANameThePartnershipAndAnLaShareIsSaidNotGuessed() throws Exception {
        partnership = "westminster";
        run("ambiguous", D4);
        String summary = Files.readString(dir.resolve("out-ambiguous/westminster/2022-03-31/run-summary.txt"));
        assertThat(summary).contains("targets.csv row 2: 'Westminster' names both the partnership and one of its LAs");
    }

    @Test
    void aDfeFileNoBenchmarkCanTellIsSaid() throws Exception {
        // Columns only a filter tells apart ("number where ..."): under another name it cannot be known, and is said.
        String claStarts = "la_cla_who_started_to_be_looked_after_2018_to_2022.csv";
        run("cla", "my-download.csv", claStarts);
        String summary = Files.readString(dir.resolve("out-cla/inner-west/2022-03-31/run-summary.txt"));
        assertThat(summary).contains("reference/my-download.csv holds DfE published statistics, but no benchmark reads it");
    }

    @Test
    void aFileOfDfesNoBenchmarkReadsIsSaid() throws Exception {
        // Named as DfE names it, so known for what it is, but no benchmark reads it: loaded, used for nothing, and said.
        String d3 = "d3_cpps_subsequent_plan_2013_to_2025.csv";
        run("d3", d3, d3);
        run("renamed-check", D4);
        String summary = Files.readString(dir.resolve("out-d3/inner-west/2022-03-31/run-summary.txt"));
        assertThat(summary).contains("reference/" + d3 + " is DfE's d3_cpps_subsequent_plan file, which no benchmark reads, so "
                + "nothing in the scorecard comes from it. The benchmarks read DfE's b3_cin_primary_need, ");
        // d4, which benchmarks read, is not said so.
        assertThat(Files.readString(dir.resolve("out-renamed-check/inner-west/2022-03-31/run-summary.txt")))
                .doesNotContain("which no benchmark reads");
    }

    private String partnership = "inner-west";

    /** Westminster's 2021-22 returns with DfE's file under the given name; the benchmarks.csv written. */
    private String run(String name, String savedAs) throws Exception {
        return run(name, savedAs, D4);
    }

    private String run(String name, String savedAs, String file) throws Exception {
        return run(name, savedAs, file, dir.resolve("input-" + name));
    }

    /** With savedAs null, the reference folder is as the caller left it. */
    private String run(String name, String savedAs, String file, Path input) throws Exception {
        PublishedFiguresTestAccess.writeWestminster(input);
        Files.createDirectories(input.resolve("reference"));
        if (savedAs != null) {
            Files.copy(REFERENCE.resolve(file), input.resolve("reference").resolve(savedAs));
        }
        Files.writeString(input.resolve("targets.csv"), """
                indicator_id,area_code,period_end,target,amber_tolerance
                CPP_OPEN_NEG_INIT_PCT,Westminster,2022-03-31,40,5
                CPP_OPEN_NEG_PCT,213,2022-03-31,40,5
                CPP_OPEN_NEG_INIT_PCT,Camden,2022-03-31,40,5
                """);
        Path job = TestApp.jobFile(dir.resolve("jobs-" + name), "bench", partnership, List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data-" + name))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out-" + name), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            // "Westminster" is the LA's code (unless the partnership is called so too); "Camden" is no area of the run.
            assertThat(app.bean(Targets.class).targets(r.runId())).filteredOn(t -> t.indicatorId().equals("CPP_OPEN_NEG_INIT_PCT"))
                    .hasSize(partnership.equals("westminster") ? 0 : 1)
                    .allSatisfy(t -> assertThat(t.areaCode()).isEqualTo("E09000033"));
        }
        return Files.readString(dir.resolve("out-" + name + "/" + partnership + "/2022-03-31/benchmarks.csv"));
    }
}
