package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * A partner's log sent twice over the same months is counted once, through the real job: last
 * quarter's audit export left beside this quarter's (every audit of it repeated), and a year of
 * police figures re-sent in a file of its own with one month corrected. Before, every repeated row
 * counted twice and nothing said so (a fresh-eye trial: AUDIT_NEG doubled, 11 became 22).
 */
class RepeatedLogRowsTest {

    static final String P = "p";
    static final String END = "2026-03-31";

    @TempDir
    Path dir;

    @Test
    void aLogSentTwiceCountsOnceAndTheLaterFileStands() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/audits.csv"), """
                Audit reference,Audit date,Case reference,Tier,Kind of audit,Theme,Multi-agency,Overall grade,Assessment effective,Plan clear and measurable,Impact evidenced,Neglect tool used well,Child's voice captured,Management oversight
                A0,2025-03-01,C0,CP,Multi-agency case audit,Neglect,Y,Good,Y,Y,Y,Y,Y,Y
                A1,2025-06-30,C1,CP,Multi-agency case audit,Neglect,Y,Good,Y,Y,Y,Y,Y,Y
                A2,2025-09-30,C2,CIN,Multi-agency case audit,Neglect,Y,Requires improvement,Y,Y,Y,Y,Y,Y
                A3,2025-12-15,C3,CP,Multi-agency case audit,Neglect,Y,Outstanding,Y,Y,Y,Y,Y,Y
                A4,2026-02-15,C4,CP,Multi-agency case audit,Neglect,Y,Good,Y,Y,Y,Y,Y,Y
                """);
        // Last quarter's export, left in the folder: A1 and A2 again (A2 graded Good before it was moderated down).
        Files.writeString(input.resolve("partnership/audits-export-2025-12.csv"), """
                Audit reference,Audit date,Case reference,Tier,Kind of audit,Theme,Multi-agency,Overall grade,Assessment effective,Plan clear and measurable,Impact evidenced,Neglect tool used well,Child's voice captured,Management oversight
                A1,2025-06-30,C1,CP,Multi-agency case audit,Neglect,Y,Good,Y,Y,Y,Y,Y,Y
                A2,2025-09-30,C2,CIN,Multi-agency case audit,Neglect,Y,Good,Y,Y,Y,Y,Y,Y
                """);
        // A small extra log of March without the judgement columns: those four figures lose the months it
        // covers, not the whole history (before, every month of the partnership's lost them).
        Files.writeString(input.resolve("partnership/audits-extra.csv"), """
                Audit reference,Audit date,Case reference,Tier,Kind of audit,Theme,Multi-agency,Overall grade
                A5,2026-03-10,C5,CP,Multi-agency case audit,Neglect,Y,Good
                """);
        // April's dental appointments given both ways: the appointments count, April's monthly count does not.
        Files.writeString(input.resolve("partnership/health-monthly.csv"), """
                Month,Service,Appointments,Was not brought
                2025-04,Dental,100,20
                2025-10,Dental,50,5
                """);
        Files.writeString(input.resolve("partnership/health-appointments.csv"), """
                Child reference,Appointment date,Service,Outcome
                H1,2025-04-10,Dental,Was not brought
                H2,2025-04-12,Dental,Attended
                """);
        police(input.resolve("partnership/police.csv"), "2026-04-01", "2025-04,4,1", "2025-09,6,3", "2026-03,2,2");
        // The year re-sent, September corrected: saved after police.csv, as at the same month.
        Path resent = police(input.resolve("partnership/police-2025-26.csv"), "2026-04-02", "2025-04,4,1", "2025-09,9,3",
                "2026-03,2,2");
        // The export is dated by its latest row (September 2025); this quarter's log is as at March.
        Path job = job(input, "logs", "partnership/audits.csv", "partnership/health-monthly.csv",
                "partnership/health-appointments.csv", "partnership/police.csv", "partnership/police-2025-26.csv");

        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult first = app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out1"), false);
            assertThat(first.ok()).as(first.message()).isTrue();
            IndicatorsFile out = IndicatorsFile.read(dir.resolve("out1/p/2026-03-31/indicators.csv"));
            // A1-A5 once each in the year (A0 is before it), not seven audits.
            assertThat(out.value("AUDIT_NEG", P, END)).isEqualTo("5");
            // The later file's A2 (Requires improvement) stands: good or better 4 of 5 (the export's would make it 5 of 5).
            assertThat(out.value("AUDIT_NEG_GOOD_PCT", P, END)).isEqualTo("80.0");
            assertThat(out.value("AUDIT_NEG_GOOD_PCT", P, "2026-02-28")).isEqualTo("80.0");   // the year to February: A0-A4
            // The extra log's March has no judgement figure; the months before it keep theirs.
            assertThat(out.value("AUDIT_NEG_VOICE_PCT", P, END)).isNull();
            assertThat(out.value("AUDIT_NEG_VOICE_PCT", P, "2026-02-28")).isEqualTo("100.0");
            // 4 + 9 + 2 from the re-sent year, not 4 + 6 + 2 + 4 + 9 + 2.
            assertThat(out.value("POLICE_NEG_OFFENCES", P, END)).isEqualTo("15");
            // 2 appointments in April (not 100 + 2) and October's 50; 1 not brought in April and 5 in October.
            var dental = out.row("WNB_DENTAL_PCT", P, END, "all");
            assertThat(dental.get("numerator")).isEqualTo("6");
            assertThat(dental.get("denominator")).isEqualTo("52");
            String summary = Files.readString(dir.resolve("out1/p/2026-03-31/run-summary.txt"));
            assertThat(summary).contains("2 rows of partnership/audits-export-2025-12.csv")
                    .contains("also in partnership/audits.csv, the later file")
                    .contains("3 rows of partnership/police.csv").contains("also in partnership/police-2025-26.csv")
                    .contains("1 of them has other values in partnership/police-2025-26.csv, which are the ones counted.")
                    .doesNotContain("Every one of them")
                    .contains("1 monthly count of partnership/health-monthly.csv (LA ALL) is for a service and month "
                            + "partnership/health-appointments.csv gives appointment by appointment");

            // The re-sent file taken out of the folder: police.csv's rows count again, as they are.
            Files.delete(resent);
            RunService.RunResult again = app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out2"), true);
            assertThat(again.ok()).as(again.message()).isTrue();
            IndicatorsFile after = IndicatorsFile.read(dir.resolve("out2/p/2026-03-31/indicators.csv"));
            assertThat(after.value("POLICE_NEG_OFFENCES", P, END)).isEqualTo("12");
            assertThat(after.value("AUDIT_NEG", P, END)).isEqualTo("5");
        }
    }

    /**
     * Another force's file in the folder (no LA code in it, the same months): its numbers replaced
     * ours for every month, and the warning said only to check the months. Said now that every
     * repeated row has other values there, and what to do either way.
     */
    @Test
    void anotherAreasFileWithOtherValuesForEveryMonthIsSaidToBePerhapsAnotherAreas() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("partnership"));
        police(input.resolve("partnership/police.csv"), "2026-04-01", "2025-04,4,1", "2025-09,6,3", "2026-03,2,2");
        police(input.resolve("partnership/police-hertfordshire.csv"), "2026-04-02", "2025-04,12,3", "2025-09,18,9", "2026-03,6,6");
        Path job = job(input, "force", "partnership/police.csv", "partnership/police-hertfordshire.csv");
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult run = app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve("out"), false);
            assertThat(run.ok()).as(run.message()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("out/p/2026-03-31/run-summary.txt")).replaceAll("\\s+", " "))
                .contains("3 rows of partnership/police.csv").contains("Every one of them has other values in "
                        + "partnership/police-hertfordshire.csv: if it is another area's or another partner's file, take it out "
                        + "of the input folder (its values are counted now, not partnership/police.csv's); if it corrects "
                        + "partnership/police.csv, nothing need be done.");
    }

    /** A police log of these months ("2025-04,4,1"), saved on the given day (which of two logs is the later). */
    private static Path police(Path file, String saved, String... months) throws Exception {
        Files.writeString(file, "Month,Neglect offences,With earlier neglect concerns\n" + String.join("\n", months) + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(saved + "T09:00:00Z")));
        return file;
    }

    /** LA 213's census beside the logs, and a job file giving each log as at 31 March 2026. */
    private Path job(Path input, String name, String... logs) throws Exception {
        var census = new ReturnBuilder("213", LocalDate.of(2026, 3, 31));
        census.child("X").episode("2025-05-01", null, "N1").cpp("2025-05-10", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(census.build(), input.resolve("213/census-2026.xml"));
        Path job = TestApp.jobFile(dir, name, P, List.of("213"));
        StringBuilder files = new StringBuilder("strategy-start: 2025-04-01\nfiles:\n");
        for (String log : logs) {
            files.append("  - path: ").append(log).append("\n    as-at: 2026-03-31\n");
        }
        Files.writeString(job, Files.readString(job) + files);
        return job;
    }
}
