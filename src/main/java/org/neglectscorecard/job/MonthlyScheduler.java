package org.neglectscorecard.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.BatchStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs each job in jobs/ when its schedule (cron) says, for the month just ended, one at a time.
 * A run the machine missed (switched off at the time) is caught up on start, once: the latest
 * scheduled run without a completed result is run then (a failed one carries on where it stopped).
 */
public class MonthlyScheduler {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final RunService runs;
    private final Progress progress;
    private final Clock clock;

    public MonthlyScheduler(RunService runs, Progress progress, Clock clock) {
        this.runs = runs;
        this.progress = progress;
        this.clock = clock;
    }

    /** A job with a schedule. */
    public record Scheduled(JobFile job, CronExpression cron) {
    }

    /** The jobs among these files that have a schedule; the others are named and passed over. */
    public List<Scheduled> scheduled(List<JobFile> jobs) {
        List<Scheduled> out = new ArrayList<>();
        for (JobFile job : jobs) {
            if (job.schedule() == null) {
                progress.say("  " + job.source() + " has no 'schedule:', so it is run only by hand.");
                continue;
            }
            if (!CronExpression.isValidExpression(job.schedule())) {
                throw new RunRefusedException("In " + job.source() + ": schedule '" + job.schedule() + "' is not a cron "
                        + "expression (six fields: second minute hour day-of-month month weekday, e.g. \"0 0 6 5 * *\").");
            }
            CronExpression cron = CronExpression.parse(job.schedule());
            // "0 0 6 31 2 *" is a valid expression for a day that never comes: a job that would silently never run.
            if (cron.next(LocalDateTime.now(clock)) == null) {
                throw new RunRefusedException("In " + job.source() + ": schedule '" + job.schedule() + "' names a day that never "
                        + "comes (such as 31 February), so the job would never run. For the 5th of each month at 06:00 write \"0 0 6 5 * *\".");
            }
            out.add(new Scheduled(job, cron));
        }
        return out;
    }

    /** The period a run at this time reports: the month just ended. */
    public static LocalDate periodFor(LocalDateTime firedAt) {
        return YearMonth.from(firedAt).minusMonths(1).atEndOfMonth();
    }

    /** The latest time the schedule fired at or before now, looking back up to 13 months. */
    public static LocalDateTime previousFire(CronExpression cron, LocalDateTime now) {
        LocalDateTime t = cron.next(now.minusMonths(13));
        LocalDateTime last = null;
        while (t != null && !t.isAfter(now)) {
            last = t;
            t = cron.next(t);
        }
        return last;
    }

    /** Runs a missed run of each job, if any. Returns how many it ran. */
    public int catchUp(List<Scheduled> jobs) {
        int ran = 0;
        LocalDateTime now = LocalDateTime.now(clock);
        for (Scheduled s : jobs) {
            LocalDateTime missed = previousFire(s.cron(), now);
            if (missed == null) {
                continue;
            }
            LocalDate period = periodFor(missed);
            boolean done = runs.attempts(s.job().name(), period).stream()
                    .anyMatch(a -> a.last().getStatus() == BatchStatus.COMPLETED);
            if (!done) {
                progress.say("Catching up " + s.job().name() + ": it was due on " + missed.format(WHEN) + " for " + period
                        + " and has not completed.");
                runOnce(s, period);
                ran++;
            }
        }
        return ran;
    }

    /**
     * Runs the jobs on their schedules until stopped (or, for tests, until {@code stopAfter} runs
     * have finished; 0 for never). One scheduler thread: jobs never run at the same time.
     */
    public void runForever(List<Scheduled> jobs, int stopAfter) throws InterruptedException {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("scorecard-schedule-");
        scheduler.setClock(clock);
        scheduler.initialize();
        CountDownLatch finished = new CountDownLatch(stopAfter > 0 ? stopAfter : 1);
        AtomicInteger count = new AtomicInteger();
        try {
            for (Scheduled s : jobs) {
                scheduler.schedule(() -> {
                    runOnce(s, periodFor(LocalDateTime.now(clock)));
                    if (stopAfter > 0 && count.incrementAndGet() <= stopAfter) {
                        finished.countDown();
                    }
                }, new CronTrigger(s.job().schedule()));
                LocalDateTime next = s.cron().next(LocalDateTime.now(clock));
                progress.say("  " + s.job().name() + ": next run " + (next == null ? "never" : next.format(WHEN)
                        + " (for " + periodFor(next) + ")"));
            }
            finished.await();
        } finally {
            scheduler.shutdown();
        }
    }

    private void runOnce(Scheduled s, LocalDate period) {
        JobFile job = s.job();
        progress.say("Running " + job.name() + " for " + period + " (" + LocalDateTime.now(clock).format(WHEN) + ")");
        try {
            RunService.RunResult result = runs.run(new RunService.RunRequest(job, period, Path.of(job.input()),
                    Path.of(job.output()), false));
            progress.say(!result.ok() ? "  " + job.name() + " for " + period + " did not finish: " + result.message()
                    : org.neglectscorecard.scorecard.OutputWriter.scorecardWritten(result.outputFolder())
                            ? "  " + job.name() + " for " + period + " completed; outputs in " + result.outputFolder()
                            : "  " + job.name() + " for " + period + " wrote NO SCORECARD: none of the inputs gave a figure. What to "
                                    + "fix is in " + result.outputFolder().resolve(org.neglectscorecard.scorecard.OutputWriter.SUMMARY));
        } catch (RunRefusedException e) {
            progress.say("  " + e.getMessage());
        } catch (RuntimeException e) {
            progress.say("  " + job.name() + " for " + period + " failed unexpectedly: " + e + " (see the log)");
        }
    }
}
