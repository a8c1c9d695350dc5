package org.neglectscorecard.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neglectscorecard.sample.CensusReturn.CChild;
import org.neglectscorecard.sample.CensusReturn.CEpisode;
import org.neglectscorecard.sample.CensusReturn.CPlan;

/**
 * Writes an Ofsted Annex A workbook (Lists 6, 7 and 8) for the same children as a census return,
 * in one of the ways real LAs word it, for the sample data and for tests that check Annex A and the
 * census give the same indicators. Synthetic: nothing here describes a real child.
 */
public final class AnnexAWriter {

    /** How the LA words and lays out its workbook. */
    public enum Style {
        /** Ofsted's wording: lettered drop-downs ("a) Male", "a) Neglect"), Excel dates, text IDs; headings on row 1. */
        OFSTED,
        /** Headings of its own ("CP Plan Start Date", "Seen Alone"), codes ("NEG", "N1 - Abuse or neglect"),
         *  dates typed as dd/mm/yyyy text, IDs as numbers. */
        VARIANT,
        /**
         * Ofsted's own template as issued (the 2019 update and later): front page, FAQ and guidance
         * sheets first and a code-list sheet last; sheets named "List_1" to "List_11", each with a
         * title and a note above its headings; headings as typed in the template, with a curly
         * apostrophe, a trailing space, a missing question mark and "(Y/N))"; List 9 as revised for
         * 2023/24; lettered drop-downs ("e) Multiple/not recommended").
         */
        OFSTED_TEMPLATE,
        /**
         * An LA's own export of the lists: sheets "List 1 Contacts" ... "List 11 Adopters", Ofsted's
         * headings on row 1, plain labels ("Male", "Abuse or neglect", "Yes"), a plan of several
         * categories worded as them ("Neglect, Physical and Emotional"), Excel dates.
         */
        LA_EXPORT
    }

    private static final String[] LIST_TITLES = {"Contacts", "Early Help", "Referrals", "Assessments", "Section 47 Enquiries",
            "Children in Need", "Child Protection", "Children Looked After", "Care Leavers", "Adoption", "Adopters"};

    /** A period of care for List 8. */
    public record CareRow(String childId, String start, String need, String legalStatus, String end) {
    }

    /** The last statutory visit of a child on a plan, for List 7. */
    public record Visit(String date, boolean seenAlone) {
    }

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> ABUSE = Map.of("NEG", "Neglect", "PHY", "Physical abuse", "SAB", "Sexual abuse",
            "EMO", "Emotional abuse", "MUL", "Multiple/mixed");
    private static final Map<String, String> NEED = Map.of("N1", "Abuse or neglect", "N2", "Child's disability", "N3",
            "Parental disability or illness", "N4", "Family in acute stress", "N5", "Family dysfunction", "N6",
            "Socially unacceptable behaviour", "N7", "Low income", "N8", "Absent parenting", "N9", "Cases other than children in need",
            "N0", "Not stated");

    private AnnexAWriter() {
    }

