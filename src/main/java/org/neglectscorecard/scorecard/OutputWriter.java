package org.neglectscorecard.scorecard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Benchmarks;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.store.RunMessages;
import org.springframework.stereotype.Component;

/**
 * Writes a run's outputs (OUTPUTS.md): indicators.csv and its published copy, rejects.csv, the
 * workbook, the charts and the run summary, into a staging folder swapped in only when all are
 * written.
 */
@Component
public class OutputWriter {

    public static final String SUMMARY = "run-summary.txt";

    private final IndicatorValues values;
    private final RunInputs inputs;
    private final RunMessages messages;
    private final Catalogue catalogue;
    private final Benchmarks benchmarks;
    private final Targets targets;
    private final Revisions revisions;

    public OutputWriter(IndicatorValues values, RunInputs inputs, RunMessages messages, Catalogue catalogue, Benchmarks benchmarks,
                        Targets targets, Revisions revisions) {
        this.revisions = revisions;
        this.values = values;
        this.inputs = inputs;
        this.messages = messages;
        this.catalogue = catalogue;
        this.benchmarks = benchmarks;
        this.targets = targets;
    }

    /** What to write, and where. */
    public record Request(long runId, String jobName, LocalDate period, String partnershipCode, String partnershipName,
                          boolean syntheticData, Path folder, String contact, String neighboursFile,
                          ScorecardFigures.SpcSettings spc) {

        public Request(long runId, String jobName, LocalDate period, String partnershipCode, String partnershipName,
                       boolean syntheticData, Path folder) {
            this(runId, jobName, period, partnershipCode, partnershipName, syntheticData, folder, null, null,
                    ScorecardFigures.SpcSettings.NONE);
        }
    }

    /** Whether the run that wrote this folder wrote a scorecard: not when no input gave a single figure. */
    public static boolean scorecardWritten(Path folder) {
        return Files.exists(folder.resolve("indicators.csv"));
    }

