package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file the run did not use is listed in rejects.csv as the summary says it, naming a file a file and a table set a folder. */
class FileNotUsedTest {

    @Test
    void saidAsTheSummarySaysItLessTheNameInItsOwnColumn() {
        RunInputs.Problem file = RunInputs.Problem.fileNotUsed("821/staff.csv",
                "Not used: 821/staff.csv is not a table this program reads");
        assertThat(file.reason()).isEqualTo("This file is not a table this program reads");
        assertThat(file.outcome()).isEqualTo("file not used");
        assertThat(file.row()).isNull();

        RunInputs.Problem folder = RunInputs.Problem.fileNotUsed("821/2022-23/ (CIN census tables)",
                "821/2022-23/ (CIN census tables) has no date in it, so the months it covers are unknown and it was not used.");
        assertThat(folder.reason()).startsWith("This folder has no date in it");
    }
}
