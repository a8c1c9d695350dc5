package org.neglectscorecard.cli;

import static org.neglectscorecard.job.CheckInputsTasklet.plural;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.ingest.RowCheck;
import org.neglectscorecard.job.JobFile;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.scorecard.OutputFolder;
import org.neglectscorecard.scorecard.RejectsCsv;
import org.neglectscorecard.scorecard.RunInputs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** validate: checks the month's files without loading anything. */
@Command(name = "validate", sortOptions = false,
        header = "Check the input folder's files without loading anything, and say what to fix.",
        description = {"Check the files in the input folder without loading anything: every file and row is read and "
                + "checked as a run would, and the problems are written to rejects.csv (file, sheet, row, column, what "
                + "to fix) with a summary. Use it before the monthly run, or after fixing a file. The database is not "
                + "opened, so it works while a run or the scheduler is going."},
        exitCodeListHeading = "%nExit codes (for a script or scheduler):%n",
        exitCodeList = {"0:nothing would be rejected or left out (notes, and files that are not returns, may still be listed)",
                "1:the check failed part-way (a fault in the program): the message says what happened",
                "2:the check could not be made (no such folder, a job file that is wrong): the message says what to do",
                "3:something to fix: a file or row would be rejected, a value left out, a column the indicators need is "
                        + "missing, a target names no indicator or area of the run, a return would be loaded but not used (an earlier year's under "
                        + "this year's header), or no file in the folder is one the program reads; "
                        + "rejects.csv says what and where"})
