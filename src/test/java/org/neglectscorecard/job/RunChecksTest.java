package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neglectscorecard.testing.Database;


/** What a run checks before it trusts its inputs, and what it tells the person running it. */
@ParameterizedClass
@EnumSource(Database.class)
class RunChecksTest {

    @Parameter
    Database database;

    @TempDir
    Path dir;

    static final LocalDate PERIOD = LocalDate.of(2022, 3, 31);

    private Path input() throws Exception {
        Path input = dir.resolve("input");
        for (String la : List.of("821", "822")) {
            var r = new ReturnBuilder(la, PERIOD);
            r.child("X" + la).episode("2021-05-01", null, "N1").cpp("2021-05-10", null, "NEG", "NEG", 0).end().done();
            r.child("Y" + la).episode("2021-06-01", null, "N1").cpp("2021-06-10", null, "EMO", "EMO", 0).end().done();
            CensusReturnWriter.writeXml(r.build(), input.resolve(la + ".xml"));
        }
        return input;
    }

    @Test
    void anLaInTheInputButNotInThePartnershipIsReportedOnItsOwnWithAWarning() throws Exception {
        Path job = TestApp.jobFile(dir, "members", "luton-only", List.of("821", "823"));
        try (TestApp app = TestApp.start(database, dir.resolve("data"))) {
            var result = app.run(job, PERIOD, input(), dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        String summary = Files.readString(dir.resolve("out/luton-only/2022-03-31/run-summary.txt"));
        assertThat(summary).contains("Bedford (822) is in the input but not a member of Test partnership luton-only")
                .contains("No returns were found for partnership member Central Bedfordshire (823)");
        IndicatorsFile out = IndicatorsFile.read(dir.resolve("out/luton-only/2022-03-31/indicators.csv"));
        assertThat(out.value("CPP_OPEN", "E06000055", "2022-03-31")).isEqualTo("2");
        assertThat(out.value("CPP_OPEN", "E06000032", "2022-03-31")).isEqualTo("2");
        // A member without data means the partnership's totals cannot be formed: no row, not a zero.
        assertThat(out.value("CPP_OPEN", "luton-only", "2022-03-31")).isNull();
        // No log without an LA code among the inputs: nothing to say of one.
        assertThat(summary).doesNotContain("give no LA code").doesNotContain("gives no LA code");
    }

    /**
     * A one-LA partnership run on a folder of three LAs counted the whole area's training as its own (a
     * fresh-eye trial): a log without an LA code beside returns of LAs that are not members is warned of.
     */
    @Test
    void aLogWithoutAnLaCodeBesideOtherLasReturnsIsWarnedOf() throws Exception {
        Path input = input();
        Files.createDirectories(input.resolve("partnership"));
        Files.writeString(input.resolve("partnership/training.csv"), """
                Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,Course date,Completed,Confidence before,Confidence after,GCP2 licensed
                P1,Trust X,Health,Neglect awareness,Single-agency,2021-05-10,Y,2,4,N
                """);
        Path job = TestApp.jobFile(dir, "logs", "luton-only", List.of("821"));
        try (TestApp app = TestApp.start(database, dir.resolve("data"))) {
            assertThat(app.run(job, PERIOD, input, dir.resolve("out"), false).ok()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("out/luton-only/2022-03-31/run-summary.txt")))
                .contains("partnership/training.csv gives no LA code, so every row is counted for Test partnership luton-only, "
                        + "while the input folder also holds returns of Bedford (822), which are not its members.");
    }

    @Test
    void realDataIsRefusedWithoutAKeyOfTheOperatorsOwn() throws Exception {
        Path job = TestApp.jobFile(dir, "nokey", "p", List.of("821", "822"));
        try (TestApp app = TestApp.start(database, dir.resolve("data"), Map.of("scorecard.pseudonym-key", ""))) {
            Path input = input();
            // Refused as a setting is (exit code 2), not a run that stopped and will carry on (1).
            assertThatThrownBy(() -> app.run(job, PERIOD, input, dir.resolve("out"), false))
                    .isInstanceOf(RunRefusedException.class).hasMessageContaining("SCORECARD_PSEUDONYM_KEY").hasMessageContaining("same key");
        }
        assertThat(dir.resolve("out/p")).doesNotExist();
        // The key set, the same command runs afresh.
        try (TestApp app = TestApp.start(database, dir.resolve("data"), Map.of("scorecard.pseudonym-key", "the operator's own key, 16+"))) {
            assertThat(app.run(job, PERIOD, input(), dir.resolve("out"), false).ok()).isTrue();
        }
    }

    @Test
    void aDifferentKeyIsRefusedSoNoChildIsCountedTwice() throws Exception {
        Path job = TestApp.jobFile(dir, "keys", "p", List.of("821", "822"));
        Path input = input();
        TestApp first = TestApp.start(database, dir.resolve("data"));
        try (first) {
            assertThat(first.run(job, PERIOD, input, dir.resolve("out"), false).ok()).isTrue();
        }
        try (TestApp app = first.again(Map.of("scorecard.pseudonym-key", "a different key, sixteen chars"))) {
            assertThatThrownBy(() -> app.run(job, PERIOD, input, dir.resolve("out"), true)).isInstanceOf(RunRefusedException.class)
                    .hasMessageContaining("different pseudonymisation key").hasMessageContaining("counted twice");
        }
    }
}
