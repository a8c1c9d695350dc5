package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.REJECTION;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.jooq.DSLContext;
import org.neglectscorecard.store.schema.tables.records.SourceFileRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The input files the store knows, by checksum: a file seen before is not loaded again, so
 * loading the same file twice changes nothing.
 */
@Component
public class SourceFiles {

    public static final String LOADING = "LOADING";
    public static final String LOADED = "LOADED";
    public static final String REJECTED = "REJECTED";

    private final DSLContext dsl;
    private final TransactionTemplate ownTransaction;
    private final RejectionLog rejections;

    public SourceFiles(DSLContext dsl, PlatformTransactionManager transactionManager, RejectionLog rejections) {
        this.dsl = dsl;
        this.rejections = rejections;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Optional<SourceFileRecord> byChecksum(String checksum) {
        return dsl.selectFrom(SOURCE_FILE).where(SOURCE_FILE.CHECKSUM.eq(checksum)).fetchOptional();
    }

    public SourceFileRecord get(long id) {
        return dsl.selectFrom(SOURCE_FILE).where(SOURCE_FILE.SOURCE_FILE_ID.eq(id)).fetchSingle();
    }

    /** The file's row, created as LOADING if it is new (by whichever of two jobs gets there first). */
    public SourceFileRecord register(String checksum, String format, String displayName, String folderLaCode,
                                     long size, LocalDateTime modifiedAt) {
        dsl.insertInto(SOURCE_FILE, SOURCE_FILE.CHECKSUM, SOURCE_FILE.FORMAT, SOURCE_FILE.DISPLAY_NAME,
                        SOURCE_FILE.FOLDER_LA_CODE, SOURCE_FILE.SIZE_BYTES, SOURCE_FILE.MODIFIED_AT, SOURCE_FILE.STATUS,
                        SOURCE_FILE.READING_VERSION)
                .values(checksum, format, displayName, folderLaCode, size, modifiedAt, LOADING, READING_VERSION)
                .onConflictDoNothing().execute();
        // Loaded (or rejected) by a release that read returns differently: loaded again, in place, as this one reads it.
        dsl.update(SOURCE_FILE).set(SOURCE_FILE.STATUS, LOADING).set(SOURCE_FILE.MESSAGE, (String) null)
                .set(SOURCE_FILE.READING_VERSION, READING_VERSION)
                .where(SOURCE_FILE.CHECKSUM.eq(checksum))
                .and(SOURCE_FILE.STATUS.in(LOADED, REJECTED))
                .and(SOURCE_FILE.READING_VERSION.isNull().or(SOURCE_FILE.READING_VERSION.lt(READING_VERSION)))
                .execute();
        return byChecksum(checksum).orElseThrow();
    }

    /**
     * How this release reads returns. Raise it when a change to reading would change what a file
     * already loaded gives (a value read, a row rejected, a column found): every file loaded with
     * a lower one is loaded again by the next run. 2: end dates' missing headings, words for no
     * date, thousands separators, IDs written NULL (December 2026). 3: rate columns never counts, every
     * sheet of a partner workbook, course titles and survey words, health outcomes and NHS codes,
     * decimal commas, date-times and weekday names, a table set dated by the year its folder names
     * (4 December 2026). 4: of two sheets of one list, the one named as the list; a CIN census XML's modules in
     * any order within a child, a child's episodes across blocks, dates with an offset from UTC (4 December 2026, later).
     * 5: percentage cells as their percent, targets' '90 %' and '1,000', a population file's children by sex, notes of
     * reference rows kept (4 December 2026, evening). 6: Excel's 1904 date system, a cell listing several references, scores
     * written "3/5", wordings with their abbreviation in brackets, a log's unreadable values withholding only their own
     * months (5 December 2026). 7: identifiers in capitals and numbers without leading zeros, so that one written in
     * another case, or opened in a spreadsheet, in another table or year is the same child (6 December 2026).
     */
    public static final int READING_VERSION = 7;

    /**
     * Rejects a whole file. Runs in its own transaction so the verdict survives whatever happens
     * to the chunk that found the problem.
     */
    public void markUnreadable(long id, String message) {
        ownTransaction.executeWithoutResult(status -> reject(id, message));
    }

    /** The same, in the caller's transaction: for a file found unreadable before any of it is loaded. */
    public void reject(long id, String message) {
        dsl.update(SOURCE_FILE).set(SOURCE_FILE.STATUS, REJECTED).set(SOURCE_FILE.MESSAGE, cut(message))
                .where(SOURCE_FILE.SOURCE_FILE_ID.eq(id)).execute();
        dsl.deleteFrom(REJECTION).where(REJECTION.SOURCE_FILE_ID.eq(id)
                .and(REJECTION.OUTCOME.eq(RejectionLog.FILE_REJECTED))).execute();
        rejections.recordFileRejected(id, message);
    }

    /** Records notes about a whole file, in the chunk's transaction (the reader has just read its last row). */
    public void note(long id, java.util.List<org.neglectscorecard.ingest.Rejection> notes) {
        rejections.record(id, notes, RejectionLog.NOTE);
    }

    /**
     * A column the file's headings lack that the indicators need (an end date), in the chunk's
     * transaction: recorded for the file, and for each of its returns once loading is finished
     * ({@link LoadCompletion}), when they are known.
     */
    public void absentColumn(long id, org.neglectscorecard.ingest.WholeFileRules.StoreColumn column,
                             org.neglectscorecard.ingest.Rejection note) {
        var a = org.neglectscorecard.store.schema.Tables.ABSENT_COLUMN;
        dsl.insertInto(a, a.SOURCE_FILE_ID, a.STORE_TABLE, a.STORE_COLUMN, a.FILE_TABLE, a.FILE_COLUMN)
                .values(id, column.table().getName(), column.field().getName(), column.fileTable(), column.fileColumn())
                .execute();
        rejections.record(id, java.util.List.of(note), RejectionLog.NOTE);
    }

    /** Adds a chunk's counts, in the chunk's transaction. */
    public void addCounts(long id, int read, int rejected) {
        dsl.update(SOURCE_FILE).set(SOURCE_FILE.ROWS_READ, SOURCE_FILE.ROWS_READ.plus(read))
                .set(SOURCE_FILE.ROWS_REJECTED, SOURCE_FILE.ROWS_REJECTED.plus(rejected))
                .where(SOURCE_FILE.SOURCE_FILE_ID.eq(id)).execute();
    }

    /**
     * Keeps a return's header (the census's Header table or XML header), in the chunk's
     * transaction, counting the header row as stored by the same statement that stores it.
     */
    public void setHeader(long id, String laCode3, LocalDate referenceDate, java.time.LocalDateTime made) {
        dsl.update(SOURCE_FILE).set(SOURCE_FILE.HEADER_LA_CODE, laCode3)
                .set(SOURCE_FILE.HEADER_REFERENCE_DATE, referenceDate)
                .set(SOURCE_FILE.HEADER_MADE_AT, made)
                .set(SOURCE_FILE.HEADER_ROWS, SOURCE_FILE.HEADER_ROWS.plus(1))
                .where(SOURCE_FILE.SOURCE_FILE_ID.eq(id)).execute();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "\u2026";
    }
}
