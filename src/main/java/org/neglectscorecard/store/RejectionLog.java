package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.REJECTION;

import java.util.List;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.neglectscorecard.ingest.Rejection;
import org.springframework.stereotype.Component;

/** Records problems found in input files, in the transaction of whoever found them. */
@Component
public class RejectionLog {

    public static final String FILE_REJECTED = "file rejected";
    public static final String ROW_REJECTED = "row rejected";
    public static final String VALUE_LEFT_OUT = "value left out";
    public static final String NOTE = "note";

    private final DSLContext dsl;

    public RejectionLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void record(long sourceFileId, List<Rejection> problems, String outcome) {
        record(sourceFileId, problems, outcome, null);
    }

    /** The same, with where a rejected row of monthly counts was for (null: not such a row, or not known). */
    public void record(long sourceFileId, List<Rejection> problems, String outcome,
                       org.neglectscorecard.ingest.RowRejectedException.Place place) {
        if (problems.isEmpty()) {
            return;
        }
        BatchBindStep batch = dsl.batch(dsl.insertInto(REJECTION, REJECTION.SOURCE_FILE_ID, REJECTION.SHEET,
                REJECTION.ROW_NUMBER, REJECTION.COLUMN_NAME, REJECTION.COLUMN_LETTER, REJECTION.VALUE_SHOWN,
                REJECTION.REASON, REJECTION.OUTCOME, REJECTION.ROW_MONTH, REJECTION.ROW_LA_CODE3, REJECTION.ROW_TABLE)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null));
        for (Rejection r : problems) {
            batch.bind(sourceFileId, cut(r.sheet(), 100), r.rowNumber(), cut(r.column(), 100), cut(r.columnLetter(), 4),
                    cut(r.valueShown(), 200), cut(r.reason(), 1000), outcome, place == null ? null : place.month(),
                    place == null ? null : place.laCode3(), place == null ? null : place.table());
        }
        batch.execute();
    }

    public void recordFileRejected(long sourceFileId, String reason) {
        record(sourceFileId, List.of(Rejection.ofFile(reason)), FILE_REJECTED);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
