package org.neglectscorecard.ingest.agency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a source's template for partner agencies (sample-data/templates/), and files in the same
 * layout: a notes sheet saying what each column is for, the data sheet with its heading row,
 * drop-down lists on coded and yes/no columns, and an example row marked EXAMPLE (the reader
 * passes over it, so a partner who leaves it in does no harm). The same columns are accepted as CSV.
 */
public final class AgencyTemplate {

    /** Rows of data get drop-downs this far down the sheet. */
    private static final int VALIDATED_ROWS = 5000;

    private AgencyTemplate() {
    }

    /** The empty template: notes, headings, drop-downs and the example row. */
    public static Path writeTemplate(AgencySource source, Path file) throws IOException {
        return writeWorkbook(source, List.of(), true, file);
    }

    /**
     * A workbook in the template's layout holding rows (values in column order: text, numbers,
     * LocalDate or null).
     */
    public static Path writeWorkbook(AgencySource source, List<Object[]> rows, boolean example, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            // A fixed creation date: the same template is the same bytes each time it is written.
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(0)));
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle heading = wb.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle exampleStyle = wb.createCellStyle();
            Font italic = wb.createFont();
            italic.setItalic(true);
            exampleStyle.setFont(italic);

            notes(wb, source, heading, wrap);
            Sheet data = wb.createSheet(source.sheet());
            List<AgencyColumn> columns = source.columns();
            Row h = data.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                h.createCell(i).setCellValue(columns.get(i).heading());
                h.getCell(i).setCellStyle(heading);
                data.setColumnWidth(i, Math.min(60, Math.max(14, columns.get(i).heading().length() + 4)) * 256);
            }
            data.createFreezePane(0, 1);
            int r = 1;
            if (example) {
                Row e = data.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    String v = i == 0 ? AgencyTableReader.EXAMPLE_MARK + " (delete this row): " + columns.get(i).example()
                            : columns.get(i).example();
                    if (!v.isEmpty()) {
                        e.createCell(i).setCellValue(v);
                        e.getCell(i).setCellStyle(exampleStyle);
                    }
                }
            }
            for (Object[] values : rows) {
                Row row = data.createRow(r++);
                for (int i = 0; i < values.length && i < columns.size(); i++) {
                    Object v = values[i];
                    if (v instanceof LocalDate d) {
                        row.createCell(i).setCellValue(d);
                        row.getCell(i).setCellStyle(date);
                    } else if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            dropDowns(wb, data, columns);
            wb.setActiveSheet(wb.getSheetIndex(data));
            wb.write(out);
        }
        return file;
    }

    /** The same rows as CSV (UTF-8, the template's headings), for systems that export CSV. */
    public static Path writeCsv(AgencySource source, List<Object[]> rows, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(source.columns().stream().map(AgencyColumn::heading).toList());
            for (Object[] values : rows) {
                Object[] out = new Object[source.columns().size()];
                for (int i = 0; i < out.length && i < values.length; i++) {
                    out[i] = values[i] == null ? "" : values[i].toString();
                }
                csv.printRecord(out);
            }
        }
        return file;
    }

    private static void notes(XSSFWorkbook wb, AgencySource source, CellStyle heading, CellStyle wrap) {
        Sheet notes = wb.createSheet("Notes");
        notes.setColumnWidth(0, 30 * 256);
        notes.setColumnWidth(1, 12 * 256);
        notes.setColumnWidth(2, 80 * 256);
        notes.setColumnWidth(3, 50 * 256);
        int r = 0;
        r = line(notes, r, wrap, source.title() + ": template for the multi-agency neglect scorecard");
        r = line(notes, r, wrap, source.description());
        r = line(notes, r, wrap, "Fill in the '" + source.sheet() + "' sheet: one row per record, from row 3 (row 2 is an "
                + "example: delete it or leave it, it is never counted). Keep the heading row as it is. Dates as "
                + "yyyy-mm-dd or dd/mm/yyyy. Save as .xlsx, or as CSV (UTF-8) with the same headings.");
        r = line(notes, r, wrap, "Never write names, addresses or dates of birth: references are enough, and are "
                + "scrambled when the file is loaded.");
        r++;
        Row h = notes.createRow(r++);
        String[] headings = {"Column", "Required", "What to write", "Allowed values"};
        for (int i = 0; i < headings.length; i++) {
            h.createCell(i).setCellValue(headings[i]);
            h.getCell(i).setCellStyle(heading);
        }
        for (AgencyColumn c : source.columns()) {
            Row row = notes.createRow(r++);
            row.createCell(0).setCellValue(c.heading());
            row.createCell(1).setCellValue(c.required() ? "Yes" : "No");
            row.createCell(2).setCellValue(c.note());
            row.getCell(2).setCellStyle(wrap);
            List<String> choices = c.choices();
            String allowed = choices != null ? String.join("; ", choices)
                    : c.type() == AgencyColumn.Type.NUMBER ? "A whole number from " + c.min() + " to " + c.max()
                    : c.type() == AgencyColumn.Type.DATE ? "A date" : c.type() == AgencyColumn.Type.MONTH ? "A month" : "";
            if (!c.aliases().isEmpty()) {
                allowed += (allowed.isEmpty() ? "" : ". ") + "Also accepted as the heading: " + String.join(", ", c.aliases());
            }
            row.createCell(3).setCellValue(allowed);
            row.getCell(3).setCellStyle(wrap);
        }
    }

    private static int line(Sheet sheet, int r, CellStyle wrap, String text) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(text);
        return r + 1;
    }

    /** Lists on a hidden sheet, named, so drop-downs of any length work in every Excel version. */
    private static void dropDowns(XSSFWorkbook wb, Sheet data, List<AgencyColumn> columns) {
        Sheet lists = wb.createSheet("Lists");
        DataValidationHelper helper = data.getDataValidationHelper();
        int listColumn = 0;
        for (int i = 0; i < columns.size(); i++) {
            List<String> choices = columns.get(i).choices();
            if (choices == null) {
                continue;
            }
            for (int k = 0; k < choices.size(); k++) {
                Row row = lists.getRow(k) == null ? lists.createRow(k) : lists.getRow(k);
                row.createCell(listColumn).setCellValue(choices.get(k));
            }
            String letter = org.neglectscorecard.ingest.TableHeader.columnLetter(listColumn);
            Name name = wb.createName();
            name.setNameName("list_" + listColumn);
            name.setRefersToFormula("Lists!$" + letter + "$1:$" + letter + "$" + choices.size());
            DataValidationConstraint constraint = helper.createFormulaListConstraint("list_" + listColumn);
            DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1,
                    Math.min(VALIDATED_ROWS, SpreadsheetVersion.EXCEL2007.getLastRowIndex()), i, i));
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
            validation.createErrorBox("Not on the list", "Pick a value from the list: see the Notes sheet.");
            validation.setShowPromptBox(false);
            data.addValidationData(validation);
            listColumn++;
        }
        wb.setSheetHidden(wb.getSheetIndex(lists), true);
    }
}
