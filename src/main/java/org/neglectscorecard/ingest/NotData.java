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

    /**
     * What the file is, if it is not data this program could read; else null. Documents and
     * pictures are not used; a file that holds data in a form that cannot be read (a zip of returns,
     * an .xlsb, a web page saved as .xls) is rejected, so it is counted and listed where a person
     * looks for what went wrong.
     *
     * @param rejected what to do with it: rejected (true) or not used (false)
     * @param words    the end of a sentence naming the file
     */
    record Verdict(boolean rejected, String words) {
    }

    static Verdict describe(Path file, FileMagic magic) throws IOException {
        return switch (magic) {
            case PDF -> notUsed("is a PDF document, not a data file: it is not used (keep documents outside the input folder)");
            case HTML -> webPage(file);
            case RTF, MSWRITE, WORD2 -> notUsed("is a word-processor document, not a data file: it is not used");
            case JPEG, PNG, GIF, TIFF, WMF, EMF -> notUsed("is a picture, not a data file: it is not used");
            // "BM" also starts text ("BMI,..."): a bitmap's header has four zero bytes after its size.
            case BMP -> startsWithBitmapHeader(file) ? notUsed("is a picture, not a data file: it is not used") : binary(file);
            case BIFF2, BIFF3, BIFF4 -> rejected("is a workbook in an Excel format older than Excel 97, which cannot be read: "
                    + "open it in Excel and save it as an Excel Workbook (.xlsx)");
            case OOXML -> zipContent(file);
            case OLE2 -> oleContent(file);
            default -> binary(file);
        };
    }

    private static Verdict notUsed(String words) {
        return new Verdict(false, words);
    }

    private static Verdict rejected(String words) {
        return new Verdict(true, words);
    }

    /** HTML, not XML with a DOCTYPE (which POI's check also calls HTML): an html element near the start. */
    private static Verdict webPage(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        if (!start.contains("<html")) {
            return null;
        }
        return rejected("is a web page (HTML), not a workbook, although Excel can open it: some reporting systems export "
                + "tables this way. Open it in Excel and save it as an Excel Workbook (.xlsx), or export it again as CSV");
    }

    private static boolean startsWithBitmapHeader(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(10);
        }
        return head.length == 10 && head[6] == 0 && head[7] == 0 && head[8] == 0 && head[9] == 0;
    }

    /** An Office Open XML file that is not a workbook (Word, PowerPoint), a binary workbook, an OpenDocument file, or a plain zip. */
    private static Verdict zipContent(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        String mimetype = null;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // Only the zip's directory is read here, and OpenDocument's one-line mimetype entry: nothing is unpacked.
            zip.stream().limit(10_000).forEach(e -> names.add(e.getName()));
            java.util.zip.ZipEntry m = zip.getEntry("mimetype");
            if (m != null && m.getSize() >= 0 && m.getSize() < 200) {
                try (InputStream in = zip.getInputStream(m)) {
                    mimetype = new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII).strip();
                }
            }
        } catch (IOException e) {
            return null;   // a damaged zip: the workbook reader says so in its own words
        }
        if (names.contains("xl/workbook.xml") || names.stream().anyMatch(n -> n.startsWith("xl/"))) {
            return names.contains("xl/workbook.bin")
                    ? rejected("is an Excel Binary Workbook (.xlsb), which cannot be read: open it in Excel and save it as an "
                    + "Excel Workbook (.xlsx)")
                    : null;
        }
        if (mimetype != null && mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
            return rejected("is an OpenDocument spreadsheet (.ods), which cannot be read: open it and save it as an Excel "
                    + "Workbook (.xlsx)");
        }
        if (mimetype != null && mimetype.startsWith("application/vnd.oasis.opendocument")) {
            return notUsed("is an OpenDocument document, not a data file: it is not used");
        }
        if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
            return notUsed("is a Word document, not a data file: it is not used");
        }
        if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
            return notUsed("is a PowerPoint presentation, not a data file: it is not used");
        }
        if (!names.contains("[Content_Types].xml")) {
            return rejected("is a zip archive: the program does not look inside archives. Unzip it into the input folder "
                    + "and run again (then move the zip out)");
        }
        return null;
    }

    /** An OLE2 file (the pre-2007 Office container) that is not a workbook: a Word document, a presentation, an Outlook message. */
    private static Verdict oleContent(Path file) {
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
            return notUsed("is a Word document, not a data file: it is not used");
        }
        if (names.contains("PowerPoint Document")) {
            return notUsed("is a PowerPoint presentation, not a data file: it is not used");
        }
        if (names.stream().anyMatch(n -> n.startsWith("__substg1.0_") || n.startsWith("__properties_version1.0"))) {
            return rejected("is an email saved from Outlook: save its attached files into the input folder and run again "
                    + "(then move the email out)");
        }
        return null;
    }

    /**
     * A file that is neither a known document nor text: zero bytes throughout its start. A stray
     * zero byte in a CSV export does not make it binary (the file is read, as before); text in
     * UTF-16, as Excel's "Unicode Text" writes it, starts with its byte-order mark and is text.
     */
    private static Verdict binary(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return null;
        }
        int zeros = 0;
        int zerosAtOdd = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                zeros++;
                zerosAtOdd += i % 2;
            }
        }
        if (zeros * 10 < head.length) {
            return null;
        }
        if (zerosAtOdd * 10 >= head.length / 2 * 9) {
            return rejected("looks like text saved as UTF-16 without the mark that says so, which cannot be read: save it "
                    + "again as CSV UTF-8 (in Excel: Save As, 'CSV UTF-8 (Comma delimited)')");
        }
        return notUsed("is not a text file, a workbook or XML (it holds binary data): it is not used. Returns and tables "
                + "are read from CSV, Excel (.xlsx, .xls) and XML files");
    }
}
