package org.neglectscorecard.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.UnreadableFileException;

/**
 * A cell pointing at a shared string the workbook does not have, or with a reference that is not a
 * cell's, makes the sheet "damaged", said as such, and nothing in the error quotes the workbook's
 * other strings (children's data).
 */
class DamagedCellsTest {

    @TempDir
    Path dir;

    @Test
    void aSharedStringTheWorkbookLacksIsDamageAndQuotesNoData() throws Exception {
        Path file = workbook(xml -> xml.replaceFirst("(<c r=\"B2\"[^>]*t=\"s\"[^>]*><v>)\\d+(</v>)", "$1999$2"));
        Throwable thrown = readAll(file);
        assertThat(thrown).isInstanceOf(UnreadableFileException.class).hasMessageContaining("is damaged near row 2");
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("Ellie Secret").doesNotContain("Child ID");
        }
    }

    @Test
    void aCellReferenceThatIsNotOneIsDamage() throws Exception {
        Path file = workbook(xml -> xml.replace("<c r=\"B2\"", "<c r=\"#REF!\""));
        assertThat(readAll(file)).isInstanceOf(UnreadableFileException.class).hasMessageContaining("is damaged near row 2");
    }

    @Test
    void theUndamagedWorkbookReads() throws Exception {
        assertThat(readAll(workbook(null))).isNull();
    }

    private static Throwable readAll(Path file) {
        return catchThrowable(() -> {
            try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader sheet = wb.sheet("Children", "Children")) {
                assertThat(sheet.next()).containsExactly("C1", "Ellie Secret");
                assertThat(sheet.next()).isNull();
            }
        });
    }

    /** A one-sheet workbook (a header and a child), its sheet's XML changed as given (null: as POI wrote it). */
    private Path workbook(UnaryOperator<String> change) throws Exception {
        Path made = dir.resolve("made.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(made)) {
            XSSFSheet s = wb.createSheet("Children");
            s.createRow(0).createCell(0).setCellValue("Child ID");
            s.getRow(0).createCell(1).setCellValue("Name");
            s.createRow(1).createCell(0).setCellValue("C1");
            s.getRow(1).createCell(1).setCellValue("Ellie Secret");
            wb.write(out);
        }
        Path changed = dir.resolve("changed.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(made));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(changed))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (change != null && e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    String after = change.apply(xml);
                    assertThat(after).as("the change applies to " + xml).isNotEqualTo(xml);
                    data = after.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return changed;
    }
}
