package org.neglectscorecard.ingest.annexa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.testing.Validate;

/**
 * An Annex A List 7 as people fill it in: "N/A" or a SQL export's NULL where a plan has not ended is
 * an open plan, not a row to reject (which lost the plan and undercounted children on plans); a
 * start date given as "N/A" is still no start date, said as such; an ID written "NULL" or "#N/A"
 * names no child (every such row would otherwise be one child); and a list whose headings have
 * no end date at all says that its plans' figures will have no value, rather than counting every
 * plan as open.
 */
class AnnexAWordsForNoDateTest {

    @TempDir
    Path dir;

    private static final String HEADINGS = "Child Unique ID,Gender,Ethnicity,Date of Birth,Child Protection Plan Start Date,"
            + "Initial Category of Abuse,Latest Category of Abuse";

    @Test
    void wordsForNoEndDateAreAnOpenPlanAndAStartDateStillNeedsADate() throws Exception {
        Path list = dir.resolve("input/821/List 7.csv");
        Files.createDirectories(list.getParent());
        Files.writeString(list, HEADINGS + ",Child Protection Plan End Date\n"
                + "C1,M,WBRI,01/02/2015,03/04/2024,NEG,NEG,N/A\n"
                + "C2,F,WBRI,01/02/2016,05/06/2024,NEG,NEG,NULL\n"
                + "C3,F,WBRI,01/02/2017,N/A,NEG,NEG,\n"
                + "C4,M,WBRI,01/02/2018,07/08/2024,NEG,NEG,15/01/2025\n"
                + "NULL,M,WBRI,01/02/2019,07/09/2024,NEG,NEG,\n"
                + "#N/A,F,WBRI,01/02/2019,07/10/2024,NEG,NEG,\n");
        InputValidator.Report report = Validate.folder(dir.resolve("input"));
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.rowsRead()).isEqualTo(6);
            assertThat(f.rowsLoaded()).isEqualTo(3);
        });
        assertThat(report.problems()).filteredOn(p -> p.outcome().equals("row rejected"))
                .extracting(p -> p.rejection().rowNumber() + " " + p.rejection().reason())
                .containsExactly("4 Child Protection Plan Start Date gives no date ('N/A'): every List 7 row needs one",
                        // A database's NULL or Excel's #N/A for a missing ID would make every such row one child.
                        "6 is 'NULL', which names no one: every row needs its own identifier (rows without one cannot be "
                                + "counted, and all of them would count as one)",
                        "7 is '#N/A', which names no one: every row needs its own identifier (rows without one cannot be "
                                + "counted, and all of them would count as one)");
        assertThat(report.problems()).noneSatisfy(p -> assertThat(p.rejection().reason()).contains("no Child Protection Plan End Date"));
    }

    @Test
    void aListWithoutAnEndDateHeadingSaysItsPlansFiguresWillHaveNoValue() throws Exception {
        Path list = dir.resolve("input/821/List 7.csv");
        Files.createDirectories(list.getParent());
        Files.writeString(list, HEADINGS + "\nC1,M,WBRI,01/02/2015,03/04/2024,NEG,NEG\nC4,M,WBRI,01/02/2018,07/08/2024,NEG,NEG\n");
        InputValidator.Report report = Validate.folder(dir.resolve("input"));
        assertThat(report.files()).singleElement().satisfies(f -> assertThat(f.rowsLoaded()).isEqualTo(2));
        assertThat(report.problems()).filteredOn(p -> p.outcome().equals("note"))
                .anySatisfy(p -> assertThat(p.rejection().reason()).contains("has no Child Protection Plan End Date column: "
                        + "without it every record would look open to this day").contains("will have no value"));
    }
}
