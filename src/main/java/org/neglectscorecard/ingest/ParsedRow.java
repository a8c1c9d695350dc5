package org.neglectscorecard.ingest;

import java.util.List;

/**
 * A row turned into a typed record, with any values that had to be left out (the row itself is
 * usable: a bad ethnicity code does not stop a child being counted).
 */
public record ParsedRow<T>(T record, List<Rejection> valuesIgnored) {

    @Override
    public String toString() {
        return "ParsedRow[" + record + ", " + valuesIgnored.size() + " values left out]";
    }

    public static <T> ParsedRow<T> clean(T record) {
        return new ParsedRow<>(record, List.of());
    }
}
