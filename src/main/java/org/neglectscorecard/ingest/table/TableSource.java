package org.neglectscorecard.ingest.table;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Where one table of a return lives: a CSV file, or a sheet of a workbook. Serializable so a
 * partition can carry it in its execution context.
 *
 * @param file      the CSV file or the workbook
 * @param sheet     the sheet name, or null for CSV
 * @param charset   the CSV's character set (UTF-8 or windows-1252), or null for a sheet
 * @param headerRow the heading row (a sheet's row as Excel numbers it, a CSV file's record), as found
 *                  when the folder was scanned under any title lines (0: the first non-blank row)
 * @param shownAs   how reports name it: the sheet's name, or the CSV file's path within the input folder
 */
public record TableSource(String file, String sheet, String charset, int headerRow, String shownAs) implements Serializable {

    /** A CSV file that is a return by itself: reports name the file, and the table by its kind's name for it. */
    public static TableSource csv(Path file, Charset charset) {
        return new TableSource(file.toString(), null, charset.name(), 0, null);
    }

    /** A CSV file that is a return by itself, its headings on the given row (under a title). */
    public static TableSource csv(Path file, Charset charset, int headerRow) {
        return new TableSource(file.toString(), null, charset.name(), headerRow, null);
    }

    /** A CSV file of a set of tables sitting together in a folder: reports name it by its path in the input folder. */
    public static TableSource csv(Path file, Charset charset, String shownAs) {
        return csv(file, charset, 0, shownAs);
    }

    /** The same, its headings on the given row (under a title). */
    public static TableSource csv(Path file, Charset charset, int headerRow, String shownAs) {
        return new TableSource(file.toString(), null, charset.name(), headerRow, shownAs);
    }

    public static TableSource sheet(Path workbook, String sheet) {
        return new TableSource(workbook.toString(), sheet, null, 0, sheet);
    }

    public static TableSource sheet(Path workbook, String sheet, int headerRow) {
        return new TableSource(workbook.toString(), sheet, null, headerRow, sheet);
    }

    public boolean isSheet() {
        return sheet != null;
    }

    public Path path() {
        return Path.of(file);
    }

    /** How a person finds it: the file, and the sheet for a workbook. */
    public String describe() {
        return isSheet() ? path().getFileName() + " sheet '" + sheet + "'" : shownAs != null ? shownAs : path().getFileName().toString();
    }

    /** Opens the table; workbooks are opened by the caller, who keeps one open across its sheets. */
    public TableReader open(String tableName, Spreadsheet workbook, java.util.function.LongConsumer bytesRead) {
        if (isSheet()) {
            return workbook.sheet(sheet, tableName, HeaderChoice.atRow(headerRow), bytesRead);
        }
        return new CsvTableReader(path(), tableName, Charset.forName(charset), bytesRead, shownAs, HeaderChoice.atRow(headerRow));
    }
}
