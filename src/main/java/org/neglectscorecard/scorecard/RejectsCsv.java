package org.neglectscorecard.scorecard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

/**
 * rejects.csv, the performance officer's working file: every problem found in the run's inputs,
 * where it is (file, sheet, row as Excel shows it, column with its letter for a workbook), the
 * value where it is a code or a format (never an identifier or a date of birth), why, and what
 * was done (file rejected, row rejected, value left out, note).
 */
public final class RejectsCsv {

    public static final String[] HEADER = {"file", "sheet", "row", "column", "value", "reason", "outcome"};

    public void write(List<RunInputs.Problem> problems, Path file) throws IOException {
        try (CSVPrinter out = CsvOutput.open(file, HEADER)) {
            for (RunInputs.Problem p : problems) {
                String column = p.column() == null ? null : p.letter() == null ? p.column() : p.column() + " (" + p.letter() + ")";
                out.printRecord(CsvOutput.text(p.file()), CsvOutput.text(p.sheet()), p.row(), CsvOutput.text(column),
                        CsvOutput.text(p.value()), CsvOutput.text(p.reason()), p.outcome());
            }
        }
    }
}
