package org.neglectscorecard.job;

import java.util.List;

import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.store.SourceFiles;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A process killed while Spring Batch was recording the file partitions can leave a partition's step
 * execution without the context naming its file; the restart then resumes it as it was. Its name
 * still carries the file's source_file_id ({@link ReturnFilePartitioner}), and the job's context the
 * files checkInputs listed: the file is found again from these before the step's reader is made.
 */
public class PartitionContextRepair implements StepExecutionListener {

    private final SourceFiles files;

    public PartitionContextRepair(SourceFiles files) {
        this.files = files;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void beforeStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(ReturnFilePartitioner.FILE)) {
            return;
        }
        String name = step.getStepName();
        long id = Long.parseLong(name.substring(name.lastIndexOf("file") + "file".length()));
        List<InputFile> listed = (List<InputFile>) step.getJobExecution().getExecutionContext().get(CheckInputsTasklet.TO_LOAD);
        InputFile file = listed == null ? null : listed.stream()
                .filter(f -> files.byChecksum(f.checksum()).map(r -> r.getSourceFileId() == id).orElse(false))
                .findFirst().orElse(null);
        if (file == null) {
            // Set aside, not failed: carried on again it would stop here again; the next command starts afresh.
            throw new RunSetAsideException(ReturnFilePartitioner.LIST_LOST);
        }
        context.put(ReturnFilePartitioner.FILE, file);
        context.putLong(ReturnFilePartitioner.SOURCE_FILE_ID, id);
    }
}
