package org.neglectscorecard.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Files people put in the input folder beside the returns that are not data: the strategy as a
 * PDF, board minutes in Word, a screenshot, an email saved from Outlook, a zip of returns, a
 * "spreadsheet" that a reporting system wrote as a web page. Each is told apart by its content
 * (never its name) and said for what it is, with what to do where there is something to do,
 * instead of being read as a table whose heading row matches nothing.
 */
final class NotData {

    private NotData() {
    }

    /** What the file is, as the end of a sentence naming it, if it is not data this program could read; else null. */
    static String describe(Path file, FileMagic magic) throws IOException {
        return switch (magic) {
            case PDF -> "is a PDF document, not a data file: it is not used (keep documents outside the input folder)";
            case HTML -> "is a web page (HTML), not a workbook, although Excel can open it: some reporting systems export "
                    + "tables this way. Open it in Excel and save it as an Excel Workbook (.xlsx), or export it again as CSV";
            case RTF, MSWRITE, WORD2 -> "is a word-processor document, not a data file: it is not used";
            case JPEG, PNG, GIF, TIFF, BMP, WMF, EMF -> "is a picture, not a data file: it is not used";
            case BIFF2, BIFF3, BIFF4 -> "is a workbook in an Excel format older than Excel 97, which cannot be read: open it "
                    + "in Excel and save it as an Excel Workbook (.xlsx)";
            case OOXML -> zipContent(file);
            case OLE2 -> oleContent(file);
            default -> binary(file);
        };
    }

    /** An Office Open XML file that is not a workbook (Word, PowerPoint), a binary workbook, or a plain zip. */
    private static String zipContent(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // Only the zip's directory is read here, nothing is unpacked.
            zip.stream().limit(10_000).forEach(e -> names.add(e.getName()));
        } catch (IOException e) {
            return null;   // a damaged zip: the workbook reader says so in its own words
        }
        if (names.contains("xl/workbook.xml") || names.stream().anyMatch(n -> n.startsWith("xl/"))) {
            return names.contains("xl/workbook.bin")
                    ? "is an Excel Binary Workbook (.xlsb), which cannot be read: open it in Excel and save it as an "
                    + "Excel Workbook (.xlsx)"
                    : null;
        }
        if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
            return "is a Word document, not a data file: it is not used";
        }
        if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
            return "is a PowerPoint presentation, not a data file: it is not used";
        }
        if (!names.contains("[Content_Types].xml")) {
            return "is a zip archive: the program does not look inside archives. Unzip it into the input folder and "
                    + "run again (then move the zip out)";
        }
        return null;
    }

    /** An OLE2 file (the pre-2007 Office container) that is not a workbook: a Word document, a presentation, an Outlook message. */
    private static String oleContent(Path file) {
        Set<String> names = new HashSet<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            fs.getRoot().getEntryNames().forEach(names::add);
        } catch (IOException | RuntimeException e) {
            return null;   // not a readable container: the workbook reader says so in its own words
        }
        if (names.contains("Workbook") || names.contains("Book") || names.contains("EncryptedPackage")
                || names.contains("EncryptionInfo")) {
            return null;
        }
        if (names.contains("WordDocument")) {
            return "is a Word document, not a data file: it is not used";
        }
        if (names.contains("PowerPoint Document")) {
            return "is a PowerPoint presentation, not a data file: it is not used";
        }
        if (names.stream().anyMatch(n -> n.startsWith("__substg1.0_") || n.startsWith("__properties_version1.0"))) {
            return "is an email saved from Outlook: save its attached files into the input folder and run again "
                    + "(then move the email out)";
        }
        return null;
    }

    /**
     * A file that is neither a known document nor text: binary bytes (NUL) near its start. Text in
     * UTF-16, as Excel's "Unicode Text" writes it, starts with its byte-order mark and is text.
     */
    private static String binary(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return null;
        }
        for (byte b : head) {
            if (b == 0) {
                return "is not a text file, a workbook or XML (it holds binary data): it is not used. Returns and "
                        + "tables are read from CSV, Excel (.xlsx, .xls) and XML files";
            }
        }
        return null;
    }
}
