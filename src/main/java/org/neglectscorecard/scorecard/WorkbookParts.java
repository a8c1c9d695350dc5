package org.neglectscorecard.scorecard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What the sheets of one workbook share: the workbook, its few cell styles (a workbook holds a
 * limited number, so they are made once), and the list of sheets the Contents sheet links to.
 */
record WorkbookParts(XSSFWorkbook wb, CellStyle bold, CellStyle heading, CellStyle title, CellStyle wrap, CellStyle link,
                     CellStyle plain, Map<Integer, CellStyle> numberStyles, List<String[]> contents,
                     Map<Icons.Icon, Integer> iconPictures) {

    static WorkbookParts create() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        CellStyle bold = wb.createCellStyle();
        bold.setFont(boldFont);
        bold.setWrapText(true);
        bold.setVerticalAlignment(VerticalAlignment.TOP);
        // A line of bold text above a chart: it runs across the cells beside it rather than wrapping in column A.
        CellStyle heading = wb.createCellStyle();
        heading.setFont(boldFont);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        CellStyle title = wb.createCellStyle();
        title.setFont(big);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        Font linkFont = wb.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(IndexedColors.BLUE.getIndex());
        CellStyle link = wb.createCellStyle();
        link.setFont(linkFont);
        CellStyle plain = wb.createCellStyle();
        plain.setVerticalAlignment(VerticalAlignment.TOP);
        return new WorkbookParts(wb, bold, heading, title, wrap, link, plain, new HashMap<>(), new ArrayList<>(),
                new java.util.EnumMap<>(Icons.Icon.class));
    }
}
