package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.SourceFiles;
import org.neglectscorecard.testing.TestApp;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * KillAndRestartTest met it: killed while the file partitions were being recorded, a restart resumed
 * a partition whose context named no file, and stopped on it. The partition's name and the job's
 * list of files give the file back; a partition that cannot be placed stops saying what to do.
 */
class PartitionContextRepairTest {

    @TempDir
    Path dir;

    @Test
    void aPartitionThatLostItsFileGetsItBackFromItsName() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.writeString(input.resolve("police.csv"), "Month,Neglect offences,With earlier neglect concerns\n2025-01,28,16\n");
        Files.writeString(input.resolve("police-2.csv"), "Month,Neglect offences,With earlier neglect concerns\n2025-02,20,10\n");
        List<InputFile> listed = new InputScanner(new LaDirectory()).scan(input);
        assertThat(listed).hasSize(2);
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            SourceFiles files = app.bean(SourceFiles.class);
            List<Long> ids = new ArrayList<>();
            for (InputFile f : listed) {
                ids.add(files.register(f.checksum(), f.format().name(), f.displayName(), f.folderLaCode(), f.size(), f.modified())
                        .getSourceFileId());
            }
            JobExecution job = new JobExecution(1L, new JobInstance(1L, "scorecard"), new JobParameters());
            job.getExecutionContext().put(CheckInputsTasklet.TO_LOAD, new ArrayList<>(listed));

            StepExecution lost = new StepExecution(String.format("loadReturnFile:file%06d", ids.get(1)), job);
            new PartitionContextRepair(files).beforeStep(lost);
            assertThat(((InputFile) lost.getExecutionContext().get(ReturnFilePartitioner.FILE)).displayName())
                    .isEqualTo(listed.get(1).displayName());
            assertThat(lost.getExecutionContext().getLong(ReturnFilePartitioner.SOURCE_FILE_ID)).isEqualTo(ids.get(1));

            StepExecution unknown = new StepExecution("loadReturnFile:file999999", job);
            assertThatThrownBy(() -> new PartitionContextRepair(files).beforeStep(unknown))
                    .isInstanceOf(RunSetAsideException.class).hasMessageContaining("cannot tell which files it was loading")
                    .hasMessageContaining("Run the same command again");
        }
    }
}
