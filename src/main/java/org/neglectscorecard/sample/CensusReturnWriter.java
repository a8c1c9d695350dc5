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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neglectscorecard.ingest.cin.CinTable;
import org.neglectscorecard.sample.CensusReturn.CAssessment;
import org.neglectscorecard.sample.CensusReturn.CChild;
import org.neglectscorecard.sample.CensusReturn.CEpisode;
import org.neglectscorecard.sample.CensusReturn.CPlan;

/**
 * Writes a CIN census return in each form the pipeline reads: the DfE XML (A1), CSV tables in one
 * folder (A2), and the same tables as sheets of one workbook, with dates as Excel date cells.
 */
public final class CensusReturnWriter {

    private CensusReturnWriter() {
    }

    static String genderElement(LocalDate reference) {
        return reference.getYear() >= 2026 ? "Sex" : "GenderCurrent";
    }

    /** From 2025/26 the census asks for Sex as M, F or U; before, GenderCurrent as 1, 2 or 0. */
    static String gender(String code, LocalDate reference) {
        if (reference.getYear() < 2026) {
            return code;
        }
        return "1".equals(code) ? "M" : "2".equals(code) ? "F" : "U";
    }

    public static Path writeXml(CensusReturn r, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LocalDate reference = r.reference();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header>\n<CollectionDetails>\n");
            leaf(w, "Collection", "CIN");
            leaf(w, "Year", String.valueOf(reference.getYear()));
            leaf(w, "ReferenceDate", reference.toString());
            w.write("</CollectionDetails>\n<Source>\n");
            leaf(w, "SourceLevel", "L");
            leaf(w, "LEA", r.laCode3());
            leaf(w, "SoftwareCode", "Local Authority");
            leaf(w, "Release", "ver 3.1.21");
            leaf(w, "SerialNo", "001");
            leaf(w, "DateTime", reference.plusDays(40) + "T10:15:00");
            w.write("</Source>\n</Header>\n<Children>\n");
            for (CChild c : r.children()) {
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
    private static Map<CinTable, List<Object[]>> tables(CensusReturn r) {
        LocalDate reference = r.reference();
        boolean numericIds = r.numericIds();
        Map<CinTable, List<Object[]>> t = new LinkedHashMap<>();
        for (CinTable table : List.of(CinTable.HEADER, CinTable.CHILD_IDENTIFIERS, CinTable.CHILD_CHARACTERISTICS,
                CinTable.CIN_DETAILS, CinTable.ASSESSMENTS, CinTable.CIN_PLAN_DATES, CinTable.CHILD_PROTECTION_PLANS)) {
            t.put(table, new ArrayList<>());
        }
        t.get(CinTable.HEADER).add(new Object[] {"CIN", String.valueOf(reference.getYear()), reference.toString(), r.laCode3()});
        for (CChild c : r.children()) {
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
    public static Path writeCsv(CensusReturn r, Path folder) throws IOException {
        Files.createDirectories(folder);
        LocalDate reference = r.reference();
        boolean numeric = r.numericIds();
        for (Map.Entry<CinTable, List<Object[]>> e : tables(r).entrySet()) {
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

    /**
     * Several LAs' returns in one CSV table set, each row naming its LA in an LEA column, as a
     * national or regional extract is laid out (INPUTS.md A2). Rows are streamed, so any size fits.
     */
    public static Path writeCsvTogether(List<CensusReturn> returns, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<CinTable, CSVPrinter> printers = new LinkedHashMap<>();
        try {
            for (CensusReturn r : returns) {
                for (Map.Entry<CinTable, List<Object[]>> e : tables(r).entrySet()) {
                    CinTable table = e.getKey();
                    if (table == CinTable.HEADER) {
                        continue;
                    }
                    CSVPrinter out = printers.get(table);
                    if (out == null) {
                        String[] names = header(table, r.reference());
                        String[] withLea = java.util.Arrays.copyOf(names, names.length + 1);
                        withLea[names.length] = "LEA";
                        out = new CSVPrinter(Files.newBufferedWriter(folder.resolve(table.tableName() + ".csv"), StandardCharsets.UTF_8),
                                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(withLea).get());
                        printers.put(table, out);
                    }
                    for (Object[] row : e.getValue()) {
                        Object[] values = java.util.Arrays.copyOf(row, row.length + 1);
                        values[row.length] = r.laCode3();
                        out.printRecord(values);
                    }
                }
            }
            Files.writeString(folder.resolve("Header.csv"), "Collection,Year,ReferenceDate\nCIN," + returns.get(0).reference().getYear()
                    + "," + returns.get(0).reference() + "\n");
        } finally {
            for (CSVPrinter p : printers.values()) {
                p.close();
            }
        }
        return folder;
    }

    /** The tables as sheets of one workbook, dates as Excel date cells, numeric IDs as numbers. */
    public static Path writeXlsx(CensusReturn r, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LocalDate reference = r.reference();
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            // A fixed creation date: the same return gives the same bytes every time it is generated.
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(
                    java.util.Date.from(reference.plusDays(40).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            for (Map.Entry<CinTable, List<Object[]>> e : tables(r).entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey().tableName());
                String[] names = header(e.getKey(), reference);
                Row h = sheet.createRow(0);
                for (int i = 0; i < names.length; i++) {
                    h.createCell(i).setCellValue(names[i]);
                }
                int rowNumber = 1;
                for (Object[] values : e.getValue()) {
                    Row row = sheet.createRow(rowNumber++);
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
        fixEntryTimes(file, reference);
        return file;
    }

    /** Zip entries carry the time they were written; fixing it makes regenerated files byte-identical. */
    static void fixEntryTimes(Path file, LocalDate reference) throws IOException {
        long time = reference.plusDays(40).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        Path fixed = file.resolveSibling(file.getFileName() + ".tmp");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(fixed))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(time);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        Files.move(fixed, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
