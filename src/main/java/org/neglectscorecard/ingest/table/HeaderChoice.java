package org.neglectscorecard.ingest.table;

import java.util.List;

/**
 * Which row of a worksheet holds its headings. Exports put them on the first row; Ofsted's Annex A
 * template puts a title row (and sometimes notes) above them. The scanner decides once, by which
 * row's headings a kind of return knows, and the loader reads from the row it chose.
 */
@FunctionalInterface
public interface HeaderChoice {

    /** How many non-blank rows at the top of a sheet are looked at for its headings. */
    int LOOK_AHEAD = 20;

    /** The heading row among the first non-blank rows of a sheet, or null for none of them. */
    SheetRow choose(List<SheetRow> firstRows);

    /** The first non-blank row: what a CSV export or a plain sheet has. */
    static HeaderChoice firstRow() {
        return rows -> rows.isEmpty() ? null : rows.get(0);
    }

    /** The row with this number, as chosen when the file was scanned (0: the first non-blank row). */
    static HeaderChoice atRow(int number) {
        if (number <= 0) {
            return firstRow();
        }
        return rows -> rows.stream().filter(r -> r.number() == number).findFirst().orElse(null);
    }

    /**
     * A row that looks like headings when nothing better is known: the first with three or more
     * filled cells (a title row or a note has one), else the first non-blank row.
     */
    static SheetRow likelyHeadings(List<SheetRow> rows) {
        return rows.stream().filter(r -> r.filled() >= 3).findFirst().orElse(rows.isEmpty() ? null : rows.get(0));
    }
}