public class ValidateCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "DIR", description = "The folder to check (default: the job file's 'input').")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Where the report goes: a 'validation' folder for the "
            + "partnership inside it (default: the job file's 'output').")
    Path output;

    @Option(names = "--job", paramLabel = "FILE", defaultValue = "jobs/monthly-scorecard.yml",
            description = "The job file (default: ${DEFAULT-VALUE}).")
    Path job;

    @Override
    public Integer call() throws Exception {
        JobFile jobFile = JobFile.load(job);
        Path in = input != null ? input : Path.of(jobFile.requireInput());
        if (!Files.isDirectory(in)) {
            throw new CliException("The input folder " + in + " does not exist.");
        }
        LaDirectory las = new LaDirectory();
        InputValidator.Report report = new InputValidator(new InputScanner(las), las).validate(in,
                name -> jobFile.overrideFor(name).map(o -> o.asAt() != null).orElse(false));
        Path folder = (output != null ? output : Path.of(jobFile.output())).resolve(jobFile.partnershipId()).resolve("validation");
        OutputFolder out = new OutputFolder(folder);
        List<RunInputs.Problem> problems = new java.util.ArrayList<>(report.problems().stream().map(p -> InputValidator.FILE_NOT_USED
                .equals(p.outcome()) ? RunInputs.Problem.fileNotUsed(p.file(), p.rejection().reason()) : new RunInputs.Problem(p.file(),
                p.rejection().sheet(), p.rejection().rowNumber(), p.rejection().column(), p.rejection().columnLetter(),
                p.rejection().valueShown(), p.rejection().reason(), p.outcome())).toList());
        report.files().stream().filter(f -> f.format() == InputScanner.Format.NOT_RECOGNISED)
                .forEach(f -> problems.add(RunInputs.Problem.fileNotUsed(f.displayName(), f.problem())));
        List<Targets.NotUsed> targetsNotUsed = targetsNotUsed(jobFile, report, las);
        targetsNotUsed.forEach(t -> problems.add(new RunInputs.Problem(t.row().file(), null, t.row().row(), null, null, null, t.why(),
                TARGET_NOT_USED)));
        new RejectsCsv().write(problems, out.staging().resolve("rejects.csv"));
        List<String> membersWithoutFiles = membersWithoutFiles(jobFile, report, las);
        String summary = summary(in, report, folder, targetsNotUsed);
        if (!membersWithoutFiles.isEmpty()) {
            summary = "\nMEMBERS WITH NO FOLDER OF FILES (a run would find no returns for them, and the partnership would have no "
                    + "totals):\n" + membersWithoutFiles.stream().map(m -> "  - " + m + "\n").collect(java.util.stream.Collectors.joining())
                    + summary;
        }
        Files.writeString(out.staging().resolve("validation-summary.txt"), summary);
        out.commit();
        System.out.print(summary);
        // A member without a folder beside a folder of an LA that is none is a mistyped code: something to fix. Without one,
        // it is a folder of some of the members' files, checked before the rest come: said, and not failed.
        boolean mistyped = !membersWithoutFiles.isEmpty() && report.folderLas().stream().map(f -> las.code3(f).orElse(f))
                .anyMatch(la3 -> jobFile.members().stream().map(m -> memberLa(m, las).orElse(m)).noneMatch(la3::equals));
        return somethingToFix(report) || !targetsNotUsed.isEmpty() || mistyped ? SOMETHING_TO_FIX : 0;
    }

    /**
     * The job's members no folder of the input is named by, where its files are kept in LA folders: a
     * mistyped code (812 for 821) passed validate, and the run then had no partnership totals.
     */
    /** A member as the job file writes it (a code or an LA's name), as its 3-digit code. */
    private static java.util.Optional<String> memberLa(String member, LaDirectory las) {
        return las.code3(member).or(() -> RowCheck.byName(las, member));
    }

    private static List<String> membersWithoutFiles(JobFile job, InputValidator.Report report, LaDirectory las) {
        java.util.Set<String> present = new java.util.HashSet<>();
        report.folderLas().forEach(f -> las.code3(f).ifPresent(present::add));
        if (present.isEmpty()) {
            return List.of();   // files not kept in LA folders: each return names its LA inside, which validate does not gather
        }
        List<String> out = new java.util.ArrayList<>();
        for (String m : job.members()) {
            java.util.Optional<String> la3 = memberLa(m, las);
            if (la3.isPresent() && !present.contains(la3.get())) {
                out.add(las.current(la3.get()).map(la -> la.name() + " (" + la3.get() + ")").orElse(m) + ", listed in " + job.source()
                        + ": no folder in the input is named by its code or name (the folders are "
                        + String.join(", ", new java.util.TreeSet<>(present)) + "). Check its code in the job file.");
            }
        }
        return out;
    }

    static final String TARGET_NOT_USED = "target not used";

    /**
     * The targets a run would not use, as the run would say them: checked against the indicators and
     * the areas the run would report (the job's members and the partnership, and each LA whose folder
     * holds files), since validate opens no database to learn them from loaded returns.
     */
    private static List<Targets.NotUsed> targetsNotUsed(JobFile job, InputValidator.Report report, LaDirectory las) {
        if (report.targets().isEmpty()) {
            return List.of();
        }
        java.util.Set<String> la3s = new java.util.TreeSet<>();
        report.folderLas().forEach(f -> las.code3(f).ifPresent(la3s::add));
        job.members().forEach(m -> las.code3(m).ifPresent(la3s::add));
        List<Targets.Area> areas = new java.util.ArrayList<>();
        for (String la3 : la3s) {
            las.current(la3).ifPresent(la -> areas.add(new Targets.Area(la.code9(), la.name(), la3)));
        }
        areas.add(new Targets.Area(job.partnershipId(), job.partnershipName(), null));
        Catalogue catalogue = Catalogue.load(QuickDatabase.setting("scorecard.sql-dir").orElse("sql"));
        return Targets.notUsed(report.targets().stream().map(t -> new Targets.Written(t.file(), t.target().sourceRow(),
                t.target().indicatorId(), t.target().areaCode(), t.target().target())).toList(), areas, catalogue, las);
    }

    /** The exit code when the run would reject a file or row, leave a value out, or have no value for a figure. */
    static final int SOMETHING_TO_FIX = 3;   // 1 is the program's own failure, as for every command

    /**
     * Notes are for reading, and a file that is not a return is only listed: neither is a thing to
     * fix. A folder with no file to load at all is: a run would have nothing to count.
     */
    private static boolean somethingToFix(InputValidator.Report report) {
        return nothingToLoad(report) || report.files().stream().anyMatch(f -> f.format() != InputScanner.Format.NOT_RECOGNISED
                        && (f.problem() != null || f.notUsed() != null))
                || report.problems().stream().anyMatch(p -> !p.outcome().equals("note") || p.rejection().reason().contains("will have no value"));
    }

    private static boolean nothingToLoad(InputValidator.Report report) {
        return report.files().stream().allMatch(f -> f.format() == InputScanner.Format.NOT_RECOGNISED);
    }

    private static String summary(Path in, InputValidator.Report report, Path folder, List<Targets.NotUsed> targetsNotUsed) {
        StringBuilder s = new StringBuilder("Checked " + in + " (nothing was loaded):\n");
        if (nothingToLoad(report)) {
            s.append(report.files().isEmpty() ? "\nNOTHING TO LOAD: the folder has no files. Put the month's returns and "
                    + "data files in it (one folder per LA, named by its LA code, as in sample-data/).\n"
                    : "\nNOTHING TO LOAD: none of these files is a return or data file this program reads, so a run "
                    + "would have nothing to count. Each line below says why; sample-data/ has every layout it reads.\n\n");
        }
        // First, because a missing column silently costs whole indicators: they would have no value, never zero.
        List<String> missing = report.problems().stream().map(p -> p.rejection().reason())
                .filter(r -> r.contains("will have no value")).distinct().toList();
        if (!missing.isEmpty()) {
            s.append("\nSOME FIGURES WOULD HAVE NO VALUE because a file lacks a column they need (add it before the run):\n");
            missing.forEach(m -> s.append("  - ").append(m).append('\n'));
            s.append('\n');
        }
        if (!targetsNotUsed.isEmpty()) {
            s.append("\nTARGETS THE RUN WOULD NOT USE (no figure would be judged against them):\n");
            targetsNotUsed.forEach(t -> s.append("  - ").append(t.said()).append('\n'));
            s.append('\n');
        }
        int width = report.files().stream().mapToInt(f -> f.displayName().length()).max().orElse(10);
        long rejectedFiles = 0;
        long unusedFiles = 0;
        for (InputValidator.FileReport f : report.files()) {
            if (f.notUsed() != null) {
                unusedFiles++;
                s.append(String.format("  %-" + width + "s  WOULD NOT BE USED: %s%n", f.displayName(), f.notUsed()));
            } else if (f.format() == InputScanner.Format.NOT_RECOGNISED) {
                s.append(String.format("  %-" + width + "s  not used: %s%n", f.displayName(), f.problem()));
            } else if (f.problem() != null) {
                rejectedFiles++;
                s.append(String.format("  %-" + width + "s  WOULD BE REJECTED: %s%n", f.displayName(), f.problem()));
            } else {
                s.append(String.format("  %-" + width + "s  %,9d rows read, %,9d would load, %,7d would be rejected%s%n",
                        f.displayName(), f.rowsRead(), f.rowsLoaded(), f.rowsRejected(), f.readAs() == null ? "" : "  (" + f.readAs() + ")"));
            }
        }
        long rows = report.problems().stream().filter(p -> p.outcome().equals("row rejected")).count();
        long values = report.problems().stream().filter(p -> p.outcome().equals("value left out")).count();
        long notes = report.problems().stream().filter(p -> p.outcome().equals("note")).count();
        s.append(String.format("%n%s would be rejected%s, %s in rows, %s would be left out%s.%n",
                plural(rejectedFiles, "whole file"), unusedFiles == 0 ? "" : ", " + plural(unusedFiles, "file") + " would be loaded but not used",
                plural(rows, "problem"), plural(values, "value"), notes == 0 ? "" : ", " + plural(notes, "note") + " to read"));
        s.append("The details, with what to fix, are in ").append(folder.resolve("rejects.csv")).append('\n');
        return s.toString();
    }
}
