package org.neglectscorecard.ingest;

/**
 * One row of a source table as read, before any value is interpreted: the unit a reader yields
 * and a processor turns into a typed record or a located rejection. For XML the "table" is the
 * census module (ChildIdentifiers, CINdetails, ...) and the row number is the line in the file.
 *
 * @param laCode the LA the row belongs to, from the row itself, the return's header, or the
 *               folder the file sits in (null if none of them says)
 */
public record SourceRow(TableHeader header, int rowNumber, String[] values, String laCode) {

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
        return new Rejection(header.where(), rowNumber, column == null ? null : header.nameOf(column),
                column == null ? null : header.letterOf(column), valueShown, reason);
    }
}
