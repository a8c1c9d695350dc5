package org.neglectscorecard.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.xml.sax.SAXException;

/**
 * An .xlsx workbook opened read-only, its sheets streamed row by row (never loaded whole), with
 * deliberate limits against zip bombs that still admit real returns: Annex A workbooks carry
 * large blank formatted ranges that compress far better than POI's default 1% ratio allows.
 */
public final class XlsxWorkbook implements AutoCloseable {

    /**
     * Uncompressed may be up to 500 times compressed. Real workbooks with large blank formatted
     * ranges compress about 30 to 1 (rows numbered one by one do not repeat exactly); plain
     * padding, which is what a zip bomb is, compresses about 1,000 to 1, deflate's limit. POI's own
     * default (100 to 1) is stricter than real returns need.
     */
    public static final double MIN_INFLATE_RATIO = 0.002;
    /** No single part of a return's workbook is larger than this uncompressed. */
    public static final long MAX_ENTRY_SIZE = 1L << 30;
    /** Shared strings and other text parts. */
    public static final long MAX_TEXT_SIZE = 256L << 20;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_SIZE);
    }

    private final String fileName;
    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final Map<String, SheetRef> sheets = new LinkedHashMap<>();

    private record SheetRef(String name, int ordinal) {
    }

    private XlsxWorkbook(Path file) {
        this.fileName = file.getFileName().toString();
        refuseNonXlsx(file);
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new UnreadableFileException(fileName + " is an old-style Excel file (.xls) or is password-protected: "
                    + "remove the password and save it as an Excel Workbook (.xlsx).", e);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new UnreadableFileException(fileName + " is not a readable Excel workbook (it may be damaged): "
                    + "open it in Excel and save it again as .xlsx.", e);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg, false);
            this.styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            int ordinal = 0;
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    sheets.put(it.getSheetName(), new SheetRef(it.getSheetName(), ordinal++));
                }
            }
        } catch (IOException | OpenXML4JException | SAXException e) {
            pkg.revert();
            throw new UnreadableFileException(fileName + " is not a readable Excel workbook (it may be damaged): "
                    + "open it in Excel and save it again as .xlsx.", e);
        } catch (RuntimeException e) {
            pkg.revert();
            throw translate(e);
        }
    }

    public static XlsxWorkbook open(Path file) {
        return new XlsxWorkbook(file);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    /** The sheet whose name matches ignoring case and spaces, if any. */
    public String findSheet(String wanted) {
        String w = org.neglectscorecard.ingest.Values.squash(wanted);
        for (String name : sheets.keySet()) {
            if (org.neglectscorecard.ingest.Values.squash(name).equals(w)) {
                return name;
            }
        }
        return null;
    }

    /** Streams a sheet; the first non-blank row is its header. */
    public XlsxSheetReader sheet(String sheetName, String tableName) {
        return sheet(sheetName, tableName, n -> { });
    }

    /** The same, telling {@code bytesRead} how much of the sheet's (uncompressed) XML has been read. */
    public XlsxSheetReader sheet(String sheetName, String tableName, java.util.function.LongConsumer bytesRead) {
        SheetRef ref = sheets.get(sheetName);
        if (ref == null) {
            throw new IllegalArgumentException("no sheet " + sheetName);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            int ordinal = 0;
            while (it.hasNext()) {
                InputStream in = it.next();
                if (ordinal++ == ref.ordinal()) {
                    return new XlsxSheetReader(fileName, sheetName, tableName, new CountingInputStream(in, bytesRead), strings, styles);
                }
                in.close();
            }
            throw new IllegalStateException("sheet " + sheetName + " vanished");
        } catch (IOException | OpenXML4JException e) {
            throw new UnreadableFileException(fileName + ": sheet '" + sheetName + "' could not be read (the workbook may be damaged).", e);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** The uncompressed size of the named sheets' XML: the work of reading them, for a progress bar. */
    public long sheetBytes(java.util.Collection<String> sheetNames) {
        long total = 0;
        try {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    if (sheetNames.contains(it.getSheetName())) {
                        long size = it.getSheetPart().getSize();
                        total += Math.max(size, 0);
                    }
                }
            }
        } catch (IOException | OpenXML4JException e) {
            return 0;
        }
        return total;
    }

    @Override
    public void close() {
        pkg.revert();
    }

    private void refuseNonXlsx(Path file) {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            FileMagic magic = FileMagic.valueOf(in);
            if (magic == FileMagic.OLE2) {
                try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                    if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                        throw new UnreadableFileException(fileName + " is password-protected, so it cannot be read. "
                                + "Open it, remove the password (File > Info > Protect Workbook), save and run again.");
                    }
                } catch (IOException | RecordFormatException e) {
                    // fall through to the general message
                }
                throw new UnreadableFileException(fileName + " is an old-style Excel file (.xls): open it in Excel and "
                        + "save it as an Excel Workbook (.xlsx).");
            }
            if (magic != FileMagic.OOXML) {
                throw new UnreadableFileException(fileName + " is not an Excel workbook (.xlsx), though it looked like one.");
            }
        } catch (IOException e) {
            throw new UnreadableFileException(fileName + " could not be opened: " + e.getMessage(), e);
        }
    }

    private UnreadableFileException translate(RuntimeException e) {
        if (e instanceof UnreadableFileException u) {
            return u;
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("Zip bomb") || msg.contains("zip bomb") || msg.contains("exceeds the max") || msg.contains("MaxEntrySize")
                || msg.contains("max text size")) {
            return new UnreadableFileException(fileName + " expands to far more data than its size suggests "
                    + "(it looks like a 'zip bomb'), so it was not opened. If it is a genuine export, save it again "
                    + "from Excel after deleting unused rows and columns.", e);
        }
        return new UnreadableFileException(fileName + " could not be read as an Excel workbook: " + msg, e);
    }

    static {
        // Make sure POI's hardened XML factories are initialised before any sheet is parsed.
        DocumentHelper.class.getName();
    }
}
