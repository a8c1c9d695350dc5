package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.TestApp;

/**
 * What year a return is for, and which of two is the correction, as a trial across a history found
 * them: an earlier year's census under a later year's header is not used (it was counted as the
 * later year, flat); an SSDA903 exported a week after the year end is the year its folder names;
 * a copy of the original sent again later does not undo its correction.
 */
class ReturnDatesAndResubmissionsTest {

    @TempDir
    Path dir;

    static final String LA = "E09000033";

    @Test
    void anEarlierYearsReturnUnderALaterYearsHeaderIsNotUsed() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeXml(SuccessiveReturnsTest.return2022("NEG"), input.resolve("213/2021-22/cin.xml"));
        Path wrong = CensusReturnWriter.writeXml(SuccessiveReturnsTest.return2022("NEG"), input.resolve("213/2022-23/cin.xml"));
        Files.writeString(wrong, Files.readString(wrong).replace("2022-03-31", "2023-03-31"));
        Path job = TestApp.jobFile(dir, "header", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
            // Asked for the year its header names, the refusal says why the file meant for it was not used.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.run(job, LocalDate.of(2023, 3, 31), input, dir.resolve("out2023"), false))
                    .hasMessageContaining("Not used, for their dates or their LA: 213/2022-23/cin.xml (its header says "
                            + "31 March 2023, its latest date is");
        }
        assertThat(Files.readString(dir.resolve("out/p/2022-03-31/run-summary.txt")))
                .contains("213/2022-23/cin.xml says it is the return for the year to 31 March 2023 (the return's header), but none "
                        + "of its dates is in that year: the latest is")
                .contains("It looks like an earlier year's return, so it is not used.");
    }

    @Test
    void anSsda903ExportedAfterTheYearEndIsTheYearItsFolderNames() throws Exception {
        Path folder = dir.resolve("input/213/2021-22/ssda903");
        Files.createDirectories(folder);
        List<String> header = new ArrayList<>(List.of("CHILD,SEX,DOB,ETHNIC"));
        List<String> episodes = new ArrayList<>(List.of("CHILD,DECOM,RNE,LS,CIN,DEC"));
        String[] starts = {"10/05/2021", "12/08/2021", "20/01/2022", "03/04/2022"};   // the last after the year end
        for (int i = 0; i < starts.length; i++) {
            header.add((500 + i) + ",1,01/01/2012,WBRI");
            episodes.add((500 + i) + "," + starts[i] + ",S,C2,N1,");
        }
        Files.write(folder.resolve("header.csv"), header);
        Files.write(folder.resolve("episodes.csv"), episodes);
        Path job = TestApp.jobFile(dir, "ssda903", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2022, 3, 31), dir.resolve("input"), dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        IndicatorsFile out = IndicatorsFile.read(dir.resolve("out/p/2022-03-31/indicators.csv"));
        assertThat(out.value("CLA_START", LA, "2022-03-31")).isEqualTo("3");
        assertThat(Files.readString(dir.resolve("out/p/2022-03-31/run-summary.txt")))
                .contains("as at 2022-03-31 (the year its folder or name gives)");
    }

    @Test
    void aCopyOfTheOriginalSentAgainDoesNotUndoItsCorrection() throws Exception {
        Path input = dir.resolve("input");
        Path original = CensusReturnWriter.writeXml(SuccessiveReturnsTest.return2022("NEG"), input.resolve("213/cin-2022.xml"));
        Path corrected = CensusReturnWriter.writeXml(SuccessiveReturnsTest.return2022("EMO"), input.resolve("213/cin-2022-v2.xml"));
        Files.writeString(original, Files.readString(original).replaceFirst("<DateTime>[^<]*</DateTime>", "<DateTime>2022-05-03T09:00:00</DateTime>"));
        Files.writeString(corrected, Files.readString(corrected).replaceFirst("<DateTime>[^<]*</DateTime>", "<DateTime>2022-05-20T14:00:00</DateTime>"));
        Path job = TestApp.jobFile(dir, "resent", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out1"), false).ok()).isTrue();
            // The original sent again (saved anew, so not the same file), loaded in a later run.
            Files.writeString(input.resolve("213/cin-2022-resent.xml"), Files.readString(original) + "\n");
            var again = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out2"), true);
            assertThat(again.ok()).as(again.message()).isTrue();
        }
        IndicatorsFile out = IndicatorsFile.read(dir.resolve("out2/p/2022-03-31/indicators.csv"));
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31")).as("the correction's M, emotional abuse").isEqualTo("0");
        assertThat(Files.readString(dir.resolve("out2/p/2022-03-31/run-summary.txt")))
                .contains("cin-2022-v2.xml replaces 213/cin-2022-resent.xml").contains("the one made later is used");
    }

    @Test
    void aReturnForAnLaThatHadEndedIsNotUsedAndAnEndedMemberIsSaid() throws Exception {
        Path input = dir.resolve("input");
        for (String la : List.of("909", "942")) {
            var r = new org.neglectscorecard.testing.ReturnBuilder(la, LocalDate.of(2024, 3, 31));
            r.child(la + "A").episode("2023-05-01", null, "N1").cpp("2023-06-01", null, "NEG", "NEG", 0).end().done();
            CensusReturnWriter.writeXml(r.build(), input.resolve(la + "/2023-24/cin.xml"));
        }
        Path job = TestApp.jobFile(dir, "cumbria", "p", List.of("909", "942"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2024, 3, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        String summary = Files.readString(dir.resolve("out/p/2024-03-31/run-summary.txt"));
        assertThat(summary).contains("909/2023-24/cin.xml is Cumbria (909)'s").contains("Cumbria ended on 31 March 2023, replaced by "
                + "Cumberland (942) and Westmorland and Furness (943), so it was not used.");
        assertThat(summary).contains("Partnership member Cumbria (909) ended on 31 March 2023");
        assertThat(IndicatorsFile.read(dir.resolve("out/p/2024-03-31/indicators.csv")).rows())
                .noneMatch(row -> "E10000006".equals(row.get("area_code")));
    }

    @Test
    void aYearNoReturnCoversIsSaid() throws Exception {
        Path input = dir.resolve("input");
        for (int year : List.of(2022, 2024)) {
            var r = new org.neglectscorecard.testing.ReturnBuilder("213", LocalDate.of(year, 3, 31));
            r.child("A" + year).episode((year - 1) + "-05-01", null, "N1").cpp((year - 1) + "-06-01", null, "NEG", "NEG", 0).end().done();
            CensusReturnWriter.writeXml(r.build(), input.resolve("213/" + year + "/cin.xml"));
        }
        Path job = TestApp.jobFile(dir, "gap", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2024, 3, 31), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("out/p/2024-03-31/run-summary.txt")))
                .contains("No child protection or child in need return covers April 2022 to March 2023 for Westminster (213)");
    }
}
