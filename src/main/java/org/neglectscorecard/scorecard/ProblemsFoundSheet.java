package org.neglectscorecard.scorecard;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;

/**
 * Problems found in the inputs, counted by file, table and column, with an example reason.
 */
final class ProblemsFoundSheet extends SheetWriter {

    ProblemsFoundSheet(WorkbookParts parts) {
        super(parts);
    }

    @Override
    void write(Content c) {
        XSSFSheet s = sheet("Problems found", "Problems found in the inputs, counted by file, table and column, with one "
                + "example; every one is listed with its row in rejects.csv beside this workbook.");
        header(s.createRow(TABLE_ROW), "File", "Table or sheet", "Column", "What was done", "How many", "Example reason");
        int r = TABLE_ROW + 1;
        for (RunInputs.ProblemCount p : c.problems()) {
            Row row = s.createRow(r++);
            text(row, 0, p.file());
            text(row, 1, p.sheet() == null ? "(whole file)" : p.sheet());
            text(row, 2, p.column() != null ? p.column()
                    : RunInputs.Problem.FILE_NOT_USED.equals(p.outcome()) ? "(whole file)" : "(whole row)");
            text(row, 3, p.outcome());
            integer(row, 4, p.count(), null);
            text(row, 5, p.example());
        }
        table(s, "ProblemsFound", 6, r);
        widths(s, 50, 36, 28, 16, 10, 100);   // a table set's sheet is named with its file: "821/2022-23/ChildCharacteristics"
    }
}
