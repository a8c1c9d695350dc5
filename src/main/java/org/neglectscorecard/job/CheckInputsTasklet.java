package org.neglectscorecard.job;

import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.SETTING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.store.RunMessages;
import org.neglectscorecard.store.SourceFiles;
import org.neglectscorecard.store.schema.tables.records.SourceFileRecord;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * First step of a run: checks the pseudonymisation key, finds the returns in the input folder,
 * registers each (a file already loaded, by checksum, is not loaded again) and leaves the list of
 * files to load for the next step. Files that cannot be read at all are rejected here, first.
 */
public class CheckInputsTasklet implements Tasklet {

    public static final String STEP = "checkInputs";
    public static final String TO_LOAD = "toLoad";
    /** Written into sample-data/ by the generator: the built-in key is accepted only there. */
    public static final String SAMPLE_MARKER = "SYNTHETIC-DATA.txt";

    private final DSLContext dsl;
    private final InputScanner scanner;
    private final SourceFiles files;
    private final RunMessages messages;
    private final Pseudonymiser pseudonymiser;
    private final Progress progress;
    private final JobRepository jobs;

    public CheckInputsTasklet(DSLContext dsl, InputScanner scanner, SourceFiles files, RunMessages messages,
                              Pseudonymiser pseudonymiser, Progress progress, JobRepository jobs) {
        this.jobs = jobs;
        this.dsl = dsl;
        this.scanner = scanner;
        this.files = files;
        this.messages = messages;
        this.pseudonymiser = pseudonymiser;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        RunContext run = RunContext.of(step);
        Path input = run.input();
        if (!Files.isDirectory(input)) {
            throw new RunSetAsideException("The input folder " + input + " does not exist. Give the folder holding this "
                    + "month's files with --input, or set 'input:' in " + run.jobFile().source());
        }
        checkKey(input);
        messages.clear(run.runId(), STEP);
        dsl.deleteFrom(RUN_INPUT).where(RUN_INPUT.RUN_ID.eq(run.runId())).execute();

        List<InputFile> found = scanner.scan(input);
        List<InputFile> toLoad = new ArrayList<>();
        int known = 0;
        int putBack = 0;
        int rejected = 0;
        for (InputFile f : found) {
            if (f.format() == Format.NOT_RECOGNISED) {
                messages.notUsed(run.runId(), STEP, RunMessages.NOTE, f.displayName(), "Not used: " + f.problem());
                continue;
            }
            SourceFileRecord record = files.register(f.checksum(), f.format().name(), f.displayName(), f.folderLaCode(),
                    f.size(), f.modified());
            dsl.insertInto(RUN_INPUT, RUN_INPUT.RUN_ID, RUN_INPUT.SOURCE_FILE_ID, RUN_INPUT.DISPLAY_NAME)
                    .values(run.runId(), record.getSourceFileId(), f.displayName()).execute();
            if (f.format() == Format.UNREADABLE) {
                if (SourceFiles.LOADING.equals(record.getStatus())) {
                    files.reject(record.getSourceFileId(), f.problemAlone());
                }
                rejected++;
                progress.say("  Rejected " + f.problem());
            } else if ("PURGED".equals(record.getStatus())) {
                messages.add(run.runId(), STEP, RunMessages.WARNING, f.displayName() + " is older than the retention "
                        + "period and its data was purged: it is not loaded again. Take it out of the input folder.");
            } else if (SourceFiles.LOADING.equals(record.getStatus())) {
                toLoad.add(f);
            } else {
                java.util.Optional<String> undone = SourceFiles.LOADED.equals(record.getStatus())
                        ? laterVersion(record, run.jobName()) : java.util.Optional.empty();
                if (undone.isPresent()) {
                    messages.add(run.runId(), STEP, RunMessages.WARNING, undone.get());
                    putBack++;
                } else {
                    known++;
                }
            }
        }
        step.getJobExecution().getExecutionContext().put(TO_LOAD, new ArrayList<>(toLoad));
        // Saved now, in this step's own transaction. Spring Batch saves the job's context only after it has recorded
        // the step complete, in a commit of its own: a kill between the two (CI, 4 Dec) left a complete checkInputs
        // and no list, and the restart loaded nothing, wrote no scorecard and called the run complete.
        jobs.updateExecutionContext(step.getJobExecution());
        progress.say("Found " + plural(found.size() - countNotRecognised(found), "return") + " in " + input
                + ": " + toLoad.size() + " to load, " + known + " loaded before (unchanged)"
                + (putBack == 0 ? "" : putBack == 1 ? ", 1 put back as it was before a later version (see the warning)"
                        : ", " + putBack + " put back as they were before later versions (see the warnings)")
                + (rejected > 0 ? ", " + rejected + " that cannot be read" : "")
                + (countNotRecognised(found) > 0 ? "; " + plural(countNotRecognised(found), "other file") + " not used" : ""));
        return RepeatStatus.FINISHED;
    }

