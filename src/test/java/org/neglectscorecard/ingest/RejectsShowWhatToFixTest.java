package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.Validate;

/**
 * What rejects.csv shows of a wrong value, as a tester's files gave them: a category a partner
 * wrote in its own words (Service "All services", Outcome "Attended late", Course "Neglect
 * Awareness Level 1"), a date written another way ("Apr 25, 2021", "20210425") and a summary's
 * label in a month column ("Total 2025/26") are shown, so the officer sees what to put right; a
 * child's reference, a date of birth and a name in a category column are still withheld.
 */
class RejectsShowWhatToFixTest {

    @TempDir
    Path dir;

    @Test
    void categoriesDatesAndMonthLabelsAreShownIdentifiersDatesOfBirthAndNamesWithheld() throws Exception {
        Path input = dir.resolve("input");
        write(input.resolve("h1/appointments.csv"), "Child reference,Appointment date,Service,Outcome,LA code\n"
                + "NHS-0,2026-03-01,Dental,Attended,821\n"
                + "NHS-7,2026-03-08,Dental,Attended late,821\n"
                + "NHS-8,2026-03-09,Dental,Seen by Jennifer Smith,821\n");
        write(input.resolve("h2/monthly.csv"), "Month,Service,Appointments,Was not brought,LA code\n"
                + "2026-01,All services,300,30,821\n");
        write(input.resolve("d1/training.csv"), "Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,"
                + "Course date,Completed,Confidence before,Confidence after,GCP2 licensed\n"
                + "P4,X,Health,Neglect Awareness Level 1,Single-agency,2026-01-02,Y,2,4,N\n"
                + "P5,X,Health,Neglect awareness,Single-agency,\"Apr 25, 2021\",Y,2,4,N\n"
                + "P7,X,Health,Neglect awareness,Single-agency,20210425,Y,2,4,N\n");
        write(input.resolve("p1/police.csv"), "Month,Neglect offences,With earlier neglect concerns\n"
                + "2026-01,41,11\n"
                + "Total 2025/26,41,11\n");
        write(input.resolve("822/2022-23/Header.csv"), "Collection,Year,ReferenceDate,LEA\nCIN,2023,2023-03-31,822\n");
        write(input.resolve("822/2022-23/ChildIdentifiers.csv"), "LAchildID,PersonBirthDate,GenderCurrent\n"
                + "C1,\"Apr 25, 2015\",1\nC2,20150425x,1\n");
        write(input.resolve("822/2022-23/CINdetails.csv"), "LAchildID,CINdetailsID,CINreferralDate,PrimaryNeedCode,CINclosureDate\n"
                + "C1,E1,2022-05-01,N1,\nC2,E2,2022-05-01,N1,\n");
        write(input.resolve("822/2022-23/ChildProtectionPlans.csv"), "LAchildID,CINdetailsID,CPPstartDate,CPPendDate,"
                + "InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP\n"
                + "C1,E1,2022-06-01,\"Apr 25, 2022x\",NEG,NEG,0\nC2,E2,2022-06-01,20220925,NEG,NEG,0\n");

        Map<String, String> shown = new TreeMap<>();
        for (InputValidator.Problem p : Validate.folder(input).problems()) {
            if (p.rejection().rowNumber() != null && p.rejection().column() != null) {
                shown.put(p.rejection().sheet() + " " + p.rejection().rowNumber() + " " + p.rejection().column(),
                        p.rejection().valueShown());
            }
        }
        assertThat(shown)
                .containsEntry("Appointments 3 Outcome", "Attended late")
                .containsEntry("Appointments 4 Outcome", Rejection.WITHHELD)
                .containsEntry("Appointments by month 2 Service", "All services")
                .containsEntry("Training 2 Course", "Neglect Awareness Level 1")
                .containsEntry("Training 3 Course date", "Apr 25, 2021")
                .containsEntry("Training 4 Course date", "20210425")
                .containsEntry("Police 3 Month", "Total 2025/26")
                // A date of birth, however it is written, is never shown.
                .containsEntry("822/2022-23/ChildIdentifiers.csv 2 PersonBirthDate", Rejection.WITHHELD)
                .containsEntry("822/2022-23/ChildIdentifiers.csv 3 PersonBirthDate", Rejection.WITHHELD)
                // Other text in a date column is still withheld; a date written as eight digits is shown.
                .containsEntry("822/2022-23/ChildProtectionPlans.csv 2 CPPendDate", Rejection.WITHHELD);
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
