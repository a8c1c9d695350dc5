package org.neglectscorecard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.neglectscorecard.store.schema.Tables.DFE_VALUE;
import static org.neglectscorecard.store.schema.Tables.REJECTION;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.nio.file.Path;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
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

            completion.startOver(loading);
            completion.startOver(loaded);

            assertThat(dsl.fetchCount(DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID.eq(loading))).isZero();
            assertThat(dsl.fetchCount(DFE_VALUE, DFE_VALUE.SOURCE_FILE_ID.eq(loaded))).isEqualTo(1);

            // Counts and rejections an earlier attempt recorded go too: the file is counted once, as read this time.
            files.addCounts(loading, 1000, 3);
            dsl.insertInto(REJECTION, REJECTION.SOURCE_FILE_ID, REJECTION.REASON, REJECTION.OUTCOME)
                    .values(loading, "from the attempt that stopped", RejectionLog.NOTE).execute();
            completion.startOver(loading);
            assertThat(dsl.fetchValue(dsl.select(SOURCE_FILE.ROWS_READ).from(SOURCE_FILE).where(SOURCE_FILE.SOURCE_FILE_ID.eq(loading))))
                    .isZero();
            assertThat(dsl.fetchCount(REJECTION, REJECTION.SOURCE_FILE_ID.eq(loading))).isZero();
        }
    }
}
