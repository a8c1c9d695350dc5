package org.neglectscorecard.ingest.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.ingest.InputValidator.FileReport;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.testing.Validate;

/**
 * A "flat" census extract (one table, a row per event or per child, with the columns of several
 * modules) would be read as whichever module its headings name first: a plan repeated on two event
 * rows, episodes with no plan left out. It is refused whole, saying what to export instead; the
 * module tables beside it still load.
 */
class FlatCensusExtractTest {

    static final String FLAT = """
            LAchildID,PersonBirthDate,CINdetailsID,CINreferralDate,PrimaryNeedCode,CINclosureDate,Type,Date,CPPstartDate,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP
            C1,2015-01-01,E1,2022-05-01,N1,,CINreferralDate,2022-05-01,2022-06-01,,NEG,NEG,0
            C1,2015-01-01,E1,2022-05-01,N1,,CPPstartDate,2022-06-01,2022-06-01,,NEG,NEG,0
            C2,2016-02-02,E2,2022-07-01,N1,,CINreferralDate,2022-07-01,,,,,
            """;

    @TempDir
    Path dir;

    @Test
    void aFlatExtractIsRefusedNamingItsModulesAndTheTablesBesideItLoad() throws Exception {
        Path input = dir.resolve("input");
        Path tables = input.resolve("821/2022-23");
        Files.createDirectories(tables);
        Files.writeString(tables.resolve("Header.csv"), "Collection,Year,ReferenceDate,LEA\nCIN,2023,2023-03-31,821\n");
        Files.writeString(tables.resolve("ChildIdentifiers.csv"), "LAchildID,PersonBirthDate,GenderCurrent\nC1,2015-01-01,1\n");
        Files.writeString(tables.resolve("CINdetails.csv"), "LAchildID,CINdetailsID,CINreferralDate,PrimaryNeedCode,DateOfInitialCPC\n"
                + "C1,E1,2022-05-01,N1,2022-06-01\n");
        Files.writeString(tables.resolve("ChildProtectionPlans.csv"), "LAchildID,CINdetailsID,CPPstartDate,CPPendDate,"
                + "InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP\nC1,E1,2022-06-01,,NEG,NEG,0\n");
        Files.createDirectories(input.resolve("822"));
        Files.writeString(input.resolve("822/cin-flat.csv"), FLAT);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input.resolve("822/cin-flat.xlsx"))) {
            var sheet = wb.createSheet("CIN extract");
            List<String> lines = FLAT.lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",", -1);
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            wb.write(out);
        }

        InputValidator.Report report = Validate.folder(input);
        Map<String, FileReport> byName = report.files().stream().collect(Collectors.toMap(FileReport::displayName, f -> f));
        assertThat(byName.get("822/cin-flat.csv")).satisfies(f -> {
            assertThat(f.format()).isEqualTo(Format.UNREADABLE);
            assertThat(f.rowsLoaded()).isZero();
            assertThat(f.problem()).contains("several CIN census modules (CINdetails, ChildProtectionPlans)")
                    .contains("Export the census as its XML, or as one table per module");
        });
        assertThat(byName.get("822/cin-flat.xlsx")).satisfies(f -> {
            assertThat(f.format()).isEqualTo(Format.UNREADABLE);
            assertThat(f.problem()).contains("has a sheet, 'CIN extract', that is one table").contains("'flat' extract")
                    .contains("Take that sheet out of the workbook");
        });
        assertThat(byName).hasEntrySatisfying("821/2022-23/ (CIN census tables)", f -> {
            assertThat(f.problem()).isNull();
            assertThat(f.rowsLoaded()).isEqualTo(4);
        });
    }

    /**
     * The tables DfE's census is exported as each hold one module (and the columns every table
     * repeats); an LA's plans table with the child's date of birth and UPN beside each plan is still
     * one row per plan, and read.
     */
    @Test
    void eachModuleTableHoldsOneModule() {
        for (CinTable t : CinTable.values()) {
            assertThat(CinTable.modulesIn(new TableHeader(t.tableName(), t.columns(), false))).as(t.tableName()).hasSizeLessThan(2);
        }
        List<String> plansWithTheChild = new java.util.ArrayList<>(CinTable.CHILD_PROTECTION_PLANS.columns());
        plansWithTheChild.addAll(List.of("PersonBirthDate", "UPN", "GenderCurrent", "Sex"));
        assertThat(CinTable.modulesIn(new TableHeader("ChildProtectionPlans", plansWithTheChild, false)))
                .containsExactly("ChildProtectionPlans");
    }
}