    /**
     * A file put back as it was before a later version replaced it (an old copy restored, a folder
     * copied from a backup): the run uses what the folder holds, and would quietly undo the
     * correction the later version made. Said, with when each was read; only where this job's runs
     * used the later one (another partnership's file of the same name is not a version of it).
     */
    private java.util.Optional<String> laterVersion(SourceFileRecord record, String jobName) {
        var sf = org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
        var log = org.neglectscorecard.store.schema.Tables.AUDIT_LOG;
        return dsl.select(sf.LOADED_AT).from(sf)
                .where(sf.DISPLAY_NAME.eq(record.getDisplayName()).and(sf.SOURCE_FILE_ID.gt(record.getSourceFileId()))
                        .and(sf.STATUS.eq(SourceFiles.LOADED))
                        .andExists(dsl.selectOne().from(RUN_INPUT).join(log).on(log.RUN_ID.eq(RUN_INPUT.RUN_ID))
                                .where(RUN_INPUT.SOURCE_FILE_ID.eq(sf.SOURCE_FILE_ID).and(log.JOB_NAME.eq(jobName)))))
                .orderBy(sf.SOURCE_FILE_ID.desc()).limit(1)
                .fetchOptional(sf.LOADED_AT)
                .map(later -> record.getDisplayName() + " is the version of this file first read on " + when(record.getLoadedAt(), later)
                        + "; a different version of it was read on " + when(later, record.getLoadedAt()) + " and used by this job since. This run "
                        + "uses the one in the input folder, the earlier: if the later one was a correction, it is undone here. "
                        + "Put the later version back and run again if it is the right one.");
    }

    /** The day, and the time where the other reading was the same day. */
    private static String when(java.time.LocalDateTime at, java.time.LocalDateTime other) {
        if (at == null) {
            return "an earlier day";
        }
        boolean sameDay = other != null && other.toLocalDate().equals(at.toLocalDate());
        return at.format(java.time.format.DateTimeFormatter.ofPattern(sameDay ? "d MMM yyyy 'at' HH:mm:ss" : "d MMM yyyy",
                java.util.Locale.UK));
    }

    /**
     * The built-in key is for the synthetic sample only; and a database built with one key must
     * not be fed with another (every child would look new and be counted twice).
     */
    private void checkKey(Path input) {
        if (pseudonymiser.isSampleKey() && !Files.exists(input.resolve(SAMPLE_MARKER))) {
            throw new RunSetAsideException("No pseudonymisation key is set. Set the environment variable "
                    + "SCORECARD_PSEUDONYM_KEY to a secret of at least " + Pseudonymiser.MIN_KEY_LENGTH + " characters "
                    + "and keep it safe: every month's run must use the same key. (The built-in key is only for the "
                    + "synthetic data in sample-data/.)");
        }
        if (pseudonymiser.isSampleKey()) {
            progress.say("Note: using the built-in pseudonymisation key, which is only for the synthetic sample data.");
        }
        String fingerprint = pseudonymiser.fingerprint();
        // Two jobs starting together on a new shared database both try to record it: the first wins.
        dsl.insertInto(SETTING, SETTING.NAME, SETTING.SETTING_VALUE).values("key_fingerprint", fingerprint)
                .onConflictDoNothing().execute();
        String stored = dsl.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.NAME.eq("key_fingerprint"))
                .fetchOne(SETTING.SETTING_VALUE);
        if (!fingerprint.equals(stored)) {
            throw new RunSetAsideException("This database was built with a different pseudonymisation key. Children "
                    + "would look new and be counted twice, so nothing was loaded. Set SCORECARD_PSEUDONYM_KEY to the key "
                    + "used before, or use a new database (for example --data-dir with an empty folder).");
        }
    }

    private static long countNotRecognised(List<InputFile> found) {
        return found.stream().filter(f -> f.format() == Format.NOT_RECOGNISED).count();
    }

    public static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
