package org.neglectscorecard.scorecard;

import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Data quality: per input file, rows read, loaded and rejected, the as-at date and the checksum.
 */
final class DataQualitySheet extends SheetWriter {

    DataQualitySheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        XSSFSheet s = sheet("Data quality", "Each input file: what was read, loaded and rejected, the date it was used as at, "
                + "and its checksum (to tell exactly which file was used). Reasons for rejections are counted on 'Problems found'.");
        header(s.createRow(TABLE_ROW), "File", "Kind", "Status", "Rows read", "Rows loaded", "Rows rejected", "Used as at",
                "Checksum (SHA-256)", "Why rejected");
        int r = TABLE_ROW + 1;
        for (RunInputs.InputSummary in : c.inputs()) {
            Row row = s.createRow(r++);
            text(row, 0, in.displayName());
            text(row, 1, formatName(in.format()));
            text(row, 2, in.status().toLowerCase(Locale.ROOT));
            integer(row, 3, in.rowsRead(), null);
            integer(row, 4, in.rowsLoaded(), null);
            integer(row, 5, in.rowsRejected(), null);
            text(row, 6, in.asAt() == null ? "not used" : in.asAt());
            text(row, 7, in.checksum());
            text(row, 8, in.message() == null ? NOT_APPLICABLE : in.message());
        }
        table(s, "DataQuality", 9, r);
        widths(s, 50, 30, 12, 12, 12, 14, 40, 68, 60);
        s.createFreezePane(1, TABLE_ROW + 1);
    }
}
