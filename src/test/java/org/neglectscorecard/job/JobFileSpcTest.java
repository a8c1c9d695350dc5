package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.scorecard.ScorecardFigures;

/** The job file's SPC settings: a baseline, and change points for every indicator or by indicator. */
class JobFileSpcTest {

    @TempDir
    Path dir;

    JobFile load(String spc) throws IOException {
        Path file = dir.resolve("job.yml");
        Files.writeString(file, "partnership: {id: p, name: P, members: [821]}\nstrategy-start: 2024-04-01\n" + spc);
        return JobFile.load(file);
    }

    @Test
    void changePointsForEveryIndicatorOrByIndicatorAreMonthEnds() throws IOException {
        JobFile all = load("spc-change-points: [2024-04-15, 2022-01-31]\n");
        ScorecardFigures.SpcSettings settings = new ScorecardFigures.SpcSettings(all.strategyStart(), null, null, all.spcChangePoints());
        assertThat(settings.changePointsFor("ANY")).containsExactly(LocalDate.of(2022, 1, 31), LocalDate.of(2024, 4, 30));

        JobFile byIndicator = load("spc-change-points:\n  all: [2020-06-30]\n  WNB_ALL_PCT: [2024-06-30]\n");
        settings = new ScorecardFigures.SpcSettings(null, null, null, byIndicator.spcChangePoints());
        assertThat(settings.changePointsFor("WNB_ALL_PCT")).containsExactly(LocalDate.of(2020, 6, 30), LocalDate.of(2024, 6, 30));
        assertThat(settings.changePointsFor("CPP_OPEN")).containsExactly(LocalDate.of(2020, 6, 30));

        assertThat(load("").spcChangePoints()).isEmpty();
    }

    @Test
    void aChangePointThatIsNotADateSaysHowToWriteIt() {
        assertThatThrownBy(() -> load("spc-change-points: [April 2024]\n")).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("spc-change-points").hasMessageContaining("yyyy-mm-dd");
        assertThatThrownBy(() -> load("spc-change-points:\n  WNB_ALL_PCT: [2024-13-01]\n")).isInstanceOf(JobFile.JobFileException.class)
                .hasMessageContaining("WNB_ALL_PCT");
    }

    @Test
    void theSampleJobNamesItsChangePoints() {
        JobFile sample = JobFile.load(Path.of("jobs/monthly-scorecard.yml"));
        assertThat(sample.spcChangePoints()).containsKey("CPP_OPEN_NEG_INIT_PCT");
        assertThat(List.copyOf(sample.spcChangePoints().get("CPP_OPEN_NEG_INIT_PCT"))).containsExactly(LocalDate.of(2022, 1, 31));
    }
}
