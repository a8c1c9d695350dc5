package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator.Report;
import org.neglectscorecard.testing.Validate;

/**
 * 'validate' says what the run will: an audit reference given twice is the run's rejected row
 * (the whole-file rule the run applies once the file is loaded), not "7 would load, 0 rejected".
 */
class RepeatedReferenceValidatedTest {

    @TempDir
    Path dir;

    @Test
    void anAuditReferenceGivenTwiceIsRejectedByValidateAsByTheRun() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.writeString(input.resolve("audits.csv"), """
                Audit reference,Audit date,Case reference,Tier,Kind of audit,Theme,Multi-agency,Overall grade
                MACA-1,2025-06-30,C-1,Child protection,Multi-agency case audit,Neglect,Y,Good
                MACA-2,2025-07-31,C-2,Child in need,Multi-agency case audit,Neglect,Y,Requires improvement
                MACA-2,2025-08-31,C-3,Child in need,Multi-agency case audit,Neglect,Y,Good
                """);

        Report report = Validate.folder(input);

        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.rowsLoaded()).isEqualTo(2);
            assertThat(f.rowsRejected()).isEqualTo(1);
        });
        // (Besides notes on the judgement columns this audit log leaves out.)
        assertThat(report.problems()).filteredOn(p -> !p.outcome().equals("note")).singleElement().satisfies(p -> {
            assertThat(p.outcome()).isEqualTo("row rejected");
            assertThat(p.rejection().rowNumber()).isEqualTo(4);
            assertThat(p.rejection().reason()).isEqualTo(String.format(AgencySource.CASE_AUDIT.repeatedKeyReason(), 3));
        });
    }
}
