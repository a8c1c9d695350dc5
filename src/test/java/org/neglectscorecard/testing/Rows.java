package org.neglectscorecard.testing;

import java.util.ArrayList;
import java.util.List;

import org.neglectscorecard.ingest.SourceRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Every row a reader gives, as the load step reads them: opened, read to the end, closed. */
public final class Rows {

    private Rows() {
    }

    public static List<SourceRow> readAll(ItemStreamReader<SourceRow> reader) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (SourceRow r = reader.read(); r != null; r = reader.read()) {
                rows.add(r);
            }
        } finally {
            reader.close();
        }
        return rows;
    }
}
