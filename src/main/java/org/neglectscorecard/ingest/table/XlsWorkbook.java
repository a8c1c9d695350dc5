package org.neglectscorecard.ingest.table;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.neglectscorecard.ingest.UnreadableFileException;

/**
 * An old-style Excel workbook (.xls, BIFF8), read directly with POI's HSSF: some LAs still save
 * Annex A that way. An .xls is not compressed, so the danger is size rather than a zip bomb: a
 * file larger than any real return is refused before it is opened, as are more columns or longer
 * cells than the format itself allows. Values come back as the .xlsx reader gives them: dates as
 * ISO dates, numbers in plain form, formulas as their cached values (never evaluated), errors as
 * their text.
 */
public final class XlsWorkbook implements Spreadsheet {

    /**
     * No real return saved as .xls comes near this: the format holds 65,536 rows of 256 columns, and
     * an Annex A of a large LA is a few megabytes. Read whole into memory, so bounded.
     */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** The .xls format has 256 columns. */
    private static final int MAX_COLUMNS = 256;

    private final String fileName;
    private final HSSFWorkbook workbook;
    private final long size;

    private XlsWorkbook(Path file) {
        this.fileName = file.getFileName().toString();
        try {
            this.size = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableFileException(fileName + " could not be opened: " + e.getMessage(), e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new UnreadableFileException(fileName + " is an old-style Excel file (.xls) of " + (size >> 20)
                    + " MB, larger than any return (" + (MAX_FILE_BYTES >> 20) + " MB at most), so it was not opened. "
                    + "Open it in Excel, delete unused rows and sheets, and save it as an Excel Workbook (.xlsx).");
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            this.workbook = new HSSFWorkbook(fs.getRoot(), false);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException(fileName + " is password-protected, so it cannot be read. "
                    + "Open it, remove the password, save and run again.", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(fileName + " is a corrupt Excel workbook: it is not a readable Excel workbook "
                    + "(.xls), perhaps damaged in copying or cut short. Open it in Excel and save it again as .xlsx, or "
                    + "export it again.", e);
        }
    }

    public static XlsWorkbook open(Path file) {
        return new XlsWorkbook(file);
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    @Override
    public SheetTableReader sheet(String sheetName, String tableName, HeaderChoice headerChoice, LongConsumer bytesRead) {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + sheetName);
        }
        return new XlsSheetReader(fileName, sheet, tableName, headerChoice, bytesPerRow(), bytesRead);
    }

    /** The file is read whole when opened; its sheets' rows share out its size, for a progress bar. */
    @Override
    public long sheetBytes(Collection<String> sheetNames) {
        long rows = 0;
        for (String name : sheetNames) {
            Sheet s = workbook.getSheet(name);
            rows += s == null ? 0 : s.getPhysicalNumberOfRows();
        }
        return rows * bytesPerRow();
    }

    private long bytesPerRow() {
        long rows = 0;
        for (Sheet s : workbook) {
            rows += s.getPhysicalNumberOfRows();
        }
        return Math.max(1, size / Math.max(1, rows));
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }

    /** The rows of one .xls sheet. */
    private static final class XlsSheetReader extends SheetTable {

        private final Iterator<Row> rows;
        private final long bytesPerRow;
        private final LongConsumer bytesRead;
        private final boolean date1904;

        XlsSheetReader(String fileName, Sheet sheet, String tableName, HeaderChoice headerChoice, long bytesPerRow,
                       LongConsumer bytesRead) {
            super(fileName, sheet.getSheetName());
            // Saved with Excel's 1904 date system (old Excel for Mac's default): its dates count from 1 January 1904.
            this.date1904 = sheet.getWorkbook() instanceof org.apache.poi.hssf.usermodel.HSSFWorkbook w
                    && w.getInternalWorkbook().isUsing1904DateWindowing();
            this.rows = sheet.rowIterator();
            this.bytesPerRow = bytesPerRow;
            this.bytesRead = bytesRead;
            locateHeader(tableName, headerChoice);
        }

        @Override
        protected boolean date1904() {
            return date1904;
        }

        @Override
        protected SheetRow readRow() {
            while (rows.hasNext()) {
                Row row = rows.next();
                bytesRead.accept(bytesPerRow);
                String[] values = values(row);
                if (values != null) {
                    return new SheetRow(row.getRowNum() + 1, values);
                }
            }
            return null;
        }

        private String[] values(Row row) {
            int last = row.getLastCellNum();
            if (last <= 0) {
                return null;
            }
            if (last > MAX_COLUMNS) {
                throw new UnreadableFileException(fileName + " sheet '" + sheetName + "' has a cell beyond the last column "
                        + "an .xls can hold: the file is damaged.");
            }
            String[] values = new String[last];
            boolean any = false;
            for (int i = 0; i < last; i++) {
                Cell cell = row.getCell(i);
                values[i] = cell == null ? null : text(cell, cell.getCellType());
                any |= values[i] != null && !values[i].isBlank();
            }
            return any ? values : null;
        }

        private String text(Cell cell, CellType type) {
            return switch (type) {
                case STRING -> limited(cell.getStringCellValue(), cell);
                case NUMERIC -> number(cell);
                case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
                case FORMULA -> text(cell, cell.getCachedFormulaResultType());
                case ERROR -> error(cell.getErrorCellValue());
                default -> null;
            };
        }

        private static String error(byte code) {
            try {
                return FormulaError.forInt(code).getString();
            } catch (IllegalArgumentException e) {
                return "#ERROR";
            }
        }

        private String number(Cell cell) {
            double value = cell.getNumericCellValue();
            if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString();
            }
            if (XlsxSheetReader.isPercentFormat(cell.getCellStyle().getDataFormatString())) {
                return XlsxSheetReader.percent(BigDecimal.valueOf(value));
            }
            BigDecimal plain = BigDecimal.valueOf(value).stripTrailingZeros();
            return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
        }

        private String limited(String text, Cell cell) {
            if (text != null && text.length() > XlsxSheetReader.MAX_CELL_CHARS) {
                throw new UnreadableFileException(fileName + " sheet '" + sheetName + "' row " + (cell.getRowIndex() + 1)
                        + " has a cell with more text than Excel allows (" + XlsxSheetReader.MAX_CELL_CHARS
                        + " characters): the file is damaged or not a genuine export.");
            }
            return text;
        }

        @Override
        public void close() {
            // the workbook holds the rows; it is closed with the file
        }
    }
}
