package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;
import org.springframework.batch.core.BatchStatus;
import org.springframework.scheduling.support.CronExpression;

/** The scheduler: the month just ended, missed runs caught up once, one run at a time. */
class MonthlySchedulerTest {

    @TempDir
    Path dir;

    @Test
    void periodsAndPreviousFireTimes() {
        assertThat(MonthlyScheduler.periodFor(LocalDateTime.of(2026, 4, 5, 6, 0))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(MonthlyScheduler.periodFor(LocalDateTime.of(2026, 1, 5, 6, 0))).isEqualTo(LocalDate.of(2025, 12, 31));
        CronExpression fifth = CronExpression.parse("0 0 6 5 * *");
        assertThat(MonthlyScheduler.previousFire(fifth, LocalDateTime.of(2026, 4, 20, 9, 0))).isEqualTo(LocalDateTime.of(2026, 4, 5, 6, 0));
        assertThat(MonthlyScheduler.previousFire(fifth, LocalDateTime.of(2026, 4, 5, 5, 59))).isEqualTo(LocalDateTime.of(2026, 3, 5, 6, 0));
    }

    @Test
    void aScheduleForADayThatNeverComesIsRefusedNotLeftToNeverRun() throws Exception {
        Path jobFile = dir.resolve("jobs/feb31.yml");
        Files.createDirectories(jobFile.getParent());
        Files.writeString(jobFile, "name: feb31\npartnership:\n  id: p\n  name: P\n  members: [213]\nschedule: \"0 0 6 31 2 *\"\n");
        JobFile job = JobFile.load(jobFile);
        MonthlyScheduler scheduler = new MonthlyScheduler(null, new Progress("off"), Clock.systemDefaultZone());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scheduler.scheduled(List.of(job)))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("schedule '0 0 6 31 2 *' names a day that never comes (such as 31 February)");
    }

    @Test
    void aMissedRunIsCaughtUpOnceAndDueRunsHappenUnattended() throws Exception {
        Path input = dir.resolve("input");
        var r = new ReturnBuilder("213", LocalDate.of(2026, 3, 31));
        r.child("A").episode("2025-05-01", null, "N1").cpp("2025-05-10", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(r.build(), input.resolve("213.xml"));
        Path jobFile = dir.resolve("jobs/scheduled.yml");
        Files.createDirectories(jobFile.getParent());
        Files.writeString(jobFile, "name: scheduled\npartnership:\n  id: p\n  name: P\n  members: [213]\n"
                + "input: " + input + "\noutput: " + dir.resolve("out") + "\nschedule: \"0 0 6 5 * *\"\n");
        JobFile job = JobFile.load(jobFile);
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService runs = app.bean(RunService.class);
            // The machine was off on 5 April at 06:00: started on the 20th, the run for March happens once.
            Clock april20 = Clock.fixed(LocalDateTime.of(2026, 4, 20, 9, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
            MonthlyScheduler scheduler = new MonthlyScheduler(runs, app.bean(Progress.class), april20);
            List<MonthlyScheduler.Scheduled> scheduled = scheduler.scheduled(List.of(job));
            assertThat(scheduler.catchUp(scheduled)).isEqualTo(1);
            assertThat(scheduler.catchUp(scheduled)).isZero();
            assertThat(runs.attempts("scheduled", LocalDate.of(2026, 3, 31)))
                    .singleElement().satisfies(a -> assertThat(a.last().getStatus()).isEqualTo(BatchStatus.COMPLETED));

            // Half a second before 06:00 on 5 May: the April run becomes due and happens with no one there,
            // once a return reaching April is in the folder (a month no input reaches is refused, not invented).
            var april = new ReturnBuilder("213", LocalDate.of(2026, 4, 30));
            april.child("A").episode("2025-05-01", null, "N1").cpp("2025-05-10", null, "NEG", "NEG", 0).end().done();
            CensusReturnWriter.writeXml(april.build(), input.resolve("213-april.xml"));
            Clock may5 = Clock.fixed(LocalDateTime.of(2026, 5, 5, 5, 59, 59, 500_000_000).atZone(ZoneId.systemDefault()).toInstant(),
                    ZoneId.systemDefault());
            new MonthlyScheduler(runs, app.bean(Progress.class), may5).runForever(scheduled, 1);
            assertThat(runs.attempts("scheduled", LocalDate.of(2026, 4, 30)))
                    .singleElement().satisfies(a -> assertThat(a.last().getStatus()).isEqualTo(BatchStatus.COMPLETED));
        }
        assertThat(dir.resolve("out/p/2026-04-30/indicators.csv")).exists();
    }
}
