package org.neglectscorecard.job;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * A run as its steps see it, from the job parameters. The run id is the Spring Batch job
 * instance id: the same across restarts of one run, so scratch rows and messages survive them.
 */
public record RunContext(long runId, String jobName, LocalDate period, Path input, Path output, JobFile jobFile) {

    public static final String JOB = "job";
    public static final String PERIOD = "period";
    public static final String ATTEMPT = "attempt";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String JOB_FILE = "jobFile";

    public static RunContext of(StepExecution step) {
        JobParameters p = step.getJobParameters();
        return new RunContext(step.getJobExecution().getJobInstance().getInstanceId(), p.getString(JOB),
                p.getLocalDate(PERIOD), Path.of(p.getString(INPUT)), Path.of(p.getString(OUTPUT)),
                JobFile.load(Path.of(p.getString(JOB_FILE))));
    }

    /** Where this run's outputs go: output/&lt;partnership&gt;/&lt;period&gt;/. */
    public Path outputFolder() {
        return output.resolve(jobFile.partnershipId()).resolve(period.toString());
    }
}
