package org.neglectscorecard.ingest.table;

/**
 * One non-blank row of a worksheet, as read: its number as Excel shows it and its cells' values.
 *
 * @param number the row number as Excel shows it (the first row is 1)
 * @param values the cells' values as text, null for an empty cell
 */
public record SheetRow(int number, String[] values) {

    /** How many cells hold something. */
    public int filled() {
        int n = 0;
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "SheetRow[" + number + "]";   // values may be identifiers: never in a log
    }
}
