package org.neglectscorecard.job;

import static org.neglectscorecard.store.schema.Tables.RUN_LOCK;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jooq.DSLContext;
import org.neglectscorecard.store.schema.tables.records.RunLockRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * At most one run of a job at a time, across processes (the scheduler and a person at a terminal)
 * and, on a shared database, across machines. A lock left by a process that has died (killed,
 * machine switched off) is taken over: that is how a killed run is told from a running one.
 */
@Component
public class RunLock {

    private final DSLContext dsl;

    public RunLock(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the lock found: whether an earlier holder died without releasing it. */
    public record Acquired(boolean tookOverFromDeadProcess) {
    }

    public Acquired acquire(String jobName, LocalDate period) {
        String host = host();
        long pid = ProcessHandle.current().pid();
        try {
            dsl.insertInto(RUN_LOCK, RUN_LOCK.JOB_NAME, RUN_LOCK.PERIOD, RUN_LOCK.HOST, RUN_LOCK.PID, RUN_LOCK.STARTED_AT)
                    .values(jobName, period, host, pid, LocalDateTime.now().withNano(0)).execute();
            return new Acquired(false);
        } catch (DuplicateKeyException | org.jooq.exception.IntegrityConstraintViolationException e) {
            RunLockRecord holder = dsl.selectFrom(RUN_LOCK).where(RUN_LOCK.JOB_NAME.eq(jobName)).fetchOne();
            if (holder == null) {
                return acquire(jobName, period);
            }
            if (isAlive(holder)) {
                throw new RunRefusedException("The job " + jobName + " is already running (for the period " + holder.getPeriod()
                        + ", started " + holder.getStartedAt().format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm"))
                        + " by process " + holder.getPid() + " on " + holder.getHost() + "). Wait for it to finish, "
                        + "or see 'history'.");
            }
            int taken = dsl.update(RUN_LOCK).set(RUN_LOCK.PERIOD, period).set(RUN_LOCK.HOST, host).set(RUN_LOCK.PID, pid)
                    .set(RUN_LOCK.STARTED_AT, LocalDateTime.now().withNano(0))
                    .where(RUN_LOCK.JOB_NAME.eq(jobName).and(RUN_LOCK.PID.eq(holder.getPid())).and(RUN_LOCK.HOST.eq(holder.getHost())))
                    .execute();
            if (taken == 0) {
                return acquire(jobName, period);
            }
            return new Acquired(true);
        }
    }

    public void release(String jobName) {
        dsl.deleteFrom(RUN_LOCK).where(RUN_LOCK.JOB_NAME.eq(jobName).and(RUN_LOCK.PID.eq(ProcessHandle.current().pid()))
                .and(RUN_LOCK.HOST.eq(host()))).execute();
    }

    /** Whether a run of the job is going on now, in a process that is alive (or, on another machine, started within the day). */
    public boolean isRunning(String jobName) {
        RunLockRecord holder = dsl.selectFrom(RUN_LOCK).where(RUN_LOCK.JOB_NAME.eq(jobName)).fetchOne();
        return holder != null && isAlive(holder);
    }

    /** The jobs other than this one whose runs are going on now (two partnerships' jobs on one database). */
    public List<String> othersRunning(String jobName) {
        return dsl.selectFrom(RUN_LOCK).where(RUN_LOCK.JOB_NAME.ne(jobName)).fetch().stream()
                .filter(RunLock::isAlive).map(RunLockRecord::getJobName).toList();
    }

    /**
     * Locks of other jobs still held by processes that have died (killed part-way): what they were
     * writing when they died may have left the database's indexes out of step.
     */
    public List<RunLockRecord> othersDead(String jobName) {
        return dsl.selectFrom(RUN_LOCK).where(RUN_LOCK.JOB_NAME.ne(jobName)).fetch().stream().filter(h -> !isAlive(h)).toList();
    }

    /** Forgets dead processes' locks once what they may have left is mended (each only if no process has taken it since). */
    public void forget(List<RunLockRecord> dead) {
        for (RunLockRecord h : dead) {
            dsl.deleteFrom(RUN_LOCK).where(RUN_LOCK.JOB_NAME.eq(h.getJobName()).and(RUN_LOCK.PID.eq(h.getPid()))
                    .and(RUN_LOCK.HOST.eq(h.getHost()))).execute();
        }
    }

    /**
     * On this machine a process can be asked whether it is alive; a lock held from another machine
     * is trusted for a day (a monthly run takes minutes), then treated as abandoned.
     */
    private static boolean isAlive(RunLockRecord holder) {
        if (host().equals(holder.getHost())) {
            return holder.getPid() == ProcessHandle.current().pid()
                    || ProcessHandle.of(holder.getPid()).map(ProcessHandle::isAlive).orElse(false);
        }
        return holder.getStartedAt().isAfter(LocalDateTime.now().minusDays(1));
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
