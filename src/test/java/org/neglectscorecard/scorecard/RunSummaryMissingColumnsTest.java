package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A file's missing column that costs no figure (an Annex A of List 7 only, beside the census that
 * serves its months) is a note, not a line under "SOME FIGURES HAVE NO VALUE" saying figures have no
 * value "for no month of this run" (a fresh-eye trial found four such lines for one workbook).
 */
class RunSummaryMissingColumnsTest {

    private static RunInputs.MissingColumn missing(String column, String months) {
        return new RunInputs.MissingColumn("821/annex-a/annex-a.xlsx", "List 6", column, "E06000032", "Luton",
                LocalDate.of(2025, 10, 31), LocalDate.of(2026, 3, 31), List.of("CINP_OPEN"), List.of("Children on a CIN plan"),
                months, false);
    }

    private static String summary(List<RunInputs.MissingColumn> missing) {
        return RunSummary.text("monthly", "Pan Bedfordshire", LocalDate.of(2026, 3, 31), null, missing, List.of(), List.of(),
                List.of(), Set.of(), "out", "scorecard.xlsx", List.of());
    }

    @Test
    void aLackOtherReturnsMakeUpForIsANote() {
        String s = summary(List.of(missing("CIN Start Date", RunSummary.NO_MONTH)));
        assertThat(s).doesNotContain("SOME FIGURES HAVE NO VALUE").doesNotContain("for no month of this run")
                .contains("Please note:\n  - 821/annex-a/annex-a.xlsx has no CIN Start Date in List 6: no figure is lost, since "
                        + "other returns serve the months it covers for Luton.");
    }

    @Test
    void aLackThatCostsFiguresIsSaidFirst() {
        String s = summary(List.of(missing("CIN Start Date", "October 2025 to March 2026"), missing("CIN Closure Date",
                RunSummary.NO_MONTH)));
        assertThat(s).contains("SOME FIGURES HAVE NO VALUE").contains("has no CIN Start Date in List 6: 'Children on a CIN plan' "
                + "(CINP_OPEN) has no value for Luton for October 2025 to March 2026")
                .contains("has no CIN Closure Date in List 6: no figure is lost");
    }

    /** The count of problems says what kinds they are: alone, it read as rows rejected, where history gave fewer (a trial). */
    @Test
    void theProblemsFoundSayWhatTheyAre() {
        RunInputs.Problem row = new RunInputs.Problem("a.csv", "a.csv", 2, "X", null, null, "why", "row rejected");
        RunInputs.Problem value = new RunInputs.Problem("a.csv", "a.csv", 3, "Y", null, null, "why", "value left out");
        assertThat(RunSummary.problemsFound(List.of(row, value, row)))
                .isEqualTo("3 problems found in the inputs: 2 rows rejected, 1 value left out");
        assertThat(RunSummary.problemsFound(List.of(value))).isEqualTo("1 problem found in the inputs: 1 value left out");
        assertThat(RunSummary.problemsFound(List.of())).isEqualTo("0 problems found in the inputs");
    }
}
