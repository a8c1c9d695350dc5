package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.neglectscorecard.store.schema.Tables.DFE_VALUE;
import static org.neglectscorecard.store.schema.Tables.REJECTION;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.nio.file.Path;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.testing.TestApp;

/**
 * What an earlier, stopped attempt left of a file still loading is removed before it is read
 * again, whichever table it is in: here a DfE published file's values, which are kept by file
 * (no return), so a first chunk in flight at a kill leaves rows and no other trace. A file already
 * loaded is never touched.
 */
class StartOverTest {

    @TempDir
    Path dir;

    static final java.util.function.Predicate<String> NOBODY = job -> false;

    @Test
    void whatAStoppedAttemptLeftOfAFileIsRemovedAndALoadedFileKept() {
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            SourceFiles files = app.bean(SourceFiles.class);
            LoadCompletion completion = app.bean(LoadCompletion.class);
            long loading = files.register("checksum-loading", "REFERENCE", "cla.csv", null, 10, LocalDateTime.now()).getSourceFileId();
            long loaded = files.register("checksum-loaded", "REFERENCE", "cin.csv", null, 10, LocalDateTime.now()).getSourceFileId();
            for (long id : new long[] {loading, loaded}) {
                dsl.insertInto(DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID, DFE_VALUE.FILE_KEY, DFE_VALUE.TIME_PERIOD, DFE_VALUE.GEOGRAPHIC_LEVEL,
                        DFE_VALUE.FILTERS, DFE_VALUE.COLUMN_NAME, DFE_VALUE.AMOUNT, DFE_VALUE.SOURCE_ROW)
                        .values(id, "cla", 2025, "National", "", "number", java.math.BigDecimal.TEN, 2).execute();
            }
            dsl.update(SOURCE_FILE).set(SOURCE_FILE.STATUS, SourceFiles.LOADED).where(SOURCE_FILE.SOURCE_FILE_ID.eq(loaded)).execute();

            assertThat(completion.startOver(loading, "monthly", NOBODY)).as("a file still loading is read").isTrue();
            assertThat(completion.startOver(loaded, "monthly", NOBODY)).as("a file another run finished is not").isFalse();

            assertThat(dsl.fetchCount(DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID.eq(loading))).isZero();
            assertThat(dsl.fetchCount(DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID.eq(loaded))).isEqualTo(1);

            // Counts and rejections an earlier attempt recorded go too: the file is counted once, as read this time.
            files.addCounts(loading, 1000, 3);
            dsl.insertInto(REJECTION, REJECTION.SOURCE_FILE_ID, REJECTION.REASON, REJECTION.OUTCOME)
                    .values(loading, "from the attempt that stopped", RejectionLog.NOTE).execute();
            files.setHeader(loading, "822", java.time.LocalDate.of(2025, 3, 31), LocalDateTime.of(2025, 5, 20, 14, 0));
            completion.startOver(loading, "monthly", NOBODY);
            assertThat(dsl.fetchValue(dsl.select(SOURCE_FILE.ROWS_READ.concat("/").concat(SOURCE_FILE.ROWS_REJECTED).concat("/")
                    .concat(SOURCE_FILE.HEADER_ROWS).concat("/").concat(DSL.coalesce(SOURCE_FILE.HEADER_LA_CODE, "-")))
                    .from(SOURCE_FILE).where(SOURCE_FILE.SOURCE_FILE_ID.eq(loading)))).isEqualTo("0/0/0/-");
            assertThat(dsl.fetchCount(REJECTION, REJECTION.SOURCE_FILE_ID.eq(loading))).isZero();
            assertThat(dsl.fetchValue(SOURCE_FILE.HEADER_MADE_AT, SOURCE_FILE.SOURCE_FILE_ID.eq(loading))).isNull();
        }
    }

    /**
     * Two partnerships' jobs on one database read the same DfE file (one row for both): while the
     * run that is loading it goes on, the other run does not remove what it stored, and stops
     * saying why; once that run is no longer going on (killed), the file is taken over.
     */
    @Test
    void whatAnotherJobsRunIsLoadingIsNotRemoved() {
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            SourceFiles files = app.bean(SourceFiles.class);
            LoadCompletion completion = app.bean(LoadCompletion.class);
            long shared = files.register("checksum-shared", "REFERENCE", "cla.csv", null, 10, LocalDateTime.now()).getSourceFileId();
            assertThat(completion.startOver(shared, "bedford-monthly", NOBODY)).isTrue();
            files.addCounts(shared, 1000, 0);
            dsl.insertInto(DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID, DFE_VALUE.FILE_KEY, DFE_VALUE.TIME_PERIOD, DFE_VALUE.GEOGRAPHIC_LEVEL,
                    DFE_VALUE.FILTERS, DFE_VALUE.COLUMN_NAME, DFE_VALUE.AMOUNT, DFE_VALUE.SOURCE_ROW)
                    .values(shared, "cla", 2025, "National", "", "number", java.math.BigDecimal.TEN, 2).execute();

            LoadCompletion.LoadingElsewhereException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    LoadCompletion.LoadingElsewhereException.class, () -> completion.startOver(shared, "luton-monthly", job -> true));
            assertThat(refused.getMessage()).contains("cla.csv").contains("bedford-monthly").contains("Run this again");
            assertThat(dsl.fetchCount(DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID.eq(shared))).isEqualTo(1);

            assertThat(completion.startOver(shared, "luton-monthly", NOBODY)).isTrue();
            assertThat(dsl.fetchCount(DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID.eq(shared))).isZero();
            assertThat(dsl.fetchValue(dsl.select(SOURCE_FILE.LOADING_BY).from(SOURCE_FILE).where(SOURCE_FILE.SOURCE_FILE_ID.eq(shared))))
                    .isEqualTo("luton-monthly");
        }
    }
}
