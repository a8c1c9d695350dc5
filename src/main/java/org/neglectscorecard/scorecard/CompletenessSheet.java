package org.neglectscorecard.scorecard;

import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Completeness;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Completeness of the key fields breakdowns and indicators rely on, per file.
 */
final class CompletenessSheet extends SheetWriter {

    CompletenessSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        XSSFSheet s = sheet("Completeness", "How completely each file filled the fields breakdowns and indicators rely on. "
                + "A low figure means a breakdown has many 'Not known' or an indicator misses records.");
        header(s.createRow(TABLE_ROW), "File", "Field", "Rows", "Rows with the field", "Per cent complete");
        int r = TABLE_ROW + 1;
        for (Completeness k : c.completeness()) {
            Row row = s.createRow(r++);
            text(row, 0, k.file());
            text(row, 1, k.field());
            integer(row, 2, (int) k.rows(), null);
            integer(row, 3, (int) k.filled(), null);
            number(row, 4, k.rows() == 0 ? null : BigDecimal.valueOf(k.filled() * 1000 / k.rows(), 1), 1, NOT_APPLICABLE);
        }
        table(s, "Completeness", 5, r);
        widths(s, 50, 40, 10, 18, 16);
    }
}
