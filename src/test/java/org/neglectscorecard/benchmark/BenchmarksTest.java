package org.neglectscorecard.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.indicators.PublishedFiguresTestAccess;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.testing.TestApp;

/**
 * benchmarks.csv against DfE's files as downloaded (the copies in sample-data/reference/, unchanged):
 * Westminster's returns reproduce its published 2021-22 figures, and its benchmark row must give
 * England's and Inner London's figures, the mean of its statistical neighbours from the groupings
 * file the job names (the 2021 file, whose repeated "SNP" headings are read by position), and its
 * rank among the LAs with a value: all worked out here independently from the same files, LAs
 * whose figures DfE suppressed left out rather than counted as zero.
 */
class BenchmarksTest {

    static final Path REFERENCE = Path.of("sample-data/reference");
    static final String D4 = "d4_cpps_at31march_by_category_of_abuse_2013_to_2022.csv";
    static final String D1 = "d1_child_protection_plans_2013_to_2022.csv";
    static final String SN_2021 = "New_Statistical_Neighbour_Groupings_April_2021.csv";
    @TempDir
    static Path dir;
    static Map<String, CSVRecord> benchmarks = new HashMap<>();

    @BeforeAll
    static void run() throws Exception {
        Path input = dir.resolve("input");
        PublishedFiguresTestAccess.writeWestminster(input);
        Files.createDirectories(input.resolve("reference"));
        for (String f : List.of(D4, D1, SN_2021, "sn_model_2025_wide.csv")) {
            Files.copy(REFERENCE.resolve(f), input.resolve("reference").resolve(f));
        }
        Path job = TestApp.jobFile(dir, "bench", "westminster", List.of("213"));
        Files.writeString(job, Files.readString(job) + "statistical-neighbours: reference/" + SN_2021 + "\n");
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            RunService.RunResult r = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        try (Reader in = Files.newBufferedReader(dir.resolve("out/westminster/2022-03-31/benchmarks.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                benchmarks.put(r.get("indicator_id") + "|" + r.get("area_code") + "|" + r.get("period_end"), r);
            }
        }
    }

    @Test
    void neglectShareOfPlansBesideEnglandRegionNeighboursAndEveryLa() throws Exception {
        List<CSVRecord> d4 = rows(REFERENCE.resolve(D4), "2022");
        BigDecimal england = pct(d4.stream().filter(r -> r.get("geographic_level").equals("National")).findFirst().orElseThrow());
        BigDecimal innerLondon = pct(d4.stream().filter(r -> r.get("region_code").equals("E13000001")
                && r.get("geographic_level").equals("Regional")).findFirst().orElseThrow());
        Map<String, BigDecimal> las = new HashMap<>();
        d4.stream().filter(r -> r.get("geographic_level").equals("Local authority")).forEach(r -> {
            BigDecimal p = pct(r);
            if (p != null) {
                las.put(r.get("old_la_code"), p);
            }
        });
        BigDecimal westminster = las.get("213");
        // The neighbours by position in the 2021 file: SN1 .. SN10 are columns 6, 8, ..., 24.
        List<String> neighbours = new ArrayList<>();
        for (String line : Files.readAllLines(REFERENCE.resolve(SN_2021))) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("213")) {
                for (int k = 0; k < 10; k++) {
                    neighbours.add(cells[5 + 2 * k]);
                }
            }
        }
        List<BigDecimal> snValues = neighbours.stream().map(las::get).filter(java.util.Objects::nonNull).toList();
        BigDecimal snMean = snValues.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(snValues.size()), 1, RoundingMode.HALF_UP);
        long better = las.entrySet().stream().filter(e -> !e.getKey().equals("213") && e.getValue().compareTo(westminster) < 0).count();

        CSVRecord row = benchmarks.get("CPP_OPEN_NEG_INIT_PCT|E09000033|2022-03-31");
        assertThat(row).isNotNull();
        assertThat(row.get("value")).isEqualTo(westminster.toPlainString());
        assertThat(row.get("england")).isEqualTo(england.toPlainString());
        assertThat(row.get("region")).isEqualTo(innerLondon.toPlainString());
        assertThat(neighbours).hasSize(10);
        assertThat(row.get("sn_count")).isEqualTo(String.valueOf(snValues.size()));
        assertThat(row.get("sn_mean")).isEqualTo(snMean.toPlainString());
        assertThat(row.get("rank")).isEqualTo(String.valueOf(better + 1));
        assertThat(row.get("rank_of")).isEqualTo(String.valueOf(las.size()));
        // Some LAs' 2022 figures are suppressed: fewer than all 150 LAs are ranked.
        assertThat(las.size()).isLessThan(150);
        int rank = Integer.parseInt(row.get("rank"));
        assertThat(row.get("quartile")).isEqualTo(String.valueOf((char) ('A' + (rank - 1) * 4 / las.size())));
    }

    @Test
    void countsAreNotBenchmarkedAndThePartnershipIsSetBesideEnglandOnly() {
        assertThat(benchmarks.keySet()).noneMatch(k -> k.startsWith("CPP_OPEN|"));
        CSVRecord partnership = benchmarks.get("CPP_OPEN_NEG_INIT_PCT|westminster|2022-03-31");
        assertThat(partnership.get("england")).isNotEmpty();
        assertThat(partnership.get("region")).isEmpty();
        assertThat(partnership.get("rank")).isEmpty();
        // A rate per 10,000 of the children DfE counted, with ONS's population as ours uses.
        assertThat(benchmarks.get("CPP_OPEN_NEG_INIT_RATE|E09000033|2022-03-31").get("england")).matches("\\d+\\.\\d");
    }

    /**
     * DfE's 2022 release printed England's rate of children on a plan as 42.1 per 10,000, on the
     * population estimates of its day; DfE's latest population file (ONS's, revised after Census
     * 2021) gives 11,762,878 children for mid-2021, on which our rates stand. Beside ours, England's
     * is DfE's count over that same population, not the older printed rate.
     */
    @Test
    void englandsRateIsDfesCountOverThePopulationOurRatesUse() throws Exception {
        CSVRecord d1 = rows(REFERENCE.resolve(D1), "2022").stream().filter(r -> r.get("geographic_level").equals("National"))
                .findFirst().orElseThrow();
        assertThat(d1.get("CPP_At31_rate")).isEqualTo("42.1");
        long children = 0;
        for (CSVRecord r : rows(Path.of("src/main/resources/reference/ons_mid-year_population_estimates_2012_to_2024.csv"), "2021")) {
            if (r.get("geographic_level").equals("National")) {
                children = Long.parseLong(r.get("population_estimate"));
            }
        }
        BigDecimal england = new BigDecimal(d1.get("CPP_At31")).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(children), 1, RoundingMode.HALF_UP);
        assertThat(england).isEqualByComparingTo("43.3");
        assertThat(benchmarks.get("CPP_OPEN_RATE|E09000033|2022-03-31").get("england")).isEqualTo(england.toPlainString());
        assertThat(benchmarks.get("CPP_OPEN_RATE|westminster|2022-03-31").get("england")).isEqualTo(england.toPlainString());
    }

    private static BigDecimal pct(CSVRecord r) {
        String n = r.get("Neglect_Initial");
        String d = r.get("CPP_At31");
        if (!n.matches("\\d+") || !d.matches("\\d+") || d.equals("0")) {
            return null;
        }
        return new BigDecimal(n).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(d), 1, RoundingMode.HALF_UP);
    }

    private static List<CSVRecord> rows(Path file, String year) throws Exception {
        try (Reader in = new java.io.InputStreamReader(BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get())) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().stream()
                    .filter(r -> r.get("time_period").equals(year)).toList();
        }
    }
}
