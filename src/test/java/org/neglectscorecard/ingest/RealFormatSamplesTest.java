package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.TestApp;

/**
 * Annex A workbooks and an SSDA903 episodes table as public tools write them (synthetic, see
 * format-samples/README.md) are recognised by their headings and loaded: wording the program does
 * not know is left out with a reason, never guessed, and the rest counts.
 */
class RealFormatSamplesTest {

    @TempDir
    Path dir;

    @Test
    void annexAWorkbooksAndSsda903EpisodesAsRealToolsWriteThem() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("822/903"));
        Files.copy(Path.of("src/test/resources/format-samples/liia-tools_Annex_A.xlsx"), input.resolve("822/annex-a.xlsx"));
        Files.copy(Path.of("src/test/resources/format-samples/liia-tools-pipeline_Annex_A_2024_Jan.xlsx"),
                input.resolve("823-annex-a.xlsx"));
        Files.copy(Path.of("src/test/resources/format-samples/liia-tools_SSDA903_2020_episodes.csv"), input.resolve("822/903/episodes.csv"));

        List<InputScanner.InputFile> found = new InputScanner(new LaDirectory()).scan(input);
        assertThat(found).extracting(InputScanner.InputFile::format)
                .containsExactlyInAnyOrder(Format.ANNEX_A, Format.ANNEX_A, Format.SSDA903);

        Path job = TestApp.jobFile(dir, "samples", "p", List.of("822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2021, 3, 31), input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        Path folder = dir.resolve("out/p/2021-03-31");
        String summary = Files.readString(folder.resolve("run-summary.txt"));
        String rejects = Files.readString(folder.resolve("rejects.csv"));
        // Annex A outside an LA folder has no LA: its rows are rejected, saying where to put it.
        assertThat(rejects).contains("823-annex-a.xlsx").contains("folder named by the LA");
        // An adult social care code is not a primary need: left out, the episode still loaded.
        assertThat(rejects).contains("822/annex-a.xlsx,List 6").contains("value left out, row loaded");
        assertThat(summary).contains("822/annex-a.xlsx").contains("822/903/ (SSDA903 tables)");
        IndicatorsFile out = IndicatorsFile.read(folder.resolve("indicators.csv"));
        assertThat(out.value("CPP_OPEN", "E06000055", "2021-01-31")).isNotNull();
    }
}
