package org.neglectscorecard.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neglectscorecard.ingest.cin.CinTable;
import org.neglectscorecard.sample.CaseloadSimulation.Assessment;
import org.neglectscorecard.sample.CaseloadSimulation.Child;
import org.neglectscorecard.sample.CaseloadSimulation.Episode;
import org.neglectscorecard.sample.CaseloadSimulation.Plan;
import org.neglectscorecard.sample.CaseloadSimulation.ProtectionPlan;

/**
 * Writes sample-data/: six years of synthetic CIN census returns (2020/21 to 2025/26) for a
 * partnership of three LAs, in every form the pipeline reads: XML, CSV tables and tables as
 * sheets of one workbook. Each return is the data as it stood on its reference date (plans still
 * open have no end date; a category of abuse changed later is not yet changed), so successive
 * returns differ the way real ones do. A few deliberate mistakes sit in some returns, as in real
 * exports, so the rejects report has something to show. Deterministic: the same files every time.
 */
public final class SampleDataGenerator {

    public enum Form { XML, CSV, XLSX }

    /** A synthetic LA: its code, size, make-up, and the form each year's return takes. */
    public record LaProfile(String code3, String name, double scale, String[][] ethnicity, Map<Integer, Form> forms,
                            String idPrefix, int firstId, long seed) {
    }

    public static final List<Integer> YEARS = List.of(2021, 2022, 2023, 2024, 2025, 2026);
    public static final String MARKER = "SYNTHETIC-DATA.txt";

    static List<LaProfile> partnership() {
        return List.of(
                new LaProfile("822", "Bedford", 0.75, new String[][] {{"WBRI", "62"}, {"WOTH", "8"}, {"MWBC", "5"},
                        {"MOTH", "3"}, {"AIND", "5"}, {"APKN", "3"}, {"ABAN", "2"}, {"BCRB", "3"}, {"BAFR", "4"},
                        {"OOTH", "2"}, {"WROM", "1"}, {"NOBT", "2"}},
                        forms(Form.CSV, Form.CSV, Form.CSV, Form.CSV, Form.CSV, Form.XML), "BED", 10001, 822L),
                new LaProfile("823", "Central Bedfordshire", 1.0, new String[][] {{"WBRI", "78"}, {"WOTH", "6"},
                        {"MWBC", "4"}, {"MOTH", "2"}, {"AIND", "2"}, {"APKN", "1"}, {"BAFR", "2"}, {"WIRT", "1"},
                        {"OOTH", "1"}, {"REFU", "1"}, {"NOBT", "2"}},
                        forms(Form.CSV, Form.CSV, Form.XLSX, Form.XLSX, Form.XLSX, Form.XML), "CB", 20001, 823L),
                new LaProfile("821", "Luton", 0.9, new String[][] {{"WBRI", "38"}, {"WOTH", "9"}, {"APKN", "18"},
                        {"ABAN", "6"}, {"AIND", "3"}, {"AOTH", "3"}, {"MWBC", "5"}, {"MOTH", "3"}, {"BAFR", "6"},
                        {"BCRB", "3"}, {"BOTH", "1"}, {"WROM", "2"}, {"OOTH", "2"}, {"NOBT", "1"}},
                        forms(Form.XLSX, Form.XLSX, Form.CSV, Form.CSV, Form.CSV, Form.XML), "", 500001, 821L));
    }

    private static Map<Integer, Form> forms(Form... byYear) {
        Map<Integer, Form> m = new LinkedHashMap<>();
        for (int i = 0; i < YEARS.size(); i++) {
            m.put(YEARS.get(i), byYear[i]);
        }
        return m;
    }

    /** One child as a return reports them: values as the file writes them. */
    record CChild(String id, String upn, String birth, String expected, String gender, String ethnicity,
                  List<String> disabilities, List<CEpisode> episodes) {
    }

