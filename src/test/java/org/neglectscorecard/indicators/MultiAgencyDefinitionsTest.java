package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.Database;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * Pins the multi-agency indicators (INDICATORS.md: early help, workforce, quality of practice,
 * health, police, voice) on small files of each template's columns whose figures can be worked
 * out by hand (the workings are in the comments), through the real job, on H2 and PostgreSQL.
 * The logs are the whole partnership's (no LA column) except early help and health, which name
 * Westminster (213) row by row; the strategy started on 1 April 2025; the period is 31 March 2026.
 */
@ParameterizedClass
@EnumSource(Database.class)
class MultiAgencyDefinitionsTest {

    static final String LA = "E09000033";
    static final String P = "p";
    static final String END = "2026-03-31";
    @Parameter
    Database database;
    @TempDir
    static Path dir;
    static IndicatorsFile out;
    static Path rejects;

    @BeforeParameterizedClassInvocation
    static void runJob(Database database) throws Exception {
        Path input = dir.resolve(database + "/input");
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/training.csv"), """
                Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,Course date,Completed,Confidence before,Confidence after,GCP2 licensed
                EXAMPLE (delete this row),Example NHS Trust,Health,Multi-agency neglect,Multi-agency,2025-05-14,Y,2,4,N
                P1,Trust X,Health,Neglect awareness,Single-agency,2025-05-10,Y,2,4,N
                P1,Trust X,Health,Multi-agency neglect,Multi-agency,01/09/2025,Y,3,5,N
                P2,Force Y,Police,multi agency neglect training,Multi,2025-06-15,Y,2,3,N
                P3,School Z,Education,Neglect awareness,,2025-07-01,N,,,N
                P4,School Z,Education,Graded Care Profile 2,,2025-08-01,Y,,,Y
                P5,CSC W,Children's social care,neglect awareness,,2024-12-01,Y,1,4,N
                P6,CSC W,CSC,Neglect screening tool,,2026-02-01,Y,3,4,N
                P7,Trust H,Health,GCP2,,2023-03-01,Y,,,Y
                P8,Trust H,Health,Neglect awareness,,2026-04-10,Y,2,4,N
                P9,Trust H,NHS,Neglect awareness,,2025-10-10,Y,9,4,N
                P10,Trust H,Nursing,Neglect awareness,,2025-10-10,Y,2,4,N
                """);
        Files.writeString(input.resolve("partnership/audits.csv"), """
                Audit reference,Audit date,Case reference,Tier,Kind of audit,Theme,Multi-agency,Overall grade,Assessment effective,Plan clear and measurable,Impact evidenced,Neglect tool used well,Child's voice captured,Management oversight
                A1,2025-06-30,C1,CP,Multi-agency case audit,Neglect,Y,Good,Y,Y,N,Y,Y,Y
                A2,2025-09-30,C2,CIN,MACA,Neglect,Y,Requires improvement,N,N,N,Not applicable,Y,N
                A3,2025-12-15,C3,CP,Multi-agency case audit,Neglect,Y,Outstanding,Y,Y,Y,N,N/A,Y
                A4,2026-01-20,C4,EH,Multi-agency case audit,Other,Y,Good,Y,Y,Y,Y,Y,Y
                A5,2025-11-01,C5,CP,Rapid review,Neglect,Y,,,,,,,
                A6,2025-02-01,C6,CP,Multi-agency case audit,Neglect,Y,Inadequate,N,N,N,N,N,N
                A1,2025-06-30,C1,CP,Multi-agency case audit,Neglect,Y,Good,Y,Y,N,Y,Y,Y
                A7,2025-10-15,C7,CP,Multi-agency case audit,Neglect,Y,Very good indeed,,,,N/A,N/A,
                """);
        // Two rows name their LA instead of coding it, as partners' logs often do: counted the same.
        Files.writeString(input.resolve("partnership/early-help.csv"), """
                Family reference,Plan start,Plan end,Whole-family plan,Multi-agency,Lead agency,Neglect identified,LA code
                F1,2025-05-01,,Y,Y,Education,Y,213
                F2,2025-06-01,2025-12-31,Y,Y,Health,N,Westminster
                F3,2025-07-01,,Y,N,Education,Y,Westminster City Council
                F4,2024-01-10,,Y,Y,Early help,N,213
                F5,2026-03-31,,Y,Y,,Y,E09000033
                F6,2025-08-01,2025-07-01,Y,Y,,Y,213
                """);
        Files.writeString(input.resolve("partnership/health-monthly.csv"), """
                Month,Service,Appointments,Was not brought,LA code
                2025-04,Dental,100,20,213
                April 2025,Antenatal,50,5,213
                2025-10,Dental,100,10,213
                2026-03,Postnatal / health visiting,200,8,213
                2025-03,Dental,999,999,213
                2024-11,Dental,10,11,213
                """);
        Files.writeString(input.resolve("partnership/health-appointments.csv"), """
                Child reference,Appointment date,Service,Outcome,LA code
                H1,2025-06-01,Dental,Was not brought,213
                H1,2025-07-01,Dental,Attended,213
                H2,2025-08-01,Dental,Cancelled,213
                H3,2025-09-01,GP,DNA,213
                """);
        Files.writeString(input.resolve("partnership/gcp2.csv"), """
                Assessment reference,Child reference,Assessment date,Agency,Tier,Physical care,Safety,Love and care,Esteem
                G1,K1,2024-11-01,Early help,Early help,4,4,4,4
                G2,K1,2025-06-01,Early help,Early help,3,3,3,3
                G3,K2,2025-05-01,Health,Child in need,2,2,2,2
                G4,K2,2025-12-01,Health,Child in need,3,2,2,2
                G5,K3,2025-09-01,Health,Child protection,3,3,3,3
                G6,K4,2025-04-10,Health,Child protection,5,5,5,5
                G7,K4,2025-07-10,Health,Child protection,4,5,5,5
                G8,K4,2026-01-10,Health,Child protection,5,5,5,5
                """);
        Files.writeString(input.resolve("partnership/police.csv"), """
                Month,Neglect offences,With earlier neglect concerns
                2025-04,4,1
                2025-09,6,3
                2026-03,2,2
                2025-02,50,50
                """);
        Files.writeString(input.resolve("partnership/feedback.csv"), """
                Date,Respondent,Stage,Question,Score
                2025-05-01,Parent/carer,Review conference,I felt listened to,5
                2025-06-01,Parent,Closure,Things are better for my family,3
                2025-07-01,Young person,Early help,I felt listened to,4
                2025-08-01,Practitioner,Training,I know what to do about neglect,4
                2025-09-01,Practitioner,Training,I know what to do about neglect,2
                2025-01-01,Parent/carer,Closure,Things are better for my family,1
                """);
        // Westminster's census for the year, for the ratio of early help to child protection for neglect.
        var r = new ReturnBuilder("213", LocalDate.of(2026, 3, 31));
        r.child("X").episode("2025-05-01", null, "N1").cpp("2025-05-10", null, "NEG", "NEG", 0).end().done();
        r.child("Y").episode("2025-06-01", null, "N1").cpp("2025-06-10", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(r.build(), input.resolve("213/census-2026.xml"));

        Path job = TestApp.jobFile(dir, "agency", P, List.of("213"));
        // A log covers up to its latest date unless the job file says what date it is as at (never the file's own date on disk).
        StringBuilder asAt = new StringBuilder("strategy-start: 2025-04-01\nfiles:\n");
        for (String log : List.of("audits", "early-help", "health-monthly", "health-appointments", "gcp2", "police", "feedback")) {
            asAt.append("  - path: partnership/").append(log).append(".csv\n    as-at: 2026-03-31\n");
        }
        Files.writeString(job, Files.readString(job) + asAt);
        try (TestApp app = TestApp.start(database, dir.resolve(database + "/data"))) {
            RunService.RunResult result = app.run(job, LocalDate.of(2026, 3, 31), input, dir.resolve(database + "/output"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        out = IndicatorsFile.read(dir.resolve(database + "/output/p/2026-03-31/indicators.csv"));
        rejects = dir.resolve(database + "/output/p/2026-03-31/rejects.csv");
    }

    @Test
    void practitionersTrainedInNeglectAreCountedOnce() {
        // Apr 2025 - Mar 2026: P1 (twice), P2, P9 complete a neglect course; P3 did not complete; P5 was
        // before the year; P8 after it; P6's course is the screening tool; P10's row is rejected (its agency
        // sector is not one of the list's). P9's "NHS" is read as Health.
        assertThat(out.value("TRAIN_NEG", P, END)).isEqualTo("3");
        assertThat(out.value("TRAIN_NEG", P, END, "agency_sector=Health")).isEqualTo("2");   // P1, P9
        assertThat(out.value("TRAIN_NEG", P, END, "agency_sector=Police")).isEqualTo("1");
        // Since the strategy started (1 Apr 2025): P1, P2, P9 by March; only P1 by May.
        assertThat(out.value("TRAIN_NEG_CUM", P, END)).isEqualTo("3");
        assertThat(out.value("TRAIN_NEG_CUM", P, "2025-05-31")).isEqualTo("1");
        assertThat(out.value("TRAIN_NEG_CUM", P, "2025-04-30")).isEqualTo("0");
        // Before the strategy began there is nothing to count since it began: no value, not a zero
        // (P5 trained in March 2025, the month before).
        assertThat(out.value("TRAIN_NEG_CUM", P, "2025-03-31")).isNull();
        assertThat(out.value("TRAIN_NEG", P, "2025-03-31")).isNotNull();
        // The log is the partnership's: no LA has a value of its own.
        assertThat(out.value("TRAIN_NEG", LA, END)).isNull();
    }

    @Test
    void gcp2TrainingAndLicences() {
        assertThat(out.value("TRAIN_GCP2", P, END)).isEqualTo("1");                     // P4
        assertThat(out.value("TRAIN_GCP2_LICENSED_CUM", P, END)).isEqualTo("2");        // P4, P7
        assertThat(out.value("TRAIN_GCP2_LICENSED_CUM", P, "2025-07-31")).isEqualTo("1"); // P7 only
    }

    @Test
    void confidenceAfterTraining() {
        // Rated after a neglect or screening course in the year: P1 4, P1 5, P2 3, P6 4, P9 4 (P9's "before"
        // of 9 is out of range and left out). Confident (4-5): 4 of 5.
        assertThat(out.value("TRAIN_CONFIDENT_PCT", P, END)).isEqualTo("80.0");
        // Rated before and after: P1 +2, P1 +2, P2 +1, P6 +1 = 6 over 4 completions.
        assertThat(out.value("TRAIN_CONF_GAIN", P, END)).isEqualTo("1.50");
        assertThat(out.row("TRAIN_CONF_GAIN", P, END, "all").get("unit")).isEqualTo("mean");
    }

    @Test
    void neglectAuditsAndTheirJudgements() {
        // Multi-agency neglect audits in the year: A1, A2, A3, A7 (A1's repeated row is rejected; A4's theme is
        // other; A5 is a rapid review; A6 is before the year).
        assertThat(out.value("AUDIT_NEG", P, END)).isEqualTo("4");
        // Good, Outstanding of the 3 graded: A7's grade could not be read (left out, said), so it is no "not good".
        assertThat(out.value("AUDIT_NEG_GOOD_PCT", P, END)).isEqualTo("66.7");
        assertThat(out.value("AUDIT_NEG_TOOLS_PCT", P, END)).isEqualTo("50.0");     // Y, n/a, N
        assertThat(out.value("AUDIT_NEG_VOICE_PCT", P, END)).isEqualTo("100.0");    // Y, Y, n/a
        assertThat(out.value("AUDIT_NEG_PLAN_PCT", P, END)).isEqualTo("66.7");      // Y, N, Y
        assertThat(out.value("AUDIT_NEG_IMPACT_PCT", P, END)).isEqualTo("33.3");    // N, N, Y
        assertThat(out.value("CASE_REVIEW_NEG", P, END)).isEqualTo("1");
        // Audits are not people: not suppressed however small.
        assertThat(out.row("AUDIT_NEG", P, END, "all").get("suppressed")).isEqualTo("false");
    }

    @Test
    void earlyHelpFamiliesPerLaAndForThePartnership() {
        // Open at 31 Mar 2026, whole-family and multi-agency: F1, F4, F5 (F2 ended; F3 single-agency; F6 rejected).
        assertThat(out.value("EH_WFMA_OPEN", LA, END)).isEqualTo("3");
        assertThat(out.value("EH_WFMA_OPEN", P, END)).isEqualTo("3");
        // At 31 Dec 2025 F2 ends on the day, so no longer counts: F1, F4.
        assertThat(out.value("EH_WFMA_OPEN", LA, "2025-12-31")).isEqualTo("2");
        assertThat(out.value("EH_WFMA_START", LA, END)).isEqualTo("3");           // F1, F2, F5
        assertThat(out.value("EH_NEG_START", LA, END)).isEqualTo("3");            // F1, F3, F5
        // Three families helped early for neglect per two children starting a plan for neglect.
        assertThat(out.value("EH_TO_CP_NEG_RATIO", LA, END)).isEqualTo("1.50");
        assertThat(out.value("EH_TO_CP_NEG_RATIO", P, END)).isEqualTo("1.50");
        // Families are people: 1 to 5 is suppressed in what is published.
        assertThat(out.row("EH_WFMA_OPEN", LA, END, "all").get("suppressed")).isEqualTo("true");
    }

    @Test
    void appointmentsNotBroughtFromRowsAndMonthlyCountsTogether() {
        // Dental in the year: counts 100 (20 WNB) + 100 (10) + row H1 WNB + row H1 attended; the cancelled
        // appointment is left out, March 2025 is before the year. 31 of 202.
        assertThat(out.value("WNB_DENTAL_PCT", LA, END)).isEqualTo("15.3");
        // November 2024's row is rejected (more not brought than appointments): without it that month's totals would
        // be too low, so every 12-month figure from the file that includes November 2024 has no value.
        assertThat(out.value("WNB_DENTAL_PCT", LA, "2025-10-31")).isNull();
        assertThat(out.value("WNB_ALL_PCT", LA, "2025-10-31")).isNull();
        assertThat(out.row("WNB_DENTAL_PCT", LA, END, "all").get("numerator")).isEqualTo("31");
        assertThat(out.row("WNB_DENTAL_PCT", LA, END, "all").get("denominator")).isEqualTo("202");
        assertThat(out.value("WNB_ANTENATAL_PCT", LA, END)).isEqualTo("10.0");    // 5 of 50
        assertThat(out.value("WNB_POSTNATAL_PCT", LA, END)).isEqualTo("4.0");     // 8 of 200
        // All services: 31 + 5 + 8 + the GP row (DNA) = 45 of 202 + 50 + 200 + 1 = 453.
        assertThat(out.value("WNB_ALL_PCT", LA, END)).isEqualTo("9.9");
    }

    @Test
    void childrenWhoseCareImprovedBetweenGcp2Assessments() {
        // In the year: 8 assessments less G1 (Nov 2024) = 7.
        assertThat(out.value("GCP2_ASSESSMENTS", P, END)).isEqualTo("7");
        // Repeats in the year: K1 (G2 after G1: 16 to 12, better), K2 (G4: 8 to 9, worse), K4 (G7: 20 to 19,
        // better; G8: 19 to 20, worse). Children improved at a repeat: K1, K4 of K1, K2, K4.
        assertThat(out.value("GCP2_IMPROVED_PCT", P, END)).isEqualTo("66.7");
    }

    @Test
    void policeOffencesAndEarlierConcerns() {
        // Apr 2025 - Mar 2026: 4 + 6 + 2 = 12, of which 1 + 3 + 2 = 6 with earlier concerns.
        assertThat(out.value("POLICE_NEG_OFFENCES", P, END)).isEqualTo("12");
        assertThat(out.value("POLICE_NEG_PRIOR_PCT", P, END)).isEqualTo("50.0");
        assertThat(out.row("POLICE_NEG_OFFENCES", P, END, "all").get("suppressed")).isEqualTo("false");
    }

    @Test
    void feedbackScoringFourOrFiveByRespondent() {
        // In the year: 5, 3, 4, 4, 2 (the January 2025 answer is before it): 3 of 5.
        assertThat(out.value("FEEDBACK_POSITIVE_PCT", P, END)).isEqualTo("60.0");
        assertThat(out.value("FEEDBACK_POSITIVE_PCT", P, END, "respondent=Parent/carer")).isEqualTo("50.0");
        assertThat(out.value("FEEDBACK_POSITIVE_PCT", P, END, "respondent=Child/young person")).isEqualTo("100.0");
        assertThat(out.value("FEEDBACK_POSITIVE_PCT", P, END, "respondent=Practitioner")).isEqualTo("50.0");
    }

    @Test
    void badRowsAreRejectedWithTheirPlaceAndTheTemplatesExampleRowIsNotData() throws Exception {
        String text = Files.readString(rejects);
        assertThat(text).contains("partnership/audits.csv,Audits,8,Audit reference,,This Audit reference is already given at row 2");
        assertThat(text).contains("partnership/early-help.csv").contains("before it starts");
        assertThat(text).contains("partnership/health-monthly.csv").contains("cannot be larger");
        assertThat(text).contains("partnership/training.csv").contains("Confidence before").contains("outside 1 to 5");
        // A value not in a code list is repeated back only when it is made of the words of categories ("Nursing"): anything
        // else could be anything typed in the wrong column (RejectionShownTest, RejectsShowWhatToFixTest).
        assertThat(text).contains("Training,13,Agency sector,Nursing,\"'Nursing' is not one of: Health, Police, Education");
        assertThat(text).doesNotContain("EXAMPLE");
        // No reference to a practitioner, case or family is ever shown.
        assertThat(text).doesNotContain(",P9,").doesNotContain(",F6,").doesNotContain(",C1,");
    }
}
