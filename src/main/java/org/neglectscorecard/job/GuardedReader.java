package org.neglectscorecard.job;

import org.neglectscorecard.ingest.FileNotes;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.store.LoadCompletion;
import org.neglectscorecard.store.SourceFiles;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Lets a file that turns out to be unreadable part-way through (damaged, cut short, hostile) end
 * its step quietly instead of failing the run: the file is marked rejected, whole, and reading
 * stops. The step's listener then removes whatever of it had been written. Other files load.
 * <p>
 * A file is always read from its first row, after a kill too: what an earlier attempt stored of it
 * is removed first ({@link LoadCompletion#startOver}), and the reader's saved position is not used.
 */
public class GuardedReader implements ItemStreamReader<SourceRow> {

    private final ItemStreamReader<SourceRow> delegate;
    private final java.nio.file.Path file;
    private final InputScanner.InputFile listed;
    private final SourceFiles files;
    private final LoadCompletion completion;
    private final RunLock runLock;
    private final String job;
    private final long sourceFileId;
    private final Progress.Task progress;
    private boolean stopped;
    private boolean opened;
    private boolean finished;

    /** @param listed the file being read, as the run listed it (its rejection does not name it twice: reports name it already) */
    public GuardedReader(ItemStreamReader<SourceRow> delegate, SourceFiles files, LoadCompletion completion, RunLock runLock,
                         String job, long sourceFileId, Progress.Task progress, InputScanner.InputFile listed) {
        this.listed = listed;
        this.file = java.nio.file.Path.of(listed.path());
        this.runLock = runLock;
        this.job = job;
        this.delegate = delegate;
        this.files = files;
        this.completion = completion;
        this.sourceFileId = sourceFileId;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        if (SourceFiles.REJECTED.equals(files.get(sourceFileId).getStatus())) {
            stopped = true;
            return;
        }
        if (!InputScanner.unchangedSince(listed)) {
            throw new FileChangedException(listed.displayName() + " has been saved again (or moved) since this run listed it, so it "
                    + "is not the file the run began to load. Run the same command again: the input folder is read afresh, "
                    + "and the file loaded as it is now.");
        }
        try {
            if (!completion.startOver(sourceFileId, job, runLock::isRunning)) {
                stopped = true;   // finished (or rejected) by another run since this one listed it: used as it is
                return;
            }
        } catch (LoadCompletion.LoadingElsewhereException e) {
            throw new RunRefusedException(e.getMessage());
        }
        context.remove("batch.chunkScanOffset");   // an earlier version's scan position: this attempt starts at the first row
        try {
            // A context of its own: the position an earlier attempt saved is not where this one starts.
            delegate.open(new ExecutionContext());
            opened = true;
        } catch (UnreadableFileException e) {
            reject(e);
        } catch (ItemStreamException e) {
            if (e.getCause() instanceof UnreadableFileException u) {
                reject(u);
            } else {
                throw e;
            }
        }
    }

    @Override
    public SourceRow read() throws Exception {
        if (stopped) {
            return null;
        }
        try {
            SourceRow row = delegate.read();
            if (row == null && !finished) {
                finished = true;
                noteWhatTheReaderSaw();
            }
            return row;
        } catch (UnreadableFileException e) {
            reject(e);
            return null;
        }
    }

    /** Nothing to save: a restart reads the file again from its first row. */
    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
    }

    /**
     * Once the whole file has been read, what its reader has to say of it (a block passed over, a
     * list with no rows), kept in the last chunk's transaction: with the file's last rows, or with
     * none of them. Kept at close instead, it came after the step was recorded as complete, and a
     * run killed in between never said it (the restart does not read a completed file again).
     */
    private void noteWhatTheReaderSaw() {
        if (delegate instanceof FileNotes notes) {
            if (!notes.notes().isEmpty()) {
                files.note(sourceFileId, notes.notes());
            }
            listed.kind().endDatesNotHeaded(listed.displayName(), notes.headingsRead(),
                    (column, note) -> files.absentColumn(sourceFileId, column, note));
            listed.kind().setAsideTables(notes.tablesSetAside(), (column, note) -> files.absentColumn(sourceFileId, column, note));
            java.util.List<org.neglectscorecard.ingest.Rejection> unread = new java.util.ArrayList<>();
            listed.kind().neededNotHeaded(listed.displayName(), notes.headingsRead(), notes.headingsNotRead(), unread::add);
            if (!unread.isEmpty()) {
                files.note(sourceFileId, unread);
            }
        }
    }

    @Override
    public void close() throws ItemStreamException {
        progress.close();
        if (opened) {
            delegate.close();
            opened = false;
        }
    }

    private void reject(UnreadableFileException e) {
        stopped = true;
        files.markUnreadable(sourceFileId, file == null ? e.getMessage() : InputScanner.aboutThisFile(file, e.getMessage()));
    }
}