    record CEpisode(String ref, String referral, String source, String need, String closure, String reason, String nfa,
                    List<CAssessment> assessments, List<String[]> cinPlans, List<CPlan> plans) {
    }

    record CAssessment(String start, String authorised, List<String> factors) {
    }

    record CPlan(String start, String end, String initial, String latest, String previous) {
    }

    public List<Path> generate(Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (LaProfile la : partnership()) {
            List<Child> children = new CaseloadSimulation(la).run();
            for (int year : YEARS) {
                LocalDate reference = LocalDate.of(year, 3, 31);
                List<CChild> census = snapshot(children, reference);
                mistakes(census, la, year);
                Path folder = out.resolve(la.code3()).resolve((year - 1) + "-" + String.valueOf(year).substring(2));
                Files.createDirectories(folder);
                Form form = la.forms().get(year);
                written.add(switch (form) {
                    case XML -> writeXml(folder.resolve("cin-census-" + la.code3() + "-" + year + ".xml"), la, reference, census);
                    case CSV -> writeCsv(folder, la, reference, census);
                    case XLSX -> writeXlsx(folder.resolve("cin-census-tables-" + la.code3() + "-" + year + ".xlsx"), la, reference, census);
                });
            }
        }
        Files.writeString(out.resolve(MARKER), "Everything in this folder is synthetic: made by the program's "
                + "generate-sample command. No row describes a real child. The built-in pseudonymisation key is "
                + "accepted only for a folder holding this file.\n");
        return written;
    }

    /** The return as it stood on its reference date: children with an episode open at any time in the year. */
    static List<CChild> snapshot(List<Child> children, LocalDate reference) {
        LocalDate yearStart = reference.minusYears(1).plusDays(1);
        List<CChild> out = new ArrayList<>();
        for (Child c : children) {
            List<CEpisode> episodes = new ArrayList<>();
            int number = 0;
            for (Episode e : c.episodes) {
                number++;
                if (e.referral.isAfter(reference) || e.closure != null && e.closure.isBefore(yearStart)) {
                    continue;
                }
                boolean closed = e.closure != null && !e.closure.isAfter(reference);
                List<CAssessment> assessments = new ArrayList<>();
                for (Assessment a : e.assessments) {
                    if (!a.start.isAfter(reference)) {
                        boolean done = !a.authorised.isAfter(reference);
                        assessments.add(new CAssessment(a.start.toString(), done ? a.authorised.toString() : null,
                                done ? a.factors : List.of()));
                    }
                }
                List<String[]> cinPlans = new ArrayList<>();
                for (Plan p : e.cinPlans) {
                    if (!p.start.isAfter(reference)) {
                        cinPlans.add(new String[] {p.start.toString(), asAt(p.end, reference)});
                    }
                }
                List<CPlan> plans = new ArrayList<>();
                for (ProtectionPlan p : e.protectionPlans) {
                    if (!p.start.isAfter(reference)) {
                        String latest = p.latestFrom != null && !p.latestFrom.isAfter(reference) ? p.latest : p.initial;
                        plans.add(new CPlan(p.start.toString(), asAt(p.end, reference), p.initial, latest, String.valueOf(p.previous)));
                    }
                }
                episodes.add(new CEpisode(String.valueOf(number), e.referral.toString(), e.source, e.need,
                        closed ? e.closure.toString() : null, closed ? e.reason : null, e.nfa ? "true" : "false",
                        assessments, cinPlans, plans));
            }
            if (episodes.isEmpty()) {
                continue;
            }
            boolean born = c.birth != null && !c.birth.isAfter(reference) && (c.expectedBirth == null || !c.birth.isAfter(reference));
            out.add(new CChild(c.id, c.upn, born ? c.birth.toString() : null,
                    c.expectedBirth != null ? c.expectedBirth.toString() : null, born && "0".equals(c.gender) ? "2" : c.gender,
                    c.ethnicity, c.disabilities, episodes));
        }
        return out;
    }

