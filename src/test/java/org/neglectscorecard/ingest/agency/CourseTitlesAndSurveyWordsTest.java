package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.TestApp;

/**
 * A learning system's export names courses by their titles, and a survey tool's export gives the
 * words of the answer chosen: both are read as what they are, each course title said once with the
 * course it was read as, and an answer that is no point of the scale refused naming the words read.
 */
class CourseTitlesAndSurveyWordsTest {

    @TempDir
    Path dir;

    @Test
    void courseTitlesAreReadByTheirWordsAndSaidOnce() {
        assertThat(AgencyCodes.courseOfTitle("Neglect Awareness (Level 2) - e-learning")).isEqualTo("NEGLECT_AWARENESS");
        assertThat(AgencyCodes.courseOfTitle("GCP2 Practitioner Training")).isEqualTo("GCP2");
        assertThat(AgencyCodes.courseOfTitle("Graded Care Profile two: neglect (multi-agency)")).isEqualTo("GCP2");
        assertThat(AgencyCodes.courseOfTitle("Multi-Agency Working with Neglect (virtual)")).isEqualTo("MA_NEGLECT");
        assertThat(AgencyCodes.courseOfTitle("Using the Neglect Screening Tool")).isEqualTo("SCREENING_TOOL");
        assertThat(AgencyCodes.courseOfTitle("Neglect Toolkit briefing")).isEqualTo("SCREENING_TOOL");
        assertThat(AgencyCodes.courseOfTitle("Safeguarding Children Level 3")).isEqualTo("OTHER");
        // "gcp" inside another word is no GCP2 course
        assertThat(AgencyCodes.courseOfTitle("Designated Safeguarding Lead refresher (GCPS2)")).isEqualTo("OTHER");
    }

    @Test
    void aLearningSystemsTitlesAndASurveysWordsAreReadEndToEnd() throws Exception {
        Path input = dir.resolve("input/821");
        Files.createDirectories(input);
        Files.writeString(input.resolve("learning-system-export.csv"), """
                Learner ID,Organisation,Sector,Course name,Session date,Attendance
                L1,Trust X,Health,Neglect Awareness (Level 2) - e-learning,2025-05-10,Attended
                L2,Trust X,Health,Neglect Awareness (Level 2) - e-learning,2025-05-11,Attended
                L3,Force Y,Police,GCP2 Practitioner Training,2025-06-15,Attended
                L4,Force Y,Police,Safeguarding Children Level 3,2025-06-15,Attended
                L5,Force Y,Police,Multi-agency neglect,2025-06-16,Attended
                """);
        Files.writeString(input.resolve("survey-export.csv"), """
                Date,Respondent,Stage,Question,Score
                2025-05-02,Parent,Review conference,I felt listened to,Strongly agree
                2025-05-03,Parent,Review conference,I felt listened to,4 - Agree
                2025-05-04,Parent,Review conference,I felt listened to,Neither agree nor disagree
                2025-05-05,Parent,Review conference,I felt listened to,strongly disagree
                2025-05-06,Parent,Review conference,I felt listened to,2
                2025-05-07,Parent,Review conference,I felt listened to,Maybe
                2025-05-08,Parent,Review conference,I felt listened to,7 - Brilliant
                """);
        Path job = TestApp.jobFile(dir.resolve("jobs"), "titles", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            app.run(job, LocalDate.of(2025, 6, 30), dir.resolve("input"), dir.resolve("out"), false);
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetch("SELECT source_row, course FROM training_record ORDER BY source_row")
                    .map(r -> r.get(0) + ":" + r.get(1)))
                    .containsExactly("2:NEGLECT_AWARENESS", "3:NEGLECT_AWARENESS", "4:GCP2", "5:OTHER", "6:MA_NEGLECT");
            // Each title read by its words is said once, at its first row; a template wording is not said at all.
            assertThat(dsl.fetch("SELECT r.row_number, r.reason FROM rejection r JOIN source_file f ON f.source_file_id = r.source_file_id "
                    + "WHERE f.display_name LIKE '%learning%' AND r.row_number IS NOT NULL ORDER BY r.row_number")
                    .map(r -> r.get(0) + " " + r.get(1))).satisfiesExactly(
                    r -> assertThat(r).startsWith("2 'Neglect Awareness (Level 2) - e-learning' is read as Neglect awareness"),
                    r -> assertThat(r).startsWith("4 'GCP2 Practitioner Training' is read as Graded Care Profile 2"),
                    r -> assertThat(r).startsWith("5 'Safeguarding Children Level 3' is read as Other")
                            .contains("which no neglect indicator counts"));
            assertThat(dsl.fetch("SELECT source_row, score FROM feedback_response ORDER BY source_row")
                    .map(r -> r.get(0) + ":" + r.get(1))).containsExactly("2:5", "3:4", "4:3", "5:1", "6:2");
            assertThat(dsl.fetch("SELECT r.row_number, r.reason FROM rejection r JOIN source_file f ON f.source_file_id = r.source_file_id "
                    + "WHERE f.display_name LIKE '%survey%' AND r.outcome = 'row rejected' ORDER BY r.row_number").map(r -> r.get(0) + " " + r.get(1))).satisfiesExactly(
                    r -> assertThat(r).startsWith("7 ").contains("is not a score from 1 to 5, nor one of the scale's words")
                            .contains("5 Strongly agree"),
                    r -> assertThat(r).startsWith("8 ").contains("is outside 1 to 5"));
        }
    }

    @Test
    void aSurveyExportWithAColumnPerQuestionIsToldHowToTurnItRound() throws Exception {
        Path input = dir.resolve("forms/821");
        Files.createDirectories(input);
        Files.writeString(input.resolve("forms-export.csv"), """
                ID,Start time,Completion time,I felt listened to,Did the plan make a difference to your family?,How was the conference?
                1,2025-05-02 10:01,2025-05-02 10:04,Strongly agree,Agree,Good
                2,2025-05-03 11:00,2025-05-03 11:02,Disagree,Neither agree nor disagree,Poor
                """);
        var report = org.neglectscorecard.testing.Validate.folder(dir.resolve("forms"));
        assertThat(report.files()).singleElement().satisfies(f -> assertThat(f.problem())
                .contains("Its headings are survey questions (I felt listened to; Did the plan make a difference to your family?; ...)")
                .contains("Unpivot Columns").contains("Date, Respondent, Stage, Question, Score"));
    }
}
