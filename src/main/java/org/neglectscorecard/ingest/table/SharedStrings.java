package org.neglectscorecard.ingest.table;

import java.util.Arrays;

import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;

/**
 * A workbook's shared strings as plain text, each made once. POI's table wraps a string in a new
 * rich-text object (an XmlBeans document) every time a cell asks for it: a tenth of loading the
 * sample's workbooks (JFR), for values most of which repeat from row to row. Used by one thread at
 * a time (a file's sheets are read one after another).
 */
final class SharedStrings {

    private final ReadOnlySharedStringsTable table;
    private String[] made = new String[0];

    SharedStrings(ReadOnlySharedStringsTable table) {
        this.table = table;
    }

    /**
     * The string at this index; IndexOutOfBoundsException where the workbook has none (a damaged
     * file), saying only the index: POI's own exception quotes every string in the table, which is
     * children's data and must not reach a log.
     */
    String get(int index) {
        if (index >= 0 && index < made.length && made[index] != null) {
            return made[index];
        }
        String s;
        try {
            s = table.getItemAt(index).getString();
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            throw new IndexOutOfBoundsException("no shared string " + index);
        }
        if (index >= made.length) {
            made = Arrays.copyOf(made, Math.max(index + 1, 2 * made.length + 16));   // index is one the table has: at most twice its size
        }
        made[index] = s;
        return s;
    }
}
