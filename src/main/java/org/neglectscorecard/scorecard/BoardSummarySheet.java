package org.neglectscorecard.scorecard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * The one-page board summary: each priority's headline indicators with value, direction, SPC variation,
 * RAG, England and neighbours and a sentence, set to print on one A4 landscape page.
 */
final class BoardSummarySheet extends SheetWriter {

    BoardSummarySheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        XSSFSheet s = sheet("Board summary", "Headline indicators for " + c.partnershipName() + ", month ending "
                + c.period().format(DAY) + ". Change is on the same month a year earlier; variation reads the monthly "
                + "figures (SPC); RAG is against the partnership's target.");
        header(s.createRow(TABLE_ROW), "Strategic priority", "Indicator", "This month", "A year earlier", "Direction of travel",
                "Variation (SPC)", "Target", "RAG", "England (latest 31 March)", "Member LAs better than their neighbours",
                "What it says");
        int r = TABLE_ROW + 1;
        List<String> priorities = priorities(c.indicators());
        for (String priority : priorities) {
            for (IndicatorDefinition d : c.indicators()) {
                if (!d.headline() || !d.priority().equals(priority)) {
                    continue;
                }
                ScorecardFigures.Line line = ScorecardFigures.find(c.lines(), d.id(), c.partnershipCode()).orElse(null);
                if (line == null) {
                    continue;
                }
                Row row = s.createRow(r++);
                text(row, 0, priority, wrap);
                text(row, 1, d.title(), wrap);
                value(row, 2, line.now(), d.decimals());
                value(row, 3, line.lastYear(), d.decimals());
                text(row, 4, line.direction() == null ? (line.runningTotal() ? NOT_APPLICABLE : NOT_AVAILABLE) : line.directionText(), wrap);
                text(row, 5, line.variationWords(), wrap);
                number(row, 6, line.target() == null ? null : line.target().value(), d.decimals(),
                        d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE);
                text(row, 7, line.rag() == null ? (d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE) : line.rag().words(), wrap);
                BenchmarkValue b = line.benchmark();
                boolean noEngland = d.benchmark() == null || d.unit() == Unit.count;
                number(row, 8, b == null || noEngland ? null : b.england(), d.decimals(), noEngland ? NOT_APPLICABLE : NOT_AVAILABLE);
                text(row, 9, neighboursSummary(c, d), wrap);
                text(row, 10, line.sentence(), wrap);
            }
        }
        table(s, "BoardSummary", 11, r);
        widths(s, 18, 30, 10, 10, 14, 20, 9, 14, 11, 16, 70);
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 1);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.4);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.4);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.TOP, 0.4);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.BOTTOM, 0.4);
        wb.setPrintArea(wb.getSheetIndex(s), 0, 10, 0, r - 1);
        s.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(TABLE_ROW, TABLE_ROW, 0, 10));
    }

    /** "2 of 3": member LAs whose latest benchmarked figure is better than their neighbours' mean. */
    private static String neighboursSummary(Content c, IndicatorDefinition d) {
        if (d.polarity() == Polarity.context || d.unit() == Unit.count) {
            return NOT_APPLICABLE;
        }
        Map<String, BenchmarkValue> latest = new HashMap<>();
        for (BenchmarkValue b : c.benchmarks()) {
            if (b.indicatorId().equals(d.id()) && !b.areaCode().equals(c.partnershipCode()) && b.snMean() != null && b.value() != null) {
                latest.merge(b.areaCode(), b, (x, y) -> x.periodEnd().isAfter(y.periodEnd()) ? x : y);
            }
        }
        if (latest.isEmpty()) {
            return NOT_AVAILABLE;
        }
        long better = latest.values().stream().filter(b -> d.polarity() == Polarity.up ? b.value().compareTo(b.snMean()) > 0
                : b.value().compareTo(b.snMean()) < 0).count();
        LocalDate when = latest.values().stream().map(BenchmarkValue::periodEnd).max(LocalDate::compareTo).orElseThrow();
        return better + " of " + latest.size() + " (31 March " + when.getYear() + ")";
    }
}
