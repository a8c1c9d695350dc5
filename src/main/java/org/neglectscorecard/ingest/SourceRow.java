package org.neglectscorecard.ingest;

/**
 * One row of a source table as read, before any value is interpreted: the unit a reader yields
 * and a processor turns into a typed record or a located rejection. For XML the "table" is the
 * census module (ChildIdentifiers, CINdetails, ...) and the row number is the line in the file
 * where the module starts; {@code lines} then gives the line each value is on (0 where not known),
 * so a problem with a value is placed at its own line, not its module's.
 *
 * @param laCode the LA the row belongs to, from the row itself, the return's header, or the
 *               folder the file sits in (null if none of them says)
 */
public record SourceRow(TableHeader header, int rowNumber, String[] values, String laCode, int[] lines) {

    /**
     * A row whose values are all on its row (a table's row).
     */
    public SourceRow(TableHeader header, int rowNumber, String[] values, String laCode) {
        this(header, rowNumber, values, laCode, null);
    }

    public String table() {
        return header.table();
    }

    /** The raw value of a column, or null when the column is absent or the cell empty. */
    public String value(String column) {
        return header.indexOf(column).filter(i -> i < values.length).map(i -> values[i]).orElse(null);
    }

    public boolean isBlank() {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Where the row is, never what is in it: rows hold identifiers and dates of birth. */
    @Override
    public String toString() {
        return "SourceRow[" + header.table() + " row " + rowNumber + "]";
    }

    /** A rejection of this row located at the given column. */
    public Rejection problem(String column, String valueShown, String reason) {
        int at = rowNumber;
        if (lines != null && column != null) {
            int i = header.indexOf(column).orElse(-1);
            if (i >= 0 && i < lines.length && lines[i] > 0) {
                at = lines[i];
            }
        }
        return new Rejection(header.where(), at, column == null ? null : header.nameOf(column),
                column == null ? null : header.letterOf(column), valueShown, reason);
    }
}
