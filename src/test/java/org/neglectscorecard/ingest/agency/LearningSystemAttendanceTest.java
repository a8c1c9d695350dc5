package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.TestApp;

/**
 * Learning systems export a booking's outcome as words ("Attended", "Did not attend", "Cancelled"),
 * under headings such as "Attendance": read as completed or not, and a word that says neither is
 * refused, naming the words that are read, rather than guessed at.
 */
class LearningSystemAttendanceTest {

    @TempDir
    Path dir;

    @Test
    void attendanceWordsAreReadAsCompletedOrNotAndOthersRefused() throws Exception {
        Path input = dir.resolve("input/821");
        Files.createDirectories(input);
        Files.writeString(input.resolve("learning-system-export.csv"), """
                Learner ID,Organisation,Sector,Course name,Session date,Attendance
                L1,Trust X,Health,Neglect awareness,2025-05-10,Attended
                L2,Trust X,Health,Neglect awareness,2025-05-10,Did not attend
                L3,Force Y,Police,Multi-agency neglect,2025-06-15,DNA
                L4,Force Y,Police,Multi-agency neglect,2025-06-15,Completed
                L5,Force Y,Police,Multi-agency neglect,2025-06-15,No show
                L6,Force Y,Police,Multi-agency neglect,2025-06-15,Maybe
                L7,Force Y,Police,Multi-agency neglect,2025-07-15,Booked
                """);
        Path job = TestApp.jobFile(dir.resolve("jobs"), "attendance", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            app.run(job, LocalDate.of(2025, 6, 30), dir.resolve("input"), dir.resolve("out"), false);
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetch("SELECT source_row, completed FROM training_record ORDER BY source_row")
                    .map(r -> r.get(0) + ":" + r.get(1))).containsExactly("2:true", "3:false", "4:false", "5:true", "6:false");
            // A word that says neither, and a place only booked, are refused saying which words are read as which.
            assertThat(dsl.fetch("SELECT row_number, reason FROM rejection WHERE outcome = 'row rejected' ORDER BY row_number")
                    .map(r -> r.get(0) + " " + r.get(1))).hasSize(2).allSatisfy(r -> assertThat(r)
                    .contains("is not Y or N, nor a word read as one (Y: Completed, Attended").contains("N: Not completed, Did not attend")
                    .contains("A place only booked, or on a waiting list, is not a training record"))
                    .extracting(r -> r.substring(0, 2)).containsExactly("7 ", "8 ");
        }
    }
}
