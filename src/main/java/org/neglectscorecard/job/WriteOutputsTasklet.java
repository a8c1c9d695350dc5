package org.neglectscorecard.job;

import java.io.IOException;
import java.nio.file.Files;

import org.neglectscorecard.scorecard.OutputWriter;
import org.neglectscorecard.scorecard.ScorecardFigures;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Last step: the workbook, CSVs, charts and summary, swapped into place only when all are written. */
public class WriteOutputsTasklet implements Tasklet {

    private final OutputWriter writer;

    public WriteOutputsTasklet(OutputWriter writer) {
        this.writer = writer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        RunContext run = RunContext.of(step);
        try {
            writer.write(new OutputWriter.Request(run.runId(), run.jobName(), run.period(),
                    run.jobFile().partnershipId(), run.jobFile().partnershipName(),
                    Files.exists(run.input().resolve(CheckInputsTasklet.SAMPLE_MARKER)), run.outputFolder(),
                    run.jobFile().contact(), run.jobFile().statisticalNeighbours(),
                    new ScorecardFigures.SpcSettings(run.jobFile().strategyStart(), run.jobFile().spcBaselineFrom(),
                            run.jobFile().spcBaselineTo(), run.jobFile().spcChangePoints())));
        } catch (IOException e) {
            throw new RunRefusedException("The outputs could not be written to " + run.outputFolder() + " (" + explain(e)
                    + "). The previous outputs, if any, are unchanged. Fix this and run the same command again: "
                    + "it carries on from here.");
        }
        return RepeatStatus.FINISHED;
    }

    /** Why writing failed, in words the person running it can act on. */
    public static String explain(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left") || m.contains("not enough space") || m.contains("Disk quota")) {
            return "the disk is full";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied, or a file there is open in another program";
        }
        return m;
    }
}
