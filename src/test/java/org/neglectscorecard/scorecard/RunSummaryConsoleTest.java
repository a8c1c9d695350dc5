package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The console's end-of-run summary does not list again every file the run has just named as it
 * loaded it: a long inputs table is cut to the files that need a look, and points to the file that
 * keeps it whole. Everything else in the summary is shown as it is.
 */
class RunSummaryConsoleTest {

    @Test
    void aLongInputsTableShowsOnlyTheFilesThatNeedALook() {
        List<String> inputs = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            inputs.add(String.format("  821/file-%02d.csv      1,000 read     1,000 loaded       0 rejected   as at 2026-03-31", i));
        }
        inputs.set(3, "  821/file-04.csv      1,000 read       998 loaded       2 rejected   as at 2026-03-31");
        inputs.set(7, "  822/broken.xlsx  REJECTED: This file is password-protected, so it cannot be read.");
        inputs.set(9, "  821/file-10.csv         10 read        10 loaded       0 rejected   not used");
        String summary = "Neglect scorecard: job, month ending 31 March 2026\n\nInputs (20):\n" + String.join("\n", inputs)
                + "\n  1 file was rejected whole: nothing from it was used.\n\n52 of 52 indicators have a value.\n";

        String console = RunSummary.forConsole(summary);

        assertThat(console).contains("Inputs (20), each with its counts and date in run-summary.txt; these need a look")
                .contains(inputs.get(3)).contains(inputs.get(7)).contains(inputs.get(9))
                .contains("1 file was rejected whole").contains("52 of 52 indicators have a value.")
                .doesNotContain("file-01.csv").doesNotContain("file-20.csv");
        assertThat(console.lines().filter(l -> l.startsWith("  ")).count()).isEqualTo(4);
        // Worst first: the file rejected whole, then the one with rows rejected, then the one not used.
        assertThat(console.indexOf("822/broken.xlsx")).isLessThan(console.indexOf("821/file-04.csv"));
        assertThat(console.indexOf("821/file-04.csv")).isLessThan(console.indexOf("821/file-10.csv"));
    }

    @Test
    void aShortTableOrOneWithNothingToLookAtIsSaidSo() {
        String shortTable = "Inputs (2):\n  a.csv   5 read  5 loaded  0 rejected   as at 2026-03-31\n"
                + "  b.csv   5 read  5 loaded  0 rejected   as at 2026-03-31\n\nDone.\n";
        assertThat(RunSummary.forConsole(shortTable)).isEqualTo(shortTable);

        StringBuilder clean = new StringBuilder("Inputs (13):\n");
        for (int i = 0; i < 13; i++) {
            clean.append("  f").append(i).append(".csv   5 read  5 loaded  0 rejected   as at 2026-03-31\n");
        }
        assertThat(RunSummary.forConsole(clean + "\nDone.\n")).isEqualTo("Inputs (13), each with its counts and date in "
                + "run-summary.txt; every file loaded with nothing rejected.\n\nDone.\n");
    }
}
