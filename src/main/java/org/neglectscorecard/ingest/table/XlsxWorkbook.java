package org.neglectscorecard.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
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
public final class XlsxWorkbook implements Spreadsheet {

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
    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<String, SheetRef> sheets = new LinkedHashMap<>();

    private record SheetRef(String name, int ordinal) {
    }

    private XlsxWorkbook(Path file) {
        this.fileName = file.getFileName().toString();
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw corrupt(e);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            this.strings = new SharedStrings(new ReadOnlySharedStringsTable(pkg, false));
            this.styles = reader.getStylesTable();
            try (InputStream workbook = reader.getWorkbookData()) {
                this.date1904 = date1904(workbook);
            }
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            int ordinal = 0;
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    sheets.put(it.getSheetName(), new SheetRef(it.getSheetName(), ordinal++));
                }
            }
        } catch (IOException | OpenXML4JException | SAXException e) {
            pkg.revert();
            throw corrupt(e);
        } catch (RuntimeException e) {
            pkg.revert();
            throw translate(e);
        }
    }

    /**
     * Whether the workbook was saved with Excel's 1904 date system ({@code <workbookPr date1904="1"/>},
     * old Excel for Mac's default): its date cells count days from 1 January 1904, and read as
     * usual every date came out four years and a day early, silently.
     */
    private static boolean date1904(InputStream workbook) throws IOException {
        try {
            javax.xml.stream.XMLStreamReader xml = org.apache.poi.util.XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if ("workbookPr".equals(name)) {
                            String value = xml.getAttributeValue(null, "date1904");
                            return "1".equals(value) || "true".equalsIgnoreCase(value);
                        }
                        if ("sheets".equals(name)) {
                            return false;   // workbookPr comes before the sheets, when there is one
                        }
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Opens an .xlsx; {@link Spreadsheet#open} opens either form. */
    public static XlsxWorkbook open(Path file) {
        if (Spreadsheet.magic(file) != FileMagic.OOXML) {
            Spreadsheet.open(file).close();   // says what it is instead (an .xls, password-protected, not a workbook)
            throw new UnreadableFileException(file.getFileName() + " is not an Excel Workbook (.xlsx).");
        }
        return new XlsxWorkbook(file);
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    /** Streams a sheet whose first non-blank row is its header. */
    public XlsxSheetReader sheet(String sheetName, String tableName) {
        return sheet(sheetName, tableName, HeaderChoice.firstRow(), n -> { });
    }

    /** Streams a sheet, telling {@code bytesRead} how much of its (uncompressed) XML has been read. */
    @Override
    public XlsxSheetReader sheet(String sheetName, String tableName, HeaderChoice headerChoice,
                                 java.util.function.LongConsumer bytesRead) {
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
                    return new XlsxSheetReader(fileName, sheetName, tableName, headerChoice, new CountingInputStream(in, bytesRead),
                            strings, styles, date1904);
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
    @Override
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

    private UnreadableFileException corrupt(Exception e) {
        return new UnreadableFileException(fileName + " is a corrupt Excel workbook: it is not a readable Excel workbook, "
                + "perhaps damaged in copying or cut short. Open it in Excel and save it again as .xlsx, or export it again.", e);
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
        return corrupt(e);
    }

    static {
        // Make sure POI's hardened XML factories are initialised before any sheet is parsed.
        DocumentHelper.class.getName();
    }
}
