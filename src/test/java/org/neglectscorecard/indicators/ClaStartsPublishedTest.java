package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.TestApp;

/**
 * CLA starts as DfE counts them, checked against a published figure: SSDA903 episodes built to
 * be Westminster's children who started to be looked after in 2021-22 give exactly DfE's total and
 * N1 (abuse or neglect) count, read from the published file. The episodes carry what DfE's rules
 * must see through: children starting twice in the year (counted once, with the category of need
 * at their first start), short-break care (legal status V3, V4) left out, placement changes
 * (RNE P, T, L) that are not new periods of care, and starts either side of the year's edges.
 */
class ClaStartsPublishedTest {

    @TempDir
    static Path dir;
    static IndicatorsFile out;
    static int publishedTotal;
    static int publishedN1;
    static String publishedN1Percent;

    @BeforeAll
    static void run() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/dfe/westminster-la_cla_who_started_to_be_looked_after_2022.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get("characteristic").equals("Total")) {
                    publishedTotal = Integer.parseInt(r.get("number"));
                } else if (r.get("characteristic").startsWith("N1.")) {
                    publishedN1 = Integer.parseInt(r.get("number"));
                    publishedN1Percent = r.get("percentage");
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"));
        List<String> episodes = new ArrayList<>(List.of("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"));
        int[] next = {100000};
        String[] needs = {"N2", "N3", "N4", "N5", "N6", "N7", "N8"};
        // Children whose first start in the year has category N1: 20 single starts (one on the year's
        // first day, one on its last), 5 who start again later with another category, and 2 whose
        // first episode in the year is short-break care (not counted) before a real start with N1.
        for (int i = 0; i < 20; i++) {
            String start = i == 0 ? "01/04/2021" : i == 1 ? "31/03/2022" : day(i);
            // A date of birth with a two-digit year that can only be 1993 (a child of 28 starting care is no child's
            // age: in no age band), and one of 16.
            String born = i == 2 ? "27/06/93" : i == 3 ? "15/02/05" : "01/01/2010";
            child(header, episodes, next, start + ",S,C2,N1,U1,PR1,,,,", born);
        }
        for (int i = 0; i < 5; i++) {
            String id = child(header, episodes, next, day(i) + ",S,J2,N1,U1,PR1,15/11/2021,E11,,");
            episodes.add(id + ",01/12/2021,S,V2,N5,U4,PR1,,,,,,");
        }
        for (int i = 0; i < 2; i++) {
            String id = child(header, episodes, next, "05/05/2021,S,V3,N2,U1,PR1,06/05/2021,E8,,");
            episodes.add(id + ",10/09/2021,S,C2,N1,U1,PR1,,,,,,");
        }
        int n1 = 27;
        // Starts whose first category is not N1: 4 start again later with N1 (still not N1), and the rest once.
        for (int i = 0; i < 4; i++) {
            String id = child(header, episodes, next, day(i) + ",S,V2,N4,U1,PR1,20/10/2021,E13,,");
            episodes.add(id + ",02/02/2022,S,C2,N1,U1,PR1,,,,,,");
        }
        int others = publishedTotal - n1 - 4;
        for (int i = 0; i < others; i++) {
            String id = child(header, episodes, next, day(i) + ",S,V2," + needs[i % needs.length] + ",U1,PR1,,,,");
            if (i % 10 == 0) {
                episodes.add(id + "," + day(i + 40) + ",P,V2," + needs[i % needs.length] + ",U3,PR1,,,,,,");   // a move, not a start
            }
        }
        // Not counted: short breaks only; looked after since before the year (with a move in it); a start
        // the day before the year.
        for (int i = 0; i < 3; i++) {
            child(header, episodes, next, day(i) + ",S,V4,N2,U1,PR1," + day(i + 2) + ",E8,,");
        }
        for (int i = 0; i < 4; i++) {
            String id = child(header, episodes, next, "10/02/2021,S,C2,N1,U1,PR1,01/07/2021,X1,,");
            episodes.add(id + ",01/07/2021,T,C2,N1,U4,PR1,,,,,,");
        }
        child(header, episodes, next, "31/03/2021,S,C2,N1,U1,PR1,,,,");

        Path input = dir.resolve("input/213/ssda903-2022");
        Files.createDirectories(input);
        Files.write(input.resolve("header.csv"), header);
        Files.write(input.resolve("episodes.csv"), episodes);
        // DfE's files: the LA file's Westminster rows (2022), and England's own file to 2024, the only one with England's
        // later years (its Total row reads "Total children").
        Path reference = dir.resolve("input/reference");
        Files.createDirectories(reference);
        Files.copy(Path.of("src/test/resources/dfe/westminster-la_cla_who_started_to_be_looked_after_2022.csv"),
                reference.resolve("la_cla_who_started_to_be_looked_after_2022.csv"));
        Files.copy(Path.of("src/test/resources/dfe/national_cla_started_to_be_looked_after_to_2024.csv"),
                reference.resolve("national_cla_started_to_be_looked_after_to_2024.csv"));
        Path job = TestApp.jobFile(dir, "cla", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult result = app.run(job, LocalDate.of(2022, 3, 31), dir.resolve("input"), dir.resolve("output"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        out = IndicatorsFile.read(dir.resolve("output/p/2022-03-31/indicators.csv"));
        benchmarks = Files.readString(dir.resolve("output/p/2022-03-31/benchmarks.csv"));
    }

    static String benchmarks;

    /**
     * England's figure beside ours comes from DfE's national file, the only one with England's later
     * years: 17,890 of 31,100 children who started to be looked after in 2021-22 for abuse or neglect.
     */
    @Test
    void englandsShareComesFromDfesNationalFile() {
        assertThat(benchmarks).contains("CLA_START_N1_PCT,E09000033,2022-03-31,22.0,57.5,");
    }

    private static String child(List<String> header, List<String> episodes, int[] next, String episode) {
        return child(header, episodes, next, episode, "01/01/2010");
    }

    private static String child(List<String> header, List<String> episodes, int[] next, String episode, String born) {
        String id = String.valueOf(next[0]++);
        header.add(id + ",1," + born + ",WBRI,,,");
        episodes.add(id + "," + episode + ",,,");
        return id;
    }

    /** A day in the year 2021-22 that is neither of its edges. */
    private static String day(int i) {
        LocalDate d = LocalDate.of(2021, 4, 2).plusDays((i * 7L) % 360);
        return String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    @Test
    void theJobGivesDfesPublishedStartsAndNeglectStarts() {
        assertThat(publishedTotal).isEqualTo(123);
        assertThat(out.value("CLA_START", "E09000033", "2022-03-31")).isEqualTo(String.valueOf(publishedTotal));
        assertThat(out.value("CLA_START_N1", "E09000033", "2022-03-31")).isEqualTo(String.valueOf(publishedN1));
        // DfE rounds the percentage to a whole number; ours is to one place and agrees with it.
        String ours = out.value("CLA_START_N1_PCT", "E09000033", "2022-03-31");
        assertThat(Math.round(Double.parseDouble(ours))).isEqualTo(Long.parseLong(publishedN1Percent));
        assertThat(ours).isEqualTo("22.0");
    }

    @Test
    void anAgeNoLookedAfterChildCanBeIsInNoAgeBand() {
        assertThat(out.value("CLA_START", "E09000033", "2022-03-31", "age_band=Not known")).isEqualTo("1");
        assertThat(out.value("CLA_START", "E09000033", "2022-03-31", "age_band=16+")).isEqualTo("1");
        assertThat(out.value("CLA_START", "E09000033", "2022-03-31", "age_band=10-15")).isEqualTo(String.valueOf(publishedTotal - 2));
    }

    @Test
    void thePartnershipOfOneLaHasTheSameFigures() {
        assertThat(out.value("CLA_START", "p", "2022-03-31")).isEqualTo(String.valueOf(publishedTotal));
    }
}
