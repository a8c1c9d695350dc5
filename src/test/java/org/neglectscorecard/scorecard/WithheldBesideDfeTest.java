package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * The sheets that set our figure beside DfE's (Benchmarks, Reconciliation) show [c] where our
 * figure is withheld: not the figure, nor the difference from DfE's that would give it away, nor
 * its rank among LAs; a figure that is shown is shown in full.
 */
class WithheldBesideDfeTest {

    @TempDir
    Path dir;

    @Test
    void aWithheldFigureIsWithheldBesideDfesToo() throws Exception {
        Catalogue catalogue = Catalogue.load("sql");
        IndicatorDefinition d = catalogue.get("CLA_START_N1_PCT").orElseThrow();
        LocalDate march = LocalDate.of(2022, 3, 31);
        List<IndicatorValue> values = List.of(
                new IndicatorValue(d.id(), "E09000033", "Westminster", march, "all", new BigDecimal("60.0"), BigDecimal.valueOf(3),
                        BigDecimal.valueOf(5), null, "percent", true),
                new IndicatorValue(d.id(), "E09000032", "Wandsworth", march, "all", new BigDecimal("45.5"), BigDecimal.valueOf(20),
                        BigDecimal.valueOf(44), null, "percent", false));
        List<BenchmarkValue> benchmarks = List.of(
                new BenchmarkValue(d.id(), "E09000033", march, new BigDecimal("60.0"), new BigDecimal("63.0"), null, null, null, 3, 150,
                        "A", new BigDecimal("62.5")),
                new BenchmarkValue(d.id(), "E09000032", march, new BigDecimal("45.5"), new BigDecimal("63.0"), null, null, null, 140,
                        150, "D", new BigDecimal("45.5")));
        Path book = dir.resolve("book.xlsx");
        new ScorecardWorkbook().write(new ScorecardWorkbook.Content("P", "p", march, LocalDateTime.of(2022, 4, 5, 9, 0), true, null,
                List.of(), List.of(), List.of(d), values, List.of(), benchmarks, List.of(), List.of(), List.of(), dir.resolve("charts"),
                List.of(), null), book);
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(row(wb.getSheet("Benchmarks"), "Westminster")).containsSubsequence("[c]", "63.0", "[c]", "150", "[c]");
            assertThat(row(wb.getSheet("Benchmarks"), "Wandsworth")).containsSubsequence("45.5", "63.0", "140", "150", "D");
            assertThat(row(wb.getSheet("Reconciliation"), "Westminster")).containsSubsequence("[c]", "62.5", "[c]");
            assertThat(row(wb.getSheet("Reconciliation"), "Wandsworth")).containsSubsequence("45.5", "45.5", "0.0");
        }
    }

    private static List<String> row(XSSFSheet s, String area) {
        var format = new org.apache.poi.ss.usermodel.DataFormatter();
        for (int i = 0; i <= s.getLastRowNum(); i++) {
            var r = s.getRow(i);
            if (r != null && r.getCell(2) != null && area.equals(r.getCell(2).getStringCellValue())) {
                List<String> out = new java.util.ArrayList<>();
                r.forEach(c -> out.add(format.formatCellValue(c)));
                return out;
            }
        }
        throw new AssertionError("no row for " + area + " in " + s.getSheetName());
    }
}
