package org.neglectscorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.Main;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.SampleRun;

/**
 * The README's command, as a performance officer types it, on the committed sample-data: the
 * real job on real files into a real (H2 file) database, then the outputs OUTPUTS.md promises.
 * Then what happens when the same month is asked for again, and mistakes on the command line.
 */
class ScorecardCliTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    /**
     * What a performance officer reads when a file is damaged: the file named once, called corrupt,
     * and no library's own warning (POI's about the damaged zip it is reading) on the console.
     */
    @Test
    void aCorruptWorkbookIsCalledCorruptNamedOnceAndNoLibraryWarningReachesTheConsole() throws Exception {
        Path input = dir.resolve("damaged-input/822");
        Files.createDirectories(input);
        Files.copy(Path.of("src/test/resources/corpus/07-corrupt-workbook/input/213/damaged.xlsx"), input.resolve("damaged.xlsx"));
        Files.writeString(input.resolve("staff.csv"), "Name,Team,Grade\nA,B,C\n");
        int status = run("validate", "--input", dir.resolve("damaged-input").toString(), "--output", dir.resolve("validated").toString());
        String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as("a file that would be rejected: something to fix, for a script").isEqualTo(3);
        try (var found = Files.walk(dir.resolve("validated"))) {
            Path rejects = found.filter(p -> p.getFileName().toString().equals("rejects.csv")).findFirst().orElseThrow();
            assertThat(Files.readString(rejects)).containsPattern("\n822/staff.csv,,,,,\"?This file is not a table this program reads[^\n]*,file not used");
        }
        assertThat(said).contains("822/damaged.xlsx").contains("corrupt Excel workbook");
        assertThat(said.split("damaged.xlsx", -1)).as("the file's name once").hasSize(2);
        assertThat(said).doesNotContain("WARN").doesNotContain("org.apache").doesNotContain("Exception");
    }

    /**
     * A census in one LA's folder whose header names another: validate's summary counts the note,
     * and rejects.csv says which LA the children count for and what to do.
     */
    @Test
    void aCensusInAnotherLasFolderIsANoteTheSummaryCounts() throws Exception {
        Path input = dir.resolve("lea-input/821");
        Files.createDirectories(input);
        Files.copy(Path.of("src/test/resources/format-samples/csc-validator-be-cin_CIN_Census_2024_fake.xml"), input.resolve("census.xml"));
        int status = run("validate", "--input", dir.resolve("lea-input").toString(), "--output", dir.resolve("lea-validated").toString());
        String said = out.toString(StandardCharsets.UTF_8);
        // Its assessment factor "RB" is no code, and is left out: something to fix, as a script is told.
        assertThat(said).contains("1 value would be left out");
        assertThat(status).isEqualTo(3);
        assertThat(said).containsPattern("would be left out, \\d+ notes to read\\.");
        try (var found = Files.walk(dir.resolve("lea-validated"))) {
            Path rejects = found.filter(p -> p.getFileName().toString().equals("rejects.csv")).findFirst().orElseThrow();
            assertThat(Files.readString(rejects)).contains("header says LEA 201 (City of London), but it sits in the folder of LA 821 (Luton)");
        }
    }

    /**
     * liia-tools' sample census (its header says 31 March 2022, its dates are all in 1966 to 1971):
     * a run loads it and then sets it aside as an earlier year's return; validate said "7 would load,
     * 0 would be rejected" with nothing in rejects.csv (a trial, 5 December). It says what the run does.
     */
    @Test
    void validateSaysOfAnEarlierYearsCensusWhatTheRunSays() throws Exception {
        Path input = dir.resolve("old-input/201");
        Files.createDirectories(input);
        Files.copy(Path.of("src/test/resources/format-samples/liia-tools_cin-2022.xml"), input.resolve("cin-2022.xml"));
        int status = run("validate", "--input", dir.resolve("old-input").toString(), "--output", dir.resolve("old-validated").toString());
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("WOULD NOT BE USED: 201/cin-2022.xml says it is the return for the year to 31 March 2022")
                .contains("1 file would be loaded but not used");
        assertThat(status).as(said).isEqualTo(3);
        try (var found = Files.walk(dir.resolve("old-validated"))) {
            Path rejects = found.filter(p -> p.getFileName().toString().equals("rejects.csv")).findFirst().orElseThrow();
            assertThat(Files.readString(rejects)).contains("file not used").contains("It looks like an earlier year's return");
        }
    }

    /** A return with nothing to fix: validate ends with 0, so a script can go on to the run. */
    @Test
    void aReturnWithNothingToFixValidatesWithExitCodeZero() throws Exception {
        org.neglectscorecard.sample.SampleDataGenerator.generateNational(dir.resolve("clean-input/821"), 0.2, 2025, List.of("821"));
        int status = run("validate", "--input", dir.resolve("clean-input").toString(), "--output", dir.resolve("clean-validated").toString());
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("0 whole files would be rejected, 0 problems in rows, 0 values would be left out");
        // One member's folder checked before the others' come: said, not failed.
        assertThat(said).contains("MEMBERS WITH NO FOLDER OF FILES").contains("Bedford (822)");
        assertThat(status).as(said).isZero();
    }

    /** A folder of files none of which the program reads is something to fix, not "0 problems": a run would count nothing. */
    @Test
    void aFolderWithNothingToLoadIsSomethingToFix() throws Exception {
        Path input = dir.resolve("nothing-to-load/821");
        Files.createDirectories(input);
        Files.writeString(input.resolve("staff.csv"), "Name,Team,Grade\nA,B,C\n");
        int status = run("validate", "--input", dir.resolve("nothing-to-load").toString(), "--output",
                dir.resolve("nothing-validated").toString());
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("NOTHING TO LOAD: none of these files is a return or data file this program reads")
                .contains("staff.csv");
        assertThat(status).as(said).isEqualTo(3);
    }

    /**
     * Every file rejected: a workbook and board pack of blanks would be mistaken for a report. The
     * run says so first, writes only what says what to fix, and does not end as success.
     */
    @Test
    void aRunWhoseEveryFileIsRejectedWritesNoScorecardAndSaysWhatToFix() throws Exception {
        Path input = dir.resolve("all-rejected/821");
        Files.createDirectories(input);
        Files.writeString(input.resolve("cp.csv"), "LAchildID,CPPstartDate\nX1,2025-06-01\n");
        // A file the program does not read is listed in the operator's working file too, not only in the summary.
        Files.writeString(input.resolve("staff.csv"), "Name,Team,Grade\nA,B,C\n");
        System.setProperty("scorecard.pseudonym-key", "a secret long enough for a test");
        try {
            int status = run("run", "--period", "2026-03-31", "--input", dir.resolve("all-rejected").toString(),
                    "--output", dir.resolve("all-rejected-out").toString(), "--data-dir", dir.resolve("all-rejected-data").toString());
            String said = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(said + err.toString(StandardCharsets.UTF_8)).isEqualTo(3);
            assertThat(said).contains("NO SCORECARD WAS WRITTEN").contains("821/cp.csv").contains("'CINdetailsID'");
            Path folder = dir.resolve("all-rejected-out/pan-bedfordshire-sample/2026-03-31");
            try (var written = Files.list(folder)) {
                assertThat(written.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("rejects.csv", "run-summary.txt");
            }
            assertThat(Files.readString(folder.resolve("rejects.csv"))).contains("CINdetailsID")
                    .containsPattern("\n821/staff.csv,,,,,\"?This file is not a table this program reads[^\n]*,file not used\r?\n");
            assertThat(run("history", "--data-dir", dir.resolve("all-rejected-data").toString())).isZero();
        } finally {
            System.clearProperty("scorecard.pseudonym-key");
        }
    }

    /** A key too short is the operator's mistake, said in one line: not "something the program did not expect". */
    @Test
    void aPseudonymisationKeyTooShortIsAOneLineUsageError() {
        System.setProperty("scorecard.pseudonym-key", "abc-secret");
        try {
            int status = run("history", "--data-dir", dir.resolve("data-key").toString());
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(status).isEqualTo(2);
            assertThat(said).contains("is too short: it must be at least 16 characters").doesNotContain("did not expect")
                    .doesNotContain("abc-secret").doesNotContain("Exception");
            assertThat(said.strip().lines().count()).as(said).isEqualTo(1);
        } finally {
            System.clearProperty("scorecard.pseudonym-key");
        }
    }

    @Test
    void theMonthlyRunOnTheSampleDataProducesTheDatasetAndWorkbook() throws Exception {
        // The README's command, run once for the tests that read its outputs (SampleRun); what follows
        // it (the same command again, rerun, history) runs on a copy of its database and outputs.
        String console = SampleRun.console();
        assumeTrue(console != null, "the sample's outputs are another build's (sample.outputs): no console to read");
        SampleRun.copyDataDir(dir.resolve("data"));
        SampleRun.copy(SampleRun.outputs(), dir.resolve("out/pan-bedfordshire-sample/2026-03-31"));
        String[] command = {"run", "--period", "2026-03-31", "--output", dir.resolve("out").toString(),
                "--data-dir", dir.resolve("data").toString()};
        assertThat(console).contains("Loaded 822/2025-26/cin-census-822-2026.xml").contains("Using 58 returns for 3 LAs")
                .contains("Loaded partnership/training-records.xlsx").contains("Loaded 823/annex-a/annex-a-823-2026-03-31.xlsx")
                .contains("52 of 52 indicators have a value for the partnership");
        // The summary names every file the run wrote.
        Path folder = dir.resolve("out/pan-bedfordshire-sample/2026-03-31");
        try (var written = Files.list(folder)) {
            for (Path f : written.toList()) {
                assertThat(console).as(f.getFileName().toString()).contains("  " + f.getFileName()
                        + (Files.isDirectory(f) ? "/" : ""));
            }
        }

        IndicatorsFile indicators = IndicatorsFile.read(folder.resolve("indicators.csv"));
        assertThat(indicators.header()).containsExactly("indicator_id", "area_code", "area_name", "period_end", "breakdown",
                "value", "numerator", "denominator", "unit", "suppressed");
        List<List<String>> keys = new ArrayList<>();
        indicators.rows().forEach(r -> keys.add(List.of(r.get(0), r.get(1), r.get(3), r.get(4))));
        assertThat(keys).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> {
            for (int i = 0; i < 4; i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        assertThat(indicators.rows()).allSatisfy(r -> assertThat(r.get("value")).matches("\\d+(\\.\\d+)?"));
        // Every month end of six years for the LAs; the 12-month ones from the first March.
        assertThat(indicators.value("CPP_OPEN", "E06000055", "2020-04-30")).isNotNull();
        assertThat(indicators.value("CPP_START", "E06000055", "2021-03-31")).isNotNull();
        assertThat(indicators.value("CPP_START", "E06000055", "2021-02-28")).isNull();
        int partnershipCount = Integer.parseInt(indicators.value("CPP_OPEN", "pan-bedfordshire-sample", "2026-03-31"));
        int sum = 0;
        for (String la : List.of("E06000032", "E06000055", "E06000056")) {
            sum += Integer.parseInt(indicators.value("CPP_OPEN", la, "2026-03-31"));
        }
        assertThat(partnershipCount).isEqualTo(sum);

        String published = Files.readString(folder.resolve("indicators-published.csv"));
        assertThat(published).contains(",c,,,count,true");
        assertThat(Files.readString(folder.resolve("rejects.csv")))
                .startsWith("file,sheet,row,column,value,reason,outcome")
                .contains("'WBR' is not a DfE ethnicity code").contains("ends (").contains("is not a real date");
        // The sample's DfE files are 2022's: a March 2026 board is told England's figures beside it are four years old.
        assertThat(Files.readString(folder.resolve("run-summary.txt"))).contains("Inputs (64)")
                .containsPattern("For \\d+ of the \\d+ indicators compared with England, the newest DfE figure among the inputs is 4 "
                        + "or more years before this month \\(the year to 31 March 2022\\)")
                // INDICATORS.md: the latest estimate in place of the one DfE uses is flagged in the notes.
                .contains("Rates per 10,000 children for Apr 2025 to Mar 2026 use ONS's mid-2024 estimate of children aged 0 to 17, "
                        + "the latest the program has: DfE uses mid-2025 for these months.");
        // DfE's files in sample-data/reference give England's figures beside each LA's, for the years DfE has published.
        assertThat(Files.readAllLines(folder.resolve("benchmarks.csv")).get(0))
                .isEqualTo("indicator_id,area_code,period_end,value,england,region,sn_mean,sn_count,rank,rank_of,quartile");
        assertThat(Files.readString(folder.resolve("benchmarks.csv"))).contains("CPP_OPEN_NEG_INIT_PCT,E06000055,2022-03-31,");

        List<IndicatorDefinition> shown = Catalogue.load("sql").indicators().stream().filter(IndicatorDefinition::publish).toList();
        try (var charts = Files.list(folder.resolve("charts"))) {
            assertThat(charts.count()).isEqualTo(shown.size());
        }
        try (InputStream in = Files.newInputStream(folder.resolve("scorecard-pan-bedfordshire-sample-2026-03-31.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Cover");
            XSSFSheet scorecard = wb.getSheet("Scorecard");
            DataFormatter f = new DataFormatter();
            int header = 3;
            assertThat(f.formatCellValue(scorecard.getRow(header).getCell(5))).isEqualTo("This period (Mar 2026)");
            // A row per indicator per area with a value in its history (the partnership and its three LAs, or the
            // partnership alone for partnership-wide logs).
            assertThat(scorecard.getLastRowNum() - header).isBetween(shown.size(), shown.size() * 4);
            assertThat(f.formatCellValue(scorecard.getRow(header + 1).getCell(3))).isEqualTo("Pan Bedfordshire (synthetic sample)");
            assertThat(f.formatCellValue(scorecard.getRow(header + 1).getCell(9))).matches("[\u25B2\u25BC\u25CF] .+|\\[x\\]");
            var pictures = wb.getSheet("Trends").getDrawingPatriarch().getShapes();
            assertThat(pictures).hasSize(shown.size());
            assertThat(wb.getSheet("Trends").getDrawingPatriarch().getCTDrawing().toString()).contains("descr=\"Line chart of");
        }

        // The same month again: refused in one line, nothing changed.
        long before = Files.getLastModifiedTime(folder.resolve("indicators.csv")).toMillis();
        assertThat(run(command)).isEqualTo(2);
        assertThat(err.toString().strip()).contains("already completed").contains("rerun").doesNotContain("Exception")
                .satisfies(s -> assertThat(s.lines().count()).isEqualTo(1));
        assertThat(Files.getLastModifiedTime(folder.resolve("indicators.csv")).toMillis()).isEqualTo(before);

        // rerun: the same files are not loaded again, and the dataset is byte-identical.
        String first = Files.readString(folder.resolve("indicators.csv"));
        command[0] = "rerun";
        assertThat(run(command)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 to load, 64 loaded before")
                .contains("Earlier outputs of this period (what a board paper may have used) are kept in");
        assertThat(Files.readString(folder.resolve("indicators.csv"))).isEqualTo(first);

        assertThat(run("history", "--data-dir", dir.resolve("data").toString())).isZero();
        assertThat(out.toString()).contains("2026-03-31  2        completed").contains("2026-03-31  1        completed")
                .contains("Rows rejected");
        // Which outputs each attempt's are: the rerun's in the folder (the first attempt wrote the shared run's own).
        String attempts = out.toString().substring(out.toString().lastIndexOf("Runs of"));
        assertThat(attempts.lines().filter(l -> l.startsWith("2026-03-31  2 ")).findFirst().orElseThrow())
                .endsWith(folder.toString());
        assertThat(attempts.lines().filter(l -> l.startsWith("2026-03-31  1 ")).findFirst().orElseThrow())
                .endsWith(SampleRun.outputs().toString());
    }

    /**
     * A job file without 'input:' was run on the synthetic sample (the default folder), writing sample figures
     * under the partnership's own name over its real scorecard (a fresh-eye trial): refused before anything is read.
     */
    @Test
    void aJobFileThatNamesNoInputFolderIsRefusedNotRunOnTheSample() throws Exception {
        Path job = dir.resolve("no-input.yml");
        Files.writeString(job, Files.readString(Path.of("jobs/monthly-scorecard.yml")).replace("input: sample-data\n", ""));
        assertThat(Files.readString(job)).doesNotContain("input:");
        Path data = dir.resolve("no-input-data");
        assertThat(run("run", "--period", "2026-03-31", "--job", job.toString(), "--data-dir", data.toString(), "--output",
                dir.resolve("no-input-out").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("there is no 'input:' line, so the job file does not say which folder holds the "
                + "month's files").contains("or give --input");
        assertThat(dir.resolve("no-input-out")).doesNotExist();
        assertThat(run("validate", "--job", job.toString(), "--output", dir.resolve("no-input-validated").toString())).isEqualTo(2);
    }

    /** A member's code mistyped (812 for Luton's 821) passed validate, and the run then had no partnership totals. */
    @Test
    void validateSaysAMemberNoFolderIsNamedBy() throws Exception {
        Path job = dir.resolve("typo.yml");
        Files.writeString(job, Files.readString(Path.of("jobs/monthly-scorecard.yml")).replace("members: [822, 823, 821]",
                "members: [822, 823, 812]"));
        assertThat(Files.readString(job)).contains("812");
        assertThat(run("validate", "--job", job.toString(), "--output", dir.resolve("typo-validated").toString())).isEqualTo(3);
        String said = Files.readString(dir.resolve("typo-validated/pan-bedfordshire-sample/validation/validation-summary.txt"));
        assertThat(said).contains("MEMBERS WITH NO FOLDER OF FILES").contains("North East Lincolnshire (812), listed in")
                .contains("the folders are 821, 822, 823");
    }

    @Test
    void mistakesOnTheCommandLineGetAPlainAnswer() {
        assertThat(run("run", "--period", "2026-03-15", "--data-dir", dir.resolve("d").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("last day of a month, for example 2026-03-31");
        assertThat(run("run", "--period", "31/03/2026")).isEqualTo(2);
        assertThat(err.toString()).contains("write it as yyyy-mm-dd");
        assertThat(run("run", "--period", "2026-03-31", "--job", "jobs/no-such-job.yml")).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist").contains("jobs/");
        // history reads the job file while it opens the database: the job file's mistake is still the one said.
        assertThat(run("history", "--job", "jobs/no-such-job.yml", "--data-dir", dir.resolve("h").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist").contains("jobs/no-such-job.yml");
        // A setting to mend, not a run that stopped part-way and carries on: refused (2), not 1.
        assertThat(run("run", "--period", "2026-03-31", "--input", dir.resolve("nowhere").toString(),
                "--data-dir", dir.resolve("d").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("run").contains("rerun").contains("history").contains("generate-sample")
                // each command's line in the list is a whole sentence, not a description cut mid-way
                .contains("Check the input folder's files without loading anything").doesNotContain("row is read and\n");
        for (String command : List.of("run", "rerun", "validate", "history", "schedule", "purge", "audit")) {
            assertThat(run(command, "--help")).as(command + " --help: " + err).isZero();
            assertThat(err.toString()).as(command).isEmpty();
            assertThat(out.toString()).as(command).contains("Usage: neglect-scorecard " + command).contains("--help");
        }
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("--period=yyyy-MM-dd").contains("e.g. 2026-03-31");
    }

    @Test
    void aDatabaseFromAnEarlierVersionIsExplainedAndLeftAlone() throws Exception {
        Path data = dir.resolve("old-data");
        // An earlier version's cp_plan, before the visit columns, with a plan in it.
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + data.resolve("scorecard"), "", "");
             var st = c.createStatement()) {
            st.execute("CREATE TABLE cp_plan (row_id BIGINT PRIMARY KEY, la_code3 VARCHAR(3), return_id BIGINT, child_key VARCHAR(32))");
            st.execute("INSERT INTO cp_plan VALUES (1, '822', 1, 'k')");
        }
        int exit = run("run", "--period", "2026-03-31", "--data-dir", data.toString(), "--output", dir.resolve("out").toString());
        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("made by an earlier version of this program").contains("cp_plan.")
                .contains("Move the database folder " + data.toAbsolutePath().normalize() + " aside")
                .doesNotContain("Exception").doesNotContain("statement");
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + data.resolve("scorecard"), "", "");
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM cp_plan")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

}
