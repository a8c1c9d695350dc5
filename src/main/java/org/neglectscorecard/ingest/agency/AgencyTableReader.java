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

    public static TableSetReader of(Map<AgencySource, TableSource> tables, String folderLaCode) {
        List<TableSetReader.Part> parts = tables.entrySet().stream()
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
        reader.setPassOver(row -> isExample(row.values()));
        return reader;
    }

    static boolean isExample(String[] values) {
        return values.length > 0 && values[0] != null && values[0].strip().toUpperCase(Locale.ROOT).startsWith(EXAMPLE_MARK);
    }
}
