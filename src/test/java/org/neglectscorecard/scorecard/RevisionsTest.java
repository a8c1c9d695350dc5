package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * A period run again after a corrected return arrives lists every month the correction moved,
 * with the figure before and after and the file that moved it (issue 11.6); and a later period's
 * run lists what moved since the run before it.
 */
class RevisionsTest {

    @TempDir
    Path dir;

    /**
     * Twenty children on a plan since June 2021, initially for neglect; the latest category neglect for {@code neglectLatest}
     * of them. (Ten, with seven, left three whose latest category is not neglect: a count of 1 to 5 children by
     * subtraction, withheld since the complement is protected.)
     */
    static CensusReturn return2022(int neglectLatest) {
        var r = new ReturnBuilder("213", LocalDate.of(2022, 3, 31));
        for (int i = 0; i < 20; i++) {
            String latest = i < neglectLatest ? "NEG" : "EMO";
            r.child("K" + i).episode("2021-05-01", null, "N1").cpp("2021-06-01", null, "NEG", latest, 0).end().done();
        }
        return r.build();
    }

    @Test
    void aCorrectedReturnsRerunListsEveryMonthItMovedAndTheFileThatMovedIt() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeCsv(return2022(0), input.resolve("213/2022"));
        Path job = TestApp.jobFile(dir, "revisions", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), false).ok()).isTrue();
            assertThat(rows("CPP_OPEN_NEG_LATEST")).as("a first run has nothing to compare with").isEmpty();

            // The LA corrects its return: twelve of the twenty children's latest category is neglect.
            CensusReturnWriter.writeCsv(return2022(12), input.resolve("213/2022-corrected"));
            var rerun = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), true);
            assertThat(rerun.ok()).as(rerun.message()).isTrue();
        }
        List<List<String>> all = rows("CPP_OPEN_NEG_LATEST");
        List<List<String>> moved = all.stream().filter(r -> r.get(1).equals("Westminster")).toList();
        assertThat(all).as("and the partnership's, the sum of its one LA").hasSize(2 * moved.size());
        List<String> months = moved.stream().map(r -> r.get(2)).toList();
        assertThat(months).containsExactly("2021-06-30", "2021-07-31", "2021-08-31", "2021-09-30", "2021-10-31", "2021-11-30",
                "2021-12-31", "2022-01-31", "2022-02-28", "2022-03-31");
        for (List<String> r : all) {
            assertThat(r.get(3)).isEqualTo("This period's previous run");
            assertThat(r.subList(4, 7)).containsExactly("0", "12", "12");
            assertThat(r.get(7)).isEqualTo("213/2022-corrected/ (CIN census tables) (in place of 213/2022/ (CIN census tables))");
        }
        assertThat(rows("CPP_OPEN_NEG_LATEST_PCT")).extracting(r -> r.get(5)).containsOnly("60.0");
        assertThat(rows("CPP_OPEN_NEG_INIT")).as("the initial category did not change").isEmpty();
        // Said in the summary too, where the person running it looks.
        assertThat(java.nio.file.Files.readString(dir.resolve("out/p/2022-03-31/run-summary.txt")))
                .containsPattern("\\d+ headline figures of earlier months differ from the last run's: the workbook's Revisions sheet");
    }

    @Test
    void aReturnCorrectedUnderItsOwnNameIsNamedAsANewVersion() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeCsv(return2022(0), input.resolve("213/2022"));
        Path job = TestApp.jobFile(dir, "revisions", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), false).ok()).isTrue();
            org.jooq.DSLContext dsl = app.bean(org.jooq.DSLContext.class);
            Object first = dsl.fetchValue("SELECT MAX(run_id) FROM indicator_value");
            long published = ((Number) dsl.fetchValue("SELECT COUNT(*) FROM indicator_value")).longValue();
            // The corrected tables written over the old ones, in the same folder.
            CensusReturnWriter.writeCsv(return2022(12), input.resolve("213/2022"));
            var rerun = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), true);
            assertThat(rerun.ok()).as(rerun.message()).isTrue();
            // The copy the rerun replaced (a board may have it) is kept whole, for disclosure control to stay consistent with.
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM replaced_value WHERE run_id = " + first)).isEqualTo(published);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM replaced_value r JOIN indicator_value v ON v.indicator_id = "
                    + "r.indicator_id AND v.area_code = r.area_code AND v.period_end = r.period_end AND v.breakdown = r.breakdown "
                    + "AND v.figure = r.figure AND v.suppressed <> r.suppressed")).as("an unchanged figure's verdict").isEqualTo(0L);
        }
        List<List<String>> all = rows("CPP_OPEN_NEG_LATEST");
        assertThat(all).isNotEmpty();
        // Not "the same files: recomputed", which would send a scrutineer looking for a change of definition.
        assertThat(all).extracting(r -> r.get(7)).containsOnly("213/2022/ (CIN census tables) (a new version of the file)");
        assertThat(Files.readString(dir.resolve("out/p/2022-03-31/run-summary.txt"))).doesNotContain("is the version of this file");
    }

    /**
     * The old tables copied back over the correction (a folder restored from a backup): the run uses
     * what the folder holds, and says that a later version was read and used before, so the undone
     * correction is not missed. (A fresh-eye trial found it said nowhere.)
     */
    @Test
    void anOlderVersionPutBackIsSaidToUndoTheLaterOne() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeCsv(return2022(0), input.resolve("213/2022"));
        Path job = TestApp.jobFile(dir, "revisions", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), false).ok()).isTrue();
            CensusReturnWriter.writeCsv(return2022(12), input.resolve("213/2022"));
            assertThat(app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), true).ok()).isTrue();
            CensusReturnWriter.writeCsv(return2022(0), input.resolve("213/2022"));
            var putBack = app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), true);
            assertThat(putBack.ok()).as(putBack.message()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("out/p/2022-03-31/run-summary.txt")))
                .containsPattern("Warning: 213/2022/ \\(CIN census tables\\) is the version of this file first read on \\d+ \\w+ \\d{4}"
                        + "( at [\\d:]+)?; a different version of it was read on \\d+ \\w+ \\d{4}( at [\\d:]+)? and used by this job since")
                .contains("if the later one was a correction, it is undone here");
        assertThat(rows("CPP_OPEN_NEG_LATEST")).as("the figures are the old version's again: 12 then, none now").isNotEmpty()
                .allSatisfy(r -> assertThat(r.subList(4, 6)).containsExactly("12", "0"));
    }

    /** The Revisions sheet's rows for one indicator, as text. */
    private List<List<String>> rows(String indicator) throws Exception {
        Path book = dir.resolve("out/p/2022-03-31/scorecard-p-2022-03-31.xlsx");
        List<List<String>> out = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("Revisions");
            XSSFTable t = s.getTables().get(0);
            for (int i = t.getStartCellReference().getRow() + 1; i <= t.getEndCellReference().getRow(); i++) {
                var row = s.getRow(i);
                if (row == null || !indicator.equals(row.getCell(0).getStringCellValue())) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    var cell = row.getCell(c);
                    cells.add(cell.getCellType() == CellType.NUMERIC ? format.formatCellValue(cell).replace(",", "") : cell.getStringCellValue());
                }
                out.add(cells);
            }
        }
        return out;
    }

    /**
     * A file taken out (or rejected whole) since the last run of the period: the run still finishes, with
     * fewer figures; the summary says which indicators had a value then and have none now (a fresh-eye trial
     * saw only "44 of 52 indicators have a value", 52 the run before).
     */
    @Test
    void indicatorsThatHadAValueInTheLastRunAndHaveNoneNowAreSaid() throws Exception {
        Path input = dir.resolve("input");
        CensusReturnWriter.writeCsv(return2022(0), input.resolve("213/2022"));
        java.nio.file.Files.writeString(input.resolve("213/early-help.csv"), """
                Family reference,Plan start,Plan end,Whole-family plan,Multi-agency,Lead agency,Neglect identified
                F1,2021-05-01,,Y,Y,Education,Y
                F2,2021-06-01,,Y,Y,Health,Y
                F3,2021-07-01,,Y,Y,Health,N
                F4,2022-03-10,,Y,Y,Police,Y
                """);
        Path job = TestApp.jobFile(dir, "lost", "p", List.of("213"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            assertThat(app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), false).ok()).isTrue();
            assertThat(java.nio.file.Files.readString(dir.resolve("out/p/2022-03-31/run-summary.txt"))).doesNotContain("have none now");
            java.nio.file.Files.delete(input.resolve("213/early-help.csv"));
            assertThat(app.run(job, LocalDate.of(2022, 3, 31), input, dir.resolve("out"), true).ok()).isTrue();
        }
        assertThat(java.nio.file.Files.readString(dir.resolve("out/p/2022-03-31/run-summary.txt")))
                .containsPattern("Warning: \\d+ indicators? had a value for the partnership for this month in this period's last run "
                        + "and ha(s|ve) none now \\([^)]*EH_WFMA_OPEN");
    }
}
