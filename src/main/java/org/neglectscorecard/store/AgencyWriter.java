package org.neglectscorecard.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.agency.AgencyRecord;
import org.neglectscorecard.ingest.agency.AgencySource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes checked multi-agency rows into their source's table (named in AgencySource, defined in
 * sql/schema/), one JDBC batch per table per chunk, within the chunk's transaction.
 */
public class AgencyWriter implements ItemWriter<ParsedRow<AgencyRecord>> {

    private final DSLContext dsl;
    private final ReturnRegistry returns;
    private final RejectionLog rejections;
    private final long sourceFileId;
    private final Map<String, Long> returnIds = new HashMap<>();

    public AgencyWriter(DSLContext dsl, ReturnRegistry returns, RejectionLog rejections, long sourceFileId) {
        this.dsl = dsl;
        this.returns = returns;
        this.rejections = rejections;
        this.sourceFileId = sourceFileId;
    }

    @Override
    public void write(Chunk<? extends ParsedRow<AgencyRecord>> chunk) {
        Map<AgencySource, List<AgencyRecord>> bySource = new LinkedHashMap<>();
        List<Rejection> leftOut = new ArrayList<>();
        List<Rejection> notes = new ArrayList<>();
        for (ParsedRow<AgencyRecord> parsed : chunk) {
            leftOut.addAll(parsed.valuesIgnored());
            notes.addAll(parsed.notes());
            bySource.computeIfAbsent(parsed.record().source(), k -> new ArrayList<>()).add(parsed.record());
        }
        bySource.forEach(this::insert);
        rejections.record(sourceFileId, leftOut, RejectionLog.VALUE_LEFT_OUT);
        rejections.record(sourceFileId, notes, RejectionLog.NOTE);
    }

    private void insert(AgencySource source, List<AgencyRecord> rows) {
        List<String> columns = new ArrayList<>(List.of("return_id", "la_code3"));
        columns.addAll(rows.get(0).values().keySet());
        columns.add("source_row");
        List<Field<Object>> fields = columns.stream().map(c -> field(name(c))).toList();
        Object[] placeholders = new Object[fields.size()];
        BatchBindStep batch = dsl.batch(dsl.insertInto(table(name(source.table())), fields).values(placeholders));
        for (AgencyRecord r : rows) {
            List<Object> values = new ArrayList<>(fields.size());
            values.add(returnId(source, r.laCode3()));
            values.add(r.laCode3());
            values.addAll(r.values().values());
            values.add(r.sourceRow());
            batch.bind(values.toArray());
        }
        batch.execute();
    }

    private long returnId(AgencySource source, String laCode3) {
        return returnIds.computeIfAbsent(source.kind() + "/" + laCode3, k -> returns.returnFor(sourceFileId, source.kind(), laCode3));
    }
}
