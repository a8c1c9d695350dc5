package org.neglectscorecard.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.Values;

/**
 * A workbook saved with Excel's 1904 date system (old Excel for Mac's default) keeps its dates as
 * days since 1 January 1904. Read as the usual 1900 count, every date in an Annex A came out four
 * years and a day early and the run gave figures for the wrong months without a word (a trial,
 * 5 December). A date cell, and a date kept as a plain number, are read from the workbook's own day 0.
 */
class Date1904WorkbookTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookCountingFrom1904GivesItsDatesAsExcelShowsThem() throws Exception {
        Path file = workbook(true);
        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader sheet = wb.sheet("List 7", "LIST_7")) {
            SourceRow row = row(sheet);
            assertThat(row.header().date1904()).isTrue();
            assertThat(row.value("CP Plan Start Date")).isEqualTo("2026-03-02");
            // 44620 days after 1 January 1904, where the 1900 count would say 28 February 2022.
            assertThat(Values.date(row.value("Plain number date"), row.header().date1904())).contains(LocalDate.of(2026, 3, 1));
            // A partner's month kept as a plain number is that month, not March 2022's.
            assertThat(Values.month(row.value("Plain number date"), row.header().date1904())).contains(LocalDate.of(2026, 3, 31));
        }
    }

    @Test
    void aWorkbookCountingFrom1900IsReadAsBefore() throws Exception {
        Path file = workbook(false);
        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader sheet = wb.sheet("List 7", "LIST_7")) {
            SourceRow row = row(sheet);
            assertThat(row.header().date1904()).isFalse();
            assertThat(row.value("CP Plan Start Date")).isEqualTo("2026-03-02");
            assertThat(Values.date(row.value("Plain number date"), row.header().date1904())).contains(LocalDate.of(2022, 2, 28));
        }
    }

    private static SourceRow row(XlsxSheetReader sheet) {
        String[] values = sheet.next();
        return new SourceRow(sheet.header(), sheet.rowNumber(), values, null);
    }

    /** A List 7 with one plan: its start as a date cell (POI writes the serial the workbook's date system gives). */
    private Path workbook(boolean date1904) throws Exception {
        Path file = dir.resolve(date1904 ? "mac.xlsx" : "windows.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            if (date1904) {
                (wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr() : wb.getCTWorkbook().addNewWorkbookPr())
                        .setDate1904(true);
            }
            assertThat(wb.isDate1904()).isEqualTo(date1904);
            CellStyle dated = wb.createCellStyle();
            dated.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = wb.createSheet("List 7");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Child Unique ID");
            header.createCell(1).setCellValue("CP Plan Start Date");
            header.createCell(2).setCellValue("Plain number date");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("C1");
            row.createCell(1).setCellValue(LocalDate.of(2026, 3, 2));
            row.getCell(1).setCellStyle(dated);
            row.createCell(2).setCellValue(44620);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
