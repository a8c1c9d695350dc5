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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.neglectscorecard.ingest.UnreadableFileException;

/**
 * A CSV file as a table: UTF-8 (with or without BOM), Windows-1252 or UTF-16 with its BOM; values
 * separated by commas, semicolons or tabs. Its heading row is found as a sheet's is ({@link SheetTable}):
 * a report's title, run date or filter lines above the headings (as case-management systems and
 * Excel write them) are passed over, and rows are numbered as the file's records (a spreadsheet's rows).
 */
public final class CsvTableReader extends SheetTable {

    /** More columns than any real return has: a sign of a broken or hostile file. */
    public static final int MAX_COLUMNS = 1_000;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** The number of the record read last, for saying where a broken quotation is. */
    private int lastRecord;
    private boolean anyRow;
    /**
     * Whether values are separated by semicolons: the "CSV" of Excel set to a European language,
     * which also writes decimals with a comma ("35,6") and thousands with a point. There, a
     * number with a comma is a decimal and is read as one ("12,345" is 12.345, never 12345).
     */
    private boolean decimalCommas;

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
        this(file, tableName, charset, bytesRead, shownAs, HeaderChoice.firstRow());
    }

    /** @param headerChoice which of the file's first non-blank rows holds its headings (as for a sheet) */
    public CsvTableReader(Path file, String tableName, Charset charset, java.util.function.LongConsumer bytesRead,
                          String shownAs, HeaderChoice headerChoice) {
        super(file.getFileName().toString(), null, false, shownAs);
        CSVParser opened = null;
        try {
            InputStream in = BOMInputStream.builder().setInputStream(new CountingInputStream(Files.newInputStream(file), bytesRead))
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), SNIFF_CHARS);
            // Blank lines are kept as (blank) records so row numbers stay those a spreadsheet shows.
            char separator = separator(reader);
            decimalCommas = separator == ';';
            opened = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(false)
                    .setIgnoreEmptyLines(false).get().parse(reader);
            this.parser = opened;
            this.records = parser.iterator();
            locateHeader(tableName, headerChoice);
            if (header().size() == 0 || header().names().stream().allMatch(String::isBlank)) {
                throw new UnreadableFileException(fileName + " is empty: it has no header row.");
            }
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(opened);
            throw unreadable(e);
        } catch (RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    /** How much of the file's start is looked at for its separator: any real heading row fits. */
    private static final int SNIFF_CHARS = 64 * 1024;

    /**
     * The character between values: whichever of comma, semicolon (Excel's "CSV" in many European
     * settings) and tab (Excel's "Text" and "Unicode Text", and many systems' exports) the lines at
     * the file's start agree on, outside quotes. The one the first line has most of (commas winning
     * ties: a heading may hold a stray comma, "Of which, with ..."), where the lines under it agree
     * on it and have as many of it: a plain file's heading row. Else the first line is a title ("Training, all
     * agencies, 2025" over a semicolon table), and the lines decide: the one the most of them have
     * the same number of (the heading row and the rows under it), then the one they have more of;
     * a comma where none.
     * Excel's own first line "sep=;" says it outright, and is passed over as Excel does, so row
     * numbers stay those Excel shows.
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
        List<int[]> lines = delimitersPerLine(start, n == SNIFF_CHARS);
        if (lines.isEmpty()) {
            return ',';
        }
        // The first line's own, where the lines under it agree on it, as many a line: a plain file's heading row.
        int own = mostOf(lines.get(0));
        if (lines.size() > 1 && lines.get(0)[own] > 0) {
            List<int[]> under = lines.subList(1, lines.size());
            if (agreedMost(under) == own && agreed(under, own)[1] == lines.get(0)[own]) {
                return CANDIDATES[own];
            }
        }
        // Else the first line is a title (or the file's only line): the one the most lines agree on.
        return CANDIDATES[agreedMost(lines)];
    }

    /** The candidate the most lines have the same number of, then the one they have more of, then the first in order. */
    private static int agreedMost(List<int[]> lines) {
        int best = 0;
        int[] bestAgreed = agreed(lines, 0);
        for (int c = 1; c < CANDIDATES.length; c++) {
            int[] a = agreed(lines, c);
            if (a[0] > bestAgreed[0] || a[0] == bestAgreed[0] && a[1] > bestAgreed[1]) {
                best = c;
                bestAgreed = a;
            }
        }
        return best;
    }

    /** Comma, tab and semicolon, in the order they win ties. */
    private static final char[] CANDIDATES = {',', '\t', ';'};

    /** Which candidate a line has most of, commas winning ties, then tabs. */
    private static int mostOf(int[] line) {
        int most = 0;
        for (int c = 1; c < CANDIDATES.length; c++) {
            most = line[c] > line[most] ? c : most;
        }
        return most;
    }

    /**
     * How many lines have the same number of a candidate (the number most of them have, the larger
     * where as many have another), and that number: {0, 0} where no line has it.
     */
    private static int[] agreed(List<int[]> lines, int candidate) {
        Map<Integer, Integer> lineCounts = new HashMap<>();
        for (int[] line : lines) {
            if (line[candidate] > 0) {
                lineCounts.merge(line[candidate], 1, Integer::sum);
            }
        }
        int[] out = {0, 0};
        lineCounts.forEach((count, agreeing) -> {
            if (agreeing > out[0] || agreeing == out[0] && count > out[1]) {
                out[0] = agreeing;
                out[1] = count;
            }
        });
        return out;
    }

    /** How many lines at the start are looked at for the separator: the title lines, the headings and rows under them. */
    private static final int SNIFF_LINES = 2 * HeaderChoice.LOOK_AHEAD;

    /**
     * For each non-blank record at the start of a file, how many commas, tabs and semicolons it
     * has outside quotes (a quote opens a quoted value only at a value's start, as CSV has it, so
     * a stray one in a title is text). A last record cut short by the look-ahead is left out.
     */
    private static List<int[]> delimitersPerLine(String start, boolean cutShort) {
        List<int[]> lines = new ArrayList<>();
        int[] counts = new int[3];
        boolean quoted = false;
        boolean filled = false;
        char previous = '\n';
        for (int i = 0; i < start.length() && lines.size() < SNIFF_LINES; i++) {
            char ch = start.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < start.length() && start.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
                previous = ch;
                continue;
            }
            switch (ch) {
                case '"' -> quoted = previous == '\n' || previous == ',' || previous == ';' || previous == '\t';
                case ',' -> counts[0]++;
                case '\t' -> counts[1]++;
                case ';' -> counts[2]++;
                case '\n' -> {
                    if (filled) {
                        lines.add(counts);
                    }
                    counts = new int[3];
                    filled = false;
                }
                default -> { }
            }
            filled |= !Character.isWhitespace(ch);
            previous = ch == '\r' ? previous : ch;
        }
        if (filled && !cutShort && lines.size() < SNIFF_LINES) {
            lines.add(counts);
        }
        return lines;
    }

    @Override
    protected SheetRow readRow() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                lastRecord = (int) record.getRecordNumber();
                if (record.size() > MAX_COLUMNS) {
                    throw new UnreadableFileException(anyRow
                            ? fileName + " row " + lastRecord + " has " + record.size() + " values; a return has at most "
                                    + MAX_COLUMNS + " columns. The file is damaged."
                            : fileName + " has " + record.size() + " columns in its header row; no return has more than "
                                    + MAX_COLUMNS + ". Check it is a CSV export of the right table.");
                }
                String[] values = record.values();
                if (decimalCommas) {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] != null && DECIMAL_COMMA.matcher(values[i]).matches()) {
                            values[i] = values[i].replace(',', '.');
                        }
                    }
                }
                if (!allBlank(values)) {
                    anyRow = true;
                    return new SheetRow(lastRecord, values);
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static void closeQuietly(CSVParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // nothing was written: closing a reader cannot lose data
        }
    }

    private UnreadableFileException unreadable(Exception e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (detail.contains("EOF reached before encapsulated token finished") || detail.contains("encapsulated")) {
            return new UnreadableFileException(fileName + " has a quotation mark that is opened but never closed (near row "
                    + (lastRecord + 1) + "), so its rows cannot be told apart. Re-export the file as CSV from the source system.", e);
        }
        return new UnreadableFileException(fileName + " could not be read as CSV: " + detail, e);
    }

    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("\\s*-?\\d+,\\d+\\s*");

    private static boolean allBlank(String[] values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
