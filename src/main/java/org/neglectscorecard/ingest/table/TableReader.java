package org.neglectscorecard.ingest.table;

import java.io.Closeable;

import org.neglectscorecard.ingest.TableHeader;

/**
 * Rows of one table (a CSV file or a worksheet), pulled one at a time so a file of any size is
 * read in constant memory. Blank rows are passed over.
 */
public interface TableReader extends Closeable {

    TableHeader header();

    /** The next non-blank row's values, or null at the end of the table. */
    String[] next();

    /** The row number of the row last returned, as a spreadsheet shows it (the header is row 1). */
    int rowNumber();

    @Override
    void close();
}
