package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator.FileReport;
import org.neglectscorecard.ingest.InputValidator.Report;
import org.neglectscorecard.ingest.annexa.AnnexAList;
import org.neglectscorecard.ingest.cin.CinTable;
import org.neglectscorecard.ingest.ssda903.Ssda903Table;
import org.neglectscorecard.testing.Validate;

/**
 * Tables people send that are plainly one of ours but lack a column, or carry one of ours that is
 * not read: each is known for what it is. A table missing its key column is refused naming that
 * column (INPUTS.md: "a missing mandatory column rejects the file with a message that names it"),
 * never said to be absent ("no Episodes table", "no List 7"); a table no indicator reads never
 * costs the return it sits beside.
 */
class KnownTableMissingAColumnTest {

    @TempDir
    Path dir;

    @Test
    void ssda903EpisodesWithoutDecomIsRefusedForDecom() throws Exception {
        Path set = dir.resolve("input/821/2025-26/ssda903");
        Files.createDirectories(set);
        Files.writeString(set.resolve("header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/02/2015,WBRI,,,\n");
        Files.writeString(set.resolve("episodes.csv"), "CHILD,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
                + "HOME_POST,PL_POST,URN\nC1,S,C2,N1,U1,PR1,,,,,,\n");

        Report report = Validate.folder(dir.resolve("input"));

        assertThat(report.files()).hasSize(1);
        FileReport ssda903 = report.files().get(0);
        assertThat(ssda903.rowsLoaded()).isZero();
        assertThat(ssda903.problem()).contains("(Episodes) has no 'DECOM' column (the date each episode of care started)")
                .doesNotContain("no Episodes table");
        assertThat(report.problems()).noneMatch(p -> p.rejection().reason().contains("is not a table this program reads"));
    }

    @Test
    void theHeaderIsNotTakenForEpisodesAndEpisodesWithDecomAreAsBefore() {
        TableHeader header = new TableHeader("Header", List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"), false);
        assertThat(Ssda903Table.recognise(header)).isEqualTo(Ssda903Table.HEADER);
        TableHeader episodes = new TableHeader("Episodes", List.of("CHILD", "DECOM", "RNE", "LS", "CIN"), false);
        assertThat(Ssda903Table.recognise(episodes)).isEqualTo(Ssda903Table.EPISODES);
        assertThat(Ssda903Table.EPISODES.missing(episodes)).isNull();
        // SSDA903's other tables have CHILD too, but none of the columns only Episodes has.
        TableHeader missing = new TableHeader("Missing", List.of("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"), false);
        assertThat(Ssda903Table.recognise(missing)).isNull();
    }

    /**
     * Changed 6 December 2026: the list alone is set aside, for the column it lacks (not as a list the
     * workbook has not got), and List 6 is read; the whole workbook was refused, List 6 with it.
     */
    @Test
    void annexAList7WithoutItsStartDateIsSetAsideForTheColumnAndList6Read() throws Exception {
        Path la = dir.resolve("input/821");
        Files.createDirectories(la);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(la.resolve("annex-a.xlsx"))) {
            sheet(wb, "List 6", List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "CIN Start Date",
                    "Primary Need Code", "CIN Closure Date"), List.of("C1", "M", "WBRI", "01/02/2015", "01/05/2025", "N1", ""));
            sheet(wb, "List 7", List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Initial Category of Abuse",
                    "Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                    "Child Protection Plan End Date", "Number of Previous Child Protection Plans"),
                    List.of("C1", "M", "WBRI", "01/02/2015", "Neglect", "Neglect", "01/03/2026", "Y", "", "0"));
            wb.write(out);
        }

        Report report = Validate.folder(dir.resolve("input"));

        FileReport annexA = byName(report).get("821/annex-a.xlsx");
        assertThat(annexA.problem()).isNull();
        assertThat(annexA.rowsLoaded()).isEqualTo(1);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.rejection().reason()).contains("(List 7) has no 'Child "
                + "Protection Plan Start Date' column (or one of its usual wordings), so List 7 is not read (the file's other "
                + "lists are)"));
        // Its figures have no value, said once for the list set aside (not as a list the workbook has not got).
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.rejection().reason()).startsWith("List 7 was not read, for "
                + "the heading it lacks (said above): the child protection indicators will have no value"));
        assertThat(report.problems()).noneMatch(p -> p.rejection().reason().contains("has no List 7"));
    }

    @Test
    void anAnnexAListIsOnlyTakenWithoutItsKeyColumnWhenItsOwnColumnsSaySo() {
        // Two of List 7's own columns: List 7, to be refused for the start date it lacks.
        TableHeader list7 = new TableHeader("CP", List.of("Child Unique ID", "Initial Category of Abuse", "Latest Category of Abuse"), true);
        assertThat(AnnexAList.recognise(list7)).isEqualTo(AnnexAList.LIST_7);
        assertThat(AnnexAList.LIST_7.missing(list7.withAliases(AnnexAList.LIST_7.aliases())))
                .contains("'Child Protection Plan Start Date'");
        // One own column is not enough, and no child ID is nothing at all.
        assertThat(AnnexAList.recognise(new TableHeader("x", List.of("Child Unique ID", "Gender", "Latest Category of Abuse"), true)))
                .isNull();
        assertThat(AnnexAList.recognise(new TableHeader("x", List.of("Initial Category of Abuse", "Latest Category of Abuse",
                "Child Protection Plan End Date"), true))).isNull();
        // Another list's headings keep it that list (List 3's referral date is no List 6).
        assertThat(AnnexAList.recognise(new TableHeader("List 3", List.of("Child Unique ID", "Referral Source", "Referral NFA?",
                "Number of Referrals in Last 12 Months", "Primary Need Code", "CIN Closure Date"), true))).isNull();
    }

    @Test
    void aReviewsTableNamingItsPlanByStartDateIsPassedOverNotTakenForThePlans() throws Exception {
        Path set = dir.resolve("input/821/2024-25");
        Files.createDirectories(set);
        Files.writeString(set.resolve("Header.csv"), "Collection,Year,ReferenceDate,LEA\nCIN,2025,2025-03-31,821\n");
        Files.writeString(set.resolve("ChildIdentifiers.csv"), "LAchildID,PersonBirthDate,Sex\nC1,2015-01-01,M\n");
        Files.writeString(set.resolve("ChildCharacteristics.csv"), "LAchildID,Ethnicity,Disabilities\nC1,WBRI,NONE\n");
        Files.writeString(set.resolve("CINdetails.csv"), "LAchildID,CINdetailsID,CINreferralDate,PrimaryNeedCode\n"
                + "C1,E1,2024-05-01,N1\n");
        Files.writeString(set.resolve("ChildProtectionPlans.csv"), "LAchildID,CINdetailsID,CPPstartDate,CPPendDate,"
                + "InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP\nC1,E1,2024-06-01,,NEG,NEG,0\n");
        Files.writeString(set.resolve("Reviews.csv"), "LAchildID,CINdetailsID,CPPstartDate,CPPreviewDate\n"
                + "C1,E1,2024-06-01,2024-09-01\nC1,E1,2024-06-01,2025-03-01\n");

        Report report = Validate.folder(dir.resolve("input"));

        assertThat(report.files()).hasSize(1);
        FileReport census = report.files().get(0);
        assertThat(census.problem()).isNull();
        assertThat(census.rowsLoaded()).isPositive();
        assertThat(report.problems()).noneMatch(p -> p.outcome().equals("file rejected"));

        assertThat(CinTable.recognise(new TableHeader("Reviews", List.of("LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"), false)))
                .isEqualTo(CinTable.REVIEWS);
        // A plans table that also carries its review dates is still the plans.
        assertThat(CinTable.recognise(new TableHeader("ChildProtectionPlans", List.of("LAchildID", "CINdetailsID", "CPPstartDate",
                "CPPendDate", "LatestCategoryOfAbuse", "CPPreviewDate"), false))).isEqualTo(CinTable.CHILD_PROTECTION_PLANS);
    }

    /** Partnership data headed as INPUTS.md (section B) words each column is read. */
    @Test
    void partnerDataHeadedInTheSpecificationsOwnWordsIsRead() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("821"));
        Files.write(input.resolve("821/early-help.csv"), ("Family reference,Plan start,Plan end,Whole-family plan (Y/N),"
                + "Multi-agency (Y/N),Lead agency,Neglect identified as a need (Y/N)\r\n"
                + "F-1,07/04/2025,,Yes,No,Education,Yes\r\nF-2,01/05/2025,30/09/2025,Y,Y,Health,N\r\n")
                .getBytes(Charset.forName("windows-1252")));
        Files.writeString(input.resolve("police.csv"), "Month,Criminal neglect offences recorded,Of which with earlier neglect concerns\n"
                + "2025-04,11,5\n2025-05,7,3\n");
        Files.writeString(input.resolve("audits.csv"), "Audit reference,Audit date,Case reference (pseudonymous),Tier,Kind,Theme,"
                + "Multi-agency,Overall grade,Assessment effective,Plan clear and measurable,Impact evidenced,"
                + "Neglect tool (GCP2 or screening tool) used well,Child's voice and lived experience captured,Management oversight\n"
                + "A-1,2025-06-30,C-1,Child protection,Multi-agency case audit,Neglect,Y,Good,Y,Y,N,Y,Y,Y\n");

        Report report = Validate.folder(input);
        Map<String, FileReport> files = byName(report);

        assertThat(report.problems()).as("problems").isEmpty();
        assertThat(files.get("821/early-help.csv").problem()).isNull();
        assertThat(files.get("821/early-help.csv").rowsLoaded()).isEqualTo(2);
        assertThat(files.get("police.csv").problem()).isNull();
        assertThat(files.get("police.csv").rowsLoaded()).isEqualTo(2);
        assertThat(files.get("audits.csv").problem()).isNull();
        assertThat(files.get("audits.csv").rowsLoaded()).isEqualTo(1);
    }

    private static void sheet(XSSFWorkbook wb, String name, List<String> headings, List<String> values) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        Row r = s.createRow(1);
        for (int i = 0; i < headings.size(); i++) {
            h.createCell(i).setCellValue(headings.get(i));
            r.createCell(i).setCellValue(values.get(i));
        }
    }

    private static Map<String, FileReport> byName(Report report) {
        return report.files().stream().collect(Collectors.toMap(FileReport::displayName, f -> f));
    }
}
