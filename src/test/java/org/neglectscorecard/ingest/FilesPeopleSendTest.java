package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputValidator.FileReport;
import org.neglectscorecard.ingest.InputValidator.Report;
import org.neglectscorecard.testing.Validate;

/**
 * What lands in an input folder besides well-made returns: a CSV saved with semicolons or tabs
 * (Excel in other settings, "Unicode Text"), a heading misspelt, and documents that are not data
 * at all. Each table is read, or each file said for what it is with what to do; none is passed
 * over as "matches no known return" when the person can put it right.
 */
class FilesPeopleSendTest {

    private static final String POLICE_HEADINGS = "Month,Neglect offences,With earlier neglect concerns,LA code";
    private static final List<String> POLICE_ROWS = List.of("2025-01,28,16,", "2025-02,22,16,", "2025-03,19,11,");

    @TempDir
    Path dir;

    @Test
    void csvSavedWithSemicolonsOrTabsIsReadLikeCommas() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("commas"));
        Files.createDirectories(input.resolve("semicolons"));
        Files.createDirectories(input.resolve("excel-sep-line"));
        Files.createDirectories(input.resolve("unicode-text"));
        write(input.resolve("commas/police.csv"), POLICE_HEADINGS, POLICE_ROWS, ',');
        write(input.resolve("semicolons/police.csv"), POLICE_HEADINGS, POLICE_ROWS, ';');
        // Excel's own hint on the first line; the heading row is then Excel's row 1.
        Files.writeString(input.resolve("excel-sep-line/police.csv"), "sep=;\n" + String.join("\n",
                semicolons(POLICE_HEADINGS), semicolons(POLICE_ROWS.get(0)), "2025-13;5;1;") + "\n");
        // Excel's "Unicode Text": UTF-16 little-endian with its byte-order mark, tab-separated.
        String tabbed = (POLICE_HEADINGS + "\n" + String.join("\n", POLICE_ROWS) + "\n").replace(',', '\t');
        byte[] utf16 = tabbed.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Files.write(input.resolve("unicode-text/police.txt"), withBom);

        Report report = validate(input);
        Map<String, FileReport> files = byName(report);
        for (String name : List.of("commas/police.csv", "semicolons/police.csv", "unicode-text/police.txt")) {
            assertThat(files.get(name).format()).as(name).isEqualTo(Format.AGENCY);
            assertThat(files.get(name).rowsLoaded()).as(name).isEqualTo(3);
            assertThat(files.get(name).rowsRejected()).as(name).isZero();
        }
        assertThat(report.problems()).noneMatch(p -> p.file().startsWith("semicolons") || p.file().startsWith("unicode-text"));
        FileReport sepLine = files.get("excel-sep-line/police.csv");
        assertThat(sepLine.format()).isEqualTo(Format.AGENCY);
        assertThat(sepLine.rowsRead()).isEqualTo(2);
        assertThat(sepLine.rowsRejected()).isEqualTo(1);
        // The bad month is on the row Excel shows it on (the sep= line is hidden by Excel).
        assertThat(report.problems()).filteredOn(p -> p.file().equals("excel-sep-line/police.csv"))
                .extracting(p -> p.rejection().rowNumber()).containsExactly(3);
    }

    @Test
    void aMisspeltHeadingRejectsTheFileNamingBothSpellings() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("823"));
        Files.writeString(input.resolve("823/early-help.csv"), """
                Family reference,Plan strat,Plan end,Whole-family plan,Multi-agency,Lead agency,Neglect identified,LA code
                EH-1,2025-04-07,,Y,Y,Education,Y,
                """);
        // Headings that are nobody's table are still passed over, and the person sees what they were.
        Files.writeString(input.resolve("823/staff-list.csv"), "Name,Team,Start date,Grade,Manager\nA,B,2025-01-01,C,D\n");

        Report report = validate(input);
        FileReport earlyHelp = byName(report).get("823/early-help.csv");
        assertThat(earlyHelp.rowsLoaded()).isZero();
        assertThat(earlyHelp.problem()).contains("'Plan start' column (the heading 'Plan strat' looks like a misspelling of it)")
                .contains("correct the heading's spelling");
        assertThat(report.problems()).anyMatch(p -> p.file().equals("823/early-help.csv") && p.outcome().equals("file rejected"));
        FileReport staff = byName(report).get("823/staff-list.csv");
        assertThat(staff.format()).isEqualTo(Format.NOT_RECOGNISED);
        assertThat(staff.problem()).contains("matches no known return").contains("'Name', 'Team', 'Start date', 'Grade', ...");
    }

    @Test
    void aMisspeltCensusHeadingIsNamedBesideTheColumnItLacks() throws Exception {
        Path set = dir.resolve("input/821/2022-23");
        Files.createDirectories(set);
        Files.writeString(set.resolve("Header.csv"), "Collection,Year,ReferenceDate,LEA\nCIN,2023,2023-03-31,821\n");
        Files.writeString(set.resolve("ChildIdentifiers.csv"), "LAchildID,PersonBirthDate,GenderCurrent\nC1,2015-01-01,1\n");
        Files.writeString(set.resolve("CINdetails.csv"), "LAchildID,CINdetailsID,CINreferralDate,PrimaryNeedCode\n"
                + "C1,E1,2022-05-01,N1\n");
        Files.writeString(set.resolve("ChildProtectionPlans.csv"), "LAchildID,CINdetailsID,CPPstartDate,CPPendDate,"
                + "InitialCatagoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP\nC1,E1,2022-06-01,,NEG,NEG,0\n");

        Report report = validate(dir.resolve("input"));
        assertThat(report.problems()).extracting(p -> p.rejection().reason())
                .contains("The heading 'InitialCatagoryOfAbuse' looks like a misspelling of 'InitialCategoryOfAbuse': under "
                        + "that spelling the column is not read. Correct the heading and load the file again.");
        // Headings that are right are never taken for misspellings of one another.
        assertThat(report.problems()).noneMatch(p -> p.rejection().reason().contains("LatestCategoryOfAbuse' looks like"));
    }

    /**
     * A police or health summary as performance reports lay it out, months across the columns: not
     * read, and said so with how to turn it round and the headings to give it, not only "not a table".
     */
    @Test
    void aSummaryWithMonthsAcrossTheColumnsIsToldHowToTurnItRound() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.writeString(input.resolve("police-summary.csv"), """
                Measure,Apr-25,May-25,Jun-25,Jul-25
                Neglect offences recorded,28,22,19,24
                Of which with earlier neglect concerns,16,16,11,12
                """);
        // A table with a year or two among its headings is not taken for months.
        Files.writeString(input.resolve("staff-by-year.csv"), "Team,2024,2025\nA,3,4\n");
        Map<String, FileReport> files = byName(validate(input));
        assertThat(files.get("police-summary.csv")).satisfies(f -> {
            assertThat(f.format()).isEqualTo(Format.NOT_RECOGNISED);
            assertThat(f.problem()).contains("Its headings are months (Apr-25, May-25, Jun-25, ...): the months run across the columns")
                    .contains("police, Month, Neglect offences, With earlier neglect concerns")
                    .contains("health, Month, Service, Appointments, Was not brought");
        });
        assertThat(files.get("staff-by-year.csv").problem()).doesNotContain("months run across");
    }

    @Test
    void documentsArchivesAndPicturesAreSaidForWhatTheyAre() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.writeString(input.resolve("strategy.pdf"), "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
        zip(input.resolve("minutes.docx"), "[Content_Types].xml", "word/document.xml");
        zip(input.resolve("returns.zip"), "821/ChildIdentifiers.csv", "821/CINdetails.csv");
        zip(input.resolve("book.xlsb"), "[Content_Types].xml", "xl/workbook.bin");
        Files.writeString(input.resolve("report.xls"), "<html><body><table><tr><td>1</td></tr></table></body></html>");
        Files.write(input.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0});
        Files.write(input.resolve("export.dat"), new byte[] {'M', 'Z', 0, 0, 3, 0, 0, 0, 4, 0});
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(input.resolve("email.msg"))) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "__substg1.0_0037001F");
            fs.writeFilesystem(out);
        }

        zip(input.resolve("returns.ods"), "mimetype", "content.xml");
        Files.write(input.resolve("unicode-no-mark.txt"), "Month\tNeglect offences\n2025-01\t3\n".getBytes(StandardCharsets.UTF_16LE));

        Map<String, FileReport> files = byName(validate(input));
        Function<String, String> said = name -> files.get(name).problem();
        // Documents and pictures are not used; files that hold data in a form that cannot be read are rejected,
        // so they are counted and listed with what went wrong.
        assertThat(List.of("strategy.pdf", "minutes.docx", "photo.png", "export.dat"))
                .allMatch(name -> files.get(name).format() == Format.NOT_RECOGNISED);
        assertThat(List.of("returns.zip", "book.xlsb", "report.xls", "email.msg", "returns.ods", "unicode-no-mark.txt"))
                .allMatch(name -> files.get(name).format() == Format.UNREADABLE);
        assertThat(said.apply("returns.ods")).contains("OpenDocument spreadsheet (.ods)");
        assertThat(said.apply("unicode-no-mark.txt")).contains("UTF-16").contains("CSV UTF-8");
        assertThat(said.apply("strategy.pdf")).contains("is a PDF document, not a data file");
        assertThat(said.apply("minutes.docx")).contains("is a Word document");
        assertThat(said.apply("returns.zip")).contains("is a zip archive").contains("Unzip it into the input folder");
        assertThat(said.apply("book.xlsb")).contains("Excel Binary Workbook (.xlsb)").contains("save it as an Excel Workbook (.xlsx)");
        assertThat(said.apply("report.xls")).contains("is a web page (HTML)").contains("save it as an Excel Workbook (.xlsx)");
        assertThat(said.apply("photo.png")).contains("is a picture");
        assertThat(said.apply("export.dat")).contains("holds binary data");
        assertThat(said.apply("email.msg")).contains("email saved from Outlook").contains("attached files");
    }

    private static Report validate(Path input) throws Exception {
        return Validate.folder(input);
    }

    private static Map<String, FileReport> byName(Report report) {
        return report.files().stream().collect(Collectors.toMap(FileReport::displayName, f -> f));
    }

    private static String semicolons(String line) {
        return line.replace(',', ';');
    }

    private static void write(Path file, String headings, List<String> rows, char separator) throws Exception {
        String text = headings + "\n" + String.join("\n", rows) + "\n";
        Files.writeString(file, separator == ',' ? text : text.replace(',', separator));
    }

    private static void zip(Path file, String... entries) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write((e.equals("mimetype") ? "application/vnd.oasis.opendocument.spreadsheet" : "<x/>")
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void aFileNoneOfWhoseRowsCanBeUsedIsRejectedWholeSayingWhy() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.writeString(input.resolve("police.csv"), POLICE_HEADINGS + "\n2025-13,28,16,\n2025-14,22,16,\n");
        FileReport police = byName(validate(input)).get("police.csv");
        assertThat(police.rowsLoaded()).isZero();
        assertThat(police.problem()).startsWith("None of the 2 rows of this file could be used").contains("yyyy-mm");
    }

    @Test
    void theTemplatesExampleRowWithItsMarkTakenOutIsNotCounted() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        var source = org.neglectscorecard.ingest.agency.AgencySource.EARLY_HELP;
        List<String> headings = source.columns().stream().map(org.neglectscorecard.ingest.agency.AgencyColumn::heading).toList();
        List<String> example = source.columns().stream().map(org.neglectscorecard.ingest.agency.AgencyColumn::example).toList();
        List<String> real = new java.util.ArrayList<>(example);
        real.set(0, "F-1");
        Files.write(input.resolve("early-help.csv"), List.of(String.join(",", headings), String.join(",", example),
                String.join(",", real)));

        Report report = validate(input);
        assertThat(byName(report).get("early-help.csv").rowsLoaded()).isEqualTo(1);
        assertThat(report.problems()).anyMatch(p -> p.rejection().reason().contains("the template's example row")
                && p.rejection().rowNumber() == 2);
    }

    @Test
    void textThatOnlyLooksLikeSomethingElseIsStillReadAsText() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("a"));
        Files.createDirectories(input.resolve("b"));
        Files.createDirectories(input.resolve("c"));
        Files.createDirectories(input.resolve("d"));
        // A stray zero byte in an export, as the previous release read it.
        Files.write(input.resolve("a/police.csv"), (POLICE_HEADINGS + "\n2025-01,28,16,\u0000\n2025-02,22,16,\n")
                .getBytes(StandardCharsets.UTF_8));
        // "BM" starts a bitmap's header, and this heading row.
        Files.writeString(input.resolve("b/health.csv"), "BMI,Team\n21,North\n");
        // Excel's hint with a tab, and a semicolon file whose heading holds a comma.
        Files.writeString(input.resolve("c/police.csv"), "sep=\t\n" + (POLICE_HEADINGS + "\n" + POLICE_ROWS.get(0)).replace(',', '\t') + "\n");
        Files.writeString(input.resolve("d/police.csv"), "Month;Neglect offences;With earlier neglect concerns;Notes, if any;LA code\n"
                + "2025-01;28;16;none;\n");
        // Headings some partner logs share, on tables that are not theirs: passed over, not rejected.
        Files.writeString(input.resolve("ratings.csv"), "Date,Rating,Comment\n2025-01-01,4,ok\n");
        Files.writeString(input.resolve("services.csv"), "Date,Service,Outcome,Notes\n2025-01-01,A,B,C\n");
        Files.writeString(input.resolve("offences.csv"), "Month,Offences recorded,Force area\n2025-01,4,X\n");

        Map<String, FileReport> files = byName(validate(input));
        assertThat(files.get("a/police.csv").format()).isEqualTo(Format.AGENCY);
        assertThat(files.get("a/police.csv").rowsRead()).isEqualTo(2);
        assertThat(files.get("b/health.csv").format()).isEqualTo(Format.NOT_RECOGNISED);
        assertThat(files.get("b/health.csv").problem()).contains("matches no known return");
        assertThat(files.get("c/police.csv").rowsLoaded()).isEqualTo(1);
        assertThat(files.get("d/police.csv").rowsLoaded()).isEqualTo(1);
        for (String name : List.of("ratings.csv", "services.csv", "offences.csv")) {
            assertThat(files.get(name).format()).as(name).isEqualTo(Format.NOT_RECOGNISED);
        }
    }
}
