package org.neglectscorecard.job;

import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.store.LoadCompletion;
import org.neglectscorecard.store.SourceFiles;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Finishes each file the run loaded, now that all are read: checks that need a whole file
 * (children or plans listed twice), the date each return is for, counts and verdict; removes
 * every row of a file found unreadable part-way. Safe to repeat after a restart.
 */
public class FinishLoadsTasklet implements Tasklet {

    public static final String STEP = "finishLoads";

    private final DSLContext dsl;
    private final LoadCompletion completion;
    private final Progress progress;

    public FinishLoadsTasklet(DSLContext dsl, LoadCompletion completion, Progress progress) {
        this.dsl = dsl;
        this.completion = completion;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(chunkContext.getStepContext().getStepExecution());
        // The files as scanned: which tables each has, and how reports name them.
        Map<String, InputFile> scanned = new HashMap<>();
        Object toLoad = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .get(CheckInputsTasklet.TO_LOAD);
        if (toLoad instanceof List<?> list) {
            list.forEach(f -> scanned.put(((InputFile) f).checksum(), (InputFile) f));
        }
        var files = dsl.select(SOURCE_FILE.SOURCE_FILE_ID, RUN_INPUT.DISPLAY_NAME, SOURCE_FILE.CHECKSUM).from(RUN_INPUT)
                .join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(RUN_INPUT.SOURCE_FILE_ID))
                .where(RUN_INPUT.RUN_ID.eq(run.runId()).and(SOURCE_FILE.STATUS.eq(SourceFiles.LOADING)
                        .or(SOURCE_FILE.STATUS.eq(SourceFiles.REJECTED).and(SOURCE_FILE.LOADED_AT.isNull()))))
                // The file made earlier first (by its header's DateTime, else when it was saved), since the time
                // each is finished at decides which of two returns for the same LA and date is used: by name,
                // "2022-corrected/" came before "2022/", and the original replaced its own correction; by the
                // date on disk alone, a folder copied afresh (which resets it) could do the same.
                // A version corrected by hand keeps its original's DateTime: then the one saved later.
                .orderBy(DSL.coalesce(SOURCE_FILE.HEADER_MADE_AT, SOURCE_FILE.MODIFIED_AT).asc().nullsFirst(),
                        SOURCE_FILE.MODIFIED_AT.asc().nullsFirst(), RUN_INPUT.DISPLAY_NAME)
                .fetch();
        for (var f : files) {
            LoadCompletion.Outcome outcome = completion.complete(f.value1(), scanned.get(f.value3()));
            if (SourceFiles.REJECTED.equals(outcome.status())) {
                progress.say("  Rejected " + f.value2() + ": the whole file was set aside (the reason is in rejects.csv)");
            } else {
                progress.say(String.format("  Loaded %s: %,d rows read, %,d loaded, %,d rejected", f.value2(),
                        outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsRejected()));
            }
            contribution.incrementWriteCount(1);
        }
        if (!files.isEmpty()) {
            completion.analyze();
        }
        return RepeatStatus.FINISHED;
    }
}
