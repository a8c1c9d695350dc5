package org.neglectscorecard.job;

import java.util.List;

import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.scorecard.IndicatorValues;
import org.neglectscorecard.scorecard.RunInputs;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Decides, once for every output, which figures may be published: small numbers of children and
 * families, and every figure from which one could be worked out, are withheld.
 */
public class ProtectSmallNumbersTasklet implements Tasklet {

    public static final String STEP = "protectSmallNumbers";

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
            java.util.Locale.UK);

    private final IndicatorValues values;
    private final RunInputs inputs;
    private final Catalogue catalogue;
    private final Progress progress;
    private final org.jooq.DSLContext dsl;

    public ProtectSmallNumbersTasklet(IndicatorValues values, RunInputs inputs, Catalogue catalogue, Progress progress,
                                      org.jooq.DSLContext dsl) {
        this.dsl = dsl;
        this.values = values;
        this.inputs = inputs;
        this.catalogue = catalogue;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(chunkContext.getStepContext().getStepExecution());
        long started = System.nanoTime();
        // Only a run that completed published anything: one stopped part-way left figures no copy shows.
        IndicatorValues.Protection done = values.protect(run.jobName(), run.period(), run.jobFile().partnershipId(),
                inputs.members(run.runId()), catalogue, RunHistory.completed(dsl, run.jobName()));
        contribution.incrementWriteCount(done.withheld());
        List<String> copies = new java.util.ArrayList<>();
        if (done.replacedCopy()) {
            copies.add("the copy this run replaces");
        }
        if (!done.consistentWith().isEmpty()) {
            copies.add((done.consistentWith().size() > 1 ? "the copies of the runs" : "the copy of the run") + " for "
                    + String.join(" and ", done.consistentWith().stream().map(d -> d.format(DAY)).toList()));
        }
        String consistent = copies.isEmpty() ? "" : ", here or with " + String.join(" or ", copies);
        progress.say(String.format("Withheld %d figures in the copies to share (small numbers, and figures they could be worked out from%s) in %.1f s",
                done.withheld(), consistent, (System.nanoTime() - started) / 1e9));
        return RepeatStatus.FINISHED;
    }
}
