package org.neglectscorecard.job;

import static org.neglectscorecard.store.schema.Tables.INDICATOR_WITHHELD;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;

import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorEngine;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.RunMessages;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Computes every catalogue indicator for every month end, per LA and for the partnership, into
 * indicator_value. The values are written in the step's one transaction: a run stopped part-way
 * leaves the previous ones in place (the engine's workers commit only scratch rows).
 */
public class ComputeIndicatorsTasklet implements Tasklet {

    private final IndicatorEngine engine;
    private final Catalogue catalogue;
    private final LaDirectory las;
    private final Progress progress;
    private final DSLContext dsl;
    private final RunMessages messages;

    public static final String STEP = "computeIndicators";

    public ComputeIndicatorsTasklet(IndicatorEngine engine, Catalogue catalogue, LaDirectory las, Progress progress, DSLContext dsl,
                                    RunMessages messages) {
        this.dsl = dsl;
        this.messages = messages;
        this.engine = engine;
        this.catalogue = catalogue;
        this.las = las;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(chunkContext.getStepContext().getStepExecution());
        int members = (int) run.jobFile().members().stream().map(m -> las.code3(m).orElse(m)).distinct().count();
        int total = catalogue.indicators().size();
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        try (Progress.Task bar = progress.task("Computing indicators", total, "indicators")) {
            IndicatorEngine.Parameters parameters = new IndicatorEngine.Parameters(
                    run.jobFile().strategyStart() != null ? run.jobFile().strategyStart() : IndicatorEngine.Parameters.DEFAULT.strategyStart(),
                    run.jobFile().visitingStandardDays());
            IndicatorEngine.Computed computed = engine.compute(new IndicatorEngine.Request(run.runId(), run.jobName(),
                    run.period(), run.jobFile().partnershipId(), members, parameters, RunHistory.completed(dsl, run.jobName())),
                    d -> {
                done.incrementAndGet();
                contribution.incrementWriteCount(1);
                bar.step(1);
            });
            record(run.runId(), computed.withheld());
            messages.clear(run.runId(), STEP);
            for (IndicatorEngine.OlderPopulation o : computed.olderPopulation()) {
                messages.add(run.runId(), STEP, RunMessages.NOTE, o.note());
            }
        }
        // Counted as the summary and the outputs count them: the published indicators, the building
        // blocks beside them (said "84" here and "52 of 52" at the end, which read as 32 missing).
        long published = catalogue.indicators().stream().filter(IndicatorDefinition::publish).count();
        progress.say(String.format("Computed %d indicators (and the %d counts they are built from) for every month end in %.1f s",
                published, done.get() - published, (System.nanoTime() - started) / 1e9));
        return RepeatStatus.FINISHED;
    }

    /** Which indicators a missing column left without a value, for whom and from which file: for the summary and workbook. */
    private void record(long runId, List<IndicatorEngine.Withheld> withheld) {
        var w = INDICATOR_WITHHELD;
        dsl.deleteFrom(w).where(w.RUN_ID.eq(runId)).execute();
        for (IndicatorEngine.Withheld x : withheld) {
            IndicatorEngine.Absent a = x.absent();
            dsl.insertInto(w, w.RUN_ID, w.INDICATOR_ID, w.AREA_CODE, w.FILE_NAME, w.FILE_TABLE, w.FILE_COLUMN, w.COVER_FROM, w.COVER_TO)
                    .values(runId, x.indicatorId(), a.area(), a.file(), a.fileTable(), a.fileColumn(), a.from(), a.to()).execute();
        }
    }
}
