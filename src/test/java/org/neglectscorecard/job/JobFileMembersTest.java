package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partnership's members as people write them: codes, names, one LA without brackets. A member no
 * LA answers to, or a misspelt 'members:', is refused when the job file is read (by 'validate' and
 * before a run loads anything), saying what to write, not after every file has loaded.
 */
class JobFileMembersTest {

    @TempDir
    Path dir;

    JobFile load(String partnership) throws IOException {
        Path file = dir.resolve("job.yml");
        Files.writeString(file, "name: t\npartnership: " + partnership + "\n");
        return JobFile.load(file);
    }

    @Test
    void membersMayBeCodesNamesOrOneLaWithoutBrackets() throws IOException {
        assertThat(load("{id: p, name: P, members: [821, E06000055, Central Bedfordshire]}").members())
                .containsExactly("821", "E06000055", "823");
        assertThat(load("{id: p, name: P, members: Luton Borough Council}").members()).containsExactly("821");
        assertThat(load("{id: p, name: P, members: 821}").members()).containsExactly("821");
        // A name two LAs have had is the one that exists today (Dorset Council, 838; not the county council that ended in 2019).
        assertThat(load("{id: p, name: P, members: [Dorset]}").members()).containsExactly("838");
    }

    @Test
    void aMemberNoLaAnswersToOrAMisspeltSettingIsRefusedSayingWhatToWrite() {
        assertThatThrownBy(() -> load("{id: p, name: P, members: [821, 999]}")).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("partnership member '999' is not an English LA: give its 3-digit DfE code");
        assertThatThrownBy(() -> load("{id: p, name: P, member: [821]}")).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("'member' under 'partnership:' is not a setting");
        // An LA since replaced is not taken for its successor without the person saying so.
        assertThatThrownBy(() -> load("{id: p, name: P, members: [Bournemouth]}")).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("partnership member 'Bournemouth' does not name one LA of today")
                .hasMessageContaining("it names an LA since replaced, whose area is now Bournemouth, Christchurch and Poole (839).")
                .hasMessageNotContaining("the row is counted")
                .hasMessageContaining("Give the member LA's 3-digit code: 839 for that one.");
    }

    @Test
    void aTabOrABrokenLineIsSaidWithItsLineAndWhatToDo() throws IOException {
        Path file = dir.resolve("tabbed.yml");
        Files.writeString(file, "name: t\npartnership:\n  id: p\n\tname: P\n  members: [821]\n");
        assertThatThrownBy(() -> JobFile.load(file)).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("has a tab at line 4, column 1: YAML lines are indented with spaces only")
                .hasMessageNotContaining("scanning");
        Files.writeString(file, "name: t\npartnership:\n  id: p\n  name: [P\n  members: [821]\n");
        assertThatThrownBy(() -> JobFile.load(file)).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("is not valid YAML at line").hasMessageContaining("Check the line's indentation");
    }
}
