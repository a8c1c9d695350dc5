package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.testing.Validate;

/**
 * Training and audit logs as a trial found learning systems and audit tools export them (5 December):
 * a course's attendees listed in one cell were counted as one practitioner, without a word;
 * confidence written "3/5" was left out; an audit kind written with its abbreviation, "Multi-Agency
 * Case Audit (MACA)", rejected 213 of 220 audits.
 */
class LearningAndAuditExportsTest {

    @TempDir
    Path dir;

    private InputValidator.Report validate(String name, String csv) throws Exception {
        return Validate.csv(dir, name, "partnership", csv);
    }

    private static final String TRAINING = "Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,Course date,"
            + "Completed,Confidence before,Confidence after,GCP2 licensed,LA code\n";

    @Test
    void aCoursesAttendeesListedInOneCellAreRefusedNotCountedAsOne() throws Exception {
        InputValidator.Report report = validate("listed", TRAINING
                + "P11367,Bedfordshire Police,Police,Neglect awareness,Single-agency,2025-05-14,Y,3,4,N,821\n"
                + "P11368; P10206; P10871,Luton Council,Children's social care,Neglect awareness,Single-agency,2025-05-14,Y,3,4,N,821\n");
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.rowsLoaded()).isEqualTo(1);
            assertThat(f.rowsRejected()).isEqualTo(1);
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.outcome()).isEqualTo("row rejected");
            assertThat(p.rejection().reason()).contains("holds 3 references in one cell: give each its own row");
            assertThat(p.rejection().valueShown()).as("references are never shown").isEqualTo("(withheld)");
        });
    }

    @Test
    void confidenceOutOfFiveIsItsPointOnTheScale() throws Exception {
        InputValidator.Report report = validate("out-of-five", TRAINING
                + "P11367,Bedfordshire Police,Police,Neglect awareness,Single-agency,2025-05-14,Y,3/5,4 / 5,N,821\n"
                + "P11368,Luton Council,Children's social care,Neglect awareness,Single-agency,2025-05-14,Y,2 out of 5,6/5,N,821\n");
        assertThat(report.files()).singleElement().satisfies(f -> assertThat(f.rowsLoaded()).isEqualTo(2));
        // Read as their point: only 6 of 5 is outside the scale, and left out.
        assertThat(report.problems()).filteredOn(p -> "value left out".equals(p.outcome())).singleElement()
                .satisfies(p -> assertThat(p.rejection().reason()).contains("outside 1 to 5"));
    }

    /**
     * A provider's names for its services: 360 of 540 monthly rows were rejected for them, and the
     * all-services figure was then published from the two services left.
     */
    @Test
    void aServiceNamedByItsProviderIsTheServiceItsWordsName() throws Exception {
        InputValidator.Report report = validate("services", """
                Month,Service,Appointments,Was not brought
                2025-04,Maternity - antenatal clinic,412,35
                2025-04,Community Dental Service,300,20
                2025-04,Antenatal and postnatal,200,10
                """);
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.rowsLoaded()).isEqualTo(2);
            assertThat(f.rowsRejected()).as("two services in one name: which is not known").isEqualTo(1);
        });
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.rejection().reason())
                .contains("'Maternity - antenatal clinic' is read as Antenatal, by the words of its name"));
        assertThat(AgencyCodes.serviceOfWords("Health Visiting Team")).isEqualTo("POSTNATAL");
        assertThat(AgencyCodes.serviceOfWords("Community Paediatrics OP")).isEqualTo("PAEDIATRIC");
    }

    /** An early help system's episodes, its yes/no headings asked as questions: it was taken for a survey export. */
    @Test
    void anEarlyHelpExportWithQuestionsForHeadingsIsReadAsEarlyHelp() throws Exception {
        InputValidator.Report report = validate("early-help", """
                Family ID,Episode Start Date,Episode End Date,Whole family plan?,Multi-agency?,Lead Agency,Neglect identified as a need?,Local Authority
                EH-821-1,05/04/2025 00:00,22/01/2026 00:00,Yes,No,Early help,No,Luton
                EH-821-2,07/05/2025 00:00,,Yes,Yes,Education,Yes,Luton
                """);
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isNull();
            assertThat(f.rowsLoaded()).isEqualTo(2);
            assertThat(f.readAs()).isEqualTo("Early help plans");
        });
    }

    /** A survey tool's export, a row per answer, its answers as the scale's words under 'Response': it was not used. */
    @Test
    void aSurveyExportsResponsesInWordsAreItsScores() throws Exception {
        InputValidator.Report report = validate("survey", """
                Response ID,Start time,Completion time,Respondent,Stage,Question,Response,LA code
                1,02/04/2025 14:00,02/04/2025 14:03,Parent/carer,Review conference,Things are better for my family,Strongly disagree,821
                2,03/04/2025 10:00,03/04/2025 10:05,Parent/carer,Review conference,Things are better for my family,Agree,821
                """);
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isNull();
            assertThat(f.rowsLoaded()).isEqualTo(2);
            assertThat(f.readAs()).contains("Feedback");
        });
    }

    @Test
    void anAuditKindWithItsAbbreviationInBracketsIsThatKind() throws Exception {
        String header = "Audit reference,Audit date,Case reference,Tier,Kind of audit,Theme,Multi-agency,Overall grade,"
                + "Assessment effective,Plan clear and measurable,Impact evidenced,Neglect tool used well,Child's voice captured,"
                + "Management oversight,LA code\n";
        InputValidator.Report report = validate("maca", header
                + "A-1,2025-04-17,CASE-1,Child protection,Multi-Agency Case Audit (MACA),Neglect,Y,Good,Y,Y,Y,Y,Y,Y,821\n"
                + "A-2,2025-05-17,CASE-2,Child protection,Single agency audit (health),Neglect,N,Good,Y,Y,Y,Y,Y,Y,821\n"
                + "A-3,2025-06-17,CASE-3,Child protection,Rapid review (MACA),Neglect,Y,Good,Y,Y,Y,Y,Y,Y,821\n");
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.rowsLoaded()).isEqualTo(2);
            assertThat(f.rowsRejected()).as("a bracket naming another kind is no gloss: refused").isEqualTo(1);
        });
        assertThat(AgencyCodes.AUDIT_KIND.read("Multi-Agency Case Audit (MACA)")).contains("MACA");
        // A bracket that qualifies the wording is no gloss: "Attended (partial)" is not attended.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgencyCodes.COURSE_COMPLETION.read("Attended (partial)"))
                .isInstanceOf(org.neglectscorecard.ingest.Values.BadValue.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgencyCodes.APPOINTMENT_OUTCOME.read("Attended (late, not seen)"))
                .isInstanceOf(org.neglectscorecard.ingest.Values.BadValue.class);
        assertThat(AgencyCodes.HEALTH_SERVICE.read("Health Visiting (0-19)")).contains("POSTNATAL");
    }
}
