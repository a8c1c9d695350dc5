package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job file edited by hand (a fresh-eye trial of the monthly routine): 'members' whose indentation
 * was lost was "unknown setting 'members'", and a misspelt setting got the known ones in a different
 * order each time, with no word of the one meant.
 */
class JobFileSettingsTest {

    @TempDir
    Path dir;

    private Path job(String text) throws Exception {
        Path file = dir.resolve("job.yml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void membersAtTheTopLevelAreSaidToBelongUnderPartnership() throws Exception {
        Path file = job("name: beds\npartnership:\n  id: beds\nmembers: [821, 822]\ninput: in\n");
        assertThatThrownBy(() -> JobFile.load(file)).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("'members' belongs under 'partnership:', indented by two spaces");
    }

    @Test
    void aMisspeltSettingIsNamedWithTheOneItIsNearest() throws Exception {
        Path file = job("name: beds\npartnership:\n  id: beds\n  members: [821]\ninput: in\nretension-years: 5\n");
        assertThatThrownBy(() -> JobFile.load(file)).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("unknown setting 'retension-years' (did you mean 'retention-years'?)")
                .hasMessageContaining("Known settings: contact, files, input, name, output, partnership, retention-years");
        assertThat(JobFile.unknownSetting("colour")).doesNotContain("did you mean");
    }

    /** One LA twice (by code and by name, or by 3-digit and 9-character code) is most often a slip for another member. */
    @Test
    void anLaListedTwiceAmongTheMembersIsRefused() throws Exception {
        assertThatThrownBy(() -> JobFile.load(job("name: beds\npartnership:\n  id: beds\n  members: [821, 822, 821]\ninput: in\n")))
                .isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("partnership member '821' is listed twice: list each member LA once");
        assertThatThrownBy(() -> JobFile.load(job("name: beds\npartnership:\n  id: beds\n  members: [821, Luton]\ninput: in\n")))
                .isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("is the same LA as '821'");
        assertThatThrownBy(() -> JobFile.load(job("name: beds\npartnership:\n  id: beds\n  members: [E06000032, 821]\ninput: in\n")))
                .isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("'821' is the same LA as 'E06000032'");
        assertThat(JobFile.load(job("name: beds\npartnership:\n  id: beds\n  members: [821, 822]\ninput: in\n")).members())
                .containsExactly("821", "822");
    }
}
