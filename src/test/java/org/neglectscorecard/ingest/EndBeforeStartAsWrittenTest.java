package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator.Report;
import org.neglectscorecard.testing.Validate;

/**
 * A plan ending before it starts is rejected showing both dates as the file writes them, so the
 * person can search the file for them: "31/07/2024", never the program's own "2024-07-31".
 */
class EndBeforeStartAsWrittenTest {

    @TempDir
    Path dir;

    @Test
    void bothDatesAreShownAsTheFileWritesThem() throws Exception {
        Path set = dir.resolve("input/821/2024-25");
        Files.createDirectories(set);
        Files.writeString(set.resolve("Header.csv"), "Collection,Year,ReferenceDate,LEA\nCIN,2025,31/03/2025,821\n");
        Files.writeString(set.resolve("ChildIdentifiers.csv"), "LAchildID,PersonBirthDate,Sex\nC1,01/01/2015,M\nC2,01/01/2016,F\n");
        Files.writeString(set.resolve("CINdetails.csv"), "LAchildID,CINdetailsID,CINreferralDate,PrimaryNeedCode\n"
                + "C1,E1,01/05/2024,N1\nC2,E2,01/05/2024,N1\n");
        Files.writeString(set.resolve("ChildProtectionPlans.csv"), "LAchildID,CINdetailsID,CPPstartDate,CPPendDate,"
                + "InitialCategoryOfAbuse,LatestCategoryOfAbuse\nC1,E1,12/08/2024,31/07/2024,NEG,NEG\nC2,E2,12/08/2024,,NEG,NEG\n");

        Report report = Validate.folder(dir.resolve("input"));

        assertThat(report.problems()).filteredOn(p -> p.outcome().equals("row rejected")).singleElement().satisfies(p -> {
            assertThat(p.rejection().valueShown()).isEqualTo("31/07/2024");
            assertThat(p.rejection().reason()).isEqualTo("The child protection plan ends (31/07/2024) before it starts (12/08/2024): "
                    + "correct one of the two dates");
        });
    }
}
