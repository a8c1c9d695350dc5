package org.neglectscorecard.ingest.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.CollectionYear;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.testing.CensusYears;
import org.neglectscorecard.testing.TestApp;

/**
 * SSDA903 by collection year, as data (ingest/ssda903/ssda903-YYYY-YY.yml): SEX went from 1/2 to
 * M/F/U in 2024-25. The same children's Header and Episodes as a 2023-24 system writes them and as
 * a 2024-25 one does (SEX as letters, a byte-order mark, Windows line ends, dd/mm/yyyy) give the
 * same figures.
 */
class Ssda903YearsTest {

    @TempDir
    Path dir;

    @Test
    void everyYearIsOneDataFileAndSexAsLettersOrNumbersMeansTheSame() throws Exception {
        assertThat(Ssda903.YEARS.all()).extracting(CollectionYear::year).containsExactlyElementsOf(CensusYears.YEARS);
        assertThat(Ssda903.YEARS.named("2023-24").codes().get("SEX")).containsExactly("1", "2");
        assertThat(Ssda903.YEARS.named("2024-25").codes().get("SEX")).containsExactly("M", "F", "U");
        assertThat(Ssda903.YEARS.named("2024-25").accepts("SEX", "1")).as("still sent").isTrue();

        String[][] children = {{"C1", "1", "12/05/2012", "WBRI"}, {"C2", "2", "01/11/2016", "APKN"}, {"C3", "2", "30/06/2009", "BAFR"}};
        String[][] episodes = {{"C1", "10/05/2024", "S", "C2", "N1", "", ""}, {"C2", "01/09/2024", "S", "V3", "N2", "15/09/2024", "E13"},
                {"C2", "01/11/2024", "S", "C1", "N1", "", ""}, {"C3", "20/01/2025", "S", "J2", "N6", "", ""},
                {"C3", "25/02/2025", "P", "J2", "N6", "", ""}};
        write(dir.resolve("y2023/821/903"), children, episodes, false);
        write(dir.resolve("y2024/821/903"), children, episodes, true);
        assertThat(Files.readAllBytes(dir.resolve("y2024/821/903/Header.csv"))).startsWith(0xEF, 0xBB, 0xBF);

        String older = run("y2023");
        String newer = run("y2024");
        assertThat(newer).isEqualTo(older).contains("CLA_START");
        assertThat(Files.readString(dir.resolve("out-y2024/p/2025-03-31/rejects.csv")).lines().filter(l -> l.contains("SEX"))).isEmpty();
    }

