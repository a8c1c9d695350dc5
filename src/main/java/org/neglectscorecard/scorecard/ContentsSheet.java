package org.neglectscorecard.scorecard;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Contents: every sheet after it, with a link and what it shows.
 */
final class ContentsSheet extends SheetWriter {

    ContentsSheet(WorkbookParts parts) {
        super(parts);
    }

    /** Written last, when every other sheet has been listed, on the sheet made second. */
    @Override
    void write(ScorecardWorkbook.Content c) {
        XSSFSheet s = wb.getSheet("Contents");
        cell(s, 0, 0, "Contents", title);
        cell(s, 1, 0, "Select a sheet's name to go to it.", null);
        Row h = s.createRow(TABLE_ROW);
        header(h, "Sheet", "What it shows");
        int r = TABLE_ROW + 1;
        for (String[] entry : contents()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(entry[0]);
            XSSFHyperlink hyperlink = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            hyperlink.setAddress("'" + entry[0] + "'!A1");
            row.getCell(0).setHyperlink(hyperlink);
            row.getCell(0).setCellStyle(link);
            row.createCell(1).setCellValue(entry[1]);
        }
        table(s, "Contents", 2, r);
        widths(s, 26, 110);
    }
}
