package org.neglectscorecard.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.store.SourceFiles;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per return file to load, oldest file first, so that of two returns for the same
 * LA and year the newer is loaded last and replaces the older. Each partition is its own step
 * execution: its read, write and skip counts are the file's, and a restart redoes only the files
 * that had not finished.
 */
public class ReturnFilePartitioner implements Partitioner {

    public static final String FILE = "file";
    public static final String SOURCE_FILE_ID = "sourceFileId";

    /** Said when a run carried on after a kill cannot tell what it was loading. */
    static final String LIST_LOST = "The run that stopped part-way cannot tell which files it was loading. Run the same "
            + "command again: the input folder is read afresh, and nothing already loaded is lost.";

    private final List<InputFile> toLoad;
    private final SourceFiles files;

    public ReturnFilePartitioner(List<InputFile> toLoad, SourceFiles files) {
        this.toLoad = toLoad;
        this.files = files;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        if (toLoad == null) {
            // checkInputs always leaves a list, empty when nothing is new: without one, loading nothing would be a
            // run that looks complete and is not.
            throw new RunSetAsideException(LIST_LOST);
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        toLoad.stream()
                .sorted(java.util.Comparator.comparing(InputFile::modified, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                        .thenComparing(InputFile::displayName))
                .forEach(f -> {
                    long id = files.byChecksum(f.checksum()).orElseThrow().getSourceFileId();
                    ExecutionContext context = new ExecutionContext();
                    context.put(FILE, f);
                    context.putLong(SOURCE_FILE_ID, id);
                    partitions.put(String.format("file%06d", id), context);
                });
        return partitions;
    }
}
