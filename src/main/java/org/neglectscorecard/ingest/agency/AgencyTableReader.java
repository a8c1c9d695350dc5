package org.neglectscorecard.ingest.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.ingest.table.TableReader;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.ingest.table.XlsxWorkbook;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the multi-agency tables of one file: a CSV file holding one, or a workbook whose sheets
 * hold one or more (a partner may send training and feedback in one workbook). Rows are named
 * by their source's sheet name, whatever the sheet was called. The template's example row,
 * whose first cell starts with "EXAMPLE", is passed over, so a partner who leaves it in does not
 * add a made-up row.
 */
public class AgencyTableReader extends AbstractItemCountingItemStreamItemReader<SourceRow> {

    public static final String EXAMPLE_MARK = "EXAMPLE";

    private final List<Map.Entry<AgencySource, TableSource>> tables;
    private final String folderLaCode;
    private LongConsumer bytesRead = n -> { };
    private XlsxWorkbook workbook;
    private TableReader reader;
    private int current = -1;

    public AgencyTableReader(Map<AgencySource, TableSource> tables, String folderLaCode) {
        this.tables = new ArrayList<>(tables.entrySet());
        this.folderLaCode = folderLaCode;
        setName("agencyTables");
    }

    public void setBytesRead(LongConsumer bytesRead) {
        this.bytesRead = bytesRead;
    }

    @Override
    protected void doOpen() {
        if (tables.get(0).getValue().isSheet()) {
            workbook = XlsxWorkbook.open(tables.get(0).getValue().path());
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
                closeTable();
                continue;
            }
            if (values.length > 0 && values[0] != null
                    && values[0].strip().toUpperCase(java.util.Locale.ROOT).startsWith(EXAMPLE_MARK)) {
                continue;
            }
            SourceRow row = new SourceRow(reader.header(), reader.rowNumber(), values, folderLaCode);
            if (!row.isBlank()) {
                return row;
            }
        }
    }

    private boolean openNext() {
        if (++current >= tables.size()) {
            return false;
        }
        AgencySource source = tables.get(current).getKey();
        TableSource table = tables.get(current).getValue();
        reader = table.open(source.sheet(), workbook, bytesRead);
        var missing = source.missing(reader.header());
        if (!missing.isEmpty()) {
            closeTable();
            throw new UnreadableFileException(table.describe() + " (" + source.title() + ") has no "
                    + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
                    + " column: add it with that heading (see the template sample-data/templates/" + source.templateName()
                    + ") and run again.");
        }
        return true;
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
