package org.neglectscorecard.ingest;

/**
 * Where a problem is and what to do about it. {@code valueShown} is the offending value only
 * where it is a code or a format; identifiers and dates of birth are {@link #WITHHELD}.
 */
public record Rejection(String sheet, Integer rowNumber, String column, String columnLetter, String valueShown,
                        String reason) {

    public static final String WITHHELD = "(withheld)";

    /** A problem with a whole file rather than one row. */
    public static Rejection ofFile(String reason) {
        return new Rejection(null, null, null, null, null, reason);
    }

    /** Cut long values so a hostile cell cannot flood the report. */
    public static String shown(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
