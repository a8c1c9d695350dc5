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
import org.apache.poi.ss.usermodel.Sheet;
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

    /** How the LA words its workbook. */
    public enum Style {
        /** Ofsted's template: lettered drop-downs ("a) Male", "a) Neglect"), Excel dates, text IDs. */
        OFSTED,
        /** Headings of its own ("CP Plan Start Date", "Seen Alone"), codes ("NEG", "N1 - Abuse or neglect"),
         *  dates typed as dd/mm/yyyy text, IDs as numbers. */
        VARIANT
    }

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
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(
                    java.util.Date.from(asAt.plusDays(5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            Writer w = new Writer(style, dateStyle, asAt);
            for (int list = 1; list <= 5; list++) {
                w.header(wb.createSheet("List " + list), "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age");
            }
            boolean ofsted = style == Style.OFSTED;
            Sheet six = wb.createSheet("List 6");
            w.header(six, ofsted ? "Child Unique ID" : "Child ID", "Gender", "Ethnicity", ofsted ? "Date of Birth" : "DOB", "Age",
                    ofsted ? "Does the Child have a Disability" : "Disability", "CIN Start Date", ofsted ? "Primary Need Code" : "Primary Need",
                    "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker");
            Sheet seven = wb.createSheet("List 7");
            w.header(seven, ofsted ? "Child Unique ID" : "Child ID", "Gender", "Ethnicity", ofsted ? "Date of Birth" : "DOB", "Age",
                    ofsted ? "Does the Child have a Disability" : "Disability",
                    ofsted ? "Child Protection Plan Start Date" : "CP Plan Start Date",
                    ofsted ? "Initial Category of Abuse" : "Initial Category", ofsted ? "Latest Category of Abuse" : "Latest Category",
                    ofsted ? "Date of the Last Statutory Visit" : "Last Statutory Visit Date",
                    ofsted ? "Was the Child Seen Alone?" : "Seen Alone", "Date of latest review conference",
                    ofsted ? "Child Protection Plan End Date" : "CP Plan End Date",
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    ofsted ? "Number of Previous Child Protection Plans" : "Number of Previous CP Plans", "Allocated Team", "Allocated Worker");
            Sheet eight = wb.createSheet("List 8");
            w.header(eight, ofsted ? "Child Unique ID" : "Child ID", "Gender", "Ethnicity", ofsted ? "Date of Birth" : "DOB", "Age",
                    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))",
                    ofsted ? "Does the Child have a Disability" : "Disability",
                    ofsted ? "Date Started to be Looked After" : "CLA Start Date",
                    ofsted ? "Child's Category of Need" : "Category of Need",
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
                    w.text(r, 7, e.need() == null ? null : ofsted ? e.need() + " - " + NEED.get(e.need()) : e.need());
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
                            w.text(pr, 10, ofsted ? (v.seenAlone() ? "a) Yes" : "b) No") : v.seenAlone() ? "Y" : "N");
                        }
                        w.date(pr, 12, p.end());
                        w.text(pr, 13, ofsted ? "b) No" : "N");
                        if (p.previous() != null) {
                            w.number(pr, 14, Integer.parseInt(p.previous()));
                        }
                    }
                }
            }
            for (CareRow care1 : care) {
                CChild c = byId.get(care1.childId());
                Row r = c != null ? w.child(eight, c) : w.bareChild(eight, care1.childId());
                w.text(r, 5, ofsted ? "b) No" : "N");
                w.date(r, 7, care1.start());
                w.text(r, 8, care1.need() == null ? null : ofsted ? care1.need() + " - " + NEED.get(care1.need()) : care1.need());
                w.text(r, 9, ofsted ? "b) No" : "N");
                w.text(r, 11, care1.legalStatus() == null ? null : ofsted ? care1.legalStatus() + ": legal status" : care1.legalStatus());
                w.date(r, 15, care1.end());
            }
            for (String list : List.of("List 9", "List 10", "List 11")) {
                w.header(wb.createSheet(list), "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age");
            }
            wb.write(out);
        }
        CensusReturnWriter.fixEntryTimes(file, asAt);
        return file;
    }

    private static String category(String code, Style style) {
        if (code == null) {
            return null;
        }
        return style == Style.OFSTED ? "a) " + ABUSE.get(code) : code;
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

        void header(Sheet sheet, String... names) {
            Row h = sheet.createRow(0);
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
        }

        Row child(Sheet sheet, CChild c) {
            Row r = bareChild(sheet, c.id());
            text(r, 1, gender(c.gender()));
            text(r, 2, c.ethnicity() == null ? null : style == Style.OFSTED ? "a) " + c.ethnicity() : c.ethnicity());
            if (c.birth() != null) {
                date(r, 3, c.birth());
                r.createCell(4).setCellValue(ChronoUnit.DAYS.between(LocalDate.parse(c.birth()), asAt) / 365.25);
            }
            boolean disabled = c.disabilities().stream().anyMatch(d -> !"NONE".equals(d));
            text(r, 5, style == Style.OFSTED ? (disabled ? "a) Yes" : "b) No") : disabled ? "Y" : "N");
            return r;
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
            return style == Style.OFSTED ? ("1".equals(code) ? "a) " : "2".equals(code) ? "b) " : "c) ") + label : label;
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
            if (style == Style.OFSTED) {
                r.createCell(column).setCellValue(d);
                r.getCell(column).setCellStyle(dateStyle);
            } else {
                r.createCell(column).setCellValue(d.format(UK));
            }
        }
    }
}
