package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neglectscorecard.testing.Database;


/**
 * Successive returns (INDICATORS.md): each month end is computed from the return that reported
 * it; a record in two returns (matched by child and start or referral date, whatever ID each
 * return gave the episode) counts once, as the later return has it; a record only the earlier
 * return has still counts for its months. Here a plan's latest category changes from emotional
 * abuse to neglect between the 2021 and 2022 returns, and a corrected 2022 return replaces the first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ParameterizedClass
@EnumSource(Database.class)
class SuccessiveReturnsTest {

    @Parameter
    Database database;

    static final String LA = "E09000033";
    @TempDir
    static Path dir;
    static IndicatorsFile out;
    static Path job;

    static Path base;

    @BeforeParameterizedClassInvocation
    static void run(Database database) throws Exception {
        base = dir.resolve(database.name());
        var r2021 = new ReturnBuilder("213", LocalDate.of(2021, 3, 31));
        r2021.child("K").episode("2020-11-01", null, "N1").cpp("2021-02-01", null, "EMO", "EMO", 0)
                .assessment("2021-01-05", "2021-03-10", "16A").end().done();
        r2021.child("L").episode("2020-05-01", "2021-03-20", "N4").cpp("2021-02-15", "2021-03-15", "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(r2021.build(), base.resolve("input/2021.xml"));
        CensusReturnWriter.writeCsv(return2022("NEG"), base.resolve("input/2022"));
        job = TestApp.jobFile(base, "successive", "p", List.of("213"));
        app = TestApp.start(database, base.resolve("data"));
        RunService.RunResult result = app.run(job, LocalDate.of(2022, 3, 31), base.resolve("input"), base.resolve("output"), false);
        assertThat(result.ok()).as(result.message()).isTrue();
        out = IndicatorsFile.read(base.resolve("output/p/2022-03-31/indicators.csv"));
    }

    static TestApp app;

    @AfterParameterizedClassInvocation
    static void stop() {
        app.close();
    }

    /** K now has an older episode listed first, so its CINdetailsID differs from 2021's; M is new. */
    static CensusReturn return2022(String mCategory) {
        var r = new ReturnBuilder("213", LocalDate.of(2022, 3, 31));
        r.child("K").episode("2019-01-01", "2019-06-01", "N5").end()
                .episode("2020-11-01", null, "N1").cpp("2021-02-01", null, "EMO", "NEG", 0)
                .assessment("2021-01-05", "2021-03-10", "16A").assessment("2021-05-01", "2021-05-20", "16A").end().done();
        r.child("M").episode("2021-06-01", null, "N1").cpp("2021-06-10", null, mCategory, mCategory, 0).end().done();
        return r.build();
    }

    @Test
    @Order(1)
    void monthEndsTakeTheLatestCategoryAsTheirReturnReportedIt() {
        assertThat(out.value("CPP_OPEN_NEG_LATEST", LA, "2021-03-31")).isEqualTo("0"); // 2021 return: K emotional
        assertThat(out.value("CPP_OPEN_NEG_LATEST", LA, "2021-04-30")).isEqualTo("1"); // 2022 return: K neglect
        assertThat(out.value("CPP_OPEN_NEG_LATEST", LA, "2021-06-30")).isEqualTo("2"); // K and M
        assertThat(out.value("CPP_OPEN_NEG_INIT", LA, "2021-06-30")).isEqualTo("1");   // M only
    }

    @Test
    @Order(2)
    void twelveMonthsAcrossTwoReturnsCountEachPlanOnceAsTheLaterReturnHasIt() {
        // Year to 31 Mar 2021: L (neglect); K was emotional abuse then.
        assertThat(out.value("CPP_START_NEG_LATEST", LA, "2021-03-31")).isEqualTo("1");
        // Year to 31 Jan 2022, reported in the 2022 return: K (neglect now), L (only the 2021
        // return has it), M. K is in both returns and counts once.
        assertThat(out.value("CPP_START", LA, "2022-01-31")).isEqualTo("3");
        assertThat(out.value("CPP_START_NEG_LATEST", LA, "2022-01-31")).isEqualTo("3");
        assertThat(out.value("CPP_START_NEG_LATEST", LA, "2022-03-31")).isEqualTo("1");
    }

    @Test
    @Order(3)
    void anEpisodeIsTheSameEpisodeInBothReturnsByItsReferralDate() {
        // K's episode had neglect found in March and May 2021: one episode, counted once.
        assertThat(out.value("ASSESS_NEG", LA, "2021-03-31")).isEqualTo("1");
        assertThat(out.value("ASSESS_NEG", LA, "2021-06-30")).isEqualTo("1");
    }

    @Test
    @Order(4)
    void aCorrectedReturnReplacesTheOneItCorrects() throws Exception {
        Path corrected = base.resolve("input/2022-corrected");
        CensusReturnWriter.writeCsv(return2022("EMO"), corrected);
        try (var files = Files.list(corrected)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(60)));
            }
        }
        try (TestApp later = app.again()) {
            RunService.RunResult refused = null;
            try {
                refused = later.run(job, LocalDate.of(2022, 3, 31), base.resolve("input"), base.resolve("output"), false);
            } catch (org.neglectscorecard.job.RunRefusedException e) {
                assertThat(e.getMessage()).contains("already completed").contains("--rerun");
            }
            assertThat(refused).as("a completed period is refused without --rerun").isNull();
            RunService.RunResult result = later.run(job, LocalDate.of(2022, 3, 31), base.resolve("input"), base.resolve("output"), true);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        IndicatorsFile rerun = IndicatorsFile.read(base.resolve("output/p/2022-03-31/indicators.csv"));
        assertThat(rerun.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31")).isEqualTo("0");
        assertThat(rerun.value("CPP_OPEN_NEG_INIT", LA, "2021-03-31")).isEqualTo(out.value("CPP_OPEN_NEG_INIT", LA, "2021-03-31"));
        assertThat(Files.readString(base.resolve("output/p/2022-03-31/run-summary.txt")))
                .contains("2022-corrected/ (CIN census tables) replaces 2022/ (CIN census tables)");
    }

    /**
     * The original and its correction arriving together, in one folder: the newer file is used,
     * whatever their names. Before, the one whose name sorted last was: "2022-corrected/" sorts
     * before "2022/", so the original replaced its own correction.
     */
    @Test
    @Order(5)
    void aCorrectionArrivingWithTheOriginalIsUsedWhateverItsName() throws Exception {
        // Which file is the correction is the reading's choice, the same code on either database; replacing a
        // return in the store is test 4's, on both.
        org.junit.jupiter.api.Assumptions.assumeTrue(database == Database.H2);
        Path together = base.resolve("together");
        CensusReturnWriter.writeCsv(return2022("NEG"), together.resolve("input/2022"));
        CensusReturnWriter.writeCsv(return2022("EMO"), together.resolve("input/2022-corrected"));
        for (String folder : List.of("2022", "2022-corrected")) {
            try (var files = Files.list(together.resolve("input/" + folder))) {
                for (Path f : files.toList()) {
                    Files.setLastModifiedTime(f, FileTime.from(Instant.parse(folder.equals("2022") ? "2022-05-03T09:00:00Z"
                            : "2022-05-20T14:00:00Z")));
                }
            }
        }
        IndicatorsFile both = runAlone(together);
        assertThat(both.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31")).as("the correction's M, emotional abuse").isEqualTo("0");
        assertThat(Files.readString(together.resolve("output/p/2022-03-31/run-summary.txt")))
                .contains("2022-corrected/ (CIN census tables) replaces 2022/ (CIN census tables)");
    }

    /**
     * The same two returns as census XML, copied afresh so that the original looks saved later: the
     * one its header says was made later (Source DateTime) is used, as it was before the copy.
     */
    @Test
    @Order(6)
    void ofTwoCensusXmlsTheOneMadeLaterIsUsedWhateverTheirDatesOnDisk() throws Exception {
        // Which file is the correction is the reading's choice, the same code on either database; replacing a
        // return in the store is test 4's, on both.
        org.junit.jupiter.api.Assumptions.assumeTrue(database == Database.H2);
        Path copied = base.resolve("copied");
        Path original = copied.resolve("input/cin-2022.xml");
        Path corrected = copied.resolve("input/cin-2022-v2.xml");
        CensusReturnWriter.writeXml(return2022("NEG"), original);
        CensusReturnWriter.writeXml(return2022("EMO"), corrected);
        Files.writeString(original, Files.readString(original).replaceFirst("<DateTime>[^<]*</DateTime>", "<DateTime>2022-05-03T09:00:00</DateTime>"));
        Files.writeString(corrected, Files.readString(corrected).replaceFirst("<DateTime>[^<]*</DateTime>", "<DateTime>2022-05-20T14:00:00</DateTime>"));
        Files.setLastModifiedTime(corrected, FileTime.from(Instant.parse("2022-06-01T09:00:00Z")));
        Files.setLastModifiedTime(original, FileTime.from(Instant.parse("2022-06-01T09:05:00Z")));   // copied last
        IndicatorsFile both = runAlone(copied);
        assertThat(both.value("CPP_OPEN_NEG_INIT", LA, "2022-03-31")).as("the correction's M, emotional abuse").isEqualTo("0");
        assertThat(Files.readString(copied.resolve("output/p/2022-03-31/run-summary.txt")))
                .contains("cin-2022-v2.xml replaces cin-2022.xml");

        // A version corrected by hand keeps its original's DateTime: then, as before, the one saved later
        // (here named to sort first, so a tie broken by name would bring the original back).
        Path byHand = base.resolve("by-hand");
        Path first = byHand.resolve("input/cin-2022.xml");
        Path fixed = byHand.resolve("input/a-fixed/cin-2022.xml");
        CensusReturnWriter.writeXml(return2022("NEG"), first);
        CensusReturnWriter.writeXml(return2022("EMO"), fixed);
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2022-05-03T09:00:00Z")));
        Files.setLastModifiedTime(fixed, FileTime.from(Instant.parse("2022-05-20T14:00:00Z")));
        assertThat(runAlone(byHand).value("CPP_OPEN_NEG_INIT", LA, "2022-03-31"))
                .as("the hand-corrected version's M, emotional abuse").isEqualTo("0");
    }

    /** The period 2022 on {@code folder}/input alone, in a database of its own: its indicators. */
    private IndicatorsFile runAlone(Path folder) throws Exception {
        try (TestApp fresh = TestApp.start(database, folder.resolve("data"))) {
            RunService.RunResult result = fresh.run(job, LocalDate.of(2022, 3, 31), folder.resolve("input"), folder.resolve("output"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        return IndicatorsFile.read(folder.resolve("output/p/2022-03-31/indicators.csv"));
    }
}
