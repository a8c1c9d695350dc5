package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.COMMENTARY;
import static org.neglectscorecard.store.schema.Tables.DFE_VALUE;
import static org.neglectscorecard.store.schema.Tables.POPULATION_INPUT;
import static org.neglectscorecard.store.schema.Tables.STAT_NEIGHBOUR;
import static org.neglectscorecard.store.schema.Tables.TARGET;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.published.ReferenceRecord;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes reference data rows (DfE files, neighbours, population, targets, commentary) into their tables. */
public class ReferenceWriter implements ItemWriter<ParsedRow<ReferenceRecord>> {

    private final DSLContext dsl;
    private final RejectionLog rejections;
    private final long sourceFileId;

    public ReferenceWriter(DSLContext dsl, RejectionLog rejections, long sourceFileId) {
        this.dsl = dsl;
        this.rejections = rejections;
        this.sourceFileId = sourceFileId;
    }

    @Override
    public void write(Chunk<? extends ParsedRow<ReferenceRecord>> chunk) {
        List<Rejection> leftOut = new ArrayList<>();
        BulkInsert dfe = new BulkInsert(dsl, DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID, DFE_VALUE.FILE_KEY, DFE_VALUE.TIME_PERIOD,
                DFE_VALUE.GEOGRAPHIC_LEVEL, DFE_VALUE.AREA_CODE, DFE_VALUE.OLD_LA_CODE, DFE_VALUE.FILTERS, DFE_VALUE.COLUMN_NAME,
                DFE_VALUE.AMOUNT, DFE_VALUE.SYMBOL, DFE_VALUE.SOURCE_ROW);
        BulkInsert sn = new BulkInsert(dsl, STAT_NEIGHBOUR, STAT_NEIGHBOUR.SOURCE_FILE_ID, STAT_NEIGHBOUR.LA_CODE3,
                STAT_NEIGHBOUR.RANK_NO, STAT_NEIGHBOUR.NEIGHBOUR3, STAT_NEIGHBOUR.SOURCE_ROW);
        BulkInsert pop = new BulkInsert(dsl, POPULATION_INPUT, POPULATION_INPUT.SOURCE_FILE_ID, POPULATION_INPUT.LA_CODE9,
                POPULATION_INPUT.MID_YEAR, POPULATION_INPUT.CHILDREN_0_17, POPULATION_INPUT.SEX, POPULATION_INPUT.SOURCE_ROW);
        BulkInsert targets = new BulkInsert(dsl, TARGET, TARGET.SOURCE_FILE_ID, TARGET.INDICATOR_ID, TARGET.AREA_CODE,
                TARGET.PERIOD_END, TARGET.TARGET_, TARGET.AMBER_TOLERANCE, TARGET.SOURCE_ROW);
        BulkInsert notes = new BulkInsert(dsl, COMMENTARY, COMMENTARY.SOURCE_FILE_ID, COMMENTARY.INDICATOR_ID,
                COMMENTARY.PERIOD_END, COMMENTARY.COMMENTARY_, COMMENTARY.ACTION, COMMENTARY.OWNER, COMMENTARY.SOURCE_ROW);
        int[] sizes = new int[5];
        List<Rejection> said = new ArrayList<>();
        for (ParsedRow<ReferenceRecord> parsed : chunk) {
            leftOut.addAll(parsed.valuesIgnored());
            said.addAll(parsed.notes());
            ReferenceRecord record = parsed.record();
            if (record instanceof ReferenceRecord.DfeRow r) {
                for (ReferenceRecord.Cell c : r.cells()) {
                    dfe.add(sourceFileId, r.fileKey(), r.timePeriod(), r.level(), r.areaCode(), r.oldLaCode(), r.filters(),
                            c.column(), c.value(), c.symbol(), r.sourceRow());
                    sizes[0]++;
                }
            } else if (record instanceof ReferenceRecord.Neighbours r) {
                for (int i = 0; i < r.neighbours().size(); i++) {
                    sn.add(sourceFileId, r.laCode3(), i + 1, r.neighbours().get(i), r.sourceRow());
                    sizes[1]++;
                }
            } else if (record instanceof ReferenceRecord.Population r) {
                pop.add(sourceFileId, r.laCode9(), r.midYear(), r.children(), r.sex(), r.sourceRow());
                sizes[2]++;
            } else if (record instanceof ReferenceRecord.Target r) {
                targets.add(sourceFileId, r.indicatorId(), r.areaCode(), r.periodEnd(), r.target(), r.amberTolerance(), r.sourceRow());
                sizes[3]++;
            } else if (record instanceof ReferenceRecord.Commentary r) {
                notes.add(sourceFileId, r.indicatorId(), r.periodEnd(), r.commentary(), r.action(), r.owner(), r.sourceRow());
                sizes[4]++;
            }
        }
        BulkInsert[] batches = {dfe, sn, pop, targets, notes};
        for (int i = 0; i < batches.length; i++) {
            if (sizes[i] > 0) {
                batches[i].execute();
            }
        }
        rejections.record(sourceFileId, leftOut, RejectionLog.VALUE_LEFT_OUT);
        rejections.record(sourceFileId, said, RejectionLog.NOTE);
    }

}
