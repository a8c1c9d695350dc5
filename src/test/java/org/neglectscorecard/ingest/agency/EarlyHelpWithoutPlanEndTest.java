package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.testing.Validate;

/** An early help log without its "Plan end" column would keep every plan open for ever: said, and its month-end figures withheld. */
class EarlyHelpWithoutPlanEndTest {

    @TempDir
    Path dir;

    @Test
    void anEarlyHelpLogWithoutPlanEndSaysItsOpenPlansWillHaveNoValue() throws Exception {
        Path input = dir.resolve("input/821");
        Files.createDirectories(input);
        Files.writeString(input.resolve("early-help.csv"), "Family reference,Plan start,Whole-family plan,Multi-agency,"
                + "Lead agency,Neglect identified\nF1,2024-05-01,Y,Y,Early help,N\nF2,2024-06-01,Y,Y,Early help,Y\n");
        InputValidator.Report report = Validate.folder(dir.resolve("input"));
        assertThat(report.files()).singleElement().satisfies(f -> assertThat(f.rowsLoaded()).isEqualTo(2));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.rejection().reason())
                .contains("has no Plan end column: without it every record would look open to this day")
                .contains("the early help figures at each month end"));
    }
}