    /**
     * @param asAt   the date the workbook is as at: lists hold what was open in the 12 months to it
     * @param visits the last visit of each child on a plan at asAt, by child ID (absent: no visit recorded)
     */
    public static Path write(CensusReturn census, LocalDate asAt, Map<String, Visit> visits, List<CareRow> care, Style style,
                             Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LocalDate yearStart = asAt.minusYears(1).plusDays(1);
        boolean xls = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xls");
        try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            if (wb instanceof XSSFWorkbook x) {
                x.getProperties().getCoreProperties().setCreated(java.util.Optional.of(
                        java.util.Date.from(asAt.plusDays(5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
            }
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            Writer w = new Writer(style, dateStyle, asAt);
            if (style == Style.OFSTED_TEMPLATE) {
                templateFront(wb, census.laCode3(), asAt);
            }
            for (int list = 1; list <= 5; list++) {
                w.header(w.list(wb, list), "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age");
            }
            boolean ofsted = style != Style.VARIANT;
            Sheet six = w.list(wb, 6);
            w.header(six, ofsted ? "Child Unique ID" : "Child ID", "Gender", "Ethnicity", ofsted ? "Date of Birth" : "DOB", "Age",
                    ofsted ? "Does the Child have a Disability" : "Disability", "CIN Start Date", ofsted ? "Primary Need Code" : "Primary Need",
                    "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker");
            Sheet seven = w.list(wb, 7);
            boolean template = style == Style.OFSTED_TEMPLATE;
            w.header(seven, ofsted ? "Child Unique ID" : "Child ID", "Gender", "Ethnicity", ofsted ? "Date of Birth" : "DOB", "Age",
                    ofsted ? "Does the Child have a Disability" : "Disability",
                    ofsted ? "Child Protection Plan Start Date" : "CP Plan Start Date",
                    template ? "Initial Category of Abuse " : ofsted ? "Initial Category of Abuse" : "Initial Category",
                    ofsted ? "Latest Category of Abuse" : "Latest Category",
                    ofsted ? "Date of the Last Statutory Visit" : "Last Statutory Visit Date",
                    template ? "Was the Child Seen Alone" : ofsted ? "Was the Child Seen Alone?" : "Seen Alone", "Date of latest review conference",
                    ofsted ? "Child Protection Plan End Date" : "CP Plan End Date",
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    ofsted ? "Number of Previous Child Protection Plans" : "Number of Previous CP Plans", "Allocated Team", "Allocated Worker");
            Sheet eight = w.list(wb, 8);
            w.header(eight, ofsted ? "Child Unique ID" : "Child ID", "Gender", "Ethnicity", ofsted ? "Date of Birth" : "DOB", "Age",
                    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))",
                    ofsted ? "Does the Child have a Disability" : "Disability",
                    ofsted ? "Date Started to be Looked After" : "CLA Start Date",
                    template ? "Child\u2019s Category of Need" : ofsted ? "Child's Category of Need" : "Category of Need",
                    "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                    "Start date of current legal status", ofsted ? "Child's Legal Status" : "Legal Status",
                    "Date of Latest Statutory Review", "Date of Last Social Work Visit", "Placement Type",
                    ofsted ? "Date Ceased to be Looked After" : "Date Ceased", "Reason Ceased to be Looked After");
            Map<String, CChild> byId = new java.util.HashMap<>();
            for (CChild c : census.children()) {
                byId.put(c.id(), c);
                for (CEpisode e : c.episodes()) {
                    if (LocalDate.parse(e.referral()).isAfter(asAt) || e.closure() != null && LocalDate.parse(e.closure()).isBefore(yearStart)) {
                        continue;
                    }
                    Row r = w.child(six, c);
                    w.date(r, 6, e.referral());
                    w.text(r, 7, w.need(e.need()));
                    w.date(r, 9, e.closure());
                    w.text(r, 11, e.closure() == null ? "c) Child in need plan" : "d) Closed");
                    w.text(r, 12, "Locality 1");
                    for (CPlan p : e.plans()) {
                        if (LocalDate.parse(p.start()).isAfter(asAt) || p.end() != null && LocalDate.parse(p.end()).isBefore(yearStart)) {
                            continue;
                        }
                        Row pr = w.child(seven, c);
                        w.date(pr, 6, p.start());
                        w.text(pr, 7, category(p.initial(), style));
                        w.text(pr, 8, category(p.latest(), style));
                        boolean open = p.end() == null || LocalDate.parse(p.end()).isAfter(asAt);
                        Visit v = open ? visits.get(c.id()) : null;
                        if (v != null) {
                            w.date(pr, 9, v.date());
                            w.text(pr, 10, w.yesNo(v.seenAlone()));
                        }
                        w.date(pr, 12, p.end());
                        w.text(pr, 13, w.yesNo(false));
                        if (p.previous() != null) {
                            w.number(pr, 14, Integer.parseInt(p.previous()));
                        }
                    }
                }
            }
            for (CareRow care1 : care) {
                CChild c = byId.get(care1.childId());
                Row r = c != null ? w.child(eight, c) : w.bareChild(eight, care1.childId());
                w.text(r, 5, w.yesNo(false));
                w.date(r, 7, care1.start());
                w.text(r, 8, w.need(care1.need()));
                w.text(r, 9, w.yesNo(false));
                w.text(r, 11, care1.legalStatus() == null ? null : ofsted ? care1.legalStatus() + ": legal status" : care1.legalStatus());
                w.date(r, 15, care1.end());
            }
            if (template) {
                // List 9 as revised for 2023/24.
                w.header(w.list(wb, 9), "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                        "Does the Child have a Disability", "Date care leaver turned 18", "Is the LA in touch with the care leaver?",
                        "Type of Accommodation", "Is the accommodation suitable?", "Activity Status",
                        "Does the care leaver have a personal adviser?", "Does the care leaver have a pathway plan?",
                        "Allocated Team", "Allocated Worker");
            } else {
                w.header(w.list(wb, 9), "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age");
            }
            for (int list = 10; list <= 11; list++) {
                w.header(w.list(wb, list), "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age");
            }
            if (template) {
                templateCodeLists(wb);
            }
            wb.write(out);
        }
        if (!xls) {
            CensusReturnWriter.fixEntryTimes(file, asAt);
        }
        return file;
    }

    /** The sheets Ofsted's template has before its lists: a front page, questions and answers, guidance. */
    private static void templateFront(Workbook wb, String la, LocalDate asAt) {
        Sheet front = wb.createSheet("Front page");
        String[] lines = {"Annex A: children's social care data", "Inspection of local authority children's services (ILACS)",
                "Local authority: " + la, "Date of data: " + asAt, "Please complete every list. Do not rename the lists."};
        for (int i = 0; i < lines.length; i++) {
            front.createRow(i * 2).createCell(0).setCellValue(lines[i]);
        }
        Sheet faq = wb.createSheet("FAQs");
        faq.createRow(0).createCell(0).setCellValue("Frequently asked questions");
        Row q = faq.createRow(2);
        q.createCell(0).setCellValue("Question");
        q.createCell(1).setCellValue("Answer");
        Row a = faq.createRow(3);
        a.createCell(0).setCellValue("Which children go on List 7?");
        a.createCell(1).setCellValue("Every child who was the subject of a child protection plan in the period.");
        Sheet guidance = wb.createSheet("Guidance");
        guidance.createRow(0).createCell(0).setCellValue("Guidance on completing Annex A");
        Row h = guidance.createRow(2);
        h.createCell(0).setCellValue("List");
        h.createCell(1).setCellValue("What it holds");
        h.createCell(2).setCellValue("Period");
        for (int i = 1; i <= 11; i++) {
            Row r = guidance.createRow(2 + i);
            r.createCell(0).setCellValue("List " + i);
            r.createCell(1).setCellValue(LIST_TITLES[i - 1]);
            r.createCell(2).setCellValue("Six or twelve months before the inspection");
        }
    }

    /**
     * The code lists the template's drop-downs take their values from. Its headings share names
     * with census items ("Primary Need Code", "Reason for Closure"): it is none of the census's tables.
     */
    private static void templateCodeLists(Workbook wb) {
        Sheet codes = wb.createSheet("Code lists");
        String[][] columns = {
                {"Gender", "a) Male", "b) Female", "c) Not stated/recorded", "d) Neither"},
                {"Ethnicity", "a) WBRI", "b) WIRI", "c) WIRT", "d) WOTH"},
                {"Primary Need Code", "N1 - Abuse or neglect", "N2 - Child's disability", "N4 - Family in acute stress"},
                {"Reason for Closure", "RC1 - Adopted", "RC7 - Services ceased", "RC8 - Case closed after assessment"},
                {"Category of Abuse", "a) Neglect", "b) Physical abuse", "c) Sexual abuse", "d) Emotional abuse",
                        "e) Multiple/not recommended"},
                {"Yes/No", "a) Yes", "b) No", "c) Unknown"}};
        for (int c = 0; c < columns.length; c++) {
            for (int r = 0; r < columns[c].length; r++) {
                Row row = codes.getRow(r) != null ? codes.getRow(r) : codes.createRow(r);
                row.createCell(c).setCellValue(columns[c][r]);
            }
        }
    }

    private static String category(String code, Style style) {
        if (code == null) {
            return null;
        }
        return switch (style) {
            case OFSTED -> "a) " + ABUSE.get(code);
            case OFSTED_TEMPLATE -> switch (code) {
                case "NEG" -> "a) Neglect";
                case "PHY" -> "b) Physical abuse";
                case "SAB" -> "c) Sexual abuse";
                case "EMO" -> "d) Emotional abuse";
                default -> "e) Multiple/not recommended";
            };
            case LA_EXPORT -> "MUL".equals(code) ? "Neglect, Physical and Emotional" : ABUSE.get(code);
            case VARIANT -> code;
        };
    }

    /** Cell writing in the LA's style. */
    private static final class Writer {
        private final Style style;
        private final CellStyle dateStyle;
        private final LocalDate asAt;

        Writer(Style style, CellStyle dateStyle, LocalDate asAt) {
            this.style = style;
            this.dateStyle = dateStyle;
            this.asAt = asAt;
        }

        /** A list's sheet, named and titled as the style has it. */
        Sheet list(Workbook wb, int n) {
            return switch (style) {
                case OFSTED_TEMPLATE -> {
                    Sheet s = wb.createSheet("List_" + n);
                    s.createRow(0).createCell(0).setCellValue("List " + n + ": " + LIST_TITLES[n - 1]);
                    s.createRow(1).createCell(0).setCellValue("Please provide one row per child; use the drop-down lists.");
                    yield s;
                }
                case LA_EXPORT -> wb.createSheet("List " + n + " " + LIST_TITLES[n - 1]);
                default -> wb.createSheet("List " + n);
            };
        }

        void header(Sheet sheet, String... names) {
            Row h = sheet.createRow(sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1);
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
        }

        Row child(Sheet sheet, CChild c) {
            Row r = bareChild(sheet, c.id());
            text(r, 1, gender(c.gender()));
            text(r, 2, c.ethnicity() == null ? null : lettered() ? "a) " + c.ethnicity() : c.ethnicity());
            if (c.birth() != null) {
                date(r, 3, c.birth());
                r.createCell(4).setCellValue(ChronoUnit.DAYS.between(LocalDate.parse(c.birth()), asAt) / 365.25);
            }
            boolean disabled = c.disabilities().stream().anyMatch(d -> !"NONE".equals(d));
            text(r, 5, yesNo(disabled));
            return r;
        }

        private boolean lettered() {
            return style == Style.OFSTED || style == Style.OFSTED_TEMPLATE;
        }

        String yesNo(boolean yes) {
            return lettered() ? (yes ? "a) Yes" : "b) No") : style == Style.LA_EXPORT ? (yes ? "Yes" : "No") : yes ? "Y" : "N";
        }

        String need(String code) {
            if (code == null) {
                return null;
            }
            return switch (style) {
                case OFSTED, OFSTED_TEMPLATE -> code + " - " + NEED.get(code);
                case LA_EXPORT -> NEED.get(code);
                case VARIANT -> code;
            };
        }

        Row bareChild(Sheet sheet, String id) {
            Row r = sheet.createRow(sheet.getLastRowNum() + 1);
            if (style == Style.VARIANT && id.matches("\\d{1,15}")) {
                r.createCell(0).setCellValue(Double.parseDouble(id));
            } else {
                r.createCell(0).setCellValue(id);
            }
            return r;
        }

        private String gender(String code) {
            String label = switch (code == null ? "" : code) {
                case "1" -> "Male";
                case "2" -> "Female";
                default -> "Not stated/recorded";
            };
            return lettered() ? ("1".equals(code) ? "a) " : "2".equals(code) ? "b) " : "c) ") + label : label;
        }

        void text(Row r, int column, String value) {
            if (value != null) {
                r.createCell(column).setCellValue(value);
            }
        }

        void number(Row r, int column, int value) {
            r.createCell(column).setCellValue(value);
        }

        void date(Row r, int column, String iso) {
            if (iso == null) {
                return;
            }
            LocalDate d = LocalDate.parse(iso);
            if (style != Style.VARIANT) {
                r.createCell(column).setCellValue(d);
                r.getCell(column).setCellStyle(dateStyle);
            } else {
                r.createCell(column).setCellValue(d.format(UK));
            }
        }
    }
}
