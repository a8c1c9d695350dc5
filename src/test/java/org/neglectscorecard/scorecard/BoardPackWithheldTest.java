package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * The board pack shows exactly what the workbook shows of a withheld figure: [c] where the value
 * would be, a gap in its charts, and nothing in the words or alt text that says what it was. The
 * values are made here, so the test needs no run of the job.
 */
class BoardPackWithheldTest {

    static final String P = "partnership";
    static final LocalDate PERIOD = LocalDate.of(2026, 3, 31);

    @Test
    void aWithheldFigureIsCInTheSummaryAndAGapInItsCharts() throws IOException {
        Catalogue catalogue = Catalogue.load("sql");
        List<IndicatorDefinition> published = catalogue.indicators().stream().filter(IndicatorDefinition::publish).toList();
        List<IndicatorValue> values = new ArrayList<>();
        // Two years of children on a plan for neglect; the latest month and one in the middle withheld (4 and 3 children).
        for (int i = 0; i < 24; i++) {
            LocalDate month = YearMonth.from(PERIOD).minusMonths(23 - i).atEndOfMonth();
            int v = i == 23 ? 4 : i == 11 ? 3 : 40 + (i % 4) * 3;
            values.add(new IndicatorValue("CPP_OPEN_NEG_INIT", P, "A partnership", month, "all", BigDecimal.valueOf(v), null, null,
                    null, "count", v <= 5));
        }
        List<ScorecardFigures.Line> lines = ScorecardFigures.build(new ScorecardFigures.Inputs(PERIOD, P, published, catalogue, values,
                List.of(), List.of(new org.neglectscorecard.benchmark.Targets.Target("CPP_OPEN_NEG_INIT", P, PERIOD, BigDecimal.valueOf(30),
                        BigDecimal.ONE)), List.of(), ScorecardFigures.SpcSettings.NONE));
        ScorecardFigures.Line line = ScorecardFigures.find(lines, "CPP_OPEN_NEG_INIT", P).orElseThrow();
        assertThat(line.spcValues().get(23)).isNull();
        assertThat(line.spcValues().get(11)).isNull();
        assertThat(line.spcValues().get(10)).isNotNull();
        ScorecardWorkbook.Content c = new ScorecardWorkbook.Content("A partnership", P, PERIOD, LocalDateTime.of(2026, 4, 5, 9, 0),
                true, null, List.of(), List.of(), published, values, lines, List.of(), List.of(), List.of(), List.of(),
                Path.of("charts"), List.of(), null);
        String html = new BoardPack().html(c, BoardPack.Layout.SHORT_NOTES);
        int row = html.indexOf(">Children on a plan, initial category neglect<");
        assertThat(row).isPositive();
        String summaryRow = html.substring(row, html.indexOf("</tr>", row));
        assertThat(summaryRow).contains("[c]").contains("Withheld to protect the children concerned.");
        // Its target is not judged on a withheld figure, and does not silently drop off the list either.
        assertThat(html).contains("Children on a plan, initial category neglect: cannot be judged this month (target 30): "
                + "the figure is withheld as a small number.");
        // This month has no SPC reading, so its assurance is said to come from the months charted, not as this month's verdict.
        assertThat(html).contains("From the months charted: target");
        // Nothing says what the withheld figures were: no 4 or 3 as a figure in the words or the charts' alt text.
        for (String alt : altTexts(html)) {
            if (alt.contains("children on a plan, initial category neglect")) {
                assertThat(alt).doesNotContain(" 4 in").doesNotContain(" 3 in").contains("in Feb 2026");
            }
        }
        byte[] pdf = BoardPack.pdf(html);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("[c]");
        }
    }

    static List<String> altTexts(String html) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("aria-label=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
