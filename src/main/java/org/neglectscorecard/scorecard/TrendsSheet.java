package org.neglectscorecard.scorecard;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Trends: an SPC chart per indicator, embedded with alt text and saved as a PNG for board papers.
 * Printed two to a page (A4 portrait, full size): each under its heading and the note on how to
 * read it, in one column as wide as the chart so that neither is ever cut, the chart at the PNG's
 * own proportions, and a page break after every second chart so none is split across pages.
 */
final class TrendsSheet extends SheetWriter {

    /**
     * Rows (15 points each) a chart takes: 255 points tall, and as wide as its proportions make it
     * (about 380 points), so that two charts with their headings and notes fill an A4 portrait page
     * at full size in Excel and LibreOffice.
     */
    static final int CHART_ROWS = 17;
    static final int CHARTS_A_PAGE = 2;
    /** The one column's width in characters: the chart's width at CHART_ROWS rows tall, at about 5.25 points a character. */
    static final int COLUMN_CHARS = (int) Math.round(CHART_ROWS * 15.0 * TrendChart.WIDTH / TrendChart.HEIGHT / 5.25);

    TrendsSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) throws IOException {
        XSSFSheet s = wb.createSheet("Trends");
        contents().add(new String[] {"Trends", "A statistical process control chart per indicator for the partnership"});
        s.setColumnWidth(0, COLUMN_CHARS * 256);
        cell(s, 0, 0, "Trends", title);
        cell(s, 1, 0, "Each chart reads the partnership's monthly figures as a statistical process control chart (NHS England's "
                + "Making Data Count): the mean, the process limits, and special-cause months marked by shape and colour, with "
                + "the variation and assurance icons at the top right. Each chart is also in the charts folder as a PNG.", wrap);
        XSSFDrawing drawing = s.createDrawingPatriarch();
        Files.createDirectories(c.chartsFolder());
        Map<String, List<BenchmarkValue>> england = new HashMap<>();
        for (BenchmarkValue b : c.benchmarks()) {
            if (b.areaCode().equals(c.partnershipCode())) {
                england.computeIfAbsent(b.indicatorId(), k -> new ArrayList<>()).add(b);
            }
        }
        List<ScorecardFigures.Line> charted = new ArrayList<>();
        for (IndicatorDefinition d : c.indicators()) {
            ScorecardFigures.find(c.lines(), d.id(), c.partnershipCode())
                    .filter(l -> !l.history().isEmpty())
                    .or(() -> c.lines().stream().filter(l -> l.indicator().id().equals(d.id()) && !l.history().isEmpty()).findFirst())
                    .ifPresent(charted::add);
        }
        // Drawing and encoding the charts is most of this sheet's time, and each stands alone: drawn
        // on every core, then placed in order.
        List<TrendChart.Picture> pictures = charted.parallelStream()
                .map(line -> TrendChart.draw(line, england.get(line.indicator().id()))).toList();
        int top = 3;
        int charts = 0;
        for (int i = 0; i < charted.size(); i++) {
            ScorecardFigures.Line line = charted.get(i);
            IndicatorDefinition d = line.indicator();
            TrendChart.Picture picture = pictures.get(i);
            Files.write(c.chartsFolder().resolve(d.id() + ".png"), picture.png());
            int index = wb.addPicture(picture.png(), Workbook.PICTURE_TYPE_PNG);
            cell(s, top, 0, (charts + 1) + ". " + d.title() + " (" + d.id() + "), " + line.areaName(), bold);
            cell(s, top + 1, 0, ("Latest month: " + line.variationWords() + ". " + picture.note()).strip(), wrap);
            XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 0, top + 2, 1, top + 2 + CHART_ROWS);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            XSSFPicture pic = drawing.createPicture(anchor, index);
            pic.getCTPicture().getNvPicPr().getCNvPr().setDescr(picture.altText());
            pic.getCTPicture().getNvPicPr().getCNvPr().setName(d.id());
            top += 2 + CHART_ROWS + 1;
            charts++;
            if (charts % CHARTS_A_PAGE == 0) {
                s.setRowBreak(top - 1);   // printed, two charts a page, none cut in two
            }
        }
        fitRows(s, 0, COLUMN_CHARS);
        // A line more under each note than the estimate: a note cut short under its chart is worse than a gap.
        for (int r = 1; r <= s.getLastRowNum(); r++) {
            org.apache.poi.ss.usermodel.Row row = s.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellStyle().getIndex() == wrap.getIndex()) {
                row.setHeightInPoints(Math.max(row.getHeightInPoints(), 15f) + 13f);
            }
        }
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        s.getPrintSetup().setLandscape(false);
        for (org.apache.poi.ss.usermodel.PageMargin m : List.of(org.apache.poi.ss.usermodel.PageMargin.TOP,
                org.apache.poi.ss.usermodel.PageMargin.BOTTOM, org.apache.poi.ss.usermodel.PageMargin.LEFT,
                org.apache.poi.ss.usermodel.PageMargin.RIGHT)) {
            s.setMargin(m, 0.4);
        }
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.HEADER, 0.2);
        s.setMargin(org.apache.poi.ss.usermodel.PageMargin.FOOTER, 0.2);
        // At full size, not "fit to": Excel ignores manual page breaks under Fit To, and the column is as wide as
        // A4 portrait's printable width allows (the chart at 20 rows tall).
        s.setFitToPage(false);
        s.getPrintSetup().setScale((short) 100);
        wb.setPrintArea(wb.getSheetIndex(s), 0, 0, 0, Math.max(top - 1, 2));
    }
}
