package org.neglectscorecard.ingest.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.UnreadableFileException;

/**
 * A worksheet read as a table: rows above its heading row (a title, notes) are passed over, the
 * heading row names the columns, and the rows below it are the table's. Subclasses only pull rows
 * from their file format.
 */
abstract class SheetTable implements Spreadsheet.SheetTableReader {

    protected final String fileName;
    protected final String sheetName;
    private final Deque<SheetRow> pending = new ArrayDeque<>();
    private TableHeader header;
    private int headerRow;
    private int rowNumber;

    SheetTable(String fileName, String sheetName) {
        this.fileName = fileName;
        this.sheetName = sheetName;
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
            throw new UnreadableFileException(fileName + " sheet '" + sheetName + "' no longer has the heading row it had when the "
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
        header = new TableHeader(tableName, names, true, sheetName);
    }

    @Override
    public TableHeader header() {
        return header;
    }

    /** The row number of the heading row as Excel shows it (0 for an empty sheet). */
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
