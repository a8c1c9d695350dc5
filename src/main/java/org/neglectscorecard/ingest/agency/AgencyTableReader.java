package org.neglectscorecard.ingest.agency;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.ingest.table.TableSource;

/**
 * Reads the multi-agency tables of one file: a CSV file holding one, or a workbook whose sheets
 * hold one or more (a partner may send training and feedback in one workbook). Rows are named
 * by their source's sheet name, whatever the sheet was called. The template's example row,
 * whose first cell starts with "EXAMPLE", is passed over, so a partner who leaves it in does not
 * add a made-up row.
 */
public final class AgencyTableReader {

    public static final String EXAMPLE_MARK = "EXAMPLE";

    private AgencyTableReader() {
    }

    /** @param tables each sheet (or the CSV file) and the source it holds; a source may be in several sheets */
    public static TableSetReader of(List<Map.Entry<AgencySource, TableSource>> tables, String folderLaCode) {
        List<TableSetReader.Part> parts = tables.stream()
                .map(e -> new TableSetReader.Part(e.getKey().sheet(), e.getValue(), e.getKey().aliases(), header -> {
                    List<String> missing = e.getKey().missingSaid(header);
                    boolean misspelt = missing.stream().anyMatch(m -> m.contains("misspelling"));
                    return missing.isEmpty() ? null : "has no " + String.join(", ", missing) + ": "
                            + (misspelt ? "correct the heading's spelling, or add " : "add ")
                            + (missing.size() == 1 ? "the column with that heading" : "the columns with those headings")
                            + " (see the template sample-data/templates/"
                            + e.getKey().templateName() + ") and run again.";
                }))
                .toList();
        TableSetReader reader = new TableSetReader(parts, folderLaCode);
        reader.setName("agencyTables");
        // A source of counts alone (police, health by month): only the first row can be the template's example, since further
        // down a month's real counts may equal its figures by chance. Elsewhere its made-up reference can be no one's.
        reader.setPassOver(row -> isExample(row.values()) || (reader.atFirstRow() || hasReference(row)) && isTemplatesExample(row));
        reader.setPassOverNote(row -> isExample(row.values()) ? null : "This row is the template's example row with its "
                + "EXAMPLE mark taken out (every value as the template gives it): it is not counted. Delete the row.");
        return reader;
    }

    /**
     * The template's example row with its EXAMPLE mark deleted but its values left: every column
     * the template gives an example for holds that example. Counted, it is a made-up practitioner,
     * audit or family.
     */
    static boolean isTemplatesExample(org.neglectscorecard.ingest.SourceRow row) {
        AgencySource source;
        try {
            source = AgencySource.bySheet(row.table());
        } catch (IllegalArgumentException e) {
            return false;
        }
        int compared = 0;
        for (AgencyColumn c : source.columns()) {
            if (c.example() == null || c.example().isBlank()) {
                continue;
            }
            String v = row.value(c.heading());
            if (v == null || !sameValue(v, c.example())) {
                return false;
            }
            compared++;
        }
        return compared >= 3;
    }

    private static boolean hasReference(org.neglectscorecard.ingest.SourceRow row) {
        try {
            return AgencySource.bySheet(row.table()).columns().stream().anyMatch(c -> c.type() == AgencyColumn.Type.REFERENCE
                    || c.type() == AgencyColumn.Type.TEXT && c.required());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The same value as written by hand or as a spreadsheet gives it back ("4" and "4.0", a date cell and its ISO text). */
    private static boolean sameValue(String value, String example) {
        String a = org.neglectscorecard.ingest.Values.squash(value.strip().replaceFirst("\\.0+$", ""));
        String b = org.neglectscorecard.ingest.Values.squash(example.strip().replaceFirst("\\.0+$", ""));
        if (a.equals(b)) {
            return true;
        }
        try {
            return org.neglectscorecard.ingest.Values.date(value).equals(org.neglectscorecard.ingest.Values.date(example));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isExample(String[] values) {
        return values.length > 0 && values[0] != null && values[0].strip().toUpperCase(Locale.ROOT).startsWith(EXAMPLE_MARK);
    }
}
