package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.testing.Validate;

/**
 * Partner files as a third trial found them sent (health, police and GCP2 logs): a rate beside its
 * count is never read as the count; months exported month first are said, not misdated; a workbook
 * kept a sheet a year is read whole; a month's real figures that equal the template's example are
 * counted; appointment times as systems write them are read.
 */
class PartnerExportsAsSentTest {

    @TempDir
    Path dir;

    private InputValidator.Report validate(String name, String csv) throws Exception {
        return Validate.csv(dir, name, "821", csv);
    }

    @Test
    void aRateBesideItsCountIsNeverReadAsTheCount() throws Exception {
        // "Was not brought (%)" beside "Was not brought (n)": the count column is read, and a rate of 9 is no count.
        InputValidator.Report both = validate("both", """
                Month,Service,Appointments,Was not brought (%),Was not brought (n)
                2025-04,Dental,412,8.5,35
                2025-05,Dental,400,9,36
                """);
        assertThat(both.files()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isNull();
            assertThat(f.rowsLoaded()).isEqualTo(2);
        });
        assertThat(both.problems()).noneMatch(p -> "row rejected".equals(p.outcome()));
        // A rate with no count: the file lacks the count, and says so (it was read as the count before).
        InputValidator.Report rateOnly = validate("rate-only", """
                Month,Service,Appointments,WNB %
                2025-04,Dental,412,9
                """);
        assertThat(rateOnly.files()).singleElement().satisfies(f -> assertThat(f.problem()).contains("Was not brought"));
        assertThat(rateOnly.files().get(0).rowsLoaded()).isZero();
    }

    @Test
    void monthsWrittenMonthFirstAreSaidNotMisdated() throws Exception {
        // Power BI's US export: the first of April is 04/01/2025, which day first is the 4th of January.
        InputValidator.Report report = validate("us-months", """
                Month,Neglect offences,With earlier neglect concerns
                04/01/2025,9,4
                05/01/2025,7,2
                06/01/2025,11,5
                """);
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.problem()).contains("written month first (US style)");
            assertThat(f.rowsLoaded()).isZero();
        });
        // Day first, a month's first or last day is the month, as before.
        assertThat(Values.month("01/04/2025")).contains(LocalDate.of(2025, 4, 30));
        assertThat(Values.month("30/04/2025")).contains(LocalDate.of(2025, 4, 30));
        assertThat(Values.month("15/04/2025")).contains(LocalDate.of(2025, 4, 30));
    }

    @Test
    void aMonthsRealFiguresEqualToTheTemplatesExampleAreCounted() throws Exception {
        // The template's example is 2025-04, Postnatal / health visiting, 412, 37: as the first row it is passed over,
        // further down it is a month's own figures.
        InputValidator.Report report = validate("like-example", """
                Month,Service,Appointments,Was not brought
                2025-03,Postnatal / health visiting,398,31
                2025-04,Postnatal / health visiting,412,37
                """);
        assertThat(report.files().get(0).rowsLoaded()).isEqualTo(2);
        InputValidator.Report example = validate("example-first", """
                Month,Service,Appointments,Was not brought
                2025-04,Postnatal / health visiting,412,37
                2025-05,Postnatal / health visiting,398,31
                """);
        assertThat(example.files().get(0).rowsLoaded()).isEqualTo(1);
    }

    @Test
    void aWorkbookKeptASheetAYearIsReadWhole() throws Exception {
        Path input = dir.resolve("gcp2/821");
        Files.createDirectories(input);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input.resolve("gcp2-log.xlsx"))) {
            sheet(wb, "2024-25", new String[][] {{"GCP2-101", "C-1", "2024-06-03"}, {"GCP2-102", "C-2", "2024-09-12"}});
            sheet(wb, "2025-26", new String[][] {{"GCP2-201", "C-1", "2025-05-20"}, {"GCP2-202", "C-3", "2025-06-02"},
                    {"GCP2-203", "C-4", "2025-07-15"}});
            wb.write(out);
        }
        InputValidator.Report report = Validate.folder(dir.resolve("gcp2"));
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isNull();
            assertThat(f.rowsRead()).isEqualTo(5);
            assertThat(f.rowsLoaded()).isEqualTo(5);
            // validate says what each file was read as
            assertThat(f.readAs()).isEqualTo("Graded Care Profile 2 assessments");
        });
    }

    private static void sheet(XSSFWorkbook wb, String name, String[][] rows) {
        Sheet s = wb.createSheet(name);
        String[] headings = {"Assessment reference", "Child reference", "Assessment date", "Agency", "Tier", "Physical care", "Safety",
                "Love and care", "Esteem"};
        Row h = s.createRow(0);
        for (int i = 0; i < headings.length; i++) {
            h.createCell(i).setCellValue(headings[i]);
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = s.createRow(r + 1);
            row.createCell(0).setCellValue(rows[r][0]);
            row.createCell(1).setCellValue(rows[r][1]);
            row.createCell(2).setCellValue(rows[r][2]);
            row.createCell(3).setCellValue("Health visiting");
            row.createCell(4).setCellValue("Early help");
            for (int c = 5; c < 9; c++) {
                row.createCell(c).setCellValue(3);
            }
        }
    }

    @Test
    void appointmentTimesAsSystemsWriteThemAreRead() {
        assertThat(Values.date("02/04/2025 9:30 AM")).contains(LocalDate.of(2025, 4, 2));
        assertThat(Values.date("02/04/2025 14:30")).contains(LocalDate.of(2025, 4, 2));
        assertThat(Values.date("02/04/2025, 2:30pm")).contains(LocalDate.of(2025, 4, 2));
        assertThat(Values.date("03 Apr 2025 14:15")).contains(LocalDate.of(2025, 4, 3));
        assertThat(Values.date("Tue 15/04/2025")).contains(LocalDate.of(2025, 4, 15));
        assertThat(Values.date("Tuesday, 15 April 2025")).contains(LocalDate.of(2025, 4, 15));
        assertThat(Values.date("45758.4375")).contains(LocalDate.of(2025, 4, 11));
        // A date and time that reads only month first is still said so; one day first with AM/PM is not taken for it.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Values.date("04/13/2025 9:30 AM"))
                .hasMessageContaining("month first (US style)");
    }

    @Test
    void healthSystemsOutcomesAndNhsAttendanceCodesAreRead() {
        CodeList outcomes = AgencyCodes.APPOINTMENT_OUTCOME;
        assertThat(outcomes.read("Finished")).contains("ATTENDED");
        assertThat(outcomes.read("Attended/Seen")).contains("ATTENDED");
        assertThat(outcomes.read("Arrived Late - Not Seen")).contains("WNB");
        assertThat(outcomes.read("Could Not Attend")).contains("CANCELLED");
        assertThat(outcomes.read("Cancelled by Unit")).contains("CANCELLED");
        // The NHS Data Dictionary's ATTENDED OR DID NOT ATTEND, plain and labelled.
        assertThat(outcomes.read("5")).contains("ATTENDED");
        assertThat(outcomes.read("6")).contains("ATTENDED");
        assertThat(outcomes.read("3")).contains("WNB");
        assertThat(outcomes.read("7")).contains("WNB");
        assertThat(outcomes.read("2")).contains("CANCELLED");
        assertThat(outcomes.read("3 - Did not attend - no advance warning given")).contains("WNB");
        // Code 0 is an appointment still to come, and a code whose label says otherwise is not guessed.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outcomes.read("0")).isInstanceOf(Values.BadValue.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outcomes.read("5 - Did not attend")).isInstanceOf(Values.BadValue.class);
        assertThat(AgencyCodes.HEALTH_SERVICE.read("School Nursing")).contains("OTHER");
        assertThat(AgencyCodes.AGENCY_SECTOR.read("Family Hub")).contains("EARLY_HELP");
    }

    @Test
    void outcomesGivenAsPlainNumbersAreSaidToBeReadAsNhsCodes() throws Exception {
        InputValidator.Report coded = validate("coded", """
                Child reference,Appointment date,Service,Outcome
                H-1,2025-05-01,Dental,5
                H-2,2025-05-02,Dental,3
                H-3,2025-05-03,Dental,Was not brought
                """);
        assertThat(coded.files().get(0).rowsLoaded()).isEqualTo(3);
        // Once for the file, at its first number: a system numbering outcomes its own way is told how to write them.
        assertThat(coded.problems()).filteredOn(p -> p.rejection().reason().contains("ATTENDED OR DID NOT ATTEND")).singleElement()
                .satisfies(p -> {
                    assertThat(p.rejection().valueShown()).isEqualTo("5");
                    assertThat(p.rejection().reason()).contains("3 and 7 not brought").contains("give them as words");
                });
        InputValidator.Report worded = validate("worded", """
                Child reference,Appointment date,Service,Outcome
                H-1,2025-05-01,Dental,Attended
                H-2,2025-05-02,Dental,3 - Did not attend - no advance warning given
                """);
        assertThat(worded.problems()).noneMatch(p -> p.rejection().reason().contains("ATTENDED OR DID NOT ATTEND"));
    }

    @Test
    void anAuditsThemeNamingNeglectIsANeglectAudit() {
        assertThat(AgencyCodes.themeOf("Neglect/Domestic abuse")).isEqualTo("NEGLECT");
        assertThat(AgencyCodes.themeOf("Child neglect")).isEqualTo("NEGLECT");
        assertThat(AgencyCodes.themeOf("Domestic abuse")).isEqualTo("OTHER");
        assertThat(AgencyCodes.themeOf("Not neglect")).isEqualTo("OTHER");
    }

    @Test
    void gradesAsFormsWriteThemAndCountsHiddenAsSmallAreSaid() throws Exception {
        InputValidator.Report gcp2 = validate("grades", """
                Assessment reference,Child reference,Assessment date,Agency,Tier,Physical care,Safety,Love and care,Esteem
                G-1,C-1,2025-05-01,Health visiting,Early help,Grade 4,3 - Some essential needs unmet,2,5
                G-2,C-2,2025-05-02,Health visiting,Early help,2.5,3,3,3
                """);
        assertThat(gcp2.files().get(0).rowsLoaded()).isEqualTo(1);
        InputValidator.Report police = validate("suppressed", """
                Month,Neglect offences,With earlier neglect concerns
                2025-04,12,<5
                2025-05,9,3
                """);
        assertThat(police.files().get(0).rowsLoaded()).isEqualTo(1);
        assertThat(police.problems()).filteredOn(p -> "row rejected".equals(p.outcome())).singleElement()
                .satisfies(p -> assertThat(p.rejection().reason()).contains("is a count hidden as small: the scorecard needs the number itself"));
        // An outcome no list has is shown, not withheld, when its words are a system's and no one's name.
        InputValidator.Report walked = validate("walked", """
                Child reference,Appointment date,Service,Appointment status
                H-1,2025-05-02,Dental,Patient Walked Out
                H-2,2025-05-02,Dental,Finished
                """);
        assertThat(walked.files().get(0).rowsLoaded()).isEqualTo(1);
        assertThat(walked.problems()).filteredOn(p -> "row rejected".equals(p.outcome())).singleElement()
                .satisfies(p -> assertThat(p.rejection().valueShown()).isEqualTo("Patient Walked Out"));
    }

    @Test
    void aGcp2RecordSheetsAreaHeadingsAreRead() throws Exception {
        InputValidator.Report report = validate("areas", """
                Assessment reference,Child reference,Assessment date,Agency,Tier,Area A: Physical Care,Area B: Safety,Area C: Love & Care,Area D: Esteem
                G-1,C-1,2025-05-01,Health visiting,Early help,4,3,2,5
                """);
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isNull();
            assertThat(f.rowsLoaded()).isEqualTo(1);
        });
    }

    @Test
    void theReviewsCases() throws Exception {
        // A training log sorted by date: the template's example row (its made-up reference) is passed over wherever it is.
        InputValidator.Report sorted = validate("sorted", """
                Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,Course date,Completed,Confidence before,Confidence after,GCP2 licensed
                P-1,Trust X,Health,Neglect awareness,Single-agency,2025-04-01,Y,2,4,N
                P-104233,Example NHS Trust,Health,Multi-agency neglect,Multi-agency,2025-05-14,Y,2,4,N
                P-2,Force Y,Police,Neglect awareness,Single-agency,2025-06-01,Y,3,4,N
                """);
        assertThat(sorted.files().get(0).rowsLoaded()).isEqualTo(2);
        // A course title with a name in it is withheld; an audit theme read by its words is said once.
        InputValidator.Report titled = validate("titled", """
                Practitioner reference,Agency sector,Course,Course date,Completed
                P-1,Health,Neglect awareness with Jane Smith,2025-04-01,Y
                """);
        assertThat(titled.problems()).anySatisfy(p -> {
            assertThat(p.rejection().valueShown()).isEqualTo("(withheld)");
            assertThat(p.rejection().reason()).startsWith("This course title is read as Neglect awareness").doesNotContain("Smith");
        });
        InputValidator.Report themes = validate("themes", """
                Audit reference,Audit date,Case reference,Kind of audit,Theme
                A-1,2025-05-01,C-1,Multi-agency case audit,Neglet
                A-2,2025-05-02,C-2,Multi-agency case audit,Neglet
                """);
        assertThat(themes.files().get(0).rowsLoaded()).isEqualTo(2);
        assertThat(themes.problems()).filteredOn(p -> p.rejection().reason().contains("is read as Other")).singleElement()
                .satisfies(p -> assertThat(p.rejection().reason()).contains("'Neglet' is read as Other (it does not name neglect)"));
        // A survey whose numbers run the other way round is refused, not read backwards.
        InputValidator.Report reversed = validate("reversed", """
                Date,Respondent,Question,Score
                2025-05-02,Parent,I felt listened to,1 - Strongly agree
                2025-05-03,Parent,I felt listened to,5 - Strongly agree
                """);
        assertThat(reversed.files().get(0).rowsLoaded()).isEqualTo(1);
        // A day's name that is not the date's: month first when only that reading fits it.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Values.date("Sun 05/04/2025")).hasMessageContaining("month first (US style)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Values.date("Mon 05/04/2025")).hasMessageContaining("not the date's");
        assertThat(Values.date("Sat 05/04/2025")).contains(LocalDate.of(2025, 4, 5));
    }

    @Test
    void aTargetWrittenWithItsUnitIsATarget() throws Exception {
        InputValidator.Report report = validate("targets", """
                indicator_id,area_code,period_end,Target (%),amber_tolerance
                CPP_OPEN_NEG_INIT_PCT,821,2025-03-31,40,5
                """);
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isNull();
            assertThat(f.rowsLoaded()).isEqualTo(1);
        });
        assertThat(report.targets()).singleElement().satisfies(t -> assertThat(t.target().target()).isEqualByComparingTo("40"));
    }
}
