package org.neglectscorecard.ingest;

import java.util.List;

/**
 * A row turned into a typed record, with any values that had to be left out (the row itself is
 * usable: a bad ethnicity code does not stop a child being counted) and anything about it the
 * person should know that is not a fault of the row's (a census whose reference date is not 31 March).
 */
public record ParsedRow<T>(T record, List<Rejection> valuesIgnored, List<Rejection> notes) {

    public ParsedRow(T record, List<Rejection> valuesIgnored) {
        this(record, valuesIgnored, List.of());
    }

    @Override
    public String toString() {
        return "ParsedRow[" + record + ", " + valuesIgnored.size() + " values left out]";
    }

    public static <T> ParsedRow<T> clean(T record) {
        return new ParsedRow<>(record, List.of());
    }
}
