package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.testing.TestApp;
import org.neglectscorecard.testing.Validate;

/**
 * The same file in the input folder twice (Windows' "police (1).csv", a copy in another folder) is
 * read once and the copy said to be one. The run used to stop at checkInputs on a key violation,
 * and stop again at every retry.
 */
class SameFileTwiceTest {

    @TempDir
    Path dir;

    @Test
    void aCopyIsReadOnceAndSaidToBeACopy() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("partnership/old"));
        String police = "Month,Neglect offences,With earlier neglect concerns\n2025-10,4,1\n2025-11,6,3\n2025-12,2,2\n";
        Files.writeString(input.resolve("partnership/police.csv"), police);
        Files.writeString(input.resolve("partnership/police (1).csv"), police);
        Files.writeString(input.resolve("partnership/old/police.csv"), police);

        InputValidator.Report report = Validate.folder(input);
        assertThat(report.files()).filteredOn(f -> f.rowsLoaded() > 0).singleElement()
                .satisfies(f -> assertThat(f.displayName()).isEqualTo("partnership/police.csv"));
        assertThat(report.files()).filteredOn(f -> f.displayName().equals("partnership/police (1).csv")).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("is the same as partnership/police.csv (identical content)"));

        Path job = TestApp.jobFile(dir.resolve("jobs"), "copies", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2025, 12, 31), input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM police_monthly", Long.class)).isEqualTo(3L);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM source_file", Long.class)).isEqualTo(1L);
        }
    }

    /**
     * The same return in two LAs' folders, where only the folder says whose it is (an SSDA903, an Annex A),
     * is one LA's return misplaced, and nothing says which: neither copy is read. A partner's log, which
     * may hold several LAs' rows, is read once, as any copy is.
     */
    @Test
    void theSameReturnInTwoLasFoldersIsReadFromNeither() throws Exception {
        Path input = dir.resolve("input");
        String header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,25/03/2017,ABAN,,,\nC2,2,10/12/2010,WBRI,,,\n";
        String episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + "C1,03/03/2025,P,C2,N1,U1,PR1,,,,,,\nC2,24/03/2025,P,C2,N1,U1,PR1,,,,,,\n";
        String police = "Month,Neglect offences,With earlier neglect concerns\n2025-10,4,1\n2025-11,6,3\n2025-12,2,2\n";
        for (String la : List.of("822", "823")) {
            Files.createDirectories(input.resolve(la + "/ssda903"));
            Files.writeString(input.resolve(la + "/ssda903/header.csv"), header);
            Files.writeString(input.resolve(la + "/ssda903/episodes.csv"), episodes);
            Files.writeString(input.resolve(la + "/police.csv"), police);
        }

        InputValidator.Report report = Validate.folder(input);
        assertThat(report.files()).filteredOn(f -> f.displayName().contains("ssda903"))
                .extracting(f -> f.displayName() + ": " + f.problem()).containsExactlyInAnyOrder(
                "822/ssda903/ (SSDA903 tables): This folder is the same return as 823/ssda903/ (SSDA903 tables) (identical content), "
                        + "in the folders of 2 LAs (822, 823): it cannot be each LA's data, so no copy of it is read. Take it out "
                        + "of the folder of the LA it is not for, and run again.",
                "823/ssda903/ (SSDA903 tables): This folder is the same return as 822/ssda903/ (SSDA903 tables) (identical content), "
                        + "in the folders of 2 LAs (822, 823): it cannot be each LA's data, so no copy of it is read. Take it out "
                        + "of the folder of the LA it is not for, and run again.");
        assertThat(report.files()).filteredOn(f -> f.displayName().endsWith("police.csv") && f.rowsLoaded() > 0).hasSize(1);

        Path job = TestApp.jobFile(dir.resolve("jobs"), "two-folders", "p", List.of("822", "823"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            app.run(job, LocalDate.of(2025, 12, 31), input, dir.resolve("out"), false);
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM cla_episode", Long.class)).isEqualTo(0L);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM police_monthly", Long.class)).isEqualTo(3L);
        }
    }

    @Test
    void aFileNoneOfWhoseRowsCanBeUsedIsRejectedWhole() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/police.csv"), "Month,Neglect offences,With earlier neglect concerns\n"
                + "2025-10,4,1\n2025-11,6,3\n2025-12,2,2\n");
        Files.writeString(input.resolve("partnership/health.csv"), "Month,Service,Appointments,Was not brought\n"
                + "Oct 2025x,Dental,40,4\nNov 2025x,Dental,38,3\n");
        Path job = TestApp.jobFile(dir.resolve("jobs"), "allbad", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2025, 12, 31), input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetchValue("SELECT status FROM source_file WHERE display_name = 'partnership/health.csv'"))
                    .isEqualTo("REJECTED");
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM health_monthly", Long.class)).isEqualTo(0L);
        }
        assertThat(Files.readString(dir.resolve("out/p/2025-12-31/rejects.csv")))
                .contains("None of the 2 rows of this file could be used");
        assertThat(Files.readString(dir.resolve("out/p/2025-12-31/run-summary.txt"))).contains("REJECTED: ");
    }
}
