package org.neglectscorecard.ingest.cin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.ingest.table.Spreadsheet;
import org.neglectscorecard.ingest.table.TableReader;
import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.ingest.table.TableSource;

/**
 * Reads a CIN census return given as tables (INPUTS.md A2): CSV files sitting together in one
 * folder, or the sheets of one workbook. The Header table is read first because it names the LA;
 * a row's own LEA column, where present, names it instead (one table set may hold several LAs).
 * <p>
 * Data to Insight's CIN validator writes the census as tables with each child's disabilities in a
 * Disabilities table of their own (one row per code) and only the ethnicity in
 * ChildCharacteristics: those codes are folded into the child's ChildCharacteristics row as it is
 * read, so the tables give what the XML gives.
 */
public class CinCensusTableReader extends TableSetReader {

    private final TableSource disabilitiesTable;
    private java.util.function.LongConsumer bytes = n -> { };
    private String headerLa;
    /** Disability codes by LEA (as the row gives it, else "") and child, in the order first seen. */
    private Map<String, Disabled> disabilities;
    private final Map<TableHeader, TableHeader> withDisabilities = new HashMap<>();
    private final Deque<SourceRow> pending = new ArrayDeque<>();
    private boolean characteristicsDone;

    /** A child's codes in the Disabilities table, and the row they were first given on. */
    private record Disabled(String lea, String childId, int row, List<String> codes) {
    }

    public CinCensusTableReader(Map<CinTable, TableSource> tables, String folderLaCode) {
        super(parts(tables), folderLaCode);
        this.disabilitiesTable = tables.get(CinTable.DISABILITIES);
        setName("cinCensusTables");
    }

    @Override
    public void setBytesRead(java.util.function.LongConsumer bytesRead) {
        super.setBytesRead(bytesRead);
        this.bytes = bytesRead;
    }

    private static List<Part> parts(Map<CinTable, TableSource> tables) {
        return CinTable.READ_ORDER.stream().filter(tables::containsKey)
                .map(t -> new Part(t.tableName(), tables.get(t), Map.of(), header -> {
                    String missing = t.missingColumn(header);
                    return missing == null ? null
                            : "has no '" + missing + "' column. Add the column with that heading and run again.";
                }, t.columns()))
                .toList();
    }

    @Override
    protected void doOpen() {
        super.doOpen();
        pending.clear();
        characteristicsDone = false;
        disabilities = disabilitiesTable == null ? null : readDisabilities();
    }

    @Override
    protected SourceRow doRead() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        SourceRow row = super.doRead();
        if (disabilities == null || characteristicsDone) {
            return row;
        }
        if (row != null && CinTable.CHILD_CHARACTERISTICS.tableName().equals(row.table())) {
            return withDisabilities(row);
        }
        if (row == null || !CinTable.HEADER.tableName().equals(row.table())
                && !CinTable.CHILD_IDENTIFIERS.tableName().equals(row.table())) {
            // ChildCharacteristics is over (or absent): children with disabilities but no characteristics row get one.
            characteristicsDone = true;
            pending.addAll(leftovers());
            if (row != null) {
                pending.add(row);
            }
            return pending.poll();
        }
        return row;
    }

    private SourceRow withDisabilities(SourceRow row) {
        String id = childId(row);
        Disabled d = id == null ? null : disabilities.remove(key(row.value("LEA"), id));
        if (d == null || !Values.isBlank(row.value("Disabilities"))) {
            return row;
        }
        TableHeader header = withDisabilities.computeIfAbsent(row.header(),
                h -> h.has("Disabilities") ? h : h.plus("Disabilities"));
        int at = header.indexOf("Disabilities").orElseThrow();
        String[] values = java.util.Arrays.copyOf(row.values(), Math.max(row.values().length, at + 1));
        values[at] = String.join(",", d.codes());
        return new SourceRow(header, row.rowNumber(), values, row.laCode());
    }

    /** Children the Disabilities table names who had no ChildCharacteristics row: one each, located in Disabilities. */
    private List<SourceRow> leftovers() {
        List<SourceRow> out = new ArrayList<>();
        TableHeader header = CinTable.CHILD_CHARACTERISTICS.canonicalHeader().at(disabilitiesTable.isSheet()
                ? disabilitiesTable.sheet() : disabilitiesTable.describe());
        for (Disabled d : disabilities.values()) {
            String[] values = {d.childId(), null, String.join(",", d.codes()), d.lea()};
            String la = d.lea() != null ? d.lea() : headerLa != null ? headerLa : folderLaCode();
            out.add(new SourceRow(header, d.row(), values, la));
        }
        disabilities.clear();
        return out;
    }

    private Map<String, Disabled> readDisabilities() {
        Map<String, Disabled> out = new LinkedHashMap<>();
        try (Spreadsheet wb = disabilitiesTable.isSheet() ? Spreadsheet.open(disabilitiesTable.path()) : null;
             TableReader r = disabilitiesTable.open(CinTable.DISABILITIES.tableName(), wb, bytes)) {
            TableHeader h = r.header();
            String[] values;
            while ((values = r.next()) != null) {
                SourceRow row = new SourceRow(h, r.rowNumber(), values, null);
                String id = childId(row);
                String code = Values.text(row.value("Disability")).orElse(null);
                if (id == null || code == null) {
                    continue;   // a row naming no child or no code says nothing about anyone
                }
                String lea = Values.text(row.value("LEA")).orElse(null);
                out.computeIfAbsent(key(lea, id), k -> new Disabled(lea, id, row.rowNumber(), new ArrayList<>())).codes().add(code);
            }
        }
        return out;
    }

    /** The child's identifier as the processor reads it ("1234.0" is 1234), or null if there is none to read. */
    private static String childId(SourceRow row) {
        try {
            return Values.identifier(row.value("LAchildID")).orElse(null);
        } catch (Values.BadValue e) {
            return null;   // the processor rejects such a row, saying why
        }
    }

    private static String key(String lea, String childId) {
        return Values.text(lea).orElse("") + "\u0000" + childId;
    }

    @Override
    protected String laOf(Part part, SourceRow row) {
        String rowLa = Values.text(row.value("LEA")).orElse(null);
        if (part.name().equals(CinTable.HEADER.tableName()) && rowLa != null) {
            headerLa = rowLa;
        }
        return rowLa != null ? rowLa : headerLa != null ? headerLa : super.laOf(part, row);
    }
}
