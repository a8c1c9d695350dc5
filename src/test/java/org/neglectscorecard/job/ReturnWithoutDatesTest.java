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
 * A return with children in it but no plans or episodes (its episodes not where the program reads
 * them) has no date: the run says what dates such a return, and to check it is whole, before
 * sending its person to the job file for an as-at date the file seems to them to have.
 */
class ReturnWithoutDatesTest {

    @TempDir
    Path dir;

    @Test
    void saysWhatDatesTheReturnAndToCheckItIsWhole() throws Exception {
        Path input = dir.resolve("input");
        var census = new ReturnBuilder("821", LocalDate.of(2026, 3, 31));
        census.child("C1").episode("2025-05-01", null, "N1").cpp("2025-06-01", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(census.build(), input.resolve("821/cin.xml"));
        Files.createDirectories(input.resolve("821/903"));
        Files.writeString(input.resolve("821/903/ssda903.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <EXPSSDA903>
                  <CHILD><HEADER><CHILDID>101</CHILDID><SEX>1</SEX><DOB>01/01/2015</DOB></HEADER></CHILD>
                  <CHILD><HEADER><CHILDID>105</CHILDID><SEX>2</SEX><DOB>01/01/2016</DOB></HEADER></CHILD>
                </EXPSSDA903>
                """);
        Path job = TestApp.jobFile(dir, "nodates", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        String summary = Files.readString(dir.resolve("out/p/2026-03-31/run-summary.txt"));
        assertThat(summary).contains("821/903/ssda903.xml has no date in it, so the months it covers are unknown and it was "
                + "not used. None of its rows gives an episode's start date (DECOM) or end date (DEC): if it should have them, "
                + "check that it is the whole return as its system exported it");
    }
}
