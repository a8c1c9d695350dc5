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
                       Function<TableHeader, String> missing, List<String> known, boolean setAsideAlone) {

        public Part(String name, TableSource source, Map<String, List<String>> aliases, Function<TableHeader, String> missing,
                    List<String> known) {
            this(name, source, aliases, missing, known, false);
        }

        /** A table whose known columns are those its aliases name. */
        public Part(String name, TableSource source, Map<String, List<String>> aliases, Function<TableHeader, String> missing) {
            this(name, source, aliases, missing, List.copyOf(aliases.keySet()));
        }

        /**
         * The same table, set aside alone when it lacks a column it cannot do without, the file's
         * other tables read (one list of an Annex A workbook with a heading renamed), as long as
         * one of them is left: its figures then have no value, where the whole file's went with it.
         */
        public Part aloneIfUnreadable() {
            return new Part(name, source, aliases, missing, known, true);
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
    /** Each column's latest value in this table, for telling a pivot's subtotal ("Neglect Total") from a record. */
    private String[] latest = new String[0];
    /** A pivot table's total rows passed over in this table: how many, and the first (where the note is put). */
    private int totals;
    private SourceRow firstTotal;
    private String firstTotalLabel;
    private final List<Rejection> notes = new ArrayList<>();
    /** Tables set aside alone so far (see {@link Part#aloneIfUnreadable}). */
    private final List<String> setAside = new ArrayList<>();

    @Override
    public List<String> tablesSetAside() {
        return List.copyOf(setAside);
    }
    private final Map<String, TableHeader> headings = new java.util.LinkedHashMap<>();

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

    /** Whether the row being read is the first under its table's headings (a template's example row sits there). */
    public boolean atFirstRow() {
        return rowsInPart == 1;
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
    public Map<String, TableHeader> headingsRead() {
        return Map.copyOf(headings);
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
                totalsNote();
                if (rowsInPart == 0) {
                    notes.add(new Rejection(header.where(), null, null, null, null, parts.get(current).name() + " has its "
                            + "headings but no rows: nothing is counted from it. If it should have rows, export it again."));
                }
                closeTable();
                continue;
            }
            SourceRow row = new SourceRow(header, reader.rowNumber(), values, folderLaCode);
            String total = totalLabel(values);
            if (total != null) {
                if (totals++ == 0) {
                    firstTotal = row;
                    firstTotalLabel = total;
                }
                continue;
            }
            if (rowsInPart > 0 && footer(values)) {
                // Its words (a run date, the name of whoever ran the report) are not shown.
                notes.add(row.problem(null, null, "This row, under the list, is a report's footer (when or by whom the report "
                        + "was run), not a record: it was passed over."));
                continue;
            }
            if (rowsInPart == 0 && guidance(values)) {
                notes.add(row.problem(null, null, "This row, under the headings, is the template's guidance on how to fill "
                        + "each column in (such as DD/MM/YYYY), not a record: it was passed over."));
                continue;
            }
            remember(values);
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

    /**
     * The total row an Excel pivot table adds, or null for any other row: one whose first non-empty
     * cell is exactly "Grand Total" or "Total" (ignoring case and spaces around), or a subtotal,
     * "Neglect Total" where the rows above have "Neglect" in that column. A record is never taken
     * for one: "Totals", "Total 5" or "P1 Total" under no "P1" are read as they are.
     *
     * @return the label to show: the grand total's own, or "subtotal" (a subtotal's label holds
     *         the value it totals, which may be a child's identifier, so it is never shown)
     */
    private String totalLabel(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].isBlank()) {
                continue;
            }
            String v = values[i].strip();
            String lower = v.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("grand total") || lower.equals("total") || TOTAL_WITH_COUNT.matcher(lower).matches()) {
                return v;
            }
            if (lower.endsWith(" total") && i < latest.length && latest[i] != null
                    && lower.equals(latest[i].toLowerCase(java.util.Locale.ROOT) + " total")) {
                return "subtotal";
            }
            return null;
        }
        return null;
    }

    /** A footer a person or report writer adds under a list: "Total: 4", "Grand total = 12", "Total audits: 8", "Count: 8". */
    private static final java.util.regex.Pattern TOTAL_WITH_COUNT = java.util.regex.Pattern.compile(
            "((grand )?total|count)( [a-z][a-z ]{0,40})?\\s*[:=]\\s*\\d[\\d,]*");

    /** How a report writer's footer line begins: "Report run 01/04/2026 09:14 by LCS reporting", "Printed on ...". */
    private static final java.util.regex.Pattern FOOTER = java.util.regex.Pattern.compile(
            "(report (run|produced|generated|created|printed)|run (on|date|by)|printed|generated|produced (on|by)|extracted|"
                    + "exported|data (as at|correct)|page \\d+ of)\\b.*|source:.*");

    /** A row whose only filled cell, its first, is a report's footer: never a record, which fills more than one. */
    private static boolean footer(String[] values) {
        String only = null;
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            if (only != null) {
                return false;
            }
            only = v;
        }
        return only != null && only.equals(values[0]) && FOOTER.matcher(only.strip().toLowerCase(java.util.Locale.ROOT)).matches();
    }

    /** What a template writes under its headings to say how to fill each column in, squashed. */
    private static final java.util.Set<String> GUIDANCE = java.util.Set.of("ddmmyyyy", "ddmmyy", "yyyymmdd", "mmyyyy", "yyyymm", "dropdown",
            "dropdownlist", "selectfromlist", "text", "freetext", "number", "wholenumber", "yn", "yesno", "date", "code");

    /** A row every filled cell of which (two at least) is a template's guidance: "DD/MM/YYYY", "Drop down", "Text". */
    private static boolean guidance(String[] values) {
        int filled = 0;
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            if (!GUIDANCE.contains(org.neglectscorecard.ingest.Values.squash(v))) {
                return false;
            }
            filled++;
        }
        return filled >= 2;
    }

    private void remember(String[] values) {
        if (latest.length < values.length) {
            latest = java.util.Arrays.copyOf(latest, values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                latest[i] = values[i].strip();
            }
        }
    }

    /** The pivot's total rows this table had, said once at its first: they were passed over, not read as records. */
    private void totalsNote() {
        if (totals == 0) {
            return;
        }
        String first = "subtotal".equals(firstTotalLabel) ? "is a subtotal row" : "('" + firstTotalLabel + "') is a total row";
        String more = totals == 1 ? "" : totals == 2 ? ", and 1 more row below it is one too" : ", and " + (totals - 1)
                + " more rows below it are too";
        notes.add(firstTotal.problem(null, null, "This row " + first + " as an Excel pivot table adds" + more + ": "
                + (totals == 1 ? "it adds up the rows above it, so it was" : "they add up the rows above them, so they were")
                + " passed over, not read as " + (totals == 1 ? "a record" : "records") + ". Nothing else in the table is "
                + "affected. (To send the rows alone, turn off the pivot table's totals and subtotals before exporting.)"));
        totals = 0;
        firstTotal = null;
        firstTotalLabel = null;
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
        latest = new String[0];
        totals = 0;
        reader = part.source().open(part.name(), workbook, bytesRead);
        header = reader.header().withAliases(part.aliases());
        headings.put(part.name(), header);
        String missing = part.missing() == null ? null : part.missing().apply(header);
        if (missing != null) {
            closeTable();
            if (part.setAsideAlone() && setAside.size() + 1 < parts.size()) {
                setAside.add(part.name());
                notes.add(new Rejection(header.where(), null, null, null, null, part.source().describe() + " (" + part.name() + ") "
                        + missing.replace(": add it and run again.", "") + ", so " + part.name() + " is not read (the file's "
                        + "other lists are): the figures it gives have no value for the months this file serves. Add the "
                        + "column, or give its heading one of the usual wordings, and run again."));
                return openNext();
            }
            throw new UnreadableFileException(part.source().describe() + " (" + part.name() + ") " + missing);
        }
        String twice = twice(part);
        if (twice != null) {
            closeTable();
            throw new UnreadableFileException(part.source().describe() + " (" + part.name() + ") " + twice);
        }
        misspelt(part);
        return true;
    }

    /**
     * A column the program reads whose heading the table has twice (a heading renamed to another
     * column's by mistake): reading either could count the wrong answers (an audit's "impact"
     * answers read as its "child's voice"), so the file is not read until one is renamed.
     */
    private String twice(Part part) {
        List<String> names = header.names();
        for (String column : part.known()) {
            Integer i = header.indexOf(column).orElse(null);
            if (i == null) {
                continue;
            }
            String squashed = org.neglectscorecard.ingest.TableHeader.key(names.get(i));
            for (int j = 0; j < names.size(); j++) {
                if (j != i && !squashed.isEmpty() && squashed.equals(org.neglectscorecard.ingest.TableHeader.key(names.get(j)))) {
                    return "has two columns headed '" + names.get(i) + "' (columns " + TableHeader.columnLetter(Math.min(i, j))
                            + " and " + TableHeader.columnLetter(Math.max(i, j)) + "): the program cannot tell which one holds "
                            + column + ". Give the other its own heading (or delete it) and run again.";
                }
            }
        }
        return null;
    }

    /**
     * A heading one or two letters off a column the table is known to have, which it lacks
     * ("InitialCatagoryOfAbuse"): under that spelling the column is not read, and the indicators
     * that need it have no value. Said as a note naming both spellings, so the person corrects it.
     */
    private void misspelt(Part part) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String column : part.known()) {
            header.indexOf(column).ifPresent(i -> taken.add(org.neglectscorecard.ingest.TableHeader.key(header.names().get(i))));
        }
        for (String column : part.known()) {
            if (!header.has(column)) {
                header.lookalike(List.of(column), taken).ifPresent(h -> {
                    taken.add(org.neglectscorecard.ingest.TableHeader.key(h));
                    notes.add(new Rejection(header.where(), null, h, null, null, "The heading '" + h + "' looks like a "
                            + "misspelling of '" + column + "': under that spelling the column is not read. Correct the "
                            + "heading and load the file again."));
                });
            }
        }
        if (!part.known().isEmpty()) {
            notRead.put(part.name(), header.names().stream().filter(h -> !h.isBlank()
                    && !taken.contains(org.neglectscorecard.ingest.TableHeader.key(h))).toList());
        }
    }

    /** Of each table's headings, those no column it reads was found under (for tables that know their columns). */
    private final Map<String, List<String>> notRead = new java.util.LinkedHashMap<>();

    @Override
    public Map<String, List<String>> headingsNotRead() {
        return Map.copyOf(notRead);
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