    /**
     * A return's whole table set, as DfE's 903 validators take it (csc-validator-be-903's fake_data):
     * UASC has CHILD, SEX and DOB as the Header does, and the other tables CHILD and DOB. Only Header
     * and Episodes are read; the rest are passed over, and the figures are those of the two alone.
     */
    @Test
    void theReturnsOtherTablesBesideHeaderAndEpisodesChangeNothing() throws Exception {
        String[][] children = {{"C1", "1", "12/05/2012", "WBRI"}, {"C2", "2", "01/11/2016", "APKN"}};
        String[][] episodes = {{"C1", "10/05/2024", "S", "C2", "N1", "", ""}, {"C2", "01/09/2024", "S", "J2", "N2", "", ""}};
        write(dir.resolve("two/821/903"), children, episodes, false);
        Path whole = dir.resolve("whole/821/903");
        write(whole, children, episodes, false);
        Files.writeString(whole.resolve("uasc.csv"), "CHILD,SEX,DOB,DUC\nC2,2,01/11/2016,01/11/2034\n");
        Files.writeString(whole.resolve("ad1.csv"), "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n");
        Files.writeString(whole.resolve("placed_for_adoption.csv"), "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n");
        Files.writeString(whole.resolve("previous_permanence.csv"), "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,12/05/2012,Z1,,\n");
        Files.writeString(whole.resolve("reviews.csv"), "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,12/05/2012,01/12/2024,PN1\n");
        Files.writeString(whole.resolve("missing.csv"), "CHILD,DOB,MISSING,MIS_START,MIS_END\n");
        Files.writeString(whole.resolve("oc2.csv"), "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK\n");
        Files.writeString(whole.resolve("oc3.csv"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n");

        String fromTwo = run("two");
        assertThat(fromTwo).contains("CLA_START");
        assertThat(run("whole")).isEqualTo(fromTwo);
        assertThat(Files.readString(dir.resolve("out-whole/p/2025-03-31/rejects.csv"))).doesNotContain("two files for one table");
        // Each is said to be one of the return's own tables, passed over, not a table of no known return.
        String summary = Files.readString(dir.resolve("out-whole/p/2025-03-31/run-summary.txt"));
        assertThat(summary).contains("821/903/reviews.csv is the SSDA903 return's reviews table, which no figure uses: passed over")
                .contains("821/903/uasc.csv is the SSDA903 return's UASC table").contains("821/903/oc3.csv is the SSDA903 return's OC3")
                .doesNotContain("matches no known return");
    }

    /**
     * A 903 has no date of its own: it is taken as the year's return, as at the 31 March after its latest
     * date. One with nothing after November (a monthly extract cut part-way through the year, say) is
     * said, with the job file's line that dates it; one with a date in March is not.
     */
    @Test
    void aReturnWithNothingInItsLastMonthsIsSaidWithTheLineThatDatesIt() throws Exception {
        String[][] children = {{"C1", "1", "12/05/2012", "WBRI"}, {"C2", "2", "01/11/2016", "APKN"}};
        write(dir.resolve("cut/821/903"), children, new String[][] {{"C1", "10/05/2024", "S", "C2", "N1", "", ""},
                {"C2", "01/11/2024", "S", "J2", "N2", "", ""}}, false);
        run("cut");
        assertThat(Files.readString(dir.resolve("out-cut/p/2025-03-31/run-summary.txt")))
                .contains("821/903/ (SSDA903 tables) (Luton) has no date of its own and none after 1 November 2024")
                .contains("as at 31 March 2025, and its months after November 2024 count nothing that happened in them")
                .contains("(- path: 821/903, as-at: 2024-11-30)");
        write(dir.resolve("full/821/903"), children, new String[][] {{"C1", "10/05/2024", "S", "C2", "N1", "", ""},
                {"C2", "01/03/2025", "S", "J2", "N2", "", ""}}, false);
        run("full");
        assertThat(Files.readString(dir.resolve("out-full/p/2025-03-31/run-summary.txt"))).doesNotContain("has no date of its own");
    }

    private static void write(Path folder, String[][] children, String[][] episodes, boolean asIn202425) throws Exception {
        Files.createDirectories(folder);
        String end = asIn202425 ? "\r\n" : "\n";
        StringBuilder header = new StringBuilder(asIn202425 ? "\uFEFF" : "").append("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB").append(end);
        for (String[] c : children) {
            String sex = asIn202425 ? ("1".equals(c[1]) ? "M" : "F") : c[1];
            header.append(c[0]).append(',').append(sex).append(',').append(c[2]).append(',').append(c[3]).append(",,,").append(end);
        }
        StringBuilder eps = new StringBuilder(asIn202425 ? "\uFEFF" : "")
                .append("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN").append(end);
        for (String[] e : episodes) {
            eps.append(e[0]).append(',').append(e[1]).append(',').append(e[2]).append(',').append(e[3]).append(',').append(e[4])
                    .append(",U4,PR1,").append(e[5]).append(',').append(e[6]).append(",,,,").append(end);
        }
        Files.writeString(folder.resolve("Header.csv"), header, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("Episodes.csv"), eps, StandardCharsets.UTF_8);
    }

    private String run(String name) throws Exception {
        Path job = TestApp.jobFile(dir.resolve("jobs"), "903-" + name, "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data-" + name))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2025, 3, 31), dir.resolve(name), dir.resolve("out-" + name), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        return Files.readString(dir.resolve("out-" + name + "/p/2025-03-31/indicators.csv"));
    }
}
