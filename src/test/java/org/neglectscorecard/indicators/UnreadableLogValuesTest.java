package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.TestApp;

/**
 * A partner's log with some values that cannot be read loses the figures that need them for the
 * months those rows are dated in, for the LA whose rows they are: twelve audit answers written
 * "Partially" in one year left five years of AUDIT_NEG_PLAN_PCT with no value for every LA, and
 * the note blamed the wrong LA (a trial, 5 December).
 */
class UnreadableLogValuesTest {

    static final String LUTON = "E06000032";
    static final String BEDFORD = "E06000055";

    @TempDir
    Path dir;

    @Test
    void unreadableAnswersWithholdTheirOwnMonthsForTheirOwnLa() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeXml(AbsentColumnIndicatorsTest.census(LocalDate.of(2023, 3, 31)).build(), input.resolve("821/2022-23.xml"));
        StringBuilder audits = new StringBuilder("Audit reference,Audit date,Case reference,Tier,Kind of audit,Theme,Multi-agency,"
                + "Overall grade,Assessment effective,Plan clear and measurable,Impact evidenced,Neglect tool used well,"
                + "Child's voice captured,Management oversight,LA code\n");
        LocalDate month = LocalDate.of(2021, 4, 15);
        for (int i = 0; i < 24; i++, month = month.plusMonths(1)) {
            for (String la : List.of("821", "822")) {
                for (int k = 0; k < 2; k++) {
                    // Luton's four in January and February 2023 cannot be read; Bedford's two in March 2023 are strays.
                    boolean unreadable = la.equals("821") && (i == 21 || i == 22) || la.equals("822") && i == 23 && k == 0;
                    String plan = unreadable ? "Partially" : (i + k) % 3 == 0 ? "N" : "Y";
                    audits.append(String.format("A-%s-%d-%d,%s,C-%s-%d-%d,Child protection,Multi-agency case audit,Neglect,Y,Good,Y,%s,"
                            + "Y,Y,Y,Y,%s%n", la, i, k, month.plusDays(k), la, i, k, plan, la));
                }
            }
        }
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/case-audits.csv"), audits);
        Path out = run(input, LocalDate.of(2023, 3, 31), "821", "822");
        IndicatorsFile values = IndicatorsFile.read(out.resolve("indicators.csv"));
        // Before Luton's unreadable months, and their year after, every area keeps its figure.
        for (String area : List.of(LUTON, BEDFORD, "p")) {
            assertThat(values.value("AUDIT_NEG_PLAN_PCT", area, "2022-06-30")).as(area).isNotNull();
            assertThat(values.value("AUDIT_NEG_PLAN_PCT", area, "2022-12-31")).as(area).isNotNull();
        }
        // Luton's 12-month figures that include January or February 2023 have none, nor the partnership's.
        for (String monthEnd : List.of("2023-01-31", "2023-02-28", "2023-03-31")) {
            assertThat(values.value("AUDIT_NEG_PLAN_PCT", LUTON, monthEnd)).as(monthEnd).isNull();
            assertThat(values.value("AUDIT_NEG_PLAN_PCT", "p", monthEnd)).as(monthEnd).isNull();
        }
        // Bedford's two strays are only listed: its figure stands, without them.
        assertThat(values.value("AUDIT_NEG_PLAN_PCT", BEDFORD, "2023-03-31")).isNotNull();
        assertThat(Files.readString(out.resolve("rejects.csv")))
                .contains("4 of the 48 rows (LA 821) give Plan clear and measurable that cannot be read")
                .contains("for the months they are dated in (January 2023, February 2023)")
                .doesNotContain("(LA 822) give Plan clear and measurable that cannot be read");
    }

    /**
     * A training log headed "GCP2 licence" (a heading the template accepts), three of whose June 2023
     * answers cannot be read: practitioners holding a licence are counted at every month end from
     * their course on, so June's unreadable answers leave every month end from June on without a
     * value (before, only June's; and under that heading none were found at all).
     */
    @Test
    void unreadableAnswersOfRecordsStillOpenWithholdEveryMonthEndAfter() throws Exception {
        Path input = dir.resolve("input");
        StringBuilder training = new StringBuilder("Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,"
                + "Course date,Completed,Confidence before,Confidence after,GCP2 licence,LA code\n");
        LocalDate day = LocalDate.of(2022, 4, 10);
        for (int i = 0; i < 24; i++, day = day.plusMonths(1)) {
            for (int k = 0; k < 3; k++) {
                String licensed = i == 14 ? "Licence issued" : k == 0 ? "Y" : "N";   // June 2023: three answers no list reads
                training.append(String.format("P%d-%d,Luton Council,Children's social care,Graded Care Profile 2,Multi-agency,%s,Y,"
                        + "3,4,%s,821%n", i, k, day, licensed));
            }
        }
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/training.csv"), training);
        IndicatorsFile values = IndicatorsFile.read(run(input, LocalDate.of(2024, 3, 31), "821").resolve("indicators.csv"));
        assertThat(values.value("TRAIN_GCP2_LICENSED_CUM", LUTON, "2023-05-31")).isNotNull();
        for (String monthEnd : List.of("2023-06-30", "2023-12-31", "2024-03-31")) {
            assertThat(values.value("TRAIN_GCP2_LICENSED_CUM", LUTON, monthEnd)).as(monthEnd).isNull();
        }
    }

    /**
     * Monthly counts by service with one service's rows rejected (a name no list knows): the
     * all-services figure was published from the services left, too low. The months those rows are
     * for have no value for the figures from the file; the other months keep theirs.
     */
    @Test
    void aMonthsCountsWithARowRejectedHaveNoValueForThatMonth() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeXml(AbsentColumnIndicatorsTest.census(LocalDate.of(2023, 3, 31)).build(), input.resolve("821/2022-23.xml"));
        StringBuilder counts = new StringBuilder("Month,Service,Appointments,Was not brought,LA code\n");
        LocalDate month = LocalDate.of(2021, 4, 1);
        for (int i = 0; i < 24; i++, month = month.plusMonths(1)) {
            counts.append(String.format("%s,Dental,400,%d,821%n", month.toString().substring(0, 7), 20 + i % 5));
            // February 2023's GP row names its service as no list does: rejected.
            counts.append(String.format("%s,%s,300,%d,821%n", month.toString().substring(0, 7), i == 22 ? "Surgery list" : "GP", 10 + i % 3));
        }
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/health-monthly.csv"), counts);
        Path out = run(input, LocalDate.of(2023, 3, 31), "821");
        IndicatorsFile values = IndicatorsFile.read(out.resolve("indicators.csv"));
        assertThat(values.value("WNB_ALL_PCT", LUTON, "2023-01-31")).isNotNull();
        assertThat(values.value("WNB_DENTAL_PCT", LUTON, "2023-01-31")).isNotNull();
        for (String monthEnd : List.of("2023-02-28", "2023-03-31")) {
            assertThat(values.value("WNB_ALL_PCT", LUTON, monthEnd)).as(monthEnd).isNull();
            assertThat(values.value("WNB_ALL_PCT", "p", monthEnd)).as(monthEnd).isNull();
        }
        assertThat(Files.readString(out.resolve("rejects.csv"))).contains("1 row (LA 821) of monthly counts was rejected")
                .contains("have no value for the months it is for (February 2023)");
        assertThat(Files.readString(out.resolve("run-summary.txt"))).contains("has rows of monthly counts that were rejected");
    }

    /** The job for the partnership p of these LAs, run for the month on the input: its outputs' folder. */
    private Path run(Path input, LocalDate period, String... members) throws Exception {
        Path job = TestApp.jobFile(dir, "logs", "p", List.of(members));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, period, input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        return dir.resolve("out/p/" + period);
    }
}
