package org.neglectscorecard.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes a CIN census XML file as the tables Data to Insight's CIN validator makes of it
 * (csc-validator-be-cin, cin_validator/ingress.py, class XMLtoCSV; saved with pandas' to_csv, so
 * each file starts with an unnamed index column): ChildCharacteristics holds only the ethnicity,
 * each disability code is a row of a Disabilities table, each assessment is repeated once per
 * factor (an assessment with no factor has no row), and plans carry a CPPID with their reviews in a
 * Reviews table. Written here from that description, so no code of theirs is copied.
 */
public final class ValidatorTables {

    private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("Header", List.of("Collection", "Year", "ReferenceDate", "SourceLevel", "LEA", "SoftwareCode", "Release",
                "SerialNo", "DateTime"));
        TABLES.put("ChildIdentifiers", List.of("LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
                "ExpectedPersonBirthDate", "GenderCurrent", "PersonDeathDate"));
        TABLES.put("ChildCharacteristics", List.of("LAchildID", "Ethnicity"));
        TABLES.put("Disabilities", List.of("LAchildID", "Disability"));
        TABLES.put("CINdetails", List.of("LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource", "PrimaryNeedCode",
                "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA"));
        TABLES.put("Assessments", List.of("LAchildID", "CINdetailsID", "AssessmentActualStartDate", "AssessmentInternalReviewDate",
                "AssessmentAuthorisationDate", "AssessmentFactors"));
        TABLES.put("CINplanDates", List.of("LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"));
        TABLES.put("Section47", List.of("LAchildID", "CINdetailsID", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC",
                "ICPCnotRequired"));
        TABLES.put("ChildProtectionPlans", List.of("LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate",
                "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"));
        TABLES.put("Reviews", List.of("LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"));
    }

    private ValidatorTables() {
    }

    public static void write(Path xml, Path folder) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
        TABLES.keySet().forEach(t -> rows.put(t, new ArrayList<>()));
        Element root = doc.getDocumentElement();
        Element header = child(root, "Header");
        Map<String, String> h = new LinkedHashMap<>();
        values(child(header, "CollectionDetails"), h);
        values(child(header, "Source"), h);
        rows.get("Header").add(h);
        for (Element c : children(child(root, "Children"), "Child")) {
            Map<String, String> ids = new LinkedHashMap<>();
            values(child(c, "ChildIdentifiers"), ids);
            // The census's Sex (2025-26 on) is written under the column the validator has, GenderCurrent.
            ids.putIfAbsent("GenderCurrent", ids.get("Sex"));
            rows.get("ChildIdentifiers").add(ids);
            String id = ids.get("LAchildID");
            Element chars = child(c, "ChildCharacteristics");
            Map<String, String> ch = new LinkedHashMap<>(Map.of("LAchildID", id));
            values(chars, ch);
            rows.get("ChildCharacteristics").add(ch);
            Element dis = chars == null ? null : child(chars, "Disabilities");
            for (Element d : children(dis, "Disability")) {
                rows.get("Disabilities").add(Map.of("LAchildID", id, "Disability", d.getTextContent().strip()));
            }
            int episode = 0;
            for (Element e : children(c, "CINdetails")) {
                String ref = Integer.toString(++episode);
                Map<String, String> ep = new LinkedHashMap<>(Map.of("LAchildID", id, "CINdetailsID", ref));
                values(e, ep);
                rows.get("CINdetails").add(ep);
                for (Element a : children(e, "Assessments")) {
                    for (Element f : children(child(a, "FactorsIdentifiedAtAssessment"), "AssessmentFactors")) {
                        Map<String, String> as = new LinkedHashMap<>(Map.of("LAchildID", id, "CINdetailsID", ref));
                        values(a, as);
                        as.put("AssessmentFactors", f.getTextContent().strip());
                        rows.get("Assessments").add(as);
                    }
                }
                for (String block : List.of("CINPlanDates", "Section47")) {
                    for (Element b : children(e, block)) {
                        Map<String, String> r = new LinkedHashMap<>(Map.of("LAchildID", id, "CINdetailsID", ref));
                        values(b, r);
                        rows.get("CINPlanDates".equals(block) ? "CINplanDates" : block).add(r);
                    }
                }
                int plan = 0;
                for (Element p : children(e, "ChildProtectionPlans")) {
                    String cpp = Integer.toString(++plan);
                    Map<String, String> r = new LinkedHashMap<>(Map.of("LAchildID", id, "CINdetailsID", ref, "CPPID", cpp));
                    values(p, r);
                    rows.get("ChildProtectionPlans").add(r);
                    for (Element rv : children(child(p, "Reviews"), "CPPreviewDate")) {
                        rows.get("Reviews").add(Map.of("LAchildID", id, "CINdetailsID", ref, "CPPID", cpp,
                                "CPPreviewDate", rv.getTextContent().strip()));
                    }
                }
            }
        }
        Files.createDirectories(folder);
        for (Map.Entry<String, List<String>> t : TABLES.entrySet()) {
            try (Writer w = Files.newBufferedWriter(folder.resolve(t.getKey() + ".csv"), StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                // pandas leaves the index column's heading empty, unquoted (Commons CSV would quote it).
                w.write("," + String.join(",", t.getValue()) + "\n");
                int index = 0;
                for (Map<String, String> r : rows.get(t.getKey())) {
                    List<String> line = new ArrayList<>(List.of(Integer.toString(index++)));
                    t.getValue().forEach(col -> line.add(r.getOrDefault(col, "")));
                    out.printRecord(line);
                }
            }
        }
    }

    /** The text of an element's simple children, by name. */
    private static void values(Element parent, Map<String, String> into) {
        if (parent == null) {
            return;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && children(e, null).isEmpty()) {
                into.putIfAbsent(e.getTagName(), e.getTextContent().strip());
            }
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || name.equals(e.getTagName()))) {
                out.add(e);
            }
        }
        return out;
    }
}
