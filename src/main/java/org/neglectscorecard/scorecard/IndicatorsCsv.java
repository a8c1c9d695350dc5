package org.neglectscorecard.scorecard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * indicators.csv (OUTPUTS.md section 1): every value, unsuppressed, with a flag saying where
 * board-facing outputs show [c]; and indicators-published.csv, the same rows with those values
 * withheld, the only copy meant to leave the partnership.
 */
public final class IndicatorsCsv {

    public static final String[] HEADER = {"indicator_id", "area_code", "area_name", "period_end", "breakdown", "value",
            "numerator", "denominator", "unit", "suppressed"};

    private final Catalogue catalogue;

    public IndicatorsCsv(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public void write(List<IndicatorValue> values, Path full, Path published) throws IOException {
        try (CSVPrinter all = CsvOutput.open(full, HEADER); CSVPrinter out = CsvOutput.open(published, HEADER)) {
            for (IndicatorValue v : values) {
                int decimals = catalogue.get(v.indicatorId()).map(IndicatorDefinition::decimals).orElse(4);
                String value = CsvOutput.number(v.value(), decimals);
                String numerator = CsvOutput.plain(v.numerator());
                String denominator = CsvOutput.plain(v.denominator());
                all.printRecord(v.indicatorId(), v.areaCode(), CsvOutput.text(v.areaName()), v.periodEnd(),
                        CsvOutput.text(v.breakdown()), value, numerator, denominator, v.unit(), v.suppressed());
                out.printRecord(v.indicatorId(), v.areaCode(), CsvOutput.text(v.areaName()), v.periodEnd(),
                        CsvOutput.text(v.breakdown()), v.suppressed() ? "c" : value, v.suppressed() ? "" : numerator,
                        v.suppressed() ? "" : denominator, v.unit(), v.suppressed());
            }
        }
    }
}
