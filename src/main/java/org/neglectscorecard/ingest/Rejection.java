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

    private static final java.util.regex.Pattern DATE_OR_NUMBER = java.util.regex.Pattern.compile("[0-9 ./:T+\\-]{1,24}");

    /**
     * A wrong value as the report may show it: a date or number as written, or a short code (six
     * characters or fewer). Anything longer is withheld: in a misaligned or hand-typed file it
     * could be an identifier or a name.
     */
    public static String shown(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() <= 6 || DATE_OR_NUMBER.matcher(v).matches()) {
            return v;
        }
        return WITHHELD;
    }
}
