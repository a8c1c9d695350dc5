package org.neglectscorecard.ingest.cin;

import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.ingest.table.TableSource;

/**
 * Reads a CIN census return given as tables (INPUTS.md A2): CSV files sitting together in one
 * folder, or the sheets of one workbook. The Header table is read first because it names the LA;
 * a row's own LEA column, where present, names it instead (one table set may hold several LAs).
 */
public class CinCensusTableReader extends TableSetReader {

    private String headerLa;

    public CinCensusTableReader(Map<CinTable, TableSource> tables, String folderLaCode) {
        super(parts(tables), folderLaCode);
        setName("cinCensusTables");
    }

    private static List<Part> parts(Map<CinTable, TableSource> tables) {
        return CinTable.READ_ORDER.stream().filter(tables::containsKey)
                .map(t -> new Part(t.tableName(), tables.get(t), Map.of(), header -> {
                    String missing = t.missingColumn(header);
                    return missing == null ? null
                            : "has no '" + missing + "' column. Add the column with that heading and run again.";
                }))
                .toList();
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
