package org.neglectscorecard.scorecard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * benchmarks.csv (OUTPUTS.md 1b): rates and percentages with a DfE counterpart, for each LA and
 * 31 March, beside England, region and statistical neighbours, with rank and quartile; the
 * partnership beside England only. Counts are not benchmarked.
 */
public final class BenchmarksCsv {

    public static final String[] HEADER = {"indicator_id", "area_code", "period_end", "value", "england", "region", "sn_mean",
            "sn_count", "rank", "rank_of", "quartile"};

    private final Catalogue catalogue;

    public BenchmarksCsv(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * benchmarks.csv, exact like indicators.csv, and benchmarks-published.csv, the copy to share: an
     * LA's value withheld in the scorecard is {@code c} there, and so are its rank and quartile (with
     * every other LA's figure public at DfE, the rank gives back the one count that ranks there).
     *
     * @param withheld the headline figures withheld, as {@link #key}
     */
    public void write(List<BenchmarkValue> values, java.util.Set<String> withheld, Path exact, Path published) throws IOException {
        try (CSVPrinter out = CsvOutput.open(exact, HEADER); CSVPrinter shared = CsvOutput.open(published, HEADER)) {
            for (BenchmarkValue v : values) {
                IndicatorDefinition d = catalogue.get(v.indicatorId()).orElse(null);
                if (d == null || d.unit() == IndicatorDefinition.Unit.count) {
                    continue;
                }
                int decimals = d.decimals();
                String value = CsvOutput.number(v.value(), decimals);
                String rank = v.rank() == null ? "" : v.rank().toString();
                String quartile = v.quartile() == null ? "" : v.quartile();
                out.printRecord(v.indicatorId(), v.areaCode(), v.periodEnd(), value, CsvOutput.number(v.england(), decimals),
                        CsvOutput.number(v.region(), decimals), CsvOutput.number(v.snMean(), decimals),
                        v.snCount() == null ? "" : v.snCount(), rank, v.rankOf() == null ? "" : v.rankOf(), quartile);
                boolean hide = withheld.contains(key(v.indicatorId(), v.areaCode(), v.periodEnd()));
                shared.printRecord(v.indicatorId(), v.areaCode(), v.periodEnd(), hide && !value.isEmpty() ? WITHHELD : value,
                        CsvOutput.number(v.england(), decimals), CsvOutput.number(v.region(), decimals),
                        CsvOutput.number(v.snMean(), decimals), v.snCount() == null ? "" : v.snCount(),
                        hide && !rank.isEmpty() ? WITHHELD : rank, v.rankOf() == null ? "" : v.rankOf(),
                        hide && !quartile.isEmpty() ? WITHHELD : quartile);
            }
        }
    }

    /** How a withheld value is written in the copy to share, as in indicators-published.csv. */
    static final String WITHHELD = "c";

    /** The headline figures withheld among a run's values, as {@link #key}. */
    public static java.util.Set<String> withheld(List<IndicatorValue> values) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (IndicatorValue v : values) {
            if (v.suppressed() && v.isHeadline()) {
                keys.add(key(v.indicatorId(), v.areaCode(), v.periodEnd()));
            }
        }
        return keys;
    }

    /**
     * The benchmarks as the workbook and board pack may use them: an LA's value the scorecard withholds
     * is left out (null), so no sentence ("England's 57.6%, when Bedford's was 84.8%") or count of LAs
     * better than England can carry it. Rank and quartile stay, for the sheets to show as [c].
     */
    public static List<BenchmarkValue> shareable(List<BenchmarkValue> values, java.util.Set<String> withheld) {
        return values.stream().map(v -> withheld.contains(key(v.indicatorId(), v.areaCode(), v.periodEnd()))
                ? new BenchmarkValue(v.indicatorId(), v.areaCode(), v.periodEnd(), null, v.england(), v.region(), v.snMean(),
                        v.snCount(), v.rank(), v.rankOf(), v.quartile(), v.published())
                : v).toList();
    }

    private static String key(String indicatorId, String area, java.time.LocalDate periodEnd) {
        return indicatorId + "|" + area + "|" + periodEnd;
    }
}
