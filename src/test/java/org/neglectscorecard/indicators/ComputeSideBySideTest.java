package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.neglectscorecard.store.schema.Tables.INDICATOR_VALUE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.SampleRun;
import org.neglectscorecard.testing.TestApp;

/**
 * The base catalogue entries are computed several at a time, each on a connection of its own
 * (scorecard.compute-workers), and published in the step's own transaction: the same figures as
 * one at a time, and an entry that fails stops the run with the values of the run before it kept.
 */
class ComputeSideBySideTest {

    @TempDir
    Path dir;

    private static final LocalDate PERIOD = LocalDate.of(2025, 3, 31);

    @Test
    void sideBySideGivesTheFiguresOneAtATimeGives() throws Exception {
        Path input = census();
        Path job = TestApp.jobFile(dir, "two-las", "two", List.of("821", "822"));
        String[] outputs = new String[2];
        int[] workers = {1, 3};
        // Which threads ran the engine's statements (its DEBUG lines): the side-by-side run must really be one.
        ch.qos.logback.classic.Logger engineLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(IndicatorEngine.class);
        ch.qos.logback.classic.Level level = engineLog.getLevel();
        List<java.util.Set<String>> threads = new java.util.ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen = new ch.qos.logback.core.read.ListAppender<>();
            seen.start();
            try (TestApp app = TestApp.start(dir.resolve("data-" + workers[i]), Map.of("scorecard.compute-workers", workers[i]))) {
                engineLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
                engineLog.addAppender(seen);
                var result = app.run(job, PERIOD, input, dir.resolve("out-" + workers[i]), false);
                assertThat(result.ok()).as(result.message()).isTrue();
            } finally {
                engineLog.detachAppender(seen);
                engineLog.setLevel(level);
            }
            threads.add(new java.util.TreeSet<>(seen.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getThreadName)
                    .filter(t -> t.startsWith("indicators-")).toList()));
            Path folder = dir.resolve("out-" + workers[i] + "/two/" + PERIOD);
            outputs[i] = Files.readString(folder.resolve("indicators.csv")) + Files.readString(folder.resolve("indicators-published.csv"));
        }
        IndicatorsFile one = IndicatorsFile.read(dir.resolve("out-1/two/" + PERIOD + "/indicators.csv"));
        assertThat(one.value("CPP_OPEN", "two", "2025-03-31")).isEqualTo("12");
        assertThat(one.value("CPP_OPEN_NEG_LATEST", "two", "2025-03-31")).isEqualTo("8");
        assertThat(one.value("CPP_START", "two", "2025-03-31")).isNotNull();
        assertThat(threads.get(0)).as("one at a time: the step's own thread").isEmpty();
        assertThat(threads.get(1)).as("side by side").containsExactly("indicators-1", "indicators-2", "indicators-3");
        assertThat(outputs[1]).isEqualTo(outputs[0]);
    }

    @Test
    void anEntryThatFailsStopsTheRunAndTheValuesBeforeItStay() throws Exception {
        Path input = census();
        Path job = TestApp.jobFile(dir, "two-las", "two", List.of("821", "822"));
        List<List<Object>> before;
        try (TestApp app = TestApp.start(dir.resolve("data"), Map.of("scorecard.compute-workers", 3))) {
            assertThat(app.run(job, PERIOD, input, dir.resolve("out"), false).ok()).isTrue();
            before = values(app.bean(DSLContext.class));
        }
        assertThat(before).hasSizeGreaterThan(100);

        // The shipped catalogue and one entry more, whose SQL is sound but fails on the first row it reads.
        Path sql = dir.resolve("sql");
        SampleRun.copy(Path.of("sql"), sql);
        Files.writeString(sql.resolve("indicators/99-fails.yml"), """
                indicators:
                  - id: FAILS_ON_ITS_ROWS
                    title: Fails on its rows
                    priority: Knowing our problem
                    source: CIN census
                    sources: [CIN_CENSUS]
                    polarity: context
                    unit: count
                    decimals: 0
                    counts: children
                    definition: A date no database can read.
                    dfe: none
                    measure: in_year
                    distinct: false
                    spc: in_month
                    sql: |
                      SELECT return_id, child_key AS subject_key, child_key, CAST('not a date ' || child_key AS DATE) AS event_date
                      FROM cp_plan
                """);
        try (TestApp app = TestApp.start(dir.resolve("data"), Map.of("scorecard.compute-workers", 3, "scorecard.sql-dir", sql.toString()))) {
            var result = app.run(job, PERIOD, input, dir.resolve("out"), true);
            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("99-fails.yml, indicator FAILS_ON_ITS_ROWS: its SQL failed in the database")
                    .as("the value it failed on (a child's key) is not said").doesNotContainPattern("[0-9a-f]{16}");
            assertThat(result.message()).contains("a date or time in the rows it reads could not be read");
            assertThat(values(app.bean(DSLContext.class))).isEqualTo(before);
            DSLContext dsl = app.bean(DSLContext.class);
            for (String table : List.of("work_event", "work_event_source", "work_spell", "work_assign", "work_cover12")) {
                assertThat(dsl.fetchCount(org.jooq.impl.DSL.table(table))).as("children's records left in " + table).isZero();
            }
            assertThat(Files.readString(dir.resolve("data/logs/scorecard.log"))).as("the log")
                    .contains("FAILS_ON_ITS_ROWS").doesNotContainPattern("not a date [0-9a-f]");
        }
        // SQL that names a column no table has is said as such.
        Files.writeString(sql.resolve("indicators/99-fails.yml"), Files.readString(sql.resolve("indicators/99-fails.yml"))
                .replace("FROM cp_plan", "FROM cp_plan WHERE no_such_column = 1"));
        try (TestApp app = TestApp.start(dir.resolve("data"), Map.of("scorecard.compute-workers", 3, "scorecard.sql-dir", sql.toString()))) {
            var result = app.run(job, PERIOD, input, dir.resolve("out"), true);
            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("99-fails.yml, indicator FAILS_ON_ITS_ROWS: its SQL does not run")
                    .containsIgnoringCase("no_such_column");
            assertThat(values(app.bean(DSLContext.class))).isEqualTo(before);
        }
    }

    /** Two LAs, two census years: children on plans (most of them for neglect) and assessments. */
    private Path census() throws IOException {
        Path input = dir.resolve("input");
        for (String la : List.of("821", "822")) {
            for (int year = 2024; year <= 2025; year++) {
                var r = new ReturnBuilder(la, LocalDate.of(year, 3, 31));
                for (int c = 0; c < 6; c++) {
                    String category = c < 4 ? "NEG" : "EMO";
                    r.child(la + "-" + year + "-" + c).episode((year - 1) + "-05-0" + (c + 1), null, "N1")
                            .cpp((year - 1) + "-06-0" + (c + 1), null, category, category, 0)
                            .assessment((year - 1) + "-05-0" + (c + 2), (year - 1) + "-05-2" + c, "16A", "3A").end().done();
                }
                CensusReturnWriter.writeXml(r.build(), input.resolve(la + "/" + year + "/census.xml"));
            }
        }
        return input;
    }

    private static List<List<Object>> values(DSLContext dsl) {
        var v = INDICATOR_VALUE;
        return dsl.select(v.INDICATOR_ID, v.AREA_CODE, v.PERIOD_END, v.BREAKDOWN, v.FIGURE, v.NUMERATOR, v.SUPPRESSED).from(v)
                .orderBy(v.INDICATOR_ID, v.AREA_CODE, v.PERIOD_END, v.BREAKDOWN).fetch(r -> java.util.Arrays.asList(r.intoArray()));
    }
}
