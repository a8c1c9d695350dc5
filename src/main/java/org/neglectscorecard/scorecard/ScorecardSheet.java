package org.neglectscorecard.scorecard;

import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * The full scorecard: every indicator for the partnership and each LA, grouped by strategic priority.
 */
final class ScorecardSheet extends SheetWriter {

    ScorecardSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        LocalDate previous = c.period().minusMonths(1).withDayOfMonth(c.period().minusMonths(1).lengthOfMonth());
        LocalDate lastYear = c.period().minusYears(1).withDayOfMonth(c.period().minusYears(1).lengthOfMonth());
        XSSFSheet s = sheet("Scorecard", "Every indicator for the partnership and each local authority, grouped by strategic "
                + "priority. Variation and target assurance read the monthly figures as SPC charts (see Trends).");
        header(s.createRow(TABLE_ROW), "Strategic priority", "Indicator ID", "Indicator", "Area", "Unit",
                "This period (" + monthName(c.period()) + ")", "Previous month (" + monthName(previous) + ")",
                "Same month last year (" + monthName(lastYear) + ")", "Change on last year", "Direction of travel",
                "Variation (SPC)", "Target", "RAG", "Target assurance (SPC)", "England (DfE's latest year)",
                "Statistical neighbours' mean (same year)", "England and neighbours: 31 March of", "Better is", "What it says",
                "Commentary and action (lead officers)");
        int r = TABLE_ROW + 1;
        for (String priority : priorities(c.indicators())) {
            for (ScorecardFigures.Line line : c.lines()) {
                IndicatorDefinition d = line.indicator();
                if (!d.priority().equals(priority)) {
                    continue;
                }
                Row row = s.createRow(r++);
                text(row, 0, priority);
                text(row, 1, d.id());
                text(row, 2, d.title());
                text(row, 3, line.areaName());
                text(row, 4, unitName(d));
                value(row, 5, line.now(), d.decimals());
                value(row, 6, line.previousMonth(), d.decimals());
                value(row, 7, line.lastYear(), d.decimals());
                if (line.change() != null) {
                    number(row, 8, line.change(), d.decimals(), null);
                } else {
                    text(row, 8, suppressedEither(line) ? SUPPRESSED : NOT_AVAILABLE);
                }
                text(row, 9, line.direction() == null ? (line.runningTotal() ? NOT_APPLICABLE : NOT_AVAILABLE) : line.directionText());
                text(row, 10, line.variationWords());
                number(row, 11, line.target() == null ? null : line.target().value(), d.decimals(),
                        d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE);
                text(row, 12, line.rag() == null ? (d.polarity() == Polarity.context ? NOT_APPLICABLE : NOT_AVAILABLE) : line.rag().words());
                text(row, 13, BoardSummarySheet.assurance(line));
                BenchmarkValue b = line.benchmark();
                boolean counted = d.benchmark() == null || d.unit() == Unit.count;
                String none = counted ? NOT_APPLICABLE : NOT_AVAILABLE;
                number(row, 14, b == null || counted ? null : b.england(), d.decimals(), none);
                number(row, 15, b == null || counted ? null : b.snMean(), d.decimals(), line.partnership() ? NOT_APPLICABLE : none);
                text(row, 16, b == null || counted ? none : String.valueOf(b.periodEnd().getYear()));
                text(row, 17, better(d));
                text(row, 18, line.sentence(), wrap);
                text(row, 19, line.commentary() == null ? (line.partnership() ? NOT_AVAILABLE : NOT_APPLICABLE)
                        : BoardSummarySheet.commentary(line.commentary()), wrap);
            }
        }
        table(s, "Scorecard", 20, r);
        widths(s, 24, 26, 44, 26, 14, 14, 14, 14, 12, 18, 30, 10, 20, 34, 14, 14, 12, 14, 80, 60);
        s.createFreezePane(4, TABLE_ROW + 1);
        // Twenty columns on one page wide printed at a quarter size, unreadable in a board paper (a trial): four pages
        // wide, each with the indicator, its ID and area beside the figures, and the headings above them.
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        s.getPrintSetup().setLandscape(true);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 4);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(TABLE_ROW, TABLE_ROW, -1, -1));
        s.setRepeatingColumns(new org.apache.poi.ss.util.CellRangeAddress(-1, -1, 1, 3));
    }

    private static boolean suppressedEither(ScorecardFigures.Line line) {
        return line.now() != null && line.now().suppressed() || line.lastYear() != null && line.lastYear().suppressed();
    }
}
