package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * Dates come from the data, never from the file system (issue 11.4): a fresh copy of the same
 * folder gives the same figures whatever the files' own dates; a log covers up to its latest date
 * (or the as-at date the job file gives); a record dated after its return's date (a plan starting
 * in 2099) is pointed out where it is, and the return still covers a sensible span; a census whose
 * reference date is not 31 March is pointed out (DfE's rule 100).
 */
class DatesFromDataTest {

    @TempDir
    Path dir;

    static final String TRAINING = """
            Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,Course date,Completed,Confidence before,Confidence after,GCP2 licensed
            P1,Trust X,Health,Neglect awareness,Single-agency,2025-05-10,Y,2,4,N
            P2,Force Y,Police,Multi-agency neglect,Multi-agency,2025-06-15,Y,2,3,N
            P3,School Z,Education,Neglect awareness,,2025-09-10,Y,3,5,N
            """;

    @Test
    void aCopyOfTheSameFolderGivesTheSameFiguresWhateverItsFilesDates() throws Exception {
        for (String copy : List.of("old", "new")) {
            Path log = dir.resolve(copy + "/partnership/training.csv");
            Files.createDirectories(log.getParent());
            Files.writeString(log, TRAINING);
            Files.setLastModifiedTime(log, FileTime.from(Instant.parse("old".equals(copy) ? "2025-09-12T10:00:00Z" : "2031-01-01T10:00:00Z")));
        }
        String old = run("old", LocalDate.of(2025, 9, 30), "");
        String fresh = run("new", LocalDate.of(2025, 9, 30), "");
        assertThat(fresh).isEqualTo(old).contains("TRAIN_");
        // The log covers up to the month of its latest date, not to the month before the file was saved.
        assertThat(Files.readString(dir.resolve("out-new/p/2025-09-30/run-summary.txt"))).contains("2025-09-30 (the month end of its latest date)");
    }

    @Test
    void aDateAfterTheReturnsDateIsPointedOutAndTheReturnKeepsASensibleSpan() throws Exception {
        Path input = dir.resolve("future");
        // 821's census, its reference date not 31 March (DfE rule 100), one plan starting in 2099.
        var census = new ReturnBuilder("821", LocalDate.of(2024, 3, 30));
        census.child("A").episode("2023-05-01", null, "N1").cpp("2023-06-01", null, "NEG", "NEG", 0).end().done();
        census.child("B").episode("2023-07-01", null, "N1").cpp("2099-01-01", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(census.build(), input.resolve("821/census.xml"));
        // 822's tables without a Header: dated from the latest of their dates that is not in the future.
        var tables = new ReturnBuilder("822", LocalDate.of(2024, 3, 31));
        tables.child("C").episode("2023-05-01", null, "N1").cpp("2023-06-01", null, "NEG", "NEG", 0).end().done();
        tables.child("D").episode("2023-08-01", null, "N1").cpp("2099-02-01", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeCsv(tables.build(), input.resolve("822/2023-24"));
        Files.delete(input.resolve("822/2023-24/Header.csv"));

        Path job = TestApp.jobFile(dir.resolve("jobs"), "future", "p", List.of("821", "822"));
        try (TestApp app = TestApp.start(dir.resolve("data-future"))) {
            var r = app.run(job, LocalDate.of(2024, 3, 31), input, dir.resolve("out-future"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.fetch("SELECT la_code3, reference_date, reference_date_from FROM statutory_return ORDER BY la_code3")
                    .map(x -> x.intoList().toString()))
                    .containsExactly("[821, 2024-03-31, the return's header]", "[822, 2024-03-31, 31 March after its latest date]");
        }
        String rejects = Files.readString(dir.resolve("out-future/p/2024-03-31/rejects.csv"));
        assertThat(rejects).contains("821/census.xml,Header").contains("ReferenceDate,2024-03-30").contains("DfE rule 100");
        assertThat(rejects).contains("821/census.xml,ChildProtectionPlans,").contains("CPPstartDate,2099-01-01");
        assertThat(rejects).contains("822/2023-24/ChildProtectionPlans.csv,3,CPPstartDate,2099-02-01")
                .contains("This date is in the future");
        String indicators = Files.readString(dir.resolve("out-future/p/2024-03-31/indicators.csv"));
        assertThat(indicators).contains("CPP_OPEN,E06000032");
    }

    /** A month that has not happened, or that no input reaches, would invent a fall: refused in one line. */
    @Test
    void aPeriodAfterTodayOrAfterEveryInputIsRefusedAndTheNextRunStartsAfresh() throws Exception {
        Path input = dir.resolve("later");
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/training.csv"), TRAINING);
        Path job = TestApp.jobFile(dir.resolve("jobs"), "later", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data-later"))) {
            LocalDate nextMonth = java.time.YearMonth.now().plusMonths(1).atEndOfMonth();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.run(job, nextMonth, input, dir.resolve("out-later"), false))
                    .isInstanceOf(RunRefusedException.class).hasMessageContaining("has not ended yet").hasMessageNotContaining("\n");

            LocalDate november = LocalDate.of(2025, 11, 30);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.run(job, november, input, dir.resolve("out-later"), false))
                    .isInstanceOf(RunRefusedException.class)
                    .hasMessage("No file in the input folder reaches the month ending 30 November 2025: the latest is "
                            + "partnership/training.csv, as at 30 September 2025. Put that month's files in the input folder, or run "
                            + "for 2025-09-30.")
                    .hasMessageNotContaining("\n");
            assertThat(dir.resolve("out-later/p/2025-11-30")).doesNotExist();

            // The month's log arrives: the same command starts afresh (it was refused, not failed) and reads it.
            Files.writeString(input.resolve("partnership/training-autumn.csv"), TRAINING.lines().findFirst().orElseThrow()
                    + "\nP9,Trust X,Health,Neglect awareness,Single-agency,2025-11-20,Y,2,4,N\n");
            var r = app.run(job, november, input, dir.resolve("out-later"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
            assertThat(Files.readString(dir.resolve("out-later/p/2025-11-30/indicators.csv"))).contains("TRAIN_NEG_CUM,p,Test partnership p,2025-11-30,all,4,");
        }
    }

    /**
     * A month only a multi-agency log reaches (the returns stop before it) would be a board pack of
     * [x]; a month before every return (a mistyped year) a run of nothing recorded as done: both refused.
     */
    @Test
    void aMonthTheReturnsDoNotReachIsRefusedEvenWhenALogDoes() throws Exception {
        Path input = dir.resolve("logs-only");
        var r = new ReturnBuilder("821", LocalDate.of(2025, 3, 31));
        r.child("A").episode("2024-05-01", null, "N1").cpp("2024-05-10", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(r.build(), input.resolve("821/cin-2025.xml"));
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/training.csv"), TRAINING);
        Path job = TestApp.jobFile(dir.resolve("jobs"), "logs-only", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data-logs-only"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.run(job, LocalDate.of(2025, 6, 30), input,
                            dir.resolve("out-logs-only"), false))
                    .isInstanceOf(RunRefusedException.class)
                    .hasMessage("No child protection or child in need return reaches the month ending 30 June 2025 (only "
                            + "multi-agency logs do): the latest is 821/cin-2025.xml, as at 31 March 2025. Put a return that "
                            + "reaches it (an Annex A, or a CIN census or extract, as at 30 June 2025 or later) in the input "
                            + "folder, or run for 2025-03-31.");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.run(job, LocalDate.of(2015, 3, 31), input,
                            dir.resolve("out-logs-only"), false))
                    .isInstanceOf(RunRefusedException.class)
                    .hasMessage("No child protection or child in need return in the input folder reaches back to the month "
                            + "ending 31 March 2015: the earliest month one covers is April 2024 (821/cin-2025.xml). Check the "
                            + "period asked for, or put that year's returns in the input folder.");
            assertThat(dir.resolve("out-logs-only/p")).doesNotExist();
            var done = app.run(job, LocalDate.of(2025, 3, 31), input, dir.resolve("out-logs-only"), false);
            assertThat(done.ok()).as(done.message()).isTrue();
        }
    }

    private String run(String name, LocalDate period, String settings) throws Exception {
        Path job = TestApp.jobFile(dir.resolve("jobs"), "dates-" + name, "p", List.of("821"));
        Files.writeString(job, Files.readString(job) + settings);
        try (TestApp app = TestApp.start(dir.resolve("data-" + name))) {
            var r = app.run(job, period, dir.resolve(name), dir.resolve("out-" + name), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        return Files.readString(dir.resolve("out-" + name + "/p/" + period + "/indicators.csv"));
    }
}
