package org.neglectscorecard.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturn.CAssessment;
import org.neglectscorecard.sample.CensusReturn.CChild;
import org.neglectscorecard.sample.CensusReturn.CEpisode;
import org.neglectscorecard.sample.CensusReturn.CPlan;

/**
 * The same few children in each collection year of the CIN census, with that year's distinctive
 * items (ingest/cin/cin-census-YYYY-YY.yml), and DfE's XML as a case-management system of that
 * year writes it: GenderCurrent 1/2/0/9 until 2023-24 and Sex M/F/U from 2024-25 (one child with an
 * old numeric code inside Sex), factors 18A/19A until 2019-20 and 18B/18C from 2020-21 (with 18A
 * still sent), CINPlanDates and factor 24A from 2021-22, referral source 5D and closure reason RC9
 * from 2022-23, booleans as true/false or 1/0, an empty FactorsIdentifiedAtAssessment, Section47 and
 * Reviews blocks (not read), and in 2025-26 a block this program does not know (passed over).
 */
public final class CensusYears {

    public static final List<String> YEARS = List.of("2017-18", "2018-19", "2019-20", "2020-21", "2021-22", "2022-23",
            "2023-24", "2024-25", "2025-26");

    private CensusYears() {
    }

    static int start(String year) {
        return Integer.parseInt(year.substring(0, 4));
    }

    static boolean from(String year, String first) {
        return start(year) >= start(first);
    }

    /** LA 821's return for a collection year: the children referred in it, and one still open from the year before. */
    public static CensusReturn children(String year) {
        int s = start(year);
        LocalDate reference = LocalDate.of(s + 1, 3, 31);
        String physical = from(year, "2020-21") ? "18C" : "18A";
        String exploitation = from(year, "2021-22") ? "24A" : "11A";
        boolean plans = from(year, "2021-22");
        List<CChild> children = new ArrayList<>();
        // A: neglect at assessment, on a plan for neglect; referred by early help (5D) from 2022-23.
        children.add(new CChild("A" + s, null, (s - 8) + "-02-11", null, "1", "WBRI", List.of(), List.of(
                new CEpisode("1", s + "-05-01", from(year, "2022-23") ? "5D" : "5A", "N1", null, null, "false",
                        List.of(new CAssessment(s + "-05-02", s + "-05-30", List.of("16A", physical))),
                        plans ? List.<String[]>of(new String[] {s + "-06-01", s + "-06-20"}) : List.of(),
                        List.of(new CPlan(s + "-06-20", null, "NEG", "NEG", "0"))))));
        // B: assessed, no factors found (an empty FactorsIdentifiedAtAssessment), closed to early help (RC9) from 2022-23.
        children.add(new CChild("B" + s, null, (s - 3) + "-09-30", null, "2", "APKN", List.of("LD"), List.of(
                new CEpisode("1", s + "-07-01", "2A", "N4", (s + 1) + "-02-01", from(year, "2022-23") ? "RC9" : "RC8", "true",
                        List.of(new CAssessment(s + "-07-02", s + "-07-25", List.of())), List.of(), List.of()))));
        // C: neglect and exploitation, a CIN plan (from 2021-22) then a plan of several categories.
        children.add(new CChild("C" + s, null, (s - 12) + "-12-01", null, from(year, "2024-25") ? "0" : "9", "MWBA", List.of(),
                List.of(new CEpisode("1", s + "-08-01", "6", "N1", null, null, "false",
                        List.of(new CAssessment(s + "-08-02", s + "-08-28", List.of("16A", exploitation, "3A"))),
                        plans ? List.<String[]>of(new String[] {s + "-08-28", null}) : List.of(),
                        List.of(new CPlan(s + "-09-15", null, "MUL", "NEG", "1"))))));
        // D: physical abuse (18A still sent in 2020-21), a plan that ended within the year.
        children.add(new CChild("D" + s, null, (s - 5) + "-04-04", null, "1", "BAFR", List.of(), List.of(
                new CEpisode("1", s + "-10-01", "3A", "N1", null, null, "false",
                        List.of(new CAssessment(s + "-10-02", s + "-10-20", List.of("2020-21".equals(year) ? "18A" : physical))),
                        List.of(), List.of(new CPlan(s + "-10-25", (s + 1) + "-01-15", "PHY", "PHY", "0"))))));
        // E: open since the year before, on a neglect plan that started then.
        children.add(new CChild("E" + s, null, (s - 2) + "-06-06", null, "2", "WBRI", List.of(), List.of(
                new CEpisode("1", (s - 1) + "-11-01", "1A", "N1", null, null, "false",
                        List.of(new CAssessment((s - 1) + "-11-02", (s - 1) + "-11-30", List.of("16A"))), List.of(),
                        List.of(new CPlan((s - 1) + "-12-10", null, "NEG", "EMO", "0"))))));
        return new CensusReturn("821", reference, children, false);
    }

