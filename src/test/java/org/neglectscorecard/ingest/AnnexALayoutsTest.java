package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.ingest.table.XlsWorkbook;
import org.neglectscorecard.job.RunService;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.sample.AnnexAWriter;
import org.neglectscorecard.sample.AnnexAWriter.Style;
import org.neglectscorecard.sample.AnnexAWriter.Visit;
import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.sample.SampleDataGenerator;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.TestApp;

/**
 * Annex A in every layout LAs send (INPUTS.md A3): Ofsted's own template, with its front page, FAQ,
 * guidance and code-list sheets, a title and a note above each list's headings, sheets named
 * "List_7", headings as the template types them (a curly apostrophe, a trailing space, a missing
 * question mark, "(Y/N))"), the 2023/24 List 9, saved as .xlsx and as the old .xls; and an LA's own
 * export with headings on row 1, sheets "List 7 Child Protection" and a multi-category wording. The
 * same children give the census's figures in every one.
 */
class AnnexALayoutsTest {

    @TempDir
    Path dir;

    @Test
    void ofstedsTemplateAsXlsxAndXlsAndAnLasExportGiveTheCensusFigures() throws Exception {
        CensusReturn census = SampleDataGenerator.sampleReturn("822", 2024);
        LocalDate asAt = LocalDate.of(2024, 3, 31);
        assertThat(census.children().stream().flatMap(c -> c.episodes().stream()).flatMap(e -> e.plans().stream())
                .anyMatch(p -> "MUL".equals(p.initial()) || "MUL".equals(p.latest()))).as("plans of several categories").isTrue();
        Map<String, Visit> visits = new HashMap<>();
        census.children().forEach(c -> visits.put(c.id(), new Visit("2024-03-2" + (Math.abs(c.id().hashCode()) % 8), true)));
        CensusReturnWriter.writeXml(census, dir.resolve("census/822/census.xml"));
        AnnexAWriter.write(census, asAt, visits, List.of(), Style.OFSTED_TEMPLATE, dir.resolve("template/822/annex-a.xlsx"));
        AnnexAWriter.write(census, asAt, visits, List.of(), Style.OFSTED_TEMPLATE, dir.resolve("template-xls/822/annex-a.xls"));
        AnnexAWriter.write(census, asAt, visits, List.of(), Style.LA_EXPORT, dir.resolve("export/822/annex-a.xlsx"));

        // Found by their headings: the template's lists under their titles, none of its other sheets taken for a return.
        InputFile template = only(dir.resolve("template"));
        assertThat(template.format()).as(template.problem()).isEqualTo(Format.ANNEX_A);
        assertThat(template.tables()).containsOnlyKeys("LIST_6", "LIST_7", "LIST_8");
        TableSource list7 = template.tables().get("LIST_7");
        assertThat(list7.sheet()).isEqualTo("List_7");
        assertThat(list7.headerRow()).isEqualTo(3);
        InputFile xls = only(dir.resolve("template-xls"));
        assertThat(xls.format()).as(xls.problem()).isEqualTo(Format.ANNEX_A);
        assertThat(xls.tables().get("LIST_7").headerRow()).isEqualTo(3);
        InputFile export = only(dir.resolve("export"));
        assertThat(export.format()).as(export.problem()).isEqualTo(Format.ANNEX_A);
        assertThat(export.tables().get("LIST_7").sheet()).isEqualTo("List 7 Child Protection");
        assertThat(export.tables().get("LIST_7").headerRow()).isEqualTo(1);

        List<String> expected = AnnexATest.shared(run("census", asAt));
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(AnnexATest.shared(run("template", asAt))).containsExactlyElementsOf(expected);
        assertThat(AnnexATest.shared(run("template-xls", asAt))).containsExactlyElementsOf(expected);
        assertThat(AnnexATest.shared(run("export", asAt))).containsExactlyElementsOf(expected);

        // List 8 has its headings but no rows (these children were not looked after): said, naming the sheet as it is.
        String rejects = Files.readString(dir.resolve("out-template/bedford/2024-03-31/rejects.csv"));
        assertThat(rejects).contains("List_8").contains("has its headings but no rows");
        assertThat(rejects).doesNotContain("Code lists").doesNotContain("Guidance").doesNotContain("FAQs");
        String summary = Files.readString(dir.resolve("out-template-xls/bedford/2024-03-31/run-summary.txt"));
        assertThat(summary).contains("822/annex-a.xls");
    }

    @Test
    void anOldXlsLargerThanAnyReturnIsRefusedBeforeItIsOpened() throws Exception {
        Path big = dir.resolve("big/822/annex-a.xls");
        Files.createDirectories(big.getParent());
        try (HSSFWorkbook wb = new HSSFWorkbook(); var out = Files.newOutputStream(big)) {
            wb.createSheet("List 7").createRow(0).createCell(0).setCellValue("Child Unique ID");
            wb.write(out);
        }
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(XlsWorkbook.MAX_FILE_BYTES + 1);   // sparse: no disk is used
        }
        InputFile found = only(dir.resolve("big"));
        assertThat(found.format()).isEqualTo(Format.UNREADABLE);
        assertThat(found.problem()).startsWith("822/annex-a.xls is an old-style Excel file (.xls) of 64 MB, larger than any return")
                .doesNotContain("annex-a.xls annex-a.xls");
    }

    private InputFile only(Path folder) throws Exception {
        List<InputFile> found = new InputScanner(new LaDirectory()).scan(folder);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private IndicatorsFile run(String name, LocalDate period) throws Exception {
        Path job = TestApp.jobFile(dir.resolve("jobs"), "layout-" + name, "bedford", List.of("822"));
        try (TestApp app = TestApp.start(dir.resolve("data-" + name))) {
            RunService.RunResult r = app.run(job, period, dir.resolve(name), dir.resolve("out-" + name), false);
            assertThat(r.ok()).as(r.message()).isTrue();
        }
        return IndicatorsFile.read(dir.resolve("out-" + name + "/bedford/" + period + "/indicators.csv"));
    }
}
