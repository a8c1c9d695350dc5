package org.neglectscorecard.ingest.cin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.ingest.table.TableReader;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.ingest.table.XlsxWorkbook;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a CIN census return given as tables (INPUTS.md A2): CSV files sitting together in one
 * folder, or the sheets of one workbook. The Header table is read first because it names the LA;
 * a row's own LEA column, where present, names it instead (one table set may hold several LAs).
 */
public class CinCensusTableReader extends AbstractItemCountingItemStreamItemReader<SourceRow> {

    private final Map<CinTable, TableSource> tables;
    private final String folderLaCode;
    private final List<CinTable> order = new ArrayList<>();

    private XlsxWorkbook workbook;
    private java.util.function.LongConsumer bytesRead = n -> { };
    private int current = -1;
    private TableReader reader;
    private String headerLa;

    public CinCensusTableReader(Map<CinTable, TableSource> tables, String folderLaCode) {
        this.tables = tables;
        this.folderLaCode = folderLaCode;
        for (CinTable t : CinTable.READ_ORDER) {
            if (tables.containsKey(t)) {
                order.add(t);
            }
        }
        setName("cinCensusTables");
    }

    /** Told as the tables are read, for a progress bar. */
    public void setBytesRead(java.util.function.LongConsumer bytesRead) {
        this.bytesRead = bytesRead;
    }

    @Override
    protected void doOpen() {
        TableSource any = tables.values().iterator().next();
        if (any.isSheet()) {
            workbook = XlsxWorkbook.open(any.path());
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

    @Override
    protected SourceRow doRead() {
        while (true) {
            if (reader == null && !openNextTable()) {
                return null;
            }
            String[] values = reader.next();
            if (values == null) {
                closeTable();
                continue;
            }
            TableHeader header = reader.header();
            SourceRow row = new SourceRow(header, reader.rowNumber(), values, null);
            String rowLa = Values.text(row.value("LEA")).orElse(null);
            if (order.get(current) == CinTable.HEADER && rowLa != null) {
                headerLa = rowLa;
            }
            return new SourceRow(header, reader.rowNumber(), values, rowLa != null ? rowLa : headerLa != null ? headerLa : folderLaCode);
        }
    }

    private boolean openNextTable() {
        if (++current >= order.size()) {
            return false;
        }
        CinTable table = order.get(current);
        TableSource source = tables.get(table);
        reader = source.open(table.tableName(), workbook, bytesRead);
        String missing = table.missingColumn(reader.header());
        if (missing != null) {
            closeTable();
            throw new UnreadableFileException(source.describe() + " (the " + table.tableName()
                    + " table) has no '" + missing + "' column. Add the column with that heading and run again.");
        }
        return true;
    }

    private void closeTable() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