    private static String asAt(LocalDate end, LocalDate reference) {
        return end == null || end.isAfter(reference) ? null : end.toString();
    }

    /**
     * Real exports carry a few mistakes; so do these, two or three per return: a plan ending
     * before it starts (rejected), a mistyped ethnicity code (left out, child kept), an impossible
     * date in an XML return (rejected).
     */
    private static void mistakes(List<CChild> census, LaProfile la, int year) {
        Random r = new Random(la.seed() * 31 + year);
        Form form = la.forms().get(year);
        List<CEpisode> withPlans = census.stream().flatMap(c -> c.episodes().stream()).filter(e -> !e.plans().isEmpty()).toList();
        if (form == Form.CSV && !withPlans.isEmpty()) {
            CEpisode e = withPlans.get(r.nextInt(withPlans.size()));
            CPlan p = e.plans().get(0);
            e.plans().set(0, new CPlan(p.start(), LocalDate.parse(p.start()).minusDays(12).toString(), p.initial(), p.latest(), p.previous()));
        }
        if (form != Form.XML && !census.isEmpty()) {
            int i = r.nextInt(census.size());
            CChild c = census.get(i);
            census.set(i, new CChild(c.id(), c.upn(), c.birth(), c.expected(), c.gender(), "WBR", c.disabilities(), c.episodes()));
        }
        if (form == Form.XML) {
            List<CEpisode> assessed = census.stream().flatMap(c -> c.episodes().stream())
                    .filter(e -> !e.assessments().isEmpty() && e.assessments().get(0).authorised() != null).toList();
            if (!assessed.isEmpty()) {
                CEpisode e = assessed.get(r.nextInt(assessed.size()));
                CAssessment a = e.assessments().get(0);
                e.assessments().set(0, new CAssessment(a.start(), a.authorised().substring(0, 4) + "-02-30", a.factors()));
            }
        }
    }

    private static String genderElement(LocalDate reference) {
        return reference.getYear() >= 2026 ? "Sex" : "GenderCurrent";
    }

    /** From 2025/26 the census asks for Sex as M, F or U; before, GenderCurrent as 1, 2 or 0. */
    private static String gender(String code, LocalDate reference) {
        if (reference.getYear() < 2026) {
            return code;
        }
        return "1".equals(code) ? "M" : "2".equals(code) ? "F" : "U";
    }

