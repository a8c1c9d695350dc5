package org.neglectscorecard.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.store.AuditLog;
import org.neglectscorecard.store.IndexRebuild;
import org.neglectscorecard.store.schema.tables.records.RunLockRecord;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts, resumes or refuses a run. A job's name and a period identify a run: a completed run asked
 * for again is refused unless a re-run is asked for; a failed run, or one killed part-way (left
 * STARTED in the JobRepository), is resumed where it stopped.
 */
@Component
public class RunService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunService.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.UK);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final JobRepository repository;
    private final JobOperator operator;
    private final Job job;
    private final RunLock lock;
    private final Progress progress;
    private final AuditLog audit;
    private final IndexRebuild indexes;

    public RunService(JobRepository repository, JobOperator operator, Job scorecardJob, RunLock lock, Progress progress,
                      AuditLog audit, IndexRebuild indexes) {
        this.repository = repository;
        this.operator = operator;
        this.job = scorecardJob;
        this.lock = lock;
        this.progress = progress;
        this.audit = audit;
        this.indexes = indexes;
    }

    /** A request to run a job for a period. */
    public record RunRequest(JobFile jobFile, LocalDate period, Path input, Path output, boolean rerun) {
    }

    /** How a run ended, in a form the command line can report. */
    public record RunResult(BatchStatus status, long runId, String message, Path outputFolder, Duration took) {
        public boolean ok() {
            return status == BatchStatus.COMPLETED;
        }
    }

    /** A past run of a job for a period: the latest execution of one attempt. */
    public record Attempt(JobInstance instance, long attempt, JobExecution last) {
    }

    public RunResult run(RunRequest r) {
        if (!r.period().equals(r.period().withDayOfMonth(r.period().lengthOfMonth()))) {
            throw new RunRefusedException("The period must be the last day of a month, for example "
                    + r.period().withDayOfMonth(r.period().lengthOfMonth()) + ".");
        }
        LocalDate today = LocalDate.now();
        if (!r.period().isBefore(today)) {
            throw new RunRefusedException("The month ending " + r.period().format(DAY) + " has not ended yet (today is "
                    + today.format(DAY) + "): its figures would be incomplete and look like a fall. Run it once the month is over.");
        }
        String name = r.jobFile().name();
        RunLock.Acquired acquired;
        try {
            acquired = lock.acquire(name, r.period());
        } catch (RuntimeException e) {
            throw indexOutOfStep(e);
        }
        long started = System.nanoTime();
        try {
            mendAfterAbruptStop(name, r.period(), acquired);
            Optional<Attempt> latest = attempts(name, r.period()).stream().max(Comparator.comparingLong(Attempt::attempt));
            JobExecution execution;
            if (latest.isPresent() && latest.get().last().getStatus() == BatchStatus.COMPLETED && !r.rerun()) {
                JobExecution done = latest.get().last();
                audit.record("RUN REFUSED", name, r.period(), null, "already completed; no --rerun");
                throw new RunRefusedException("The " + name + " run for " + r.period() + " already completed on "
                        + done.getEndTime().format(WHEN) + " (outputs in " + outputFolder(r) + "). To run it again "
                        + "(for example after correcting a return), use 'rerun' or add --rerun.");
            }
            String other = otherJobsScorecard(outputFolder(r), name);
            if (other != null) {
                audit.record("RUN REFUSED", name, r.period(), null, "output folder holds job " + other + "'s scorecard");
                throw new RunRefusedException(outputFolder(r) + " holds the scorecard of another job, '" + other + "' (its "
                        + "run-summary.txt), for the same partnership id: this job, '" + name + "', would replace it. Give this "
                        + "job its own partnership id or output folder (id: or output: in " + r.jobFile().source() + "), or move "
                        + "that folder aside if it is no longer wanted.");
            }
            audit.record("RUN STARTED", name, r.period(), null, "input " + r.input().toAbsolutePath()
                    + (r.rerun() ? " (re-run)" : ""));
            if (latest.isPresent() && latest.get().last().getStatus() != BatchStatus.COMPLETED
                    && latest.get().last().getStatus() != BatchStatus.ABANDONED) {
                execution = resume(latest.get().last(), acquired);
            } else {
                long attempt = latest.map(a -> a.attempt() + 1).orElse(1L);
                JobParameters parameters = parameters(r, attempt);
                // An attempt recorded only in part (a kill as it began) is not listed above, yet holds its number.
                for (JobInstance orphan; (orphan = repository.getJobInstance(ScorecardJobConfig.JOB_NAME, parameters)) != null; ) {
                    setAsideHalfRecorded(orphan);
                    parameters = parameters(r, ++attempt);
                }
                // A later attempt without --rerun follows one that stopped: set aside (a file saved again part-way) or refused
                // (no key, a month no file reached). "Set aside" read oddly after a refusal that had done nothing (a trial).
                String which = attempt == 1 ? "" : r.rerun() ? " (re-run " + (attempt - 1) + ")"
                        : " (attempt " + attempt + ": the one before stopped without writing a scorecard)";
                progress.say("Starting " + name + " for the month ending " + r.period() + which);
                execution = operator.start(job, parameters);
            }
            if (execution.getStatus() == BatchStatus.FAILED && indexes.applies()
                    && execution.getAllFailureExceptions().stream().anyMatch(IndexRebuild::isIndexOutOfStep)) {
                // Left so by a process of another job, or another command, killed part-way: mended, then carried on once.
                rebuildIndexes(name, r.period(), "The run found an index of the database out of step with its data");
                progress.say("Carrying on the run from where it stopped.");
                execution = operator.restart(execution);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            long runId = execution.getJobInstance().getInstanceId();
            boolean ok = execution.getStatus() == BatchStatus.COMPLETED;
            RunSetAsideException refused = refusal(execution);
            if (refused != null) {
                // Not a failure to carry on from: abandoned, so the next command reads the input folder afresh.
                execution.setStatus(BatchStatus.ABANDONED);
                repository.update(execution);
                audit.record("RUN REFUSED", name, r.period(), runId, refused.getMessage());
                throw refused;
            }
            // What it wrote first: the record is cut at 8,000 characters, and a partnership's sixty inputs filled it,
            // leaving out the checksums of the scorecard itself (a fresh-eye trial of the audit).
            audit.record(ok ? "RUN COMPLETED" : "RUN FAILED", name, r.period(), runId, "input " + r.input().toAbsolutePath()
                    + "\n" + (ok ? AuditLog.outputsIn(outputFolder(r)) : "failure: " + failure(execution) + "\n") + audit.inputsOf(runId));
            return new RunResult(execution.getStatus(), runId, ok ? null : failure(execution), outputFolder(r), took);
        } catch (RunRefusedException e) {
            throw e;
        } catch (IndexRebuild.KeyBrokenException e) {
            audit.record("INDEXES NOT REBUILT", name, r.period(), null, e.getMessage());
            throw new RunRefusedException(e.getMessage());
        } catch (Exception e) {
            RuntimeException out = indexOutOfStep(e);
            if (out instanceof RunRefusedException) {
                throw out;
            }
            LOG.error("The run could not be started", e);
            throw new RunRefusedException("The run could not be started: " + rootMessage(e));
        } finally {
            lock.release(name);
        }
    }

    /** The parameters of a run's attempt: the job, period and attempt identify it. */
    static JobParameters parameters(RunRequest r, long attempt) {
        return new JobParametersBuilder()
                .addString(RunContext.JOB, r.jobFile().name(), true)
                .addLocalDate(RunContext.PERIOD, r.period(), true)
                .addLong(RunContext.ATTEMPT, attempt, true)
                .addString(RunContext.INPUT, r.input().toAbsolutePath().normalize().toString(), false)
                .addString(RunContext.OUTPUT, r.output().toAbsolutePath().normalize().toString(), false)
                .addString(RunContext.JOB_FILE, r.jobFile().source().toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    /**
     * Spring Batch records a run's start in several commits, and a kill (or, on H2, the commits of its last
     * moments not yet written) can keep only the first: an attempt with no execution, or an execution still
     * STARTING without its parameters. Neither can be carried on, and starting the same attempt again was refused
     * ("already running", "cannot find any job execution") at every later command. Under this job's lock it cannot
     * be running: its executions are set aside, and the run starts as the next attempt. Its files stay loaded.
     */
    private void setAsideHalfRecorded(JobInstance orphan) {
        for (JobExecution e : repository.getJobExecutions(orphan)) {
            if (e.getStatus().isRunning() || e.getStatus() == BatchStatus.UNKNOWN) {
                e.setStatus(BatchStatus.ABANDONED);
                e.setEndTime(LocalDateTime.now());
                repository.update(e);
            }
        }
        progress.say("The last run of this period stopped as it began, before it had recorded what it was doing: "
                + "it is set aside, and this run starts afresh (nothing loaded is lost).");
    }

    /**
     * Carries on a failed run, or one that was killed: the latter is still marked STARTED, and
     * (now that this process holds the job's lock) cannot really be running, so it is recovered first.
     */
    private JobExecution resume(JobExecution last, RunLock.Acquired acquired) throws Exception {
        JobExecution toRestart = last;
        if (last.getStatus().isRunning()) {
            progress.say("The previous run of this period was interrupted (" + (acquired.tookOverFromDeadProcess()
                    ? "its process had stopped" : "it was stopped part-way") + "): recovering it and carrying on from where it stopped.");
            toRestart = operator.recover(last);
        } else {
            progress.say("Carrying on the run that failed on " + (last.getEndTime() == null ? "an earlier day"
                    : last.getEndTime().format(WHEN)) + ", from where it stopped.");
        }
        return operator.restart(toRestart);
    }

    /**
     * On H2, when a run of this job or another was killed (its lock held by a dead process), or a
     * rebuild was begun or put off: the indexes are made again before anything is read, and the
     * dead locks forgotten, so that no later run does it again.
     */
    private void mendAfterAbruptStop(String name, LocalDate period, RunLock.Acquired acquired) {
        if (!indexes.applies()) {
            return;
        }
        List<RunLockRecord> deadElsewhere = lock.othersDead(name);
        String why = acquired.tookOverFromDeadProcess() ? "The last run of " + name + " stopped part-way (its process had stopped)"
                : !deadElsewhere.isEmpty() ? "The last run of " + deadElsewhere.get(0).getJobName() + " on this database stopped "
                        + "part-way (its process had stopped)"
                : indexes.unfinished() ? "The database's indexes were to be made again after a run stopped part-way, and have "
                        + "not been yet"
                : null;
        if (why != null) {
            rebuildIndexes(name, period, why);
            lock.forget(deadElsewhere);
        }
    }

    /**
     * A database process killed part-way can leave an index of H2's out of step with its table
     * (see {@link IndexRebuild}): every such index is made again from the table's rows before the run reads anything.
     */
    private void rebuildIndexes(String name, LocalDate period, String why) {
        List<String> others = lock.othersRunning(name);
        if (!others.isEmpty()) {
            // Its writes, while a key is dropped, could break the key; and this run is not to read through indexes
            // that may be out of step: the run after the other one has finished does it first.
            indexes.plan();
            throw new RunRefusedException(why + ". The database's indexes are to be made again first (a sudden stop can "
                    + "leave them out of step with its data), but the job " + String.join(", ", others) + " is running on "
                    + "this database. Run the same command again once it has finished.");
        }
        progress.say(why + ": first making the database's indexes again from its data (a sudden stop can leave them "
                + "out of step). Nothing loaded is lost.");
        long began = System.nanoTime();
        int n = indexes.rebuild();
        String done = String.format(Locale.UK, "%d indexes made again in %.1f seconds", n, (System.nanoTime() - began) / 1e9);
        progress.say("  " + done + ".");
        audit.record("INDEXES REBUILT", name, period, null, why + "; " + done);
    }

    /**
     * An index found out of step with its table outside a step (taking the lock, reading past
     * runs): the rebuild is saved for the next run, which does it first; anything else as it came.
     */
    private RuntimeException indexOutOfStep(Exception e) {
        if (!IndexRebuild.isIndexOutOfStep(e) || !indexes.applies()) {
            return e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        indexes.plan();
        return new RunRefusedException("The database has an index out of step with its data (a run stopped part-way can "
                + "leave it so). Run the same command again: it makes the database's indexes again first.");
    }

    /** Every attempt at a job and period, newest first. */
    public List<Attempt> attempts(String jobName, LocalDate period) {
        return repository.getJobInstances(ScorecardJobConfig.JOB_NAME, 0, Integer.MAX_VALUE).stream()
                .map(i -> {
                    JobExecution last = repository.getLastJobExecution(i);
                    return last == null ? null : new Attempt(i, Optional.ofNullable(last.getJobParameters().getLong(RunContext.ATTEMPT)).orElse(1L), last);
                })
                .filter(a -> a != null && jobName.equals(a.last().getJobParameters().getString(RunContext.JOB))
                        && (period == null || period.equals(a.last().getJobParameters().getLocalDate(RunContext.PERIOD))))
                .sorted(Comparator.comparing((Attempt a) -> a.last().getCreateTime()).reversed())
                .toList();
    }

    /**
     * The job whose scorecard the output folder holds, where it is another than this one: two job files
     * with the same partnership id (a copy edited for a trial) replaced each other's scorecard unsaid.
     */
    static String otherJobsScorecard(Path folder, String jobName) {
        Path summary = folder.resolve("run-summary.txt");
        if (!Files.isRegularFile(summary)) {
            return null;
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(summary, java.nio.charset.StandardCharsets.UTF_8)) {
            String first = in.readLine();
            String prefix = "Neglect scorecard: ";
            int end = first == null ? -1 : first.lastIndexOf(", month ending ");
            if (end < 0 || !first.startsWith(prefix)) {
                return null;
            }
            String job = first.substring(prefix.length(), end);
            return job.equals(jobName) ? null : job;
        } catch (java.io.IOException | RuntimeException e) {
            return null;   // unreadable: not this check's to judge
        }
    }

    private static Path outputFolder(RunRequest r) {
        return r.output().resolve(r.jobFile().partnershipId()).resolve(r.period().toString());
    }

    private static RunSetAsideException refusal(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof RunSetAsideException setAside) {
                    return setAside;
                }
            }
        }
        return null;
    }

    /** The reason a run failed, as the person running it should read it. */
    static String failure(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof RunRefusedException || c instanceof Catalogue.CatalogueException
                        || c instanceof JobFile.JobFileException) {
                    return c.getMessage();
                }
            }
        }
        String step = execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(s -> s.getStepName()).findFirst().orElse("a step");
        String root = execution.getAllFailureExceptions().stream().findFirst().map(RunService::rootMessage).orElse("no reason was recorded");
        return "The run stopped in " + step + ": " + root + ". Run the same command again to carry on from where it stopped.";
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    public static String when(LocalDateTime t) {
        return t == null ? "" : t.format(WHEN);
    }
}
