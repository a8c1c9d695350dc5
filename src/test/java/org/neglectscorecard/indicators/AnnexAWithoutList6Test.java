package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.sample.AnnexAWriter;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.TestApp;

/**
 * An Annex A workbook without List 6 leaves the children in need figures unknown for the months it
 * serves, and the summary says so; it is never given as the reason an assessment figure has no
 * value, since no Annex A carries assessments, with List 6 or without.
 */
class AnnexAWithoutList6Test {

    @TempDir
    Path dir;

    @Test
    void theMissingListIsSaidOnlyForTheFiguresItWouldHaveGiven() throws Exception {
        Path input = dir.resolve("input");
        var census = new ReturnBuilder("821", LocalDate.of(2024, 3, 31));
        var annex = new ReturnBuilder("821", LocalDate.of(2024, 9, 30));
        Map<String, AnnexAWriter.Visit> visits = new java.util.HashMap<>();
        for (int i = 0; i < 8; i++) {
            visits.put("C" + i, new AnnexAWriter.Visit("2024-09-2" + i, true));
            census.child("C" + i).episode("2023-05-0" + (i + 1), null, "N1").assessment("2023-05-0" + (i + 1), "2023-06-0" + (i + 1), "16A")
                    .cpp("2023-06-1" + i, null, "NEG", "NEG", 0).end().done();
            annex.child("C" + i).episode("2023-05-0" + (i + 1), null, "N1").cpp("2023-06-1" + i, null, "NEG", "NEG", 0).end().done();
        }
        CensusReturnWriter.writeXml(census.build(), input.resolve("821/census-2024.xml"));
        Path workbook = AnnexAWriter.write(annex.build(), LocalDate.of(2024, 9, 30), visits, List.of(), AnnexAWriter.Style.OFSTED,
                input.resolve("821/annex-a.xlsx"));
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            wb.removeSheetAt(wb.getSheetIndex("List 6"));
            try (OutputStream out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        }
        Path job = TestApp.jobFile(dir, "list6", "p", List.of("821"));
        try (TestApp app = TestApp.start(dir.resolve("data"))) {
            var result = app.run(job, LocalDate.of(2024, 9, 30), input, dir.resolve("out"), false);
            assertThat(result.ok()).as(result.message()).isTrue();
        }
        String summary = Files.readString(dir.resolve("out/p/2024-09-30/run-summary.txt"));
        assertThat(summary).contains("SOME FIGURES HAVE NO VALUE").contains("List 6").contains("(CIN_OPEN_N1)")
                .doesNotContain("(ASSESS_NEG)").doesNotContain("(ASSESS_NEG_PCT)");
    }
}
