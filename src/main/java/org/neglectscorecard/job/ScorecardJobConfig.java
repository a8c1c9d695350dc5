package org.neglectscorecard.job;

import java.util.List;

import org.jooq.DSLContext;
import org.neglectscorecard.benchmark.Benchmarks;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorEngine;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.RowRejectedException;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.scorecard.IndicatorValues;
import org.neglectscorecard.scorecard.OutputWriter;
import org.neglectscorecard.scorecard.RunInputs;
import org.neglectscorecard.store.LoadCompletion;
import org.neglectscorecard.store.RejectionLog;
import org.neglectscorecard.store.ReturnRegistry;
import org.neglectscorecard.store.RunMessages;
import org.neglectscorecard.store.SourceFiles;
import org.neglectscorecard.store.StoreAccess;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The monthly scorecard job: find the inputs, load each return file, decide which returns the
 * run uses, compute the indicators and benchmarks, decide what may be published, write the outputs. Every step leaves tables behind, so a
 * failed or killed run restarts at the step (and, for loading, the file) it stopped in; a file part-loaded is
 * loaded again from its first row.
 */
@Configuration(proxyBeanMethods = false)
public class ScorecardJobConfig {

    public static final String JOB_NAME = "scorecard";
    /** Rows per transaction while loading. */
    public static final int CHUNK_SIZE = Integer.getInteger("scorecard.chunk", 1_000);

    @Bean
    Job scorecardJob(JobRepository jobs, Step checkInputs, Step loadReturns, Step finishLoads, Step scopeReturns,
                     Step computeIndicators, Step computeBenchmarks, Step protectSmallNumbers, Step writeOutputs) {
        return new JobBuilder(JOB_NAME, jobs)
                .start(checkInputs)
                .next(loadReturns)
                .next(finishLoads)
                .next(scopeReturns)
                .next(computeIndicators)
                .next(computeBenchmarks)
                .next(protectSmallNumbers)
                .next(writeOutputs)
                .build();
    }

    @Bean
    Step checkInputs(JobRepository jobs, PlatformTransactionManager tx, DSLContext dsl, InputScanner scanner,
                     SourceFiles files, RunMessages messages, Pseudonymiser pseudonymiser, Progress progress) {
        return new StepBuilder(CheckInputsTasklet.STEP, jobs)
                .tasklet(new CheckInputsTasklet(dsl, scanner, files, messages, pseudonymiser, progress, jobs), tx)
                .build();
    }

    @Bean
    Step loadReturns(JobRepository jobs, Step loadReturnFile, ReturnFilePartitioner returnFilePartitioner) {
        return new StepBuilder("loadReturns", jobs)
                .partitioner("loadReturnFile", returnFilePartitioner)
                .step(loadReturnFile)
                .taskExecutor(new SyncTaskExecutor())
                .build();
    }

    @Bean
    @JobScope
    ReturnFilePartitioner returnFilePartitioner(@Value("#{jobExecutionContext['toLoad']}") List<InputFile> toLoad,
                                                SourceFiles files) {
        return new ReturnFilePartitioner(toLoad, files);
    }

    @Bean
    Step loadReturnFile(JobRepository jobs, PlatformTransactionManager tx, GuardedReader returnFileReader,
                        ItemProcessor<SourceRow, ParsedRow<?>> returnRowProcessor, ItemWriter<ParsedRow<?>> returnRowWriter,
                        LoadFileListener loadFileListener, SourceFiles sourceFiles) {
        return new StepBuilder("loadReturnFile", jobs)
                // First, so a partition whose context a kill lost has it again before its reader is made.
                .listener(new PartitionContextRepair(sourceFiles))
                .<SourceRow, ParsedRow<?>>chunk(CHUNK_SIZE)
                .transactionManager(tx)
                .reader(returnFileReader)
                .processor(returnRowProcessor)
                .writer(returnRowWriter)
                .faultTolerant()
                .skipPolicy((t, skipCount) -> t instanceof RowRejectedException)
                .listener(loadFileListener)
                .build();
    }

