package org.neglectscorecard.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.neglectscorecard.ingest.UnreadableFileException;

/**
 * A workbook whose sheets are read as tables: an .xlsx (streamed, with zip-bomb limits) or an old
 * .xls (POI's HSSF, with size limits of its own). Which one a file is, is decided by its first
 * bytes (POI's {@link FileMagic}), never by its name.
 */
public interface Spreadsheet extends AutoCloseable {

    /** Opens a workbook of either form, or says in plain words why it cannot be read. */
    static Spreadsheet open(Path file) {
        return switch (magic(file)) {
            case OOXML -> XlsxWorkbook.open(file);
            case OLE2 -> encrypted(file) ? passwordProtected(file) : XlsWorkbook.open(file);
            default -> throw new UnreadableFileException(file.getFileName() + " is not an Excel workbook, though it looked like one.");
        };
    }

    /** What a file's first bytes say it is. */
    static FileMagic magic(Path file) {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            return FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new UnreadableFileException(file.getFileName() + " could not be opened: " + e.getMessage(), e);
        }
    }

    /** An .xlsx saved with a password is an OLE2 container holding the encrypted package. */
    private static boolean encrypted(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;   // not a readable OLE2 container: the .xls reader says so in its own words
        }
    }

    private static Spreadsheet passwordProtected(Path file) {
        throw new UnreadableFileException(file.getFileName() + " is password-protected, so it cannot be read. "
                + "Open it, remove the password (File > Info > Protect Workbook), save and run again.");
    }

    String fileName();

    List<String> sheetNames();

    /**
     * Reads a sheet as a table whose headings are on the row {@code headerChoice} picks; rows
     * above it are passed over. {@code bytesRead} hears how much of the sheet has been read.
     */
    SheetTableReader sheet(String sheetName, String tableName, HeaderChoice headerChoice, LongConsumer bytesRead);

    /** The work of reading the named sheets, in bytes, for a progress bar. */
    long sheetBytes(Collection<String> sheetNames);

    @Override
    void close();

    /** A sheet being read: a table that also says which row its headings were on. */
    interface SheetTableReader extends TableReader {
        int headerRow();
    }
}
