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
                + "A low figure means a breakdown has many 'Not known' or an indicator misses records; a field a file lacks "
                + "altogether is flagged in the Note, with the indicators left without a value.");
        header(s.createRow(TABLE_ROW), "File", "Field", "Rows", "Rows with the field", "Per cent complete", "Note");
        int r = TABLE_ROW + 1;
        for (Completeness k : c.completeness()) {
            Row row = s.createRow(r++);
            text(row, 0, k.file());
            text(row, 1, k.field());
            if (k.rows() == null) {
                // The file has no such column at all: flagged, with what goes without it.
                text(row, 2, NOT_AVAILABLE);
                text(row, 3, NOT_AVAILABLE);
                number(row, 4, BigDecimal.ZERO, 1, null);
            } else {
                integer(row, 2, k.rows().intValue(), null);
                integer(row, 3, (int) k.filled(), null);
                number(row, 4, k.rows() == 0 ? null : BigDecimal.valueOf(k.filled() * 1000 / k.rows(), 1), 1, NOT_APPLICABLE);
            }
            text(row, 5, k.note() != null ? k.note() : plainNote(k));
        }
        table(s, "Completeness", 6, r);
        widths(s, 50, 40, 10, 18, 16, 80);
    }

    /** Every row gets a word, so an officer scanning the Note column never reads a blank as "fine". */
    static String plainNote(Completeness k) {
        if (k.rows() == null || k.rows() == 0) {
            return "No rows in this file";
        }
        if (k.filled() == k.rows()) {
            return "Complete";
        }
        if (k.filled() == 0) {
            return "Empty in every row (or the file lacks it): see any 'Missing' note for this file";
        }
        return k.filled() * 10 < k.rows() * 9
                ? "Under 90% complete: breakdowns by this field show many 'Not known'"
                : "Mostly complete";
    }
}
