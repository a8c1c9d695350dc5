package org.neglectscorecard.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.neglectscorecard.sample.CensusReturn.CAssessment;
import org.neglectscorecard.sample.CensusReturn.CChild;
import org.neglectscorecard.sample.CensusReturn.CEpisode;
import org.neglectscorecard.sample.CensusReturn.CPlan;
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
                CensusReturn census1 = new CensusReturn(la.code3(), reference, census, la.idPrefix().isEmpty());
                written.add(switch (form) {
                    case XML -> CensusReturnWriter.writeXml(census1, folder.resolve("cin-census-" + la.code3() + "-" + year + ".xml"));
                    case CSV -> CensusReturnWriter.writeCsv(census1, folder);
                    case XLSX -> CensusReturnWriter.writeXlsx(census1, folder.resolve("cin-census-tables-" + la.code3() + "-" + year + ".xlsx"));
                });
            }
            written.addAll(PartnershipSampleData.write(out, la, children));
        }
        written.addAll(PartnershipSampleData.partnershipLogs(out));
        for (org.neglectscorecard.ingest.agency.AgencySource source : org.neglectscorecard.ingest.agency.AgencySource.values()) {
            written.add(org.neglectscorecard.ingest.agency.AgencyTemplate.writeTemplate(source,
                    out.resolve("templates").resolve(source.templateName())));
        }
        for (Path p : written) {
            if (p.toString().endsWith(".xlsx") && !p.getFileName().toString().startsWith("cin-census")
                    && !p.getFileName().toString().startsWith("annex-a")) {
                CensusReturnWriter.fixEntryTimes(p, LocalDate.of(2026, 4, 1));
            }
        }
        Files.writeString(out.resolve(MARKER), "Everything in this folder is synthetic: made by the program's "
                + "generate-sample command. No row describes a real child. The built-in pseudonymisation key is "
                + "accepted only for a folder holding this file.\n");
        return written;
    }

    /**
     * A national-scale extract for benchmarks: every LA in DfE's latest list, each a synthetic
     * caseload of the given scale (about 6,500 children each at scale 5, a million in all), for
     * the year to 31 March {@code year}, as one CSV table set with an LEA column. Not committed.
     */
    public static int generateNational(Path folder, double scale, int year, List<String> laCodes) throws IOException {
        List<CensusReturn> returns = new ArrayList<>();
        int children = 0;
        long seed = 1;
        for (String la : laCodes) {
            LaProfile profile = new LaProfile(la, la, scale, partnership().get(0).ethnicity(), Map.of(), la + "-", 1, seed++);
            List<Child> simulated = new CaseloadSimulation(profile).run();
            CensusReturn r = new CensusReturn(la, LocalDate.of(year, 3, 31), snapshot(simulated, LocalDate.of(year, 3, 31)), false);
            children += r.children().size();
            returns.add(r);
            if (returns.size() == 16) {
                flush(folder, returns);
            }
        }
        flush(folder, returns);
        return children;
    }

    /** Appends a batch of LAs to the national table set, so memory holds a few LAs at a time. */
    private static void flush(Path folder, List<CensusReturn> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        Path part = folder.resolveSibling(folder.getFileName() + ".part");
        CensusReturnWriter.writeCsvTogether(batch, part);
        Files.createDirectories(folder);
        try (var files = Files.list(part)) {
            for (Path f : files.toList()) {
                Path target = folder.resolve(f.getFileName());
                if (Files.exists(target) && !f.getFileName().toString().equals("Header.csv")) {
                    List<String> lines = Files.readAllLines(f);
                    Files.write(target, lines.subList(1, lines.size()), java.nio.file.StandardOpenOption.APPEND);
                    Files.delete(f);
                } else {
                    Files.move(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.delete(part);
        batch.clear();
    }

    /** One LA's return for the year to 31 March {@code year}, without the deliberate mistakes. */
    public static CensusReturn sampleReturn(String la3, int year) {
        LaProfile la = partnership().stream().filter(p -> p.code3().equals(la3)).findFirst().orElseThrow();
        List<Child> children = new CaseloadSimulation(la).run();
        return new CensusReturn(la3, LocalDate.of(year, 3, 31), snapshot(children, LocalDate.of(year, 3, 31)), la.idPrefix().isEmpty());
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

}
