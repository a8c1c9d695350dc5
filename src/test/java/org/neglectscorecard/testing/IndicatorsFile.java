package org.neglectscorecard.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** indicators.csv read back, to look values up by indicator, area, month end and breakdown. */
public final class IndicatorsFile {

    private final List<CSVRecord> rows;
    private final Map<String, CSVRecord> byKey = new LinkedHashMap<>();
    private final List<String> header;

    private IndicatorsFile(List<CSVRecord> rows, List<String> header) {
        this.rows = rows;
        this.header = header;
        for (CSVRecord r : rows) {
            byKey.put(key(r.get("indicator_id"), r.get("area_code"), r.get("period_end"), r.get("breakdown")), r);
        }
    }

    public static IndicatorsFile read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            return new IndicatorsFile(parser.getRecords(), parser.getHeaderNames());
        }
    }

    private static String key(String id, String area, String period, String breakdown) {
        return id + "|" + area + "|" + period + "|" + breakdown;
    }

    /** The value as written, or null when there is no row. */
    public String value(String id, String area, String period) {
        return value(id, area, period, "all");
    }

    public String value(String id, String area, String period, String breakdown) {
        CSVRecord r = byKey.get(key(id, area, period, breakdown));
        return r == null ? null : r.get("value");
    }

    public CSVRecord row(String id, String area, String period, String breakdown) {
        return byKey.get(key(id, area, period, breakdown));
    }

    public List<CSVRecord> rows() {
        return rows;
    }

    public List<String> header() {
        return header;
    }
}
