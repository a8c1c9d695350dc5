package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.sample.AnnexAWriter;
import org.neglectscorecard.sample.AnnexAWriter.Style;
import org.neglectscorecard.sample.SampleDataGenerator;

/**
 * An LA keeping its last submission's List 7 in the workbook, as a sheet of its own before the
 * current one: the first sheet with List 7's headings was read, and the old list gave every month's
 * figures without a word (a trial, 4 December). The sheet named as the list is read; where the names
 * do not tell, the workbook is refused, naming both sheets.
 */
class AnnexASheetsTest {

    @TempDir
    Path dir;

    @Test
    void ofTwoList7SheetsTheOneNamedList7IsRead() throws Exception {
        Path file = annexA(Style.OFSTED_TEMPLATE, "List_7", "List 7 (previous submission)");
        InputFile read = only(file);
        assertThat(read.format()).isEqualTo(Format.ANNEX_A);
        assertThat(read.tables().get("LIST_7").sheet()).isEqualTo("List_7");
    }

    @Test
    void twoList7SheetsNeitherNamedSoAreRefusedNamingBoth() throws Exception {
        Path file = annexA(Style.LA_EXPORT, "List 7 Child Protection", "Child protection (old)");
        InputFile read = only(file);
        assertThat(read.format()).isEqualTo(Format.UNREADABLE);
        assertThat(read.problem()).contains("two sheets with List 7's headings")
                .contains("'Child protection (old)'").contains("'List 7 Child Protection'")
                .contains("Take the other one out of the workbook, or name the one to use 'List 7'");
    }

    @Test
    void whichSheetIsNamedAsTheList() {
        assertThat(InputScanner.oneOfTwoSheets("List 7", "List 7 (previous submission)", "List 7")).isEqualTo("List 7");
        assertThat(InputScanner.oneOfTwoSheets("List 7", "list_7", "Copy of List 7")).isEqualTo("list_7");
        assertThat(InputScanner.oneOfTwoSheets("List 7", "List 7", "LIST7")).isNull();
        assertThat(InputScanner.oneOfTwoSheets("List 7", "CP", "CP old")).isNull();
    }

    /** Bedford's Annex A in the given style, with a copy of its List 7 sheet, placed first, under another name. */
    private Path annexA(Style style, String list7, String copyName) throws Exception {
        Path file = dir.resolve("822/annex-a.xlsx");
        AnnexAWriter.write(SampleDataGenerator.sampleReturn("822", 2025), LocalDate.of(2025, 3, 31), Map.of(), List.of(), style, file);
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            int index = wb.getSheetIndex(list7);
            assertThat(index).as("the writer's List 7 sheet").isNotNegative();
            wb.cloneSheet(index);
            wb.setSheetName(wb.getNumberOfSheets() - 1, copyName);
            wb.setSheetOrder(copyName, 0);
            wb.setActiveSheet(0);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private InputFile only(Path file) throws java.io.IOException {
        List<InputFile> found = new InputScanner(new LaDirectory()).scan(dir);
        assertThat(found).singleElement();
        return found.get(0);
    }
}
