package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neglectscorecard.ingest.cin.CinCensusRowProcessor;
import org.neglectscorecard.ingest.cin.CinCensusTableReader;
import org.neglectscorecard.ingest.cin.CinCensusXmlReader;
import org.neglectscorecard.ingest.cin.CinTable;
import org.neglectscorecard.ingest.table.CsvTableReader;
import org.neglectscorecard.ingest.table.TableReader;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.ingest.table.XlsxSheetReader;
import org.neglectscorecard.ingest.table.XlsxWorkbook;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.testing.Rows;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Random and mutated rows and files, to every reader and the row processor: nothing crashes, and
 * everything is either read or refused with a reason a person can act on. Tries are bounded so
 * the suite keeps its time.
 */
class ReadersPropertyTest {

    private static final CinCensusRowProcessor PROCESSOR =
            new CinCensusRowProcessor(new Pseudonymiser("a key for property tests"), new LaDirectory());

    /** Values of the kinds real and hostile returns hold. */
    @Provide
    Arbitrary<String> cellValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12),
                Arbitraries.of("", " ", "NEG", "a) Neglect", "N1 - Abuse or neglect", "n1", "WBRI", "1234.0", "Y", "no",
                        "2021-03-31", "31/03/2021", "31/02/2021", "44158", "1800-01-01", "9999-12-31", "=1+1", "+A1",
                        "-3", "@SUM(A1)", "16A,3B", "21", "\u0000", "\uFEFF", "\u202Eevil", "NONE", "HAND,HEAR", "213",
                        "E09000033", "999", "RC7", "true"),
                Arbitraries.integers().between(-5, 50_000).map(String::valueOf));
    }

    @Property(tries = 300)
    void everyRowBecomesARecordOrALocatedRejection(@ForAll("table") CinTable table,
                                                   @ForAll("cellValues") List<String> values,
                                                   @ForAll("laCode") String la) {
        SourceRow row = new SourceRow(table.canonicalHeader(), 7, values.toArray(new String[0]), la);
        try {
            ParsedRow<?> parsed = PROCESSOR.process(row);
            assertThat(parsed.record()).isNotNull();
            parsed.valuesIgnored().forEach(ReadersPropertyTest::explained);
        } catch (RowRejectedException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(ReadersPropertyTest::explained);
            // Identifiers and dates of birth are never shown.
            e.problems().stream().filter(p -> "LAchildID".equals(p.column()) || "PersonBirthDate".equals(p.column()))
                    .forEach(p -> assertThat(p.valueShown()).isIn(null, Rejection.WITHHELD));
        }
    }

    @Provide
    Arbitrary<List<String>> cellValues() {
        return cellValue().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<CinTable> table() {
        return Arbitraries.of(CinTable.READ_ORDER);
    }

    @Provide
    Arbitrary<String> laCode() {
        return Arbitraries.of("213", "821", null, "", "999", "E06000032", "1.5");
    }

    private static void explained(Rejection r) {
        assertThat(r.reason()).isNotBlank().doesNotContain("Exception").doesNotContain("null");
        assertThat(r.rowNumber()).isEqualTo(7);
    }

    @Property(tries = 150)
    void csvOfAnyBytesIsReadOrRefused(@ForAll @Size(max = 400) byte[] bytes) throws IOException {
        Path file = Files.createTempFile("prop", ".csv");
        try {
            Files.write(file, bytes);
            java.nio.charset.Charset charset = InputScanner.charsetOf(file);
            readAllOrRefused(() -> new CsvTableReader(file, "t", charset));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 150)
    void mutatedCensusXmlIsReadOrRefused(@ForAll("mutations") List<int[]> mutations) throws Exception {
        String xml = Files.readString(Path.of(getClass().getResource("/format-samples/liia-tools_cin-2022.xml").toURI()));
        String mutated = mutate(xml, mutations);
        Path file = Files.createTempFile("prop", ".xml");
        try {
            Files.writeString(file, mutated);
            CinCensusXmlReader reader = new CinCensusXmlReader(file, "prop.xml", "213");
            List<SourceRow> rows = readAll(reader);
            rows.forEach(this::processOrReject);
        } catch (UnreadableFileException e) {
            assertThat(e.getMessage()).contains("prop.xml");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 60)
    void mutatedWorkbooksAreReadOrRefused(@ForAll("mutations") List<int[]> mutations) throws Exception {
        Path good = Files.createTempFile("prop", ".xlsx");
        Path bad = Files.createTempFile("prop", ".xlsx");
        try {
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(good)) {
                Sheet s = wb.createSheet("ChildProtectionPlans");
                String[][] rows = {{"LAchildID", "CINdetailsID", "CPPstartDate"}, {"A1", "1", "2021-05-01"}, {"A2", "1", "2021-06-01"}};
                for (int r = 0; r < rows.length; r++) {
                    Row row = s.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
                wb.write(out);
            }
            byte[] bytes = Files.readAllBytes(good);
            for (int[] m : mutations) {
                int at = Math.floorMod(m[0], bytes.length);
                bytes[at] = (byte) m[1];
            }
            Files.write(bad, bytes);
            try (XlsxWorkbook wb = XlsxWorkbook.open(bad)) {
                for (String sheet : wb.sheetNames()) {
                    readAllOrRefused(() -> wb.sheet(sheet, sheet));
                }
            } catch (UnreadableFileException e) {
                assertThat(e.getMessage()).contains(bad.getFileName().toString());
            }
        } finally {
            Files.deleteIfExists(good);
            Files.deleteIfExists(bad);
        }
    }

    @Property(tries = 40)
    void randomTableSetsLoadOrRejectEveryRowWithAReason(@ForAll("tableSet") Map<CinTable, List<List<String>>> tables)
            throws Exception {
        Path folder = Files.createTempDirectory("prop");
        try {
            Map<CinTable, TableSource> sources = new java.util.EnumMap<>(CinTable.class);
            for (Map.Entry<CinTable, List<List<String>>> e : tables.entrySet()) {
                Path file = folder.resolve(e.getKey().tableName() + ".csv");
                StringBuilder csv = new StringBuilder(String.join(",", e.getKey().columns())).append('\n');
                for (List<String> row : e.getValue()) {
                    csv.append(String.join(",", row.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList())).append('\n');
                }
                Files.writeString(file, csv);
                sources.put(e.getKey(), TableSource.csv(file, StandardCharsets.UTF_8));
            }
            CinCensusTableReader reader = new CinCensusTableReader(sources, "213");
            int read = 0;
            int loaded = 0;
            int rejected = 0;
            try {
                for (SourceRow row : readAll(reader)) {
                    read++;
                    if (processOrReject(row)) {
                        loaded++;
                    } else {
                        rejected++;
                    }
                }
                assertThat(read).isEqualTo(loaded + rejected);
            } catch (UnreadableFileException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        } finally {
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(folder);
        }
    }

    @Provide
    Arbitrary<Map<CinTable, List<List<String>>>> tableSet() {
        Arbitrary<List<List<String>>> rows = cellValue().list().ofMinSize(0).ofMaxSize(9).list().ofMaxSize(6);
        return Combinators.combine(rows, rows, rows, rows).as((a, b, c, d) -> Map.of(
                CinTable.CHILD_IDENTIFIERS, a, CinTable.CIN_DETAILS, b, CinTable.CIN_PLAN_DATES, c,
                CinTable.CHILD_PROTECTION_PLANS, d));
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 255))
                .as((at, value) -> new int[] {at, value}).list().ofMinSize(1).ofMaxSize(6);
    }

    private static String mutate(String text, List<int[]> mutations) {
        StringBuilder s = new StringBuilder(text);
        for (int[] m : mutations) {
            int at = Math.floorMod(m[0], s.length());
            switch (m[1] % 3) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, (char) m[1]);
                default -> s.setCharAt(at, "<>&\"'/ ;x9".charAt(m[1] % 10));
            }
        }
        return s.toString();
    }

    private boolean processOrReject(SourceRow row) {
        try {
            PROCESSOR.process(row);
            return true;
        } catch (RowRejectedException e) {
            assertThat(e.problems()).isNotEmpty();
            return false;
        }
    }

    private interface Opener {
        TableReader open();
    }

    private static void readAllOrRefused(Opener opener) {
        try (TableReader r = opener.open()) {
            int rows = 0;
            while (r.next() != null && rows++ < 100_000) {
                assertThat(r.rowNumber()).isPositive();
            }
        } catch (UnreadableFileException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static List<SourceRow> readAll(ItemStreamReader<SourceRow> reader) throws Exception {
        return Rows.readAll(reader);
    }
}
