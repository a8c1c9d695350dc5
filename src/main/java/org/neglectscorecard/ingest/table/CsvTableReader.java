package org.neglectscorecard.ingest.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.UnreadableFileException;

/**
 * A CSV file as a table: UTF-8 (with or without BOM), Windows-1252 or UTF-16 with its BOM; values
 * separated by commas, semicolons or tabs; first row the header.
 */
public final class CsvTableReader implements TableReader {

    /** More columns than any real return has: a sign of a broken or hostile file. */
    public static final int MAX_COLUMNS = 1_000;

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final TableHeader header;
    private int rowNumber = 1;

    public CsvTableReader(Path file, String tableName, Charset charset) {
        this(file, tableName, charset, n -> { });
    }

    /** @param bytesRead told as the file is read, for a progress bar */
    public CsvTableReader(Path file, String tableName, Charset charset, java.util.function.LongConsumer bytesRead) {
        this(file, tableName, charset, bytesRead, null);
    }

    /** @param shownAs how reports name the file (its path within the input folder) */
    public CsvTableReader(Path file, String tableName, Charset charset, java.util.function.LongConsumer bytesRead,
                          String shownAs) {
        this.fileName = file.getFileName().toString();
        try {
            InputStream in = BOMInputStream.builder().setInputStream(new CountingInputStream(Files.newInputStream(file), bytesRead))
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), SNIFF_CHARS);
            // Blank lines are kept as (blank) records so row numbers stay those a spreadsheet shows.
            this.parser = CSVFormat.DEFAULT.builder().setDelimiter(separator(reader)).setIgnoreSurroundingSpaces(false)
                    .setIgnoreEmptyLines(false).get().parse(reader);
            this.records = parser.iterator();
            CSVRecord first = null;
            while (records.hasNext() && (first == null || allBlank(first.values()))) {
                first = records.next();
            }
            if (first == null || allBlank(first.values())) {
                throw new UnreadableFileException(fileName + " is empty: it has no header row.");
            }
            if (first.size() > MAX_COLUMNS) {
                throw new UnreadableFileException(fileName + " has " + first.size()
                        + " columns in its header row; no return has more than " + MAX_COLUMNS
                        + ". Check it is a CSV export of the right table.");
            }
            List<String> names = new ArrayList<>(first.size());
            first.forEach(names::add);
            this.header = new TableHeader(tableName, names, false, shownAs);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /** How much of the file's start is looked at for its separator: any real heading row fits. */
    private static final int SNIFF_CHARS = 64 * 1024;

    /**
     * The character between values: whichever of comma, semicolon (Excel's "CSV" in many European
     * settings) and tab (Excel's "Text" and "Unicode Text", and many systems' exports) the heading
     * row has most of, outside quotes; a comma where none. Excel's own first line "sep=;" says it outright, and is passed over
     * as Excel does, so row numbers stay those Excel shows.
     */
    static char separator(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_CHARS);
        char[] head = new char[SNIFF_CHARS];
        int n = reader.read(head, 0, head.length);
        reader.reset();
        if (n <= 0) {
            return ',';
        }
        String start = new String(head, 0, n);
        int end = start.indexOf('\n');
        // Only the line end is trimmed: "sep=" may be followed by a tab.
        String first = (end < 0 ? start : start.substring(0, end)).replace("\r", "");
        if (first.length() == 5 && first.regionMatches(true, 0, "sep=", 0, 4)) {
            reader.skip(end < 0 ? n : end + 1);
            return first.charAt(4);
        }
        // The first line with anything on it: blank lines above the headings are allowed.
        String line = start.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        // The most frequent, commas winning ties: a heading may hold a stray comma ("Of which, with ...").
        if (commas >= semicolons && commas >= tabs) {
            return ',';
        }
        return tabs >= semicolons ? '\t' : ';';
    }

    @Override
    public TableHeader header() {
        return header;
    }

    @Override
    public String[] next() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rowNumber = (int) record.getRecordNumber();
                if (record.size() > MAX_COLUMNS) {
                    throw new UnreadableFileException(fileName + " row " + rowNumber + " has " + record.size()
                            + " values; a return has at most " + MAX_COLUMNS + " columns. The file is damaged.");
                }
                String[] values = record.values();
                if (!allBlank(values)) {
                    return values;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public int rowNumber() {
        return rowNumber;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing was written: closing a reader cannot lose data
        }
    }

    private UnreadableFileException unreadable(Exception e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (detail.contains("EOF reached before encapsulated token finished") || detail.contains("encapsulated")) {
            return new UnreadableFileException(fileName + " has a quotation mark that is opened but never closed (near row "
                    + (rowNumber + 1) + "), so its rows cannot be told apart. Re-export the file as CSV from the source system.", e);
        }
        return new UnreadableFileException(fileName + " could not be read as CSV: " + detail, e);
    }

    private static boolean allBlank(String[] values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
