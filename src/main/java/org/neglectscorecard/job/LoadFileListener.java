package org.neglectscorecard.job;

import java.util.List;

import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.RowRejectedException;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.cin.CinRecord;
import org.neglectscorecard.store.RejectionLog;
import org.neglectscorecard.store.SourceFiles;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Keeps a file's counts and rejections in step with its rows: each chunk adds its rows read and
 * rejected to the file's record in the chunk's own transaction, so after a restart nothing is
 * counted twice or lost.
 */
public class LoadFileListener implements ItemReadListener<SourceRow>,
        ChunkListener<SourceRow, ParsedRow<CinRecord>>, SkipListener<SourceRow, ParsedRow<CinRecord>> {

    private final RejectionLog rejections;
    private final SourceFiles files;
    private final long sourceFileId;
    private int readInChunk;
    private int rejectedInChunk;

    public LoadFileListener(RejectionLog rejections, SourceFiles files, long sourceFileId) {
        this.rejections = rejections;
        this.files = files;
        this.sourceFileId = sourceFileId;
    }

    @Override
    public void afterRead(SourceRow item) {
        readInChunk++;
    }

    @Override
    public void onSkipInProcess(SourceRow item, Throwable t) {
        List<Rejection> problems = t instanceof RowRejectedException r ? r.problems()
                : List.of(item.problem(null, null, "This row could not be read: " + t.getMessage()));
        rejections.record(sourceFileId, problems, RejectionLog.ROW_REJECTED,
                t instanceof RowRejectedException r ? r.place() : null);
        rejectedInChunk++;
    }

    @Override
    public void afterChunk(Chunk<ParsedRow<CinRecord>> chunk) {
        files.addCounts(sourceFileId, readInChunk, rejectedInChunk);
        readInChunk = 0;
        rejectedInChunk = 0;
    }

    @Override
    public void onChunkError(Exception exception, Chunk<ParsedRow<CinRecord>> chunk) {
        readInChunk = 0;
        rejectedInChunk = 0;
    }

}
