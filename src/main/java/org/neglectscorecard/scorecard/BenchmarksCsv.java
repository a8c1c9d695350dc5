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

    public void write(List<BenchmarkValue> values, Path file) throws IOException {
        try (CSVPrinter out = CsvOutput.open(file, HEADER)) {
            for (BenchmarkValue v : values) {
                IndicatorDefinition d = catalogue.get(v.indicatorId()).orElse(null);
                if (d == null || d.unit() == IndicatorDefinition.Unit.count) {
                    continue;
                }
                int decimals = d.decimals();
                out.printRecord(v.indicatorId(), v.areaCode(), v.periodEnd(), CsvOutput.number(v.value(), decimals),
                        CsvOutput.number(v.england(), decimals), CsvOutput.number(v.region(), decimals),
                        CsvOutput.number(v.snMean(), decimals), v.snCount() == null ? "" : v.snCount(),
                        v.rank() == null ? "" : v.rank(), v.rankOf() == null ? "" : v.rankOf(), v.quartile() == null ? "" : v.quartile());
            }
        }
    }
}