    private Path writeXml(Path file, LaProfile la, LocalDate reference, List<CChild> census) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header>\n<CollectionDetails>\n");
            leaf(w, "Collection", "CIN");
            leaf(w, "Year", String.valueOf(reference.getYear()));
            leaf(w, "ReferenceDate", reference.toString());
            w.write("</CollectionDetails>\n<Source>\n");
            leaf(w, "SourceLevel", "L");
            leaf(w, "LEA", la.code3());
            leaf(w, "SoftwareCode", "Local Authority");
            leaf(w, "Release", "ver 3.1.21");
            leaf(w, "SerialNo", "001");
            leaf(w, "DateTime", reference.plusDays(40) + "T10:15:00");
            w.write("</Source>\n</Header>\n<Children>\n");
            for (CChild c : census) {
                w.write("<Child>\n<ChildIdentifiers>\n");
                leaf(w, "LAchildID", c.id());
                leaf(w, "UPN", c.upn());
                leaf(w, "PersonBirthDate", c.birth());
                leaf(w, "ExpectedPersonBirthDate", c.birth() == null ? c.expected() : null);
                leaf(w, genderElement(reference), gender(c.gender(), reference));
                w.write("</ChildIdentifiers>\n<ChildCharacteristics>\n");
                leaf(w, "Ethnicity", c.ethnicity());
                w.write("<Disabilities>\n");
                if (c.disabilities().isEmpty()) {
                    leaf(w, "Disability", "NONE");
                }
                for (String d : c.disabilities()) {
                    leaf(w, "Disability", d);
                }
                w.write("</Disabilities>\n</ChildCharacteristics>\n");
                for (CEpisode e : c.episodes()) {
                    w.write("<CINdetails>\n");
                    leaf(w, "CINreferralDate", e.referral());
                    leaf(w, "ReferralSource", e.source());
                    leaf(w, "PrimaryNeedCode", e.need());
                    leaf(w, "CINclosureDate", e.closure());
                    leaf(w, "ReasonForClosure", e.reason());
                    leaf(w, "ReferralNFA", e.nfa());
                    for (CAssessment a : e.assessments()) {
                        w.write("<Assessments>\n");
                        leaf(w, "AssessmentActualStartDate", a.start());
                        leaf(w, "AssessmentAuthorisationDate", a.authorised());
                        if (!a.factors().isEmpty()) {
                            w.write("<FactorsIdentifiedAtAssessment>\n");
                            for (String f : a.factors()) {
                                leaf(w, "AssessmentFactors", f);
                            }
                            w.write("</FactorsIdentifiedAtAssessment>\n");
                        }
                        w.write("</Assessments>\n");
                    }
                    for (String[] p : e.cinPlans()) {
                        w.write("<CINPlanDates>\n");
                        leaf(w, "CINPlanStartDate", p[0]);
                        leaf(w, "CINPlanEndDate", p[1]);
                        w.write("</CINPlanDates>\n");
                    }
                    for (CPlan p : e.plans()) {
                        w.write("<ChildProtectionPlans>\n");
                        leaf(w, "CPPstartDate", p.start());
                        leaf(w, "CPPendDate", p.end());
                        leaf(w, "InitialCategoryOfAbuse", p.initial());
                        leaf(w, "LatestCategoryOfAbuse", p.latest());
                        leaf(w, "NumberOfPreviousCPP", p.previous());
                        w.write("</ChildProtectionPlans>\n");
                    }
                    w.write("</CINdetails>\n");
                }
                w.write("</Child>\n");
            }
            w.write("</Children>\n</Message>\n");
        }
        return file;
    }

    private static void leaf(BufferedWriter w, String name, String value) throws IOException {
        if (value != null) {
            w.write("<" + name + ">" + value.replace("&", "&amp;").replace("<", "&lt;") + "</" + name + ">\n");
        }
    }

    /** The census tables, rows aligned to CinTable's columns. */
    private static Map<CinTable, List<Object[]>> tables(LaProfile la, LocalDate reference, List<CChild> census, boolean numericIds) {
        Map<CinTable, List<Object[]>> t = new LinkedHashMap<>();
        for (CinTable table : List.of(CinTable.HEADER, CinTable.CHILD_IDENTIFIERS, CinTable.CHILD_CHARACTERISTICS,
                CinTable.CIN_DETAILS, CinTable.ASSESSMENTS, CinTable.CIN_PLAN_DATES, CinTable.CHILD_PROTECTION_PLANS)) {
            t.put(table, new ArrayList<>());
        }
        t.get(CinTable.HEADER).add(new Object[] {"CIN", String.valueOf(reference.getYear()), reference.toString(), la.code3()});
        for (CChild c : census) {
            Object id = numericIds ? (Object) Long.valueOf(c.id()) : c.id();
            t.get(CinTable.CHILD_IDENTIFIERS).add(new Object[] {id, c.upn(), c.birth(), c.birth() == null ? c.expected() : null,
                    gender(c.gender(), reference)});
            t.get(CinTable.CHILD_CHARACTERISTICS).add(new Object[] {id, c.ethnicity(),
                    c.disabilities().isEmpty() ? "NONE" : String.join(",", c.disabilities())});
            for (CEpisode e : c.episodes()) {
                t.get(CinTable.CIN_DETAILS).add(new Object[] {id, e.ref(), e.referral(), e.source(), e.need(), e.closure(),
                        e.reason(), e.nfa()});
                for (CAssessment a : e.assessments()) {
                    t.get(CinTable.ASSESSMENTS).add(new Object[] {id, e.ref(), a.start(), a.authorised(), String.join(",", a.factors())});
                }
                for (String[] p : e.cinPlans()) {
                    t.get(CinTable.CIN_PLAN_DATES).add(new Object[] {id, e.ref(), p[0], p[1]});
                }
                for (CPlan p : e.plans()) {
                    t.get(CinTable.CHILD_PROTECTION_PLANS).add(new Object[] {id, e.ref(), p.start(), p.end(), p.initial(),
                            p.latest(), p.previous()});
                }
            }
        }
        return t;
    }

    private static String[] header(CinTable table, LocalDate reference) {
        return switch (table) {
            case HEADER -> new String[] {"Collection", "Year", "ReferenceDate", "LEA"};
            case CHILD_IDENTIFIERS -> new String[] {"LAchildID", "UPN", "PersonBirthDate", "ExpectedPersonBirthDate",
                    genderElement(reference)};
            case CHILD_CHARACTERISTICS -> new String[] {"LAchildID", "Ethnicity", "Disabilities"};
            case CIN_DETAILS -> new String[] {"LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource",
                    "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "ReferralNFA"};
            case ASSESSMENTS -> new String[] {"LAchildID", "CINdetailsID", "AssessmentActualStartDate",
                    "AssessmentAuthorisationDate", "AssessmentFactors"};
            case CIN_PLAN_DATES -> new String[] {"LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"};
            case CHILD_PROTECTION_PLANS -> new String[] {"LAchildID", "CINdetailsID", "CPPstartDate", "CPPendDate",
                    "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"};
            default -> throw new IllegalArgumentException(table.name());
        };
    }

    /**
     * One CSV per table in the year's folder. Luton's system exports its numeric child IDs the
     * way a spreadsheet does ("500123.0") in ChildIdentifiers only: the pipeline must still match them.
     */
    private Path writeCsv(Path folder, LaProfile la, LocalDate reference, List<CChild> census) throws IOException {
        boolean numeric = la.idPrefix().isEmpty();
        for (Map.Entry<CinTable, List<Object[]>> e : tables(la, reference, census, numeric).entrySet()) {
            Path file = folder.resolve(e.getKey().tableName() + ".csv");
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(header(e.getKey(), reference)).get())) {
                for (Object[] row : e.getValue()) {
                    Object[] values = row.clone();
                    if (numeric && e.getKey() == CinTable.CHILD_IDENTIFIERS) {
                        values[0] = values[0] + ".0";
                    }
                    out.printRecord(values);
                }
            }
        }
        return folder;
    }

    /** The tables as sheets of one workbook, dates as Excel date cells, numeric IDs as numbers. */
    private Path writeXlsx(Path file, LaProfile la, LocalDate reference, List<CChild> census) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            for (Map.Entry<CinTable, List<Object[]>> e : tables(la, reference, census, la.idPrefix().isEmpty()).entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey().tableName());
                String[] names = header(e.getKey(), reference);
                Row h = sheet.createRow(0);
                for (int i = 0; i < names.length; i++) {
                    h.createCell(i).setCellValue(names[i]);
                }
                int r = 1;
                for (Object[] values : e.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.length; i++) {
                        Object v = values[i];
                        if (v == null) {
                            continue;
                        }
                        if (v instanceof Long n) {
                            row.createCell(i).setCellValue(n);
                        } else if (names[i].endsWith("Date") && !"ReferenceDate".equals(names[i]) && v.toString().matches("\\d{4}-\\d{2}-\\d{2}")) {
                            row.createCell(i).setCellValue(LocalDate.parse(v.toString()));
                            row.getCell(i).setCellStyle(date);
                        } else {
                            row.createCell(i).setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }
}
