package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * A census in one LA's folder whose header names another LA counts for the header's LA (INPUTS.md),
 * which leaves the folder's LA without that year: the run says so where a person reads first (the
 * summary), not only as a note in rejects.csv, and the note points at the line the LEA is on.
 */
class HeaderNamesAnotherLaTest {

    @TempDir
    Path dir;

    @Test
    void aCensusWhoseHeaderNamesAnotherLaIsSaidInTheSummaryAndItsNotePointsAtTheLea() throws Exception {
        Path input = dir.resolve("input");
        var census = new ReturnBuilder("822", LocalDate.of(2024, 3, 31));
        census.child("A").episode("2023-05-01", null, "N1").cpp("2023-06-01", null, "NEG", "NEG", 0).end().done();
        census.child("B").episode("2023-07-01", null, "N1").cpp("2023-08-01", null, "NEG", "NEG", 0).end().done();
        Path xml = input.resolve("821/2023-24/census.xml");
        CensusReturnWriter.writeXml(census.build(), xml);
        // Luton's own return of that year, in its own folder, so the run has something of Luton's.
        var own = new ReturnBuilder("821", LocalDate.of(2024, 3, 31));
        own.child("C").episode("2023-05-01", null, "N1").cpp("2023-06-01", null, "PHY", "PHY", 0).end().done();
        CensusReturnWriter.writeCsv(own.build(), input.resolve("821/2023-24-tables"));

        Path job = TestApp.jobFile(dir.resolve("jobs"), "lea", "p", List.of("821", "822"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var r = app.run(job, LocalDate.of(2024, 3, 31), input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }

        String summary = Files.readString(dir.resolve("out/p/2024-03-31/run-summary.txt"));
        assertThat(summary).contains("821/2023-24/census.xml sits in the folder of Luton (821), but the LA code in it says it is "
                + "Bedford (822)'s: it counts for Bedford (822), not for Luton (821).");
        // Luton's own return, in its own folder, is not said.
        assertThat(summary).doesNotContain("2023-24-tables/ (CIN census tables) sits in the folder");

        List<String> lines = Files.readAllLines(xml);
        int leaLine = 1 + java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains("<LEA>")).findFirst()
                .orElseThrow();
        String rejects = Files.readString(dir.resolve("out/p/2024-03-31/rejects.csv"));
        assertThat(rejects).contains("821/2023-24/census.xml,Header," + leaLine + ",LEA,822,");
    }
}
