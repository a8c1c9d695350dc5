package org.neglectscorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.JobFile;

/** One partnership's mistake in its job file stopped the scheduler for every job (a fresh-eye trial): the rest are scheduled. */
class ScheduleJobFilesTest {

    @TempDir
    Path dir;

    @Test
    void aJobFileWithAMistakeIsSaidAndTheOthersAreScheduled() throws Exception {
        Path good = dir.resolve("beds.yml");
        Files.writeString(good, "name: beds\npartnership:\n  id: beds\n  members: [821]\ninput: in\nschedule: \"0 0 6 5 * *\"\n");
        Path typo = dir.resolve("typo.yml");
        Files.writeString(typo, "name: typo\npartnership:\n  id: typo\n  members: [822]\ninput: in\nschedul: \"0 0 6 5 * *\"\n");
        Path noInput = dir.resolve("no-input.yml");
        Files.writeString(noInput, "name: other\npartnership:\n  id: other\n  members: [823]\n");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        List<JobFile> jobs = ScheduleCommand.schedulable(List.of(good, noInput, typo), new PrintStream(said, true, StandardCharsets.UTF_8));
        assertThat(jobs).extracting(JobFile::name).containsExactly("beds");
        assertThat(said.toString(StandardCharsets.UTF_8))
                .contains("Not scheduled: In " + typo + ": unknown setting 'schedul' (did you mean 'schedule'?)")
                .contains("Not scheduled: In " + noInput + ": there is no 'input:' line");
    }
}
