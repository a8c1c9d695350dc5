package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.WriteOutputsTasklet;

/** Outputs appear whole or not at all: a failure part-way leaves the previous outputs as they were. */
class OutputFolderTest {

    @TempDir
    Path dir;

    @Test
    void aFailurePartWayLeavesThePreviousOutputs() throws IOException {
        Path target = dir.resolve("p/2026-03-31");
        OutputFolder first = new OutputFolder(target);
        Files.writeString(first.staging().resolve("indicators.csv"), "previous");
        first.commit();

        OutputFolder second = new OutputFolder(target);
        Files.writeString(second.staging().resolve("indicators.csv"), "half written");
        second.abandon();

        assertThat(Files.readString(target.resolve("indicators.csv"))).isEqualTo("previous");
        try (var left = Files.list(target.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("2026-03-31");
        }
    }

    /** A run stopped while writing (Ctrl-C) left its hidden staging folder for good: the next run of the period takes it away. */
    @Test
    void aStoppedRunsHalfWrittenFolderIsTakenAwayByTheNext() throws IOException {
        Path target = dir.resolve("p/2026-03-31");
        Path stopped = Files.createDirectories(dir.resolve("p/.2026-03-31.writing-999999999"));
        Files.writeString(stopped.resolve("indicators.csv"), "half written");
        long self = ProcessHandle.current().pid();
        Path running = Files.createDirectories(dir.resolve("p/.2026-03-31.writing-" + ProcessHandle.current().parent()
                .map(ProcessHandle::pid).orElse(self)));
        Path otherPeriod = Files.createDirectories(dir.resolve("p/.2026-02-28.writing-999999999"));
        OutputFolder next = new OutputFolder(target);
        assertThat(stopped).doesNotExist();
        assertThat(running).as("a process still running may still be writing").exists();
        assertThat(otherPeriod).as("another period's is not this run's to judge").exists();
        next.abandon();
    }

    @Test
    void aNewRunReplacesThePreviousOutputsWhole() throws IOException {
        Path target = dir.resolve("p/2026-03-31");
        OutputFolder first = new OutputFolder(target);
        Files.writeString(first.staging().resolve("old-only.txt"), "x");
        first.commit();
        OutputFolder second = new OutputFolder(target);
        Files.writeString(second.staging().resolve("indicators.csv"), "new");
        second.commit();
        assertThat(target.resolve("old-only.txt")).doesNotExist();
        assertThat(Files.readString(target.resolve("indicators.csv"))).isEqualTo("new");
        // What the board may have read is kept beside, named for when it was replaced.
        assertThat(OutputFolder.replaced(target)).singleElement().satisfies(kept -> {
            assertThat(kept.getFileName().toString()).startsWith("2026-03-31-replaced-20");
            assertThat(kept.resolve("old-only.txt")).exists();
        });
    }

    @Test
    void aFullDiskOrALockedFileIsSaidInPlainWords() throws IOException {
        assertThat(WriteOutputsTasklet.explain(new IOException("No space left on device"))).isEqualTo("the disk is full");
        assertThat(WriteOutputsTasklet.explain(new IOException("The previous outputs in x could not be replaced: a file in it "
                + "is open (is the workbook open in Excel?)"))).contains("is the workbook open in Excel?");
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file");
        assertThatThrownBy(() -> new OutputFolder(blocked.resolve("2026-03-31"))).isInstanceOf(IOException.class);
    }
}
