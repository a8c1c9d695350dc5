package org.neglectscorecard.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.neglectscorecard.ingest.agency.AgencySource;
import org.neglectscorecard.ingest.agency.AgencyTemplate;
import org.neglectscorecard.sample.AnnexAWriter.CareRow;
import org.neglectscorecard.sample.AnnexAWriter.Visit;
import org.neglectscorecard.sample.CaseloadSimulation.Child;
import org.neglectscorecard.sample.CaseloadSimulation.Episode;
import org.neglectscorecard.sample.CaseloadSimulation.ProtectionPlan;
import org.neglectscorecard.sample.SampleDataGenerator.LaProfile;

/**
 * Everything the sample partnership holds beyond the CIN census: SSDA903 returns and Annex A
 * workbooks built from the same simulated children, and the multi-agency logs (training, audits,
 * early help, health, GCP2, police, feedback) with patterns a board would recognise: neglect
 * training taking off when the strategy starts (April 2024), the Graded Care Profile 2 spreading
 * after it, audits and confidence improving, fewer children not brought to dental appointments
 * after the "was not brought" policy (2024), summer dips. Seeded: the same files every time.
 */
final class PartnershipSampleData {

    static final LocalDate STRATEGY_START = LocalDate.of(2024, 4, 1);
    private static final LocalDate FIRST = LocalDate.of(2021, 4, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 3, 31);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] SECTORS = {"Health", "Health", "Health", "Education", "Education", "Education",
            "Children's social care", "Children's social care", "Early help", "Police", "Voluntary/community", "Adult social care",
            "Housing", "Probation", "Other"};
    private static final Map<String, String> AGENCY = Map.of("Health", "Bedfordshire Community Health", "Education",
            "Schools and early years", "Children's social care", "Children's services", "Early help", "Family help service",
            "Police", "Bedfordshire Police", "Voluntary/community", "Voluntary sector", "Adult social care", "Adult services",
            "Housing", "Housing services", "Probation", "Probation service", "Other", "Other");

    private PartnershipSampleData() {
    }

    /** A child looked after: the periods of care and moves the simulation gives them. */
    record Care(String childId, Child child, LocalDate start, String need, String legalStatus, LocalDate end,
                List<String[]> moves) {
    }

    static List<Path> write(Path out, LaProfile la, List<Child> children) throws IOException {
        List<Path> written = new ArrayList<>();
        Random random = new Random(la.seed() * 7919);
        List<Care> care = lookedAfter(la, children, random);
        for (int year : SampleDataGenerator.YEARS) {
            Path folder = out.resolve(la.code3()).resolve((year - 1) + "-" + String.valueOf(year).substring(2)).resolve("ssda903");
            written.addAll(ssda903(care, LocalDate.of(year, 3, 31), folder));
        }
        for (LocalDate asAt : List.of(LocalDate.of(2025, 9, 30), LocalDate.of(2026, 3, 31))) {
            written.add(annexA(out, la, children, care, asAt, random));
        }
        written.add(earlyHelp(out, la, random));
        return written;
    }

    // ---------------------------------------------------------------- children looked after

    /**
     * Some children on a plan become looked after when it ends (mostly for abuse or neglect); some
     * children in need for other reasons; and a few have short-break care only (left out of starts).
     */
    private static List<Care> lookedAfter(LaProfile la, List<Child> children, Random random) {
        List<Care> care = new ArrayList<>();
        String[] legal = {"V2", "V2", "V2", "C2", "C2", "J2", "L2", "E1"};
        for (Child c : children) {
            for (Episode e : c.episodes) {
                for (ProtectionPlan p : e.protectionPlans) {
                    if (p.end != null && random.nextDouble() < 0.16) {
                        String need = random.nextDouble() < 0.82 ? "N1" : random.nextBoolean() ? "N4" : "N5";
                        care.add(period(c, p.end, need, legal[random.nextInt(legal.length)], random));
                    }
                }
                if (e.protectionPlans.isEmpty() && e.need != null && !"N9".equals(e.need) && random.nextDouble() < 0.025) {
                    String need = random.nextDouble() < 0.3 ? "N1" : e.need;
                    care.add(period(c, e.referral.plusDays(20 + random.nextInt(150)), need, legal[random.nextInt(legal.length)], random));
                }
                if (c.disabilities.size() > 0 && random.nextDouble() < 0.05) {
                    LocalDate d = e.referral.plusDays(30);
                    List<String[]> breaks = new ArrayList<>();
                    care.add(new Care(c.id, c, d, "N2", random.nextBoolean() ? "V3" : "V4", d.plusDays(3), breaks));
                }
            }
        }
        return care;
    }

    private static Care period(Child c, LocalDate start, String need, String legal, Random random) {
        int days = (int) Math.round(60 * Math.exp(1.3 * random.nextGaussian())) + 14;
        LocalDate end = start.plusDays(days);
        List<String[]> moves = new ArrayList<>();
        LocalDate d = start.plusDays(30 + random.nextInt(200));
        while (d.isBefore(end) && moves.size() < 4) {
            moves.add(new String[] {d.toString(), random.nextDouble() < 0.8 ? "P" : random.nextBoolean() ? "L" : "T"});
            d = d.plusDays(60 + random.nextInt(300));
        }
        return new Care(c.id, c, start, need, legal, end.isAfter(LAST.plusYears(1)) ? null : end, moves);
    }

    /** Header and Episodes as the return for the year to {@code reference} would have them. */
    private static List<Path> ssda903(List<Care> care, LocalDate reference, Path folder) throws IOException {
        LocalDate yearStart = reference.minusYears(1).plusDays(1);
        List<String> header = new ArrayList<>(List.of("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"));
        List<String> episodes = new ArrayList<>(List.of("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"));
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (Care c : care) {
            LocalDate end = c.end() == null || c.end().isAfter(reference) ? null : c.end();
            if (c.start().isAfter(reference) || end != null && end.isBefore(yearStart)) {
                continue;
            }
            if (seen.add(c.childId())) {
                String sex = "2".equals(c.child().gender) ? "2" : "1";
                header.add(c.childId() + "," + sex + "," + (c.child().birth == null ? "" : c.child().birth.format(UK)) + ","
                        + c.child().ethnicity + ",,,");
            }
            List<LocalDate> starts = new ArrayList<>(List.of(c.start()));
            List<String> rnes = new ArrayList<>(List.of("S"));
            for (String[] m : c.moves()) {
                LocalDate d = LocalDate.parse(m[0]);
                if (!d.isAfter(reference)) {
                    starts.add(d);
                    rnes.add(m[1]);
                }
            }
            for (int i = 0; i < starts.size(); i++) {
                LocalDate episodeEnd = i + 1 < starts.size() ? starts.get(i + 1) : end;
                if (episodeEnd != null && episodeEnd.isBefore(yearStart)) {
                    continue;
                }
                String rec = episodeEnd == null ? "" : i + 1 < starts.size() ? "X1" : "E11";
                episodes.add(c.childId() + "," + starts.get(i).format(UK) + "," + rnes.get(i) + "," + c.legalStatus() + ","
                        + c.need() + ",U1,PR1," + (episodeEnd == null ? "" : episodeEnd.format(UK)) + "," + rec + ",,,,");
            }
        }
        Files.createDirectories(folder);
        Files.write(folder.resolve("header.csv"), header);
        Files.write(folder.resolve("episodes.csv"), episodes);
        return List.of(folder);
    }

    // ---------------------------------------------------------------- Annex A

    private static Path annexA(Path out, LaProfile la, List<Child> children, List<Care> care, LocalDate asAt, Random random)
            throws IOException {
        CensusReturn census = new CensusReturn(la.code3(), asAt, SampleDataGenerator.snapshot(children, asAt), la.idPrefix().isEmpty());
        double progress = asAt.isAfter(LocalDate.of(2026, 1, 1)) ? 1 : 0;
        Map<String, Visit> visits = new HashMap<>();
        for (CensusReturn.CChild c : census.children()) {
            int workingDays = (int) Math.round(Math.abs(random.nextGaussian()) * (7.5 - 1.5 * progress));
            visits.put(c.id(), new Visit(workingDaysBefore(asAt, workingDays).toString(), random.nextDouble() < 0.78 + 0.08 * progress));
        }
        LocalDate yearStart = asAt.minusYears(1).plusDays(1);
        List<CareRow> rows = new ArrayList<>();
        for (Care c : care) {
            if (!c.start().isAfter(asAt) && (c.end() == null || !c.end().isBefore(yearStart))) {
                rows.add(new CareRow(c.childId(), c.start().toString(), c.need(), c.legalStatus(),
                        c.end() == null || c.end().isAfter(asAt) ? null : c.end().toString()));
            }
        }
        AnnexAWriter.Style style = "823".equals(la.code3()) ? AnnexAWriter.Style.VARIANT : AnnexAWriter.Style.OFSTED;
        return AnnexAWriter.write(census, asAt, visits, rows, style,
                out.resolve(la.code3()).resolve("annex-a").resolve("annex-a-" + la.code3() + "-" + asAt + ".xlsx"));
    }

    /** Weekends only: the sample does not need bank holidays to be realistic. */
    private static LocalDate workingDaysBefore(LocalDate date, int days) {
        LocalDate d = date;
        int left = days;
        while (left > 0) {
            d = d.minusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    // ---------------------------------------------------------------- multi-agency logs

    /** Early help plans: each LA's own system, so a file in each LA's folder. */
    private static Path earlyHelp(Path out, LaProfile la, Random random) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        int family = 1;
        for (YearMonth m = YearMonth.from(FIRST.minusYears(1)); !m.isAfter(YearMonth.from(LAST)); m = m.plusMonths(1)) {
            double after = m.atEndOfMonth().isBefore(STRATEGY_START) ? 0 : 1;
            int starts = poisson(random, 45 * la.scale() * (m.getMonthValue() == 8 ? 0.6 : 1));
            for (int i = 0; i < starts; i++) {
                LocalDate start = m.atDay(1 + random.nextInt(m.lengthOfMonth()));
                LocalDate end = start.plusDays(90 + random.nextInt(240));
                boolean whole = random.nextDouble() < 0.72 + 0.12 * after;
                boolean multi = random.nextDouble() < 0.55 + 0.2 * after;
                boolean neglect = random.nextDouble() < 0.2 + 0.08 * after;
                String lead = SECTORS[3 + random.nextInt(6)];
                rows.add(new Object[] {"EH-" + la.code3() + "-" + family++, start, end.isAfter(LAST) ? null : end, yn(whole),
                        yn(multi), lead, yn(neglect)});
            }
        }
        return AgencyTemplate.writeCsv(AgencySource.EARLY_HELP, rows,
                out.resolve(la.code3()).resolve("early-help").resolve("early-help-plans-" + la.code3() + ".csv"));
    }

    /** The partnership's own logs, in sample-data/partnership/. */
    static List<Path> partnershipLogs(Path out) throws IOException {
        Path folder = out.resolve("partnership");
        Random random = new Random(2024);
        List<Path> written = new ArrayList<>();
        written.add(AgencyTemplate.writeWorkbook(AgencySource.TRAINING, training(random), true,
                folder.resolve("training-records.xlsx")));
        written.add(AgencyTemplate.writeCsv(AgencySource.CASE_AUDIT, audits(random), folder.resolve("case-audits.csv")));
        written.add(AgencyTemplate.writeCsv(AgencySource.HEALTH_MONTHLY, healthMonthly(random), folder.resolve("health-was-not-brought-monthly.csv")));
        written.add(AgencyTemplate.writeWorkbook(AgencySource.HEALTH_APPOINTMENTS, paediatricAppointments(random), false,
                folder.resolve("paediatric-appointments.xlsx")));
        written.add(AgencyTemplate.writeCsv(AgencySource.GCP2, gcp2(random), folder.resolve("gcp2-assessments.csv")));
        written.add(AgencyTemplate.writeCsv(AgencySource.POLICE, police(random), folder.resolve("police-neglect-offences.csv")));
        written.add(AgencyTemplate.writeWorkbook(AgencySource.FEEDBACK, feedback(random), false, folder.resolve("feedback.xlsx")));
        written.add(targetsAndCommentary(folder));
        return written;
    }

    private static List<Object[]> training(Random random) {
        List<Object[]> rows = new ArrayList<>();
        int practitioners = 2400;
        String[] sectorOf = new String[practitioners];
        for (int i = 0; i < practitioners; i++) {
            sectorOf[i] = SECTORS[random.nextInt(SECTORS.length)];
        }
        for (YearMonth m = YearMonth.from(FIRST); !m.isAfter(YearMonth.from(LAST)); m = m.plusMonths(1)) {
            LocalDate monthEnd = m.atEndOfMonth();
            boolean after = !monthEnd.isBefore(STRATEGY_START);
            double months = after ? (monthEnd.getYear() - 2024) * 12 + monthEnd.getMonthValue() - 3 : 0;
            double summer = m.getMonthValue() == 8 ? 0.3 : m.getMonthValue() == 12 ? 0.6 : 1;
            course(rows, random, m, poisson(random, (after ? 38 : 14) * summer), "Neglect awareness", "Single-agency", sectorOf, months);
            course(rows, random, m, poisson(random, (after ? 22 : 5) * summer), "Multi-agency neglect", "Multi-agency", sectorOf, months);
            course(rows, random, m, poisson(random, (after ? 9 : 1.5) * summer), "Graded Care Profile 2", "Multi-agency", sectorOf, months);
            if (!monthEnd.isBefore(LocalDate.of(2024, 10, 1))) {
                course(rows, random, m, poisson(random, 12 * summer), "Neglect screening tool", "Single-agency", sectorOf, months);
            }
            course(rows, random, m, poisson(random, 6 * summer), "Other", "Single-agency", sectorOf, months);
        }
        return rows;
    }

    private static void course(List<Object[]> rows, Random random, YearMonth m, int n, String course, String delivery,
                               String[] sectorOf, double monthsSinceStart) {
        LocalDate day = m.atDay(3 + random.nextInt(Math.max(1, m.lengthOfMonth() - 6)));
        java.util.Set<Integer> booked = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(sectorOf.length);
            if (!booked.add(p)) {
                continue;   // one place per practitioner on a session
            }
            String sector = sectorOf[p];
            boolean completed = random.nextDouble() < 0.92;
            int before = clamp((int) Math.round(2.6 + 0.9 * random.nextGaussian()));
            int after = clamp((int) Math.round(before + 1.1 + Math.min(0.4, monthsSinceStart * 0.02) + 0.7 * random.nextGaussian()));
            boolean rated = completed && random.nextDouble() < 0.85;
            boolean licensed = completed && "Graded Care Profile 2".equals(course) && random.nextDouble() < 0.85;
            rows.add(new Object[] {"P" + (10000 + p), AGENCY.get(sector), sector, course, delivery, day, yn(completed),
                    rated ? before : null, rated ? after : null, yn(licensed)});
        }
    }

    private static List<Object[]> audits(Random random) {
        List<Object[]> rows = new ArrayList<>();
        String[] las = {"822", "823", "821"};
        String[] grades = {"Outstanding", "Good", "Requires improvement", "Inadequate"};
        int ref = 1;
        for (YearMonth m = YearMonth.from(FIRST); !m.isAfter(YearMonth.from(LAST)); m = m.plusMonths(1)) {
            double t = (m.getYear() - 2021) + (m.getMonthValue() - 4) / 12.0;   // years since April 2021
            double quality = Math.min(1, Math.max(0, t / 5));
            int count = m.getMonthValue() % 3 == 0 ? 6 + random.nextInt(4) : 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                LocalDate day = m.atDay(5 + random.nextInt(20));
                boolean neglect = random.nextDouble() < 0.7;
                double u = random.nextDouble();
                double good = 0.32 + 0.35 * quality;
                String grade = u < 0.06 + 0.06 * quality ? grades[0] : u < good ? grades[1] : u < good + 0.4 * (1 - quality) + 0.2 ? grades[2] : grades[3];
                rows.add(new Object[] {"MACA-" + m.getYear() + "-" + String.format("%03d", ref++), day, "CASE-" + (30000 + random.nextInt(9000)),
                        random.nextBoolean() ? "Child protection" : random.nextBoolean() ? "Child in need" : "Early help",
                        "Multi-agency case audit", neglect ? "Neglect" : "Other", "Y", grade,
                        judgement(random, 0.55 + 0.25 * quality), judgement(random, 0.45 + 0.3 * quality),
                        judgement(random, 0.35 + 0.3 * quality), judgement(random, 0.2 + 0.5 * quality, 0.15),
                        judgement(random, 0.5 + 0.3 * quality), judgement(random, 0.6 + 0.2 * quality), las[random.nextInt(3)]});
            }
            if (random.nextDouble() < 0.12) {
                rows.add(new Object[] {"RR-" + m.getYear() + "-" + String.format("%03d", ref++), m.atDay(15), "CASE-" + (40000 + random.nextInt(9000)),
                        "Child protection", random.nextDouble() < 0.8 ? "Rapid review" : "Child safeguarding practice review",
                        random.nextDouble() < 0.45 ? "Neglect" : "Other", "Y", null, null, null, null, null, null, null, las[random.nextInt(3)]});
            }
        }
        return rows;
    }

    private static String judgement(Random random, double yes) {
        return judgement(random, yes, 0.05);
    }

    private static String judgement(Random random, double yes, double notApplicable) {
        double u = random.nextDouble();
        return u < notApplicable ? "Not applicable" : u < notApplicable + (1 - notApplicable) * yes ? "Y" : "N";
    }

    private static List<Object[]> healthMonthly(Random random) {
        List<Object[]> rows = new ArrayList<>();
        String[][] las = {{"822", "0.75"}, {"823", "1.0"}, {"821", "0.9"}};
        for (YearMonth m = YearMonth.from(FIRST); !m.isAfter(YearMonth.from(LAST)); m = m.plusMonths(1)) {
            boolean policy = !m.atEndOfMonth().isBefore(LocalDate.of(2024, 6, 1));
            for (String[] la : las) {
                double scale = Double.parseDouble(la[1]);
                for (String[] s : new String[][] {{"Antenatal", "260", "0.065", "0.055"}, {"Postnatal / health visiting", "520", "0.055", "0.045"},
                        {"Dental", "380", "0.16", "0.11"}}) {
                    int appointments = poisson(random, Double.parseDouble(s[1]) * scale * (m.getMonthValue() == 8 ? 0.8 : 1));
                    double rate = Double.parseDouble(policy ? s[3] : s[2]) * (m.getMonthValue() == 12 ? 1.25 : 1);
                    int wnb = Math.min(appointments, poisson(random, appointments * rate));
                    rows.add(new Object[] {m.toString(), s[0], appointments, wnb, la[0]});
                }
            }
        }
        return rows;
    }

    /** One provider sends its paediatric clinic's appointments row by row, for Luton only. */
    private static List<Object[]> paediatricAppointments(Random random) {
        List<Object[]> rows = new ArrayList<>();
        for (YearMonth m = YearMonth.from(FIRST); !m.isAfter(YearMonth.from(LAST)); m = m.plusMonths(1)) {
            int n = poisson(random, 40);
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                rows.add(new Object[] {"NHS-" + (700000 + random.nextInt(4000)), m.atDay(1 + random.nextInt(m.lengthOfMonth())),
                        "Paediatric", u < 0.11 ? "Was not brought" : u < 0.16 ? "Cancelled" : "Attended", "821"});
            }
        }
        return rows;
    }

    private static List<Object[]> gcp2(Random random) {
        List<Object[]> rows = new ArrayList<>();
        int ref = 1;
        int child = 1;
        String[] las = {"822", "823", "821"};
        for (YearMonth m = YearMonth.from(LocalDate.of(2022, 9, 1)); !m.isAfter(YearMonth.from(LAST)); m = m.plusMonths(1)) {
            boolean after = !m.atEndOfMonth().isBefore(STRATEGY_START);
            int n = poisson(random, after ? 16 : 3);
            for (int i = 0; i < n; i++) {
                LocalDate day = m.atDay(1 + random.nextInt(m.lengthOfMonth()));
                String id = "GC-" + (child++);
                String la = las[random.nextInt(3)];
                String sector = random.nextDouble() < 0.6 ? "Early help" : random.nextBoolean() ? "Health" : "Children's social care";
                String tier = random.nextDouble() < 0.55 ? "Early help" : random.nextBoolean() ? "Child in need" : "Child protection";
                int base = 3 + (random.nextDouble() < 0.3 ? 1 : 0);
                int[] grades = {grade(random, base), grade(random, base), grade(random, base), grade(random, base)};
                rows.add(gcp2Row(ref++, id, day, sector, tier, grades, la));
                if (random.nextDouble() < 0.4) {
                    LocalDate again = day.plusDays(120 + random.nextInt(120));
                    if (!again.isAfter(LAST)) {
                        int shift = random.nextDouble() < 0.62 ? -1 : random.nextDouble() < 0.5 ? 0 : 1;
                        int[] later = new int[4];
                        for (int k = 0; k < 4; k++) {
                            later[k] = Math.max(1, Math.min(5, grades[k] + shift + (random.nextDouble() < 0.2 ? random.nextInt(3) - 1 : 0)));
                        }
                        rows.add(gcp2Row(ref++, id, again, sector, tier, later, la));
                    }
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(r -> (LocalDate) r[2]));
        return rows;
    }

    private static Object[] gcp2Row(int ref, String child, LocalDate day, String sector, String tier, int[] g, String la) {
        return new Object[] {"GCP2-" + String.format("%05d", ref), child, day, sector, tier, g[0], g[1], g[2], g[3], la};
    }

    private static int grade(Random random, int base) {
        return Math.max(1, Math.min(5, base + (int) Math.round(0.8 * random.nextGaussian())));
    }

    private static List<Object[]> police(Random random) {
        List<Object[]> rows = new ArrayList<>();
        for (YearMonth m = YearMonth.from(FIRST); !m.isAfter(YearMonth.from(LAST)); m = m.plusMonths(1)) {
            double t = (m.getYear() - 2021) + (m.getMonthValue() - 4) / 12.0;
            int offences = poisson(random, 22 + 2 * Math.sin(t * 6.28));
            int prior = Math.min(offences, poisson(random, offences * (0.47 - 0.03 * t)));
            rows.add(new Object[] {m.toString(), offences, prior});
        }
        return rows;
    }

    private static List<Object[]> feedback(Random random) {
        List<Object[]> rows = new ArrayList<>();
        for (YearMonth m = YearMonth.from(FIRST); !m.isAfter(YearMonth.from(LAST)); m = m.plusMonths(1)) {
            double t = Math.max(0, (m.getYear() - 2021) + (m.getMonthValue() - 4) / 12.0) / 5;
            for (Object[] who : new Object[][] {{"Parent/carer", 22, 0.55, 0.24}, {"Child/young person", 9, 0.50, 0.22},
                    {"Practitioner", 14, 0.76, 0.10}}) {
                int n = poisson(random, (Integer) who[1]);
                for (int i = 0; i < n; i++) {
                    boolean positive = random.nextDouble() < (Double) who[2] + (Double) who[3] * t;
                    int score = positive ? 4 + (random.nextDouble() < 0.4 ? 1 : 0) : 1 + random.nextInt(3);
                    String stage = "Practitioner".equals(who[0]) ? "Training"
                            : new String[] {"Early help", "Child in need", "Initial child protection conference", "Review conference", "Closure"}[random.nextInt(5)];
                    String question = "Practitioner".equals(who[0]) ? "I know what to do when I am worried about neglect"
                            : random.nextBoolean() ? "I felt listened to" : "Things are better for my family";
                    rows.add(new Object[] {m.atDay(1 + random.nextInt(m.lengthOfMonth())), who[0], stage, question, score});
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(r -> (LocalDate) r[0]));
        return rows;
    }

    /** The partnership's targets for the year (C4) and its lead officers' commentary (C5). */
    private static Path targetsAndCommentary(Path folder) throws IOException {
        String p = "pan-bedfordshire-sample";
        StringBuilder t = new StringBuilder("indicator_id,area_code,period_end,target,amber_tolerance\n");
        String[][] targets = {{"CPP_OPEN_NEG_INIT_PCT", "50", "5"}, {"CPP_START_NEG_INIT", "260", "20"}, {"CPP_OPEN_NEG_2YR", "5", "3"},
                {"CPP_NEG_SEEN_ALONE_PCT", "90", "5"}, {"CPP_NEG_VISIT_IN_TIME_PCT", "95", "5"}, {"CLA_START_N1_PCT", "65", "5"},
                {"EH_TO_CP_NEG_RATIO", "1.5", "0.2"}, {"TRAIN_NEG_CUM", "1000", "150"}, {"TRAIN_CONFIDENT_PCT", "70", "5"},
                {"AUDIT_NEG_GOOD_PCT", "60", "10"}, {"GCP2_IMPROVED_PCT", "60", "10"}, {"WNB_ALL_PCT", "8", "1"},
                {"FEEDBACK_POSITIVE_PCT", "80", "5"}};
        for (String year : new String[] {"2025-03-31", "2026-03-31"}) {
            for (String[] x : targets) {
                t.append(x[0]).append(',').append(p).append(',').append(year).append(',').append(x[1]).append(',').append(x[2]).append('\n');
            }
            for (String la : new String[] {"822", "823", "821"}) {
                t.append("CPP_OPEN_NEG_INIT_PCT,").append(la).append(',').append(year).append(",50,5\n");
            }
        }
        Files.writeString(folder.resolve("targets.csv"), t.toString());
        Files.writeString(folder.resolve("commentary.csv"), """
                indicator_id,period_end,commentary,action,owner
                CPP_OPEN_NEG_INIT_PCT,2026-03-31,"The share of plans for neglect has fallen from its 2023 peak but is still above England's. Most of the fall is in Luton, where the neglect pathway started first.","Roll out the neglect pathway in Bedford and Central Bedfordshire by September.",Head of Safeguarding
                CPP_NEG_VISIT_IN_TIME_PCT,2026-03-31,"More visits are within ten working days than in September; the teams with gaps were short-staffed over Christmas.","Weekly visit tracker reviewed by team managers.",Service Manager Child Protection
                TRAIN_NEG_CUM,2026-03-31,"Neglect training has reached most frontline practitioners since the strategy began; schools and GPs are the gaps.","Twilight sessions for schools; GP practice leads via the ICB.",Learning and Development Lead
                WNB_ALL_PCT,2026-03-31,"Missed dental appointments fell after the was-not-brought policy in June 2024 and have held.","Extend the policy to paediatric clinics.",Designated Nurse
                AUDIT_NEG_GOOD_PCT,2026-03-31,"Fewer neglect audits were graded good this year: plans were clear but impact for the child was seldom evidenced.","Audit tool revised to ask for impact; practice week in June.",Quality Assurance Manager
                """);
        return folder.resolve("targets.csv");
    }

    private static String yn(boolean b) {
        return b ? "Y" : "N";
    }

    private static int clamp(int v) {
        return Math.max(1, Math.min(5, v));
    }

    /** A Poisson count (a normal approximation above 30), the sample generators' one source of monthly numbers. */
    static int poisson(Random random, double mean) {
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
