package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.sample.AnnexAWriter;
import org.neglectscorecard.sample.AnnexAWriter.Style;
import org.neglectscorecard.sample.AnnexAWriter.Visit;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * Ofsted Annex A workbooks (INPUTS.md A3): the same children as Annex A and as a CIN census give the
 * same child protection indicators and CIN_OPEN_N1, whichever way the LA words its workbook; the
 * seen-and-heard indicators come from List 7's visits, in working days; and where an LA sends both,
 * the census is used for the months it covers and Annex A fills the months after.
 */
class AnnexATest {

    static final String LA = "E06000055";
    /**
     * What Annex A and the census both hold: children on a plan or in need at a month end.
     * Seen-and-heard and CIN plan indicators are one source's only.
     */
    static final Set<String> SHARED = Set.of("CPP_OPEN", "CPP_OPEN_RATE", "CPP_OPEN_NEG_INIT", "CPP_OPEN_NEG_INIT_PCT",
            "CPP_OPEN_NEG_LATEST", "CPP_OPEN_NEG_LATEST_PCT", "CPP_OPEN_NEG_INIT_RATE", "CPP_OPEN_NEG_2YR", "CIN_OPEN_N1",
            "CIN_OPEN_N1_PCT");
    /** Counts over 12 months: an Annex A alone, whose lists reach back six months, has none of these. */
    static final Set<String> TWELVE_MONTHS = Set.of("CPP_START", "CPP_START_NEG_INIT", "CPP_START_NEG_INIT_PCT",
            "CPP_START_NEG_LATEST", "CPP_START_NEG_LATEST_PCT", "CPP_START_NEG_REPEAT_PCT");
    /** The first month end an Annex A as at 31 March 2024 covers: its lists reach back six months. */
    static final String SIX_MONTHS_FROM = "2023-10-31";

    @TempDir
    Path dir;

    @Test
    void annexAAndTheCensusGiveTheSameChildProtectionAndNeedFigures() throws Exception {
        CensusReturn census = SampleDataGenerator.sampleReturn("822", 2024);
        LocalDate asAt = LocalDate.of(2024, 3, 31);
        // Visits near the as-at date put the workbook's latest date in March 2024, as a real one's are.
        Map<String, Visit> visits = new HashMap<>();
        census.children().forEach(c -> visits.put(c.id(), new Visit("2024-03-2" + (Math.abs(c.id().hashCode()) % 8), true)));
        CensusReturnWriter.writeXml(census, dir.resolve("census/822/census.xml"));
        AnnexAWriter.write(census, asAt, visits, List.of(), Style.OFSTED, dir.resolve("ofsted/822/annex-a.xlsx"));
        AnnexAWriter.write(census, asAt, visits, List.of(), Style.VARIANT, dir.resolve("variant/822/annex-a.xlsx"));

        IndicatorsFile fromCensus = run("census", asAt);
        IndicatorsFile fromOfsted = run("ofsted", asAt);
        IndicatorsFile fromVariant = run("variant", asAt);
        List<String> expected = shared(fromCensus);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(shared(fromOfsted)).containsExactlyElementsOf(expected);
        assertThat(shared(fromVariant)).containsExactlyElementsOf(expected);
        assertThat(fromCensus.value("CPP_OPEN", LA, "2024-03-31")).isNotNull();

        // Before its six months, and over twelve, Annex A has nothing to say: no figure, rather than one too low
        // (this workbook, written from the census, lists plans that ended long before; a real one does not).
        assertThat(fromCensus.value("CPP_OPEN", LA, "2023-09-30")).isNotNull();
        assertThat(fromOfsted.value("CPP_OPEN", LA, "2023-09-30")).isNull();
        assertThat(fromOfsted.value("CPP_OPEN", LA, SIX_MONTHS_FROM)).isEqualTo(fromCensus.value("CPP_OPEN", LA, SIX_MONTHS_FROM));
        assertThat(fromCensus.value("CPP_START", LA, "2024-03-31")).isNotNull();
        assertThat(fromOfsted.rows()).noneMatch(r -> TWELVE_MONTHS.contains(r.get("indicator_id")) && !r.get("value").isEmpty());

        // An LA that ran its Annex A over 12 months says so in the job file: the year's figures are the census's.
        IndicatorsFile twelve = run("ofsted", asAt, "files:\n  - path: 822/annex-a.xlsx\n    covers-months: 12\n", "ofsted-12");
        assertThat(twelve.value("CPP_OPEN", LA, "2023-04-30")).isEqualTo(fromCensus.value("CPP_OPEN", LA, "2023-04-30"));
        assertThat(twelve.value("CPP_OPEN", LA, "2023-03-31")).isNull();
        assertThat(twelve.value("CPP_START", LA, "2024-03-31")).isEqualTo(fromCensus.value("CPP_START", LA, "2024-03-31"));
    }

    /**
     * Every headline, gender and ethnicity row of the shared indicators for the month ends an Annex A
     * as at 31 March 2024 covers (age bands differ for unborn children: Annex A has no expected date of birth).
     */
    static List<String> shared(IndicatorsFile f) {
        return f.rows().stream()
                .filter(r -> SHARED.contains(r.get("indicator_id")))
                .filter(r -> r.get("period_end").compareTo(SIX_MONTHS_FROM) >= 0)
                .filter(r -> !r.get("breakdown").startsWith("age_band="))
                .map(AnnexATest::line).toList();
    }

    private static String line(CSVRecord r) {
        return String.join(",", r.toList());
    }

