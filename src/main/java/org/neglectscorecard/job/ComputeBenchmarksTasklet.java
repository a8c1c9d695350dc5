package org.neglectscorecard.job;

import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.store.RunMessages;
import org.neglectscorecard.benchmark.Benchmarks;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Sets the run's figures beside DfE's published ones (England, region, neighbours, rank). */
public class ComputeBenchmarksTasklet implements Tasklet {

    public static final String STEP = "computeBenchmarks";

    private final Benchmarks benchmarks;
    private final Targets targets;
    private final RunMessages messages;
    private final Progress progress;

    public ComputeBenchmarksTasklet(Benchmarks benchmarks, Targets targets, RunMessages messages, Progress progress) {
        this.benchmarks = benchmarks;
        this.targets = targets;
        this.messages = messages;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(chunkContext.getStepContext().getStepExecution());
        messages.clear(run.runId(), STEP);
        for (String problem : targets.notUsed(run.runId())) {
            messages.add(run.runId(), STEP, RunMessages.WARNING, problem);
        }
        for (String problem : targets.commentaryNotUsed(run.runId())) {
            messages.add(run.runId(), STEP, RunMessages.WARNING, problem);
        }
        for (String note : targets.withoutAmber(run.runId())) {
            messages.add(run.runId(), STEP, RunMessages.NOTE, note);
        }
        for (String problem : benchmarks.notRead(run.runId())) {
            messages.add(run.runId(), STEP, RunMessages.WARNING, problem);
        }
        for (String note : benchmarks.notBenchmarked(run.runId())) {
            messages.add(run.runId(), STEP, RunMessages.NOTE, note);
        }
        String named = run.jobFile().statisticalNeighbours();
        int rows = benchmarks.compute(run.runId(), run.jobName(), run.period(), run.jobFile().partnershipId(), named);
        contribution.incrementWriteCount(rows);
        benchmarks.dated(run.jobName(), run.period()).ifPresent(note -> messages.add(run.runId(), STEP, RunMessages.NOTE, note));
        String neighbours = benchmarks.neighboursFileUsed(run.runId(), named);
        progress.say(rows == 0 ? "No DfE published files among the inputs: no benchmarks (put DfE's files in the input folder to compare with England)"
                : "Compared " + rows + " figures with DfE's published ones" + (neighbours == null ? " (no statistical neighbours file)"
                : " (statistical neighbours from " + neighbours + ")"));
        return RepeatStatus.FINISHED;
    }
}
