package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.STATUTORY_RETURN;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One LA's return within one source file. Created on first sight of the LA in the file, in a
 * transaction of its own, so an id handed out is never rolled back with a failed chunk.
 */
@Component
public class ReturnRegistry {

    /** statutory_return.covers for a file covering everything from its earliest date to its as-at date (a log). */
    public static final String COVERS_ALL = "ALL";
    /** statutory_return.covers for an annual return: the 12 months to its as-at date. */
    public static final String COVERS_YEAR = "YEAR";
    /** statutory_return.covers for an Ofsted Annex A: the six months to its as-at date (see WholeFileRules.Dating.SNAPSHOT). */
    public static final String COVERS_SIX_MONTHS = "HALF_YEAR";
    /** The LA code of a return holding the whole partnership's data (a police force's, a shared training log). */
    public static final String PARTNERSHIP_WIDE = org.neglectscorecard.ingest.agency.AgencyRecord.PARTNERSHIP_WIDE;

    private final DSLContext dsl;
    private final TransactionTemplate ownTransaction;

    public ReturnRegistry(DSLContext dsl, PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public long returnFor(long sourceFileId, String sourceKind, String laCode3) {
        Long id = ownTransaction.execute(status -> {
            Long existing = find(sourceFileId, sourceKind, laCode3);
            if (existing != null) {
                return existing;
            }
            return dsl.insertInto(STATUTORY_RETURN, STATUTORY_RETURN.SOURCE_FILE_ID, STATUTORY_RETURN.SOURCE_KIND,
                            STATUTORY_RETURN.LA_CODE3)
                    .values(sourceFileId, sourceKind, laCode3)
                    .returning(STATUTORY_RETURN.RETURN_ID).fetchOne(STATUTORY_RETURN.RETURN_ID);
        });
        return id;
    }

    private Long find(long sourceFileId, String sourceKind, String laCode3) {
        return dsl.select(STATUTORY_RETURN.RETURN_ID).from(STATUTORY_RETURN)
                .where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(sourceFileId).and(STATUTORY_RETURN.SOURCE_KIND.eq(sourceKind))
                        .and(STATUTORY_RETURN.LA_CODE3.eq(laCode3)))
                .fetchOne(STATUTORY_RETURN.RETURN_ID);
    }
}
