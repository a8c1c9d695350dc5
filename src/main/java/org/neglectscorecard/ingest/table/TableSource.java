package org.neglectscorecard.ingest.table;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Where one table of a return lives: a CSV file, or a sheet of a workbook. Serializable so a
 * partition can carry it in its execution context.
 *
 * @param file     the CSV file or the workbook
 * @param sheet    the sheet name, or null for CSV
 * @param charset  the CSV's character set (UTF-8 or windows-1252), or null for a sheet
 */
public record TableSource(String file, String sheet, String charset) implements Serializable {

    public static TableSource csv(Path file, Charset charset) {
        return new TableSource(file.toString(), null, charset.name());
    }

    public static TableSource sheet(Path workbook, String sheet) {
        return new TableSource(workbook.toString(), sheet, null);
    }

    public boolean isSheet() {
        return sheet != null;
    }

    public Path path() {
        return Path.of(file);
    }

    /** How a person finds it: the file name, and the sheet for a workbook. */
    public String describe() {
        return isSheet() ? path().getFileName() + " sheet '" + sheet + "'" : path().getFileName().toString();
    }

    /** Opens the table; workbooks are opened by the caller, who keeps one open across its sheets. */
    public TableReader open(String tableName, XlsxWorkbook workbook, java.util.function.LongConsumer bytesRead) {
        if (isSheet()) {
            return workbook.sheet(sheet, tableName, bytesRead);
        }
        return new CsvTableReader(path(), tableName, Charset.forName(charset), bytesRead);
    }
}