    /** DfE's XML as a system of that year writes it. */
    public static Path writeXml(CensusReturn r, String year, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean sex = from(year, "2024-25");
        boolean numericBooleans = start(year) % 2 == 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n");
            leaf(w, "Collection", "CIN");
            leaf(w, "Year", String.valueOf(r.reference().getYear()));
            leaf(w, "ReferenceDate", r.reference().toString());
            w.write("    </CollectionDetails>\n    <Source>\n");
            leaf(w, "SourceLevel", "L");
            leaf(w, "LEA", r.laCode3());
            leaf(w, "SoftwareCode", "Local Authority");
            leaf(w, "Release", "ver " + year);
            leaf(w, "SerialNo", "001");
            leaf(w, "DateTime", r.reference().plusDays(30) + "T09:30:00");
            w.write("    </Source>\n  </Header>\n  <Children>\n");
            boolean first = true;
            for (CChild c : r.children()) {
                w.write("    <Child>\n      <ChildIdentifiers>\n");
                leaf(w, "LAchildID", c.id());
                leaf(w, "UPNunknown", "UN1");
                leaf(w, "PersonBirthDate", c.birth());
                if (sex) {
                    // An old numeric code sent inside <Sex> still means what it says.
                    leaf(w, "Sex", first ? c.gender() : switch (c.gender()) {
                        case "1" -> "M";
                        case "2" -> "F";
                        default -> "U";
                    });
                } else {
                    leaf(w, "GenderCurrent", c.gender());
                }
                first = false;
                w.write("      </ChildIdentifiers>\n      <ChildCharacteristics>\n");
                leaf(w, "Ethnicity", c.ethnicity());
                w.write("        <Disabilities>\n");
                for (String d : c.disabilities().isEmpty() ? List.of("NONE") : c.disabilities()) {
                    leaf(w, "Disability", d);
                }
                w.write("        </Disabilities>\n      </ChildCharacteristics>\n");
                for (CEpisode e : c.episodes()) {
                    w.write("      <CINdetails>\n");
                    leaf(w, "CINreferralDate", e.referral());
                    leaf(w, "ReferralSource", e.source());
                    leaf(w, "PrimaryNeedCode", e.need());
                    leaf(w, "CINclosureDate", e.closure());
                    leaf(w, "ReasonForClosure", e.reason());
                    for (CAssessment a : e.assessments()) {
                        w.write("        <Assessments>\n");
                        leaf(w, "AssessmentActualStartDate", a.start());
                        leaf(w, "AssessmentAuthorisationDate", a.authorised());
                        if (a.factors().isEmpty()) {
                            w.write("          <FactorsIdentifiedAtAssessment/>\n");
                        } else {
                            w.write("          <FactorsIdentifiedAtAssessment>\n");
                            for (String f : a.factors()) {
                                leaf(w, "AssessmentFactors", f);
                            }
                            w.write("          </FactorsIdentifiedAtAssessment>\n");
                        }
                        w.write("        </Assessments>\n");
                    }
                    for (String[] p : e.cinPlans()) {
                        w.write("        <CINPlanDates>\n");
                        leaf(w, "CINPlanStartDate", p[0]);
                        leaf(w, "CINPlanEndDate", p[1]);
                        w.write("        </CINPlanDates>\n");
                    }
                    if (!e.plans().isEmpty()) {
                        w.write("        <Section47>\n");
                        leaf(w, "S47ActualStartDate", e.plans().get(0).start());
                        leaf(w, "ICPCnotRequired", numericBooleans ? "0" : "false");
                        w.write("        </Section47>\n");
                    }
                    leaf(w, "ReferralNFA", numericBooleans ? ("true".equals(e.nfa()) ? "1" : "0") : e.nfa());
                    for (CPlan p : e.plans()) {
                        w.write("        <ChildProtectionPlans>\n");
                        leaf(w, "CPPstartDate", p.start());
                        leaf(w, "CPPendDate", p.end());
                        leaf(w, "InitialCategoryOfAbuse", p.initial());
                        leaf(w, "LatestCategoryOfAbuse", p.latest());
                        leaf(w, "NumberOfPreviousCPP", p.previous());
                        w.write("          <Reviews>\n");
                        leaf(w, "CPPreviewDate", LocalDate.parse(p.start()).plusMonths(3).toString());
                        w.write("          </Reviews>\n");
                        w.write("        </ChildProtectionPlans>\n");
                    }
                    if ("2025-26".equals(year)) {
                        // A block added after the years this program knows: passed over with a note.
                        w.write("        <PreProceedings>\n");
                        leaf(w, "PreProceedingsStartDate", e.referral());
                        leaf(w, "PreProceedingsOutcome", "1");
                        w.write("        </PreProceedings>\n");
                    }
                    w.write("      </CINdetails>\n");
                }
                w.write("    </Child>\n");
            }
            w.write("  </Children>\n</Message>\n");
        }
        return file;
    }

    private static void leaf(BufferedWriter w, String name, String value) throws IOException {
        if (value != null) {
            w.write("          <" + name + ">" + value + "</" + name + ">\n");
        }
    }
}
