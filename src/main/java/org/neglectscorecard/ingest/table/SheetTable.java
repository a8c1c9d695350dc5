package org.neglectscorecard.ingest.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.UnreadableFileException;

/**
 * A worksheet or a CSV file read as a table: rows above its heading row (a report's title, its run
 * date, notes) are passed over, the heading row names the columns, and the rows below it are the
 * table's. Subclasses only pull rows from their file format, so a title above the headings is
 * treated the same in every format.
 */
abstract class SheetTable implements Spreadsheet.SheetTableReader {

    protected final String fileName;
    protected final String sheetName;
    private final boolean spreadsheet;
    private final String where;
    private final Deque<SheetRow> pending = new ArrayDeque<>();
    private TableHeader header;
    private int headerRow;
    private int rowNumber;

    SheetTable(String fileName, String sheetName) {
        this(fileName, sheetName, true, sheetName);
    }

    /**
     * @param spreadsheet whether cells may hold Excel's serial numbers (a sheet), or are text as written (CSV)
     * @param where       how rejections name the table: the sheet's name, or the CSV file's path in the input folder
     */
    SheetTable(String fileName, String sheetName, boolean spreadsheet, String where) {
        this.fileName = fileName;
        this.sheetName = sheetName;
        this.spreadsheet = spreadsheet;
        this.where = where;
    }

    /** How a message names the table: the file, and its sheet for a workbook. */
    protected String described() {
        return sheetName == null ? fileName : fileName + " sheet '" + sheetName + "'";
    }

    /** Whether the workbook counts dates from 1904 (Excel's "1904 date system"); false for CSV. */
    protected boolean date1904() {
        return false;
    }

    /** The next row with at least one non-blank cell, or null at the end of the sheet. */
    protected abstract SheetRow readRow();

    /** Reads ahead to the heading row; call once, from the subclass's constructor. */
    protected final void locateHeader(String tableName, HeaderChoice choice) {
        List<SheetRow> first = new ArrayList<>();
        for (SheetRow r = readRow(); r != null; r = first.size() < HeaderChoice.LOOK_AHEAD ? readRow() : null) {
            first.add(r);
        }
        SheetRow chosen = first.isEmpty() ? null : choice.choose(first);
        if (chosen == null && !first.isEmpty()) {
            throw new UnreadableFileException(described() + " no longer has the heading row it had when the "
                    + "input folder was checked: the file changed while it was being read. Run again.");
        }
        List<String> names = new ArrayList<>();
        if (chosen != null) {
            for (String n : chosen.values()) {
                names.add(n == null ? "" : n);
            }
            headerRow = chosen.number();
            rowNumber = chosen.number();
            boolean after = false;
            for (SheetRow r : first) {
                if (after) {
                    pending.add(r);
                }
                after |= r == chosen;
            }
        }
        header = new TableHeader(tableName, names, spreadsheet, where, date1904());
    }

    @Override
    public TableHeader header() {
        return header;
    }

    /** The row number of the heading row as Excel shows it (0 for an empty sheet or file). */
    @Override
    public int headerRow() {
        return headerRow;
    }

    @Override
    public String[] next() {
        SheetRow r = pending.isEmpty() ? readRow() : pending.poll();
        if (r == null) {
            return null;
        }
        rowNumber = r.number();
        return r.values();
    }

    @Override
    public int rowNumber() {
        return rowNumber;
    }
}
