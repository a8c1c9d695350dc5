package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.neglectscorecard.testing.TestApp;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neglectscorecard.testing.Database;


/**
 * A run that fails in its last step (the output folder cannot be written) and is started again
 * carries on from that step: nothing is loaded or counted twice, and the outputs are the same as
 * an uninterrupted run's. The JobRepository is a real, persistent one: a new process (a new
 * application context on the same database) sees the failed run and resumes it.
 */
@ParameterizedClass
@EnumSource(Database.class)
class RestartTest {

    @Parameter
    Database database;

    @TempDir
    Path dir;

    @Test
    void aRunFailingInItsLastStepResumesThereAndGivesTheSameResult() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeXml(SampleDataGenerator.sampleReturn("822", 2025), input.resolve("822/a.xml"));
        CensusReturnWriter.writeCsv(SampleDataGenerator.sampleReturn("822", 2026), input.resolve("822/2026"));
        Path job = TestApp.jobFile(dir, "restart", "bedford", List.of("822"));
        LocalDate period = LocalDate.of(2026, 3, 31);

        // The uninterrupted run, on a database of its own.
        try (TestApp app = TestApp.start(database, dir.resolve("data-uninterrupted"))) {
            assertThat(app.run(job, period, input, dir.resolve("out-uninterrupted"), false).ok()).isTrue();
        }

        // A file where the partnership's output folder should be: the last step cannot write.
        Path output = dir.resolve("out");
        Files.createDirectories(output);
        Files.writeString(output.resolve("bedford"), "in the way");
        TestApp first = TestApp.start(database, dir.resolve("data"));
        try (first) {
            RunService.RunResult failed = first.run(job, period, input, output, false);
            assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(failed.message()).contains("could not be written").contains("carries on from here");
        }
        Files.delete(output.resolve("bedford"));

        try (TestApp app = first.again()) {
            DSLContext dsl = app.bean(DSLContext.class);
            Object rowsReadBefore = dsl.fetchValue("SELECT SUM(rows_read) FROM source_file");
            RunService.RunResult resumed = app.run(job, period, input, output, false);
            assertThat(resumed.ok()).as(resumed.message()).isTrue();

            JobRepository repository = app.bean(JobRepository.class);
            var attempts = app.bean(RunService.class).attempts("restart", period);
            assertThat(attempts).hasSize(1);
            List<JobExecution> executions = repository.getJobExecutions(attempts.get(0).instance());
            assertThat(executions).hasSize(2);
            JobExecution second = executions.stream().max(java.util.Comparator.comparing(JobExecution::getCreateTime)).orElseThrow();
            assertThat(second.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("writeOutputs");
            assertThat(dsl.fetchValue("SELECT SUM(rows_read) FROM source_file")).isEqualTo(rowsReadBefore);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM statutory_return")).isEqualTo(2L);
        }
        assertThat(Files.readString(output.resolve("bedford/2026-03-31/indicators.csv")))
                .isEqualTo(Files.readString(dir.resolve("out-uninterrupted/bedford/2026-03-31/indicators.csv")));
    }

    @Test
    void aCompletedRunIsRefusedByALaterProcessUnlessRerun() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeCsv(SampleDataGenerator.sampleReturn("823", 2026), input.resolve("823/2026"));
        Path job = TestApp.jobFile(dir, "persist", "cb", List.of("823"));
        LocalDate period = LocalDate.of(2026, 3, 31);
        TestApp first = TestApp.start(database, dir.resolve("data"));
        try (first) {
            assertThat(first.run(job, period, input, dir.resolve("out"), false).ok()).isTrue();
        }
        try (TestApp app = first.again()) {
            RunRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(RunRefusedException.class,
                    () -> app.run(job, period, input, dir.resolve("out"), false));
            assertThat(refused.getMessage()).contains("already completed").contains("rerun").doesNotContain("\n");
            RunService.RunResult rerun = app.run(job, period, input, dir.resolve("out"), true);
            assertThat(rerun.ok()).isTrue();
            var attempts = app.bean(RunService.class).attempts("persist", period);
            assertThat(attempts).extracting(RunService.Attempt::attempt).containsExactly(2L, 1L);
            // Loading the same file again changed nothing: one return, loaded once.
            assertThat(app.bean(DSLContext.class).fetchValue("SELECT COUNT(*) FROM source_file")).isEqualTo(1L);
        }
    }
}
