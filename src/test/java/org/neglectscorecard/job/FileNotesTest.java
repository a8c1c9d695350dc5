package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.neglectscorecard.store.schema.Tables.REJECTION;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.store.LoadCompletion;
import org.neglectscorecard.store.RejectionLog;
import org.neglectscorecard.store.SourceFiles;
import org.neglectscorecard.testing.TestApp;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a reader has to say of a whole file (here, a block of XML no census year has) is kept in
 * the transaction that reads the file's end: with the last rows, or with none of them. It used to
 * be kept when the reader closed, after the step was recorded as complete, so a run killed in
 * between never said it: the restart does not read a completed file again.
 */
class FileNotesTest {

    @TempDir
    Path dir;

    @Test
    void aFilesNotesAreKeptWithItsLastRowsNotAfterTheStepEnds() throws Exception {
        Path folder = dir.resolve("input/201");
        Files.createDirectories(folder);
        String xml = new String(getClass().getResourceAsStream("/format-samples/liia-tools_cin-2022.xml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("cin-2022.xml"),
                xml.replaceFirst("<CINdetails>", "<CINdetails>\n<PreProceedings>1</PreProceedings>"));

        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            DSLContext dsl = app.bean(DSLContext.class);
            SourceFiles files = app.bean(SourceFiles.class);
            List<InputFile> found = app.bean(InputScanner.class).scan(dir.resolve("input"));
            InputFile file = found.get(0);
            long id = files.register(file.checksum(), file.format().name(), file.displayName(), file.folderLaCode(), file.size(),
                    file.modified()).getSourceFileId();
            TransactionTemplate chunk = new TransactionTemplate(app.bean(PlatformTransactionManager.class));

            // A run killed before its last chunk commits: neither the rows nor the note are kept, and the restart reads the file again.
            GuardedReader killed = reader(app, file, id);
            killed.open(new ExecutionContext());
            chunk.executeWithoutResult(status -> {
                readToEnd(killed);
                status.setRollbackOnly();
            });
            assertThat(notes(dsl, id)).isZero();

            // Read to its end and committed: the note is there before the reader is closed (the step recorded complete).
            GuardedReader reader = reader(app, file, id);
            reader.open(new ExecutionContext());
            chunk.executeWithoutResult(status -> readToEnd(reader));
            assertThat(dsl.select(REJECTION.REASON).from(REJECTION).where(REJECTION.SOURCE_FILE_ID.eq(id))
                    .and(REJECTION.OUTCOME.eq(RejectionLog.NOTE)).fetch(REJECTION.REASON))
                    .singleElement().asString().contains("<PreProceedings> is not part of the CIN census");

            // Said once, however often the step asks past the end, and not again at close.
            chunk.executeWithoutResult(status -> readToEnd(reader));
            reader.close();
            assertThat(notes(dsl, id)).isEqualTo(1);
        }
    }

    private static GuardedReader reader(TestApp app, InputFile file, long id) {
        return new GuardedReader(file.kind().reader(file, n -> { }), app.bean(SourceFiles.class), app.bean(LoadCompletion.class),
                app.bean(RunLock.class), "monthly", id, app.bean(Progress.class).task("Loading", 1, "bytes"), file);
    }

    private static void readToEnd(GuardedReader reader) {
        try {
            while (reader.read() != null) {
                // the rows themselves are another test's business
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int notes(DSLContext dsl, long id) {
        return dsl.fetchCount(REJECTION, REJECTION.SOURCE_FILE_ID.eq(id).and(REJECTION.OUTCOME.eq(RejectionLog.NOTE)));
    }
}
