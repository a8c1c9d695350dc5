package org.neglectscorecard.store;

import org.jooq.DSLContext;

/** What a kind of return's writer needs of the store: the database, and where returns, files and problems are kept. */
public record StoreAccess(DSLContext dsl, ReturnRegistry returns, SourceFiles files, RejectionLog rejections) {
}