    @Bean
    @StepScope
    GuardedReader returnFileReader(@Value("#{stepExecutionContext['file']}") InputFile file,
                                   @Value("#{stepExecutionContext['sourceFileId']}") Long sourceFileId,
                                   @Value("#{jobParameters['" + RunContext.JOB + "']}") String job,
                                   SourceFiles files, LoadCompletion completion, RunLock runLock, Progress progress) {
        Progress.Task bar = progress.task("Loading " + file.displayName(), file.workBytes(), "bytes");
        ItemStreamReader<SourceRow> reader = file.kind().reader(file, bar::step);
        // A step launched without the job file's name (a test of loading alone) loads as the one job there is.
        return new GuardedReader(reader, files, completion, runLock, job != null ? job : JOB_NAME, sourceFileId, bar, file);
    }

    @Bean
    @StepScope
    ItemProcessor<SourceRow, ParsedRow<?>> returnRowProcessor(@Value("#{stepExecutionContext['file']}") InputFile file,
                                                              Pseudonymiser pseudonymiser, LaDirectory las) {
        return file.kind().processor(file, pseudonymiser, las);
    }

    /** Each kind of return stores its own records. */
    @Bean
    @StepScope
    ItemWriter<ParsedRow<?>> returnRowWriter(@Value("#{stepExecutionContext['file']}") InputFile file, DSLContext dsl,
                                             ReturnRegistry returns, SourceFiles files, RejectionLog rejections,
                                             @Value("#{stepExecutionContext['sourceFileId']}") Long sourceFileId) {
        return file.kind().writer(new StoreAccess(dsl, returns, files, rejections), sourceFileId);
    }

    @Bean
    @StepScope
    LoadFileListener loadFileListener(RejectionLog rejections, SourceFiles files,
                                      @Value("#{stepExecutionContext['sourceFileId']}") Long sourceFileId) {
        return new LoadFileListener(rejections, files, sourceFileId);
    }

    @Bean
    Step finishLoads(JobRepository jobs, PlatformTransactionManager tx, DSLContext dsl, LoadCompletion completion,
                     Progress progress) {
        return new StepBuilder(FinishLoadsTasklet.STEP, jobs)
                .tasklet(new FinishLoadsTasklet(dsl, completion, progress), tx)
                .build();
    }

    @Bean
    Step scopeReturns(JobRepository jobs, PlatformTransactionManager tx, DSLContext dsl, LaDirectory las,
                      RunMessages messages, Progress progress) {
        return new StepBuilder(ScopeReturnsTasklet.STEP, jobs)
                .tasklet(new ScopeReturnsTasklet(dsl, las, messages, progress), tx)
                .build();
    }

    @Bean
    Step computeIndicators(JobRepository jobs, PlatformTransactionManager tx, IndicatorEngine engine,
                           Catalogue catalogue, LaDirectory las, Progress progress, DSLContext dsl, RunMessages messages) {
        return new StepBuilder(ComputeIndicatorsTasklet.STEP, jobs)
                .tasklet(new ComputeIndicatorsTasklet(engine, catalogue, las, progress, dsl, messages), tx)
                .build();
    }

    @Bean
    Step computeBenchmarks(JobRepository jobs, PlatformTransactionManager tx, Benchmarks benchmarks, Targets targets,
                           RunMessages messages, Progress progress) {
        return new StepBuilder(ComputeBenchmarksTasklet.STEP, jobs)
                .tasklet(new ComputeBenchmarksTasklet(benchmarks, targets, messages, progress), tx)
                .build();
    }

    @Bean
    Step protectSmallNumbers(JobRepository jobs, PlatformTransactionManager tx, IndicatorValues values, RunInputs inputs,
                             Catalogue catalogue, Progress progress, DSLContext dsl) {
        return new StepBuilder(ProtectSmallNumbersTasklet.STEP, jobs)
                .tasklet(new ProtectSmallNumbersTasklet(values, inputs, catalogue, progress, dsl), tx)
                .build();
    }

    @Bean
    Step writeOutputs(JobRepository jobs, PlatformTransactionManager tx, OutputWriter writer) {
        return new StepBuilder("writeOutputs", jobs)
                .tasklet(new WriteOutputsTasklet(writer), tx)
                .build();
    }
}