    /** Writes everything and returns the run summary. */
    public String write(Request r) throws IOException {
        OutputFolder out = new OutputFolder(r.folder());
        try {
            List<IndicatorDefinition> published = catalogue.indicators().stream().filter(IndicatorDefinition::publish).toList();
            // Suppression was decided when the figures were computed (protectSmallNumbers): every output reads that verdict.
            List<IndicatorValue> all = values.of(r.jobName(), r.period());
            List<RunInputs.InputSummary> files = inputs.files(r.runId());
            List<RunInputs.MissingColumn> missing = inputs.missingColumns(r.runId()).stream()
                    .map(m -> {
                        List<String> ids = catalogue.builtOn(m.indicators());
                        List<String> titles = ids.stream().map(id -> catalogue.get(id).map(IndicatorDefinition::title).orElse(id)).toList();
                        // Months as the figures show them: a count at the month end and one over 12 months lose different months.
                        List<String> atMonthEnd = ids.stream().filter(id -> catalogue.get(id).map(d -> d.measure()
                                != org.neglectscorecard.indicators.IndicatorDefinition.Measure.in_year).orElse(true)).toList();
                        List<String> overYear = ids.stream().filter(id -> !atMonthEnd.contains(id)).toList();
                        String months = RunSummary.monthsWithout(all, atMonthEnd.isEmpty() ? overYear : atMonthEnd, m.areaCode(),
                                r.partnershipCode(), m.from(), m.to(), r.period());
                        String yearMonths = atMonthEnd.isEmpty() ? null
                                : RunSummary.monthsWithout(all, overYear, m.areaCode(), r.partnershipCode(), m.from(), m.to(),
                                        r.period());
                        if (yearMonths != null && !yearMonths.equals(months)) {
                            months = months + " (figures counted over 12 months: " + yearMonths + ")";
                        }
                        return m.resolved(ids, titles, months);
                    })
                    .toList();
            List<ScorecardWorkbook.Completeness> completeness = new java.util.ArrayList<>(inputs.completeness(r.runId()));
            for (RunInputs.MissingColumn m : missing) {
                completeness.add(new ScorecardWorkbook.Completeness(m.file(), (m.fileTable() == null ? "" : m.fileTable() + " ")
                        + m.fileColumn(), null, 0, (m.unreadable() ? "Unreadable: " : "Missing: ") + String.join(", ", m.indicators())
                        + " have no value for " + m.areaName() + " for the months this file serves ([x]), never a zero. "
                        + (m.unreadable() ? "Write its values as rejects.csv says" : "Add the column") + " and run the period again."));
            }
            List<RunInputs.Problem> problems = new java.util.ArrayList<>(inputs.problems(r.runId()));
            messages.filesNotUsed(r.runId()).forEach(n -> problems.add(RunInputs.Problem.fileNotUsed(n.file(), n.reason())));
            List<String> notes = new java.util.ArrayList<>(messages.of(r.runId()).stream().map(m -> m.level().equals(RunMessages.WARNING)
                    ? "Warning: " + m.text() : m.text()).toList());
            List<ScorecardWorkbook.Revision> revised = revisions.of(r.runId(), r.jobName(), r.period(), r.partnershipCode());
            java.util.Set<String> now = RunSummary.idsWithValue(all, r.partnershipCode(), r.period());
            java.util.Set<String> before = revisions.withValueInLastRun(r.jobName(), r.period(), r.partnershipCode());
            List<String> lost = published.stream().map(IndicatorDefinition::id).filter(id -> before.contains(id) && !now.contains(id))
                    .toList();
            if (!lost.isEmpty()) {
                // A file rejected or taken away since the last run of this period: the run still "works", with fewer figures.
                notes.add("Warning: " + lost.size() + (lost.size() == 1 ? " indicator had" : " indicators had") + " a value for the "
                        + "partnership for this month in this period's last run and " + (lost.size() == 1 ? "has" : "have") + " none now ("
                        + String.join(", ", lost.subList(0, Math.min(5, lost.size()))) + (lost.size() > 5 ? ", ..." : "")
                        + "): a file rejected or taken out of the input folder since? The list of inputs says which were used.");
            }
            if (!revised.isEmpty()) {
                // Said where the person running it looks, not only in the workbook: a corrected return moves history.
                notes.add(revised.size() + (revised.size() == 1 ? " headline figure of an earlier month differs" : " headline figures of "
                        + "earlier months differ") + " from the last run's: the workbook's Revisions sheet gives each, then and "
                        + "now, with the file that moved it.");
            }
            Path staging = out.staging();
            new RejectsCsv().write(problems, staging.resolve("rejects.csv"));
            if (all.stream().noneMatch(v -> v.value() != null)) {
                // Nothing the inputs gave made a single figure (every file rejected, or none of the period's):
                // a workbook and board pack of blanks would only be mistaken for a report. What to fix is all there is.
                String summary = RunSummary.text(r.jobName(), r.partnershipName(), r.period(),
                        inputs.coveredSpan(r.runId(), r.period()), missing, files, notes, published, java.util.Set.of(),
                        r.folder().toString(), null, problems);
                Files.writeString(staging.resolve(SUMMARY), summary);
                out.commit();
                return summary;
            }
            new IndicatorsCsv(catalogue).write(all, staging.resolve("indicators.csv"), staging.resolve("indicators-published.csv"));
            java.util.Set<String> withheld = BenchmarksCsv.withheld(all);
            List<BenchmarkValue> exactBenchmarks = benchmarks.of(r.jobName(), r.period());
            new BenchmarksCsv(catalogue).write(exactBenchmarks, withheld, staging.resolve("benchmarks.csv"),
                    staging.resolve("benchmarks-published.csv"));
            String workbook = "scorecard-" + r.partnershipCode() + "-" + r.period() + ".xlsx";
            List<BenchmarkValue> benchmarkValues = BenchmarksCsv.shareable(exactBenchmarks, withheld);
            List<Targets.Target> targetList = targets.targets(r.runId());
            List<Targets.Commentary> commentary = targets.commentary(r.runId());
            List<ScorecardFigures.Line> lines = ScorecardFigures.build(new ScorecardFigures.Inputs(r.period(), r.partnershipCode(),
                    published, catalogue, all, benchmarkValues, targetList, commentary,
                    r.spc() == null ? ScorecardFigures.SpcSettings.NONE : r.spc()));
            ScorecardWorkbook.Content content = new ScorecardWorkbook.Content(r.partnershipName(), r.partnershipCode(), r.period(),
                    LocalDateTime.now().withNano(0), r.syntheticData(), r.contact(), files, notes, published, all, lines,
                    benchmarkValues, commentary, revised,
                    completeness, staging.resolve("charts"), problemCounts(r.runId(), problems),
                    benchmarks.neighboursFileUsed(r.runId(), r.neighboursFile()));
            // The board pack and the workbook read the same content and write different files: made side by side
            // (on the sample, the board pack is about half of this step's time).
            java.util.concurrent.FutureTask<BoardPack.Written> pack = new java.util.concurrent.FutureTask<>(
                    () -> new BoardPack().write(content, staging));
            Thread packing = new Thread(pack, "board-pack");
            packing.start();
            try {
                new ScorecardWorkbook().write(content, staging.resolve(workbook));
            } catch (IOException | RuntimeException e) {
                packing.join();   // the folder is abandoned below: not while the board pack is still writing to it
                throw e;
            }
            try {
                pack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while writing the board pack", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
            String summary = RunSummary.text(r.jobName(), r.partnershipName(), r.period(),
                    inputs.coveredSpan(r.runId(), r.period()), missing, files, notes, published,
                    RunSummary.idsWithValue(all, r.partnershipCode(), r.period()), r.folder().toString(), workbook, problems);
            Files.writeString(staging.resolve(SUMMARY), summary);
            out.commit();
            return summary;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.abandon();
            throw new IOException("Interrupted while writing the outputs", e);
        } catch (IOException | RuntimeException e) {
            out.abandon();
            throw e;
        }
    }

    /**
     * The workbook's 'Problems found': the rejections counted as the database groups them, then each
     * file the run did not use, as rejects.csv lists it, so that the sheet and the file agree.
     */
    private List<RunInputs.ProblemCount> problemCounts(long runId, List<RunInputs.Problem> problems) {
        List<RunInputs.ProblemCount> counts = new java.util.ArrayList<>(inputs.problemCounts(runId));
        problems.stream().filter(p -> RunInputs.Problem.FILE_NOT_USED.equals(p.outcome()))
                .forEach(p -> counts.add(new RunInputs.ProblemCount(p.file(), null, null, p.outcome(), 1, p.reason())));
        counts.sort(java.util.Comparator.comparing(RunInputs.ProblemCount::file));   // stable: each file's rows keep their order
        return counts;
    }
}
