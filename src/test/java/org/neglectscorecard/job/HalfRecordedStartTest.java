package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.TestApp;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Killed as it began (found killing a run just after it listed its files: on H2 the commits of a
 * process's last half second may not have reached the file), a run can leave its start recorded in
 * part: an attempt with no execution, or an execution still STARTING whose parameters were never
 * written. Every later command was then refused ("already running", "cannot find any job
 * execution"), and only a new database got past it. The next run sets such an attempt aside and
 * runs as the next one.
 */
class HalfRecordedStartTest {

    static final LocalDate PERIOD = LocalDate.of(2025, 3, 31);

    @TempDir
    Path dir;

    /** The input folder: Bedford's census for 2024-25. */
    private Path bedfordsReturn() throws java.io.IOException {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeXml(SampleDataGenerator.sampleReturn("822", 2025), input.resolve("822/a.xml"));
        return input;
    }

    @Test
    void anAttemptRecordedOnlyInPartIsSetAsideAndTheRunGoesOn() throws Exception {
        Path input = bedfordsReturn();
        Path job = TestApp.jobFile(dir, "halfstart", "bedford", List.of("822"));

        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            JobRepository repository = app.bean(JobRepository.class);
            // Attempt 1: the instance alone. Attempt 2: an execution too, STARTING, its parameters lost.
            JobInstance first = repository.createJobInstance(ScorecardJobConfig.JOB_NAME, identifying("halfstart", PERIOD, 1));
            JobInstance second = repository.createJobInstance(ScorecardJobConfig.JOB_NAME, identifying("halfstart", PERIOD, 2));
            JobExecution stuck = repository.createJobExecution(second, identifying("halfstart", PERIOD, 2), new ExecutionContext());
            app.bean(DSLContext.class).execute("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?", stuck.getId());
            assertThat(app.bean(RunService.class).attempts("halfstart", PERIOD)).isEmpty();

            ByteArrayOutputStream said = new ByteArrayOutputStream();
            app.bean(Progress.class).sendTo(new PrintStream(said, true, StandardCharsets.UTF_8));
            RunService.RunResult result = app.run(job, PERIOD, input, dir.resolve("out"), false);
            String output = said.toString(StandardCharsets.UTF_8);
            assertThat(result.ok()).as(result.message() + "\n" + output).isTrue();
            assertThat(output).contains("stopped as it began").contains("starts afresh (nothing loaded is lost)");
            assertThat(Files.readString(dir.resolve("out/bedford/" + PERIOD + "/indicators.csv"))).contains("CPP_START,E06000055,Bedford,2025-03-31");

            // The run is the third attempt; the half-recorded execution is set aside, not left running.
            List<RunService.Attempt> attempts = app.bean(RunService.class).attempts("halfstart", PERIOD);
            assertThat(attempts).extracting(RunService.Attempt::attempt).containsExactly(3L);
            assertThat(repository.getJobExecution(stuck.getId()).getStatus()).isEqualTo(BatchStatus.ABANDONED);
            assertThat(repository.getJobExecutions(first)).isEmpty();
            assertThat(repository.findRunningJobExecutions(ScorecardJobConfig.JOB_NAME)).isEmpty();
        }
    }

    /**
     * Spring Batch saves the job's context (where checkInputs leaves its list of files) in a commit after the one
     * recording the step complete. Killed between the two (CI, 4 December), the restart found no list, loaded
     * nothing, wrote no scorecard and called the run complete. The list is now saved in checkInputs's own
     * transaction; a run found in that state all the same (a database from before) is set aside, and the next
     * command starts afresh.
     */
    @Test
    void aRestartThatFindsNoListOfFilesIsSetAsideAndTheNextCommandStartsAfresh() throws Exception {
        Path input = bedfordsReturn();
        Path job = TestApp.jobFile(dir, "nolist", "bedford", List.of("822"));

        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            JobRepository repository = app.bean(JobRepository.class);
            // As the kill left it: the run started, checkInputs recorded complete, the job's context without its list.
            JobParameters parameters = RunService.parameters(
                    new RunService.RunRequest(JobFile.load(job), PERIOD, input, dir.resolve("out"), false), 1);
            JobInstance instance = repository.createJobInstance(ScorecardJobConfig.JOB_NAME, parameters);
            JobExecution killed = repository.createJobExecution(instance, parameters, new ExecutionContext());
            killed.setStatus(BatchStatus.STARTED);
            killed.setStartTime(java.time.LocalDateTime.now());
            repository.update(killed);
            StepExecution checked = repository.createStepExecution(CheckInputsTasklet.STEP, killed);
            checked.setStatus(BatchStatus.COMPLETED);
            checked.setExitStatus(org.springframework.batch.core.ExitStatus.COMPLETED);
            checked.setStartTime(java.time.LocalDateTime.now());
            checked.setEndTime(java.time.LocalDateTime.now());
            repository.update(checked);

            RunRefusedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(RunRefusedException.class,
                    () -> app.run(job, PERIOD, input, dir.resolve("out"), false));
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("cannot tell which files it was loading").contains("Run the same command again");
            assertThat(dir.resolve("out/bedford/" + PERIOD + "/indicators.csv")).doesNotExist();

            RunService.RunResult again = app.run(job, PERIOD, input, dir.resolve("out"), false);
            assertThat(again.ok()).as(again.message()).isTrue();
            assertThat(Files.readString(dir.resolve("out/bedford/" + PERIOD + "/indicators.csv")))
                    .contains("CPP_START,E06000055,Bedford,2025-03-31");
            assertThat(app.bean(RunService.class).attempts("nolist", PERIOD)).extracting(RunService.Attempt::attempt)
                    .containsExactly(2L, 1L);
        }
    }

    private static JobParameters identifying(String job, LocalDate period, long attempt) {
        return new JobParametersBuilder().addString(RunContext.JOB, job, true).addLocalDate(RunContext.PERIOD, period, true)
                .addLong(RunContext.ATTEMPT, attempt, true).toJobParameters();
    }
}