    @Test
    void seenAloneAndVisitedWithinTenWorkingDaysAtTheDateTheWorkbookIsAsAt() throws Exception {
        // 31 Dec 2025 is a Wednesday; 25 and 26 December are bank holidays. Ten working days before it
        // is Monday 15 December; counting calendar weekdays only it would be Wednesday 17 December.
        var r = new ReturnBuilder("822", LocalDate.of(2025, 12, 31));
        r.child("A").episode("2025-01-01", null, "N1").cpp("2025-02-01", null, "NEG", "NEG", 0).end().done();
        r.child("B").episode("2025-01-01", null, "N1").cpp("2025-02-01", null, "PHY", "NEG", 0).end().done();
        r.child("C").episode("2025-01-01", null, "N1").cpp("2025-02-01", null, "NEG", "NEG", 0).end().done();
        r.child("F").episode("2025-01-01", null, "N1").cpp("2025-03-01", null, "NEG", "NEG", 1).end().done();
        r.child("D").episode("2025-01-01", null, "N4").cpp("2025-02-01", null, "NEG", "PHY", 0).end().done();
        r.child("E").episode("2025-01-01", null, "N1").cpp("2025-02-01", "2025-11-30", "NEG", "NEG", 0).end().done();
        Map<String, Visit> visits = Map.of(
                "A", new Visit("2025-12-15", true),    // 10 working days before: in time, seen alone
                "B", new Visit("2025-12-17", false),   // in time, not seen alone
                "F", new Visit("2025-12-12", true),    // 11 working days: late
                "D", new Visit("2025-12-31", true));   // latest category physical: not counted; the lists' last date
        // A workbook dated by its contents is as at its latest date (the lists were taken that day), in its month.
        // C has no visit recorded; E's plan ended before the date.
        AnnexAWriter.write(r.build(), LocalDate.of(2025, 12, 31), visits, List.of(), Style.OFSTED, dir.resolve("seen/822/annex-a.xlsx"));
        IndicatorsFile out = run("seen", LocalDate.of(2025, 12, 31));
        assertThat(out.value("CPP_NEG_SEEN_ALONE_PCT", LA, "2025-12-31")).isEqualTo("50.0");    // A, F of A, B, C, F
        assertThat(out.value("CPP_NEG_VISIT_IN_TIME_PCT", LA, "2025-12-31")).isEqualTo("50.0"); // A, B
        assertThat(out.row("CPP_NEG_VISIT_IN_TIME_PCT", LA, "2025-12-31", "all").get("denominator")).isEqualTo("4");
        // Known only at the date the workbook is as at.
        assertThat(out.value("CPP_NEG_SEEN_ALONE_PCT", LA, "2025-11-30")).isNull();
        // The same workbook's plans give the child protection counts for every month it covers.
        assertThat(out.value("CPP_OPEN", LA, "2025-12-31")).isEqualTo("5");
        assertThat(out.value("CPP_OPEN", LA, "2025-11-30")).isEqualTo("5");
    }

    @Test
    void theCensusIsUsedWhereBothCoverAMonthAndAnnexAFillsTheMonthsAfter() throws Exception {
        var census = new ReturnBuilder("822", LocalDate.of(2025, 3, 31));
        census.child("A").episode("2024-05-01", null, "N1").cpp("2024-06-01", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(census.build(), dir.resolve("both/822/census-2025.xml"));
        // The Annex A as at 30 June 2025 also lists a plan the census does not have (B, from 1 Feb 2025)
        // and a new one after it (C, from 1 May 2025).
        var annex = new ReturnBuilder("822", LocalDate.of(2025, 6, 30));
        annex.child("A").episode("2024-05-01", null, "N1").cpp("2024-06-01", null, "NEG", "NEG", 0).end().done();
        annex.child("B").episode("2025-01-01", null, "N1").cpp("2025-02-01", null, "NEG", "NEG", 0).end().done();
        annex.child("C").episode("2025-04-20", null, "N1").cpp("2025-05-01", null, "NEG", "NEG", 0).end().done();
        AnnexAWriter.write(annex.build(), LocalDate.of(2025, 6, 30), Map.of(), List.of(), Style.VARIANT,
                dir.resolve("both/822/annex-a-2025-06.xlsx"));
        // Its latest date is 1 May 2025, so by itself it would be taken as at 31 May; the job file says 30 June.
        IndicatorsFile out = run("both", LocalDate.of(2025, 6, 30),
                "files:\n  - path: 822/annex-a-2025-06.xlsx\n    as-at: 2025-06-30\n");
        assertThat(out.value("CPP_OPEN", LA, "2025-03-31")).isEqualTo("1");   // the census: A only
        assertThat(out.value("CPP_OPEN", LA, "2025-04-30")).isEqualTo("2");   // Annex A: A, B
        assertThat(out.value("CPP_OPEN", LA, "2025-06-30")).isEqualTo("3");   // Annex A: A, B, C
    }

    private IndicatorsFile run(String name, LocalDate period) throws Exception {
        return run(name, period, "");
    }

    private IndicatorsFile run(String name, LocalDate period, String jobSettings) throws Exception {
        return run(name, period, jobSettings, name);
    }

    /** The inputs in {@code name}, into a database and outputs of their own ({@code label}). */
    private IndicatorsFile run(String name, LocalDate period, String jobSettings, String label) throws Exception {
        Path job = TestApp.jobFile(dir.resolve("jobs"), "annex-" + label, "bedford", List.of("822"));
        Files.writeString(job, Files.readString(job) + jobSettings);
        try (TestApp app = TestApp.start(dir.resolve("data-" + label))) {
            RunService.RunResult r = app.run(job, period, dir.resolve(name), dir.resolve("out-" + label), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        Path file = dir.resolve("out-" + label + "/bedford/" + period + "/indicators.csv");
        assertThat(Files.exists(file)).isTrue();
        return IndicatorsFile.read(file);
    }
}
