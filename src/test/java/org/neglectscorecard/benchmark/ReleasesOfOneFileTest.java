package org.neglectscorecard.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.indicators.PublishedFiguresTestAccess;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.testing.TestApp;

/**
 * Two releases of one DfE file in the input folder (a trial, 5 December): a newer one saved as the
 * browser named it ("download (3).csv") was passed over for the older one under DfE's name, and its
 * years lost; a newer one without the rows a benchmark reads (a column dropped, a filter worded
 * otherwise) left England blank for the years the older one gives. The later release gives the years
 * both have where it has the rows; else the earlier one does.
 */
class ReleasesOfOneFileTest {

    static final Path D4 = Path.of("sample-data/reference/d4_cpps_at31march_by_category_of_abuse_2013_to_2022.csv");

    @TempDir
    Path dir;

    @Test
    void aNewerReleaseUnderABrowsersNameGivesTheYearsBothHave() throws Exception {
        // The newer release: England's 2022 neglect count revised from 24430 to 24930 (of 50920 plans).
        List<String> newer = new ArrayList<>();
        for (String line : Files.readAllLines(D4)) {
            newer.add(line.startsWith("2022,Reporting year,National,") ? line.replace(",50920,24430,", ",50920,24930,") : line);
        }
        Map<String, CSVRecord> benchmarks = run("renamed", Map.of("download (3).csv", newer));
        assertThat(benchmarks.get("CPP_OPEN_NEG_INIT_PCT|E09000033|2022-03-31").get("england")).isEqualTo("49.0");   // 24930/50920
    }

    /**
     * A renamed file with only the columns the benchmark reads, beside the file under DfE's name
     * with many more: it may be another of DfE's files that shares those names, so it replaces nothing.
     */
    @Test
    void aRenamedFileWithFewerColumnsThanTheNamedOneIsNoReleaseOfIt() throws Exception {
        List<String> other = new ArrayList<>();
        for (String line : Files.readAllLines(D4)) {
            List<String> cells = List.of(line.split(",", -1));
            String kept = String.join(",", cells.subList(0, 13));   // up to CPP_At31 and Neglect_Initial
            other.add(line.startsWith("2022,Reporting year,National,") ? kept.replace(",50920,24430", ",50920,24930") : kept);
        }
        assertThat(other.get(0)).endsWith("CPP_At31,Neglect_Initial");
        Map<String, CSVRecord> benchmarks = run("fewer-columns", Map.of("download (3).csv", other));
        assertThat(benchmarks.get("CPP_OPEN_NEG_INIT_PCT|E09000033|2022-03-31").get("england")).isEqualTo("48.0");
    }

    @Test
    void aNewerReleaseWithoutTheColumnLeavesTheYearsToTheOlderOne() throws Exception {
        // The newer release under DfE's name, with no CPP_At31 column: the share's denominator is not in it.
        List<String> newer = new ArrayList<>();
        for (String line : Files.readAllLines(D4)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(11);
            newer.add(String.join(",", cells));
        }
        assertThat(Files.readAllLines(D4).get(0).split(",")[11]).isEqualTo("CPP_At31");
        newer.add(newer.get(newer.size() - 1).replaceFirst("^2022,", "2023,"));
        Map<String, CSVRecord> benchmarks = run("no-denominator", Map.of("d4_cpps_at31march_by_category_of_abuse_2013_to_2023.csv", newer));
        assertThat(benchmarks.get("CPP_OPEN_NEG_INIT_PCT|E09000033|2022-03-31").get("england")).isEqualTo("48.0");   // 24430/50920
    }

    private Map<String, CSVRecord> run(String name, Map<String, List<String>> extra) throws Exception {
        Path input = dir.resolve(name + "/input");
        PublishedFiguresTestAccess.writeWestminster(input);
        Files.createDirectories(input.resolve("reference"));
        Files.copy(D4, input.resolve("reference").resolve(D4.getFileName()));
        for (var e : extra.entrySet()) {
            Files.write(input.resolve("reference").resolve(e.getKey()), e.getValue());
        }
        Path job = TestApp.jobFile(dir.resolve(name), "bench", "westminster", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve(name + "/data"))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve(name + "/out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        Map<String, CSVRecord> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(name + "/out/westminster/2022-03-31/benchmarks.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.put(r.get("indicator_id") + "|" + r.get("area_code") + "|" + r.get("period_end"), r);
            }
        }
        return out;
    }
}
