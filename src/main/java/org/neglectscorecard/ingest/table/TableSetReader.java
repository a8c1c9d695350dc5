package org.neglectscorecard.ingest.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import org.neglectscorecard.ingest.FileNotes;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the tables of one return in turn (CSV files sitting together, or sheets of one
 * workbook), each under its canonical name with its headings' known variants resolved, as
 * {@link SourceRow}s for a processor. A table lacking a column it cannot do without stops the
 * file with a message naming the column.
 */
public class TableSetReader extends AbstractItemCountingItemStreamItemReader<SourceRow> implements FileNotes {

    /**
     * One table of the set.
     *
     * @param name    the canonical table name rows carry (e.g. "List 7", "Episodes")
     * @param aliases canonical column name to other headings meaning the same
     * @param missing what the table lacks that it cannot do without, in words, or null
     */
    public record Part(String name, TableSource source, Map<String, List<String>> aliases,
                       Function<TableHeader, String> missing, List<String> known) {

        /** A table whose known columns are those its aliases name. */
        public Part(String name, TableSource source, Map<String, List<String>> aliases, Function<TableHeader, String> missing) {
            this(name, source, aliases, missing, List.copyOf(aliases.keySet()));
        }
    }

    private final List<Part> parts;
    private final String folderLaCode;
    private LongConsumer bytesRead = n -> { };
    private Predicate<SourceRow> passOver = row -> false;
    private java.util.function.Function<SourceRow, String> passOverNote = row -> null;
    private Spreadsheet workbook;
    private TableReader reader;
    private TableHeader header;
    private int current = -1;
    private int rowsInPart;
    private final List<Rejection> notes = new ArrayList<>();

    public TableSetReader(List<Part> parts, String folderLaCode) {
        this.parts = List.copyOf(parts);
        this.folderLaCode = folderLaCode;
        setName("tableSet");
    }

    /** A set of tables of one return, read for a kind (its name shows in the job's step context). */
    public static TableSetReader of(String name, List<Part> parts, String folderLaCode, LongConsumer bytesRead) {
        TableSetReader reader = new TableSetReader(parts, folderLaCode);
        reader.setName(name);
        reader.setBytesRead(bytesRead);
        return reader;
    }

    public void setBytesRead(LongConsumer bytesRead) {
        this.bytesRead = bytesRead;
    }

    /**
     * Rows a format leaves out before anything else looks at them, and does not count as read: a
     * template's example row, a DfE file's rows for geographies the program does not use.
     */
    public void setPassOver(Predicate<SourceRow> passOver) {
        this.passOver = passOver;
    }

    /** What to tell the person of a row passed over, or null to say nothing (a DfE file's other geographies). */
    public void setPassOverNote(java.util.function.Function<SourceRow, String> passOverNote) {
        this.passOverNote = passOverNote;
    }

    /** Tables with headings but no rows, each said once. */
    @Override
    public List<Rejection> notes() {
        return List.copyOf(notes);
    }

    @Override
    protected void doOpen() {
        if (!parts.isEmpty() && parts.get(0).source().isSheet()) {
            workbook = Spreadsheet.open(parts.get(0).source().path());
        }
    }

    @Override
    protected SourceRow doRead() {
        while (true) {
            if (reader == null && !openNext()) {
                return null;
            }
            String[] values = reader.next();
            if (values == null) {
                if (rowsInPart == 0) {
                    notes.add(new Rejection(header.where(), null, null, null, null, parts.get(current).name() + " has its "
                            + "headings but no rows: nothing is counted from it. If it should have rows, export it again."));
                }
                closeTable();
                continue;
            }
            SourceRow row = new SourceRow(header, reader.rowNumber(), values, folderLaCode);
            rowsInPart++;
            if (passOver.test(row)) {
                String note = passOverNote.apply(row);
                if (note != null) {
                    notes.add(row.problem(null, null, note));
                }
                continue;
            }
            if (!row.isBlank()) {
                String la = laOf(parts.get(current), row);
                return la == null || la.equals(folderLaCode) ? row : new SourceRow(header, row.rowNumber(), values, la);
            }
        }
    }

    /** The LA the folder the return sits in is named by, or null. */
    protected String folderLaCode() {
        return folderLaCode;
    }

    /**
     * The LA a row belongs to: the folder's, unless a format says otherwise from the row itself
     * (a CIN census table set may name the LA in a Header table or an LEA column).
     */
    protected String laOf(Part part, SourceRow row) {
        return folderLaCode;
    }

    private boolean openNext() {
        if (++current >= parts.size()) {
            return false;
        }
        Part part = parts.get(current);
        rowsInPart = 0;
        reader = part.source().open(part.name(), workbook, bytesRead);
        header = reader.header().withAliases(part.aliases());
        String missing = part.missing() == null ? null : part.missing().apply(header);
        if (missing != null) {
            closeTable();
            throw new UnreadableFileException(part.source().describe() + " (" + part.name() + ") " + missing);
        }
        misspelt(part);
        return true;
    }

    /**
     * A heading one or two letters off a column the table is known to have, which it lacks
     * ("InitialCatagoryOfAbuse"): under that spelling the column is not read, and the indicators
     * that need it have no value. Said as a note naming both spellings, so the person corrects it.
     */
    private void misspelt(Part part) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String column : part.known()) {
            header.indexOf(column).ifPresent(i -> taken.add(org.neglectscorecard.ingest.Values.squash(header.names().get(i))));
        }
        for (String column : part.known()) {
            if (!header.has(column)) {
                header.lookalike(List.of(column), taken).ifPresent(h -> {
                    taken.add(org.neglectscorecard.ingest.Values.squash(h));
                    notes.add(new Rejection(header.where(), null, h, null, null, "The heading '" + h + "' looks like a "
                            + "misspelling of '" + column + "': under that spelling the column is not read. Correct the "
                            + "heading and load the file again."));
                });
            }
        }
    }

    private void closeTable() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    protected void doClose() {
        closeTable();
        if (workbook != null) {
            workbook.close();
            workbook = null;
        }
    }
}
