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
 */
final class TrendsSheet extends SheetWriter {

    TrendsSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) throws IOException {
        XSSFSheet s = wb.createSheet("Trends");
        contents().add(new String[] {"Trends", "A statistical process control chart per indicator for the partnership"});
        cell(s, 0, 0, "Trends", title);
        // Two short lines rather than one long one, so the note prints inside the charts' width.
        cell(s, 1, 0, "Each chart reads the partnership's monthly figures as a statistical process control chart: the mean,", null);
        cell(s, 2, 0, "the process limits, and special-cause months marked by shape and colour. Also in the charts folder as PNG.", null);
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
        for (int i = 0; i < charted.size(); i++) {
            ScorecardFigures.Line line = charted.get(i);
            IndicatorDefinition d = line.indicator();
            TrendChart.Picture picture = pictures.get(i);
            Files.write(c.chartsFolder().resolve(d.id() + ".png"), picture.png());
            int index = wb.addPicture(picture.png(), Workbook.PICTURE_TYPE_PNG);
            cell(s, top, 0, d.id() + ": " + d.title() + " (" + line.areaName() + ")", heading);
            cell(s, top + 1, 0, "Latest month: " + line.variation().words() + ". " + capitalise(picture.note()) + ".", null);
            // 11 default columns by 24 default rows: about 704 by 480 pixels, the PNG's own proportions.
            XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 0, top + 2, 11, top + 26);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            XSSFPicture pic = drawing.createPicture(anchor, index);
            pic.getCTPicture().getNvPicPr().getCNvPr().setDescr(picture.altText());
            pic.getCTPicture().getNvPicPr().getCNvPr().setName(d.id());
            top += 30;
            s.setRowBreak(top - 1);   // printed, each chart on its own page, never cut in two
        }
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        s.getPrintSetup().setLandscape(false);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        wb.setPrintArea(wb.getSheetIndex(s), 0, 10, 0, Math.max(top - 1, 2));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
