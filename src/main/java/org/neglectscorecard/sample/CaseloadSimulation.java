package org.neglectscorecard.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic local authority's children's social care over several years, month by month:
 * referrals that become children in need episodes, assessments and the factors they find, child
 * in need plans, child protection plans. Patterns a board would recognise are built in: more
 * referrals in the autumn term and fewer in August; a neglect share of plans that rises to a
 * peak and then falls back; a few plans lasting more than two years; children referred again.
 * Nothing here describes a real child.
 */
final class CaseloadSimulation {

    static final LocalDate START = LocalDate.of(2017, 4, 1);
    static final LocalDate END = LocalDate.of(2026, 3, 31);

    private static final double[] SEASON = {1.05, 1.0, 1.05, 0.95, 1.0, 1.0, 0.95, 0.7, 1.15, 1.25, 1.2, 0.8};
    private static final String[] OTHER_FACTORS = {"1B", "2B", "3A", "3B", "4B", "4A", "5B", "6A", "7A", "10A", "11A",
            "14A", "15A", "17A", "18B", "19B", "20", "24A"};
    private static final String[] SOURCES = {"2A", "2A", "3B", "3A", "5C", "6", "6", "6", "8", "1B", "5A", "1A"};

    static final class Child {
        String id;
        String upn;
        LocalDate birth;
        LocalDate expectedBirth;
        String gender;
        String ethnicity;
        List<String> disabilities = new ArrayList<>();
        int previousPlans;
        final List<Episode> episodes = new ArrayList<>();

        LocalDate lastClosure() {
            LocalDate last = null;
            for (Episode e : episodes) {
                if (e.closure == null) {
                    return null;
                }
                last = last == null || e.closure.isAfter(last) ? e.closure : last;
            }
            return last;
        }
    }

    static final class Episode {
        LocalDate referral;
        String source;
        String need;
        LocalDate closure;
        String reason;
        boolean nfa;
        final List<Assessment> assessments = new ArrayList<>();
        final List<Plan> cinPlans = new ArrayList<>();
        final List<ProtectionPlan> protectionPlans = new ArrayList<>();
    }

    static final class Assessment {
        LocalDate start;
        LocalDate authorised;
        List<String> factors = new ArrayList<>();
    }

    static class Plan {
        LocalDate start;
        LocalDate end;
    }

    static final class ProtectionPlan extends Plan {
        String initial;
        String latest;
        LocalDate latestFrom;
        int previous;
    }

    private final Random random;
    private final SampleDataGenerator.LaProfile la;
    private final List<Child> children = new ArrayList<>();
    private int nextId;

    CaseloadSimulation(SampleDataGenerator.LaProfile la) {
        this.la = la;
        this.random = new Random(la.seed());
        this.nextId = la.firstId();
    }

    List<Child> run() {
        for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(END)); m = m.plusMonths(1)) {
            int referrals = poisson(62 * la.scale() * SEASON[m.getMonthValue() - 1]);
            for (int i = 0; i < referrals; i++) {
                LocalDate day = m.atDay(1 + random.nextInt(m.lengthOfMonth()));
                refer(day);
            }
        }
        return children;
    }

    /** The share of new plans for neglect: about 42%, rising to a peak in mid-2023, then back to the high 40s. */
    static double neglectShare(LocalDate d) {
        double t = d.getYear() + (d.getDayOfYear() - 1) / 365.0;
        if (t < 2020.25) {
            return 0.42;
        }
        if (t < 2023.45) {
            return 0.42 + 0.20 * (t - 2020.25) / 3.2;
        }
        return 0.62 - 0.15 * Math.min(1, (t - 2023.45) / 2.8);
    }

    private void refer(LocalDate day) {
        Child child = reReferral(day);
        if (child == null) {
            child = newChild(day);
        }
        Episode e = new Episode();
        e.referral = day;
        e.source = SOURCES[random.nextInt(SOURCES.length)];
        child.episodes.add(e);
        double share = neglectShare(day);
        if (random.nextDouble() < 0.08) {
            e.nfa = true;
            e.need = "N9";
            e.closure = day;
            e.reason = "RC8";
            return;
        }
        e.need = need(share);
        Assessment a = new Assessment();
        a.start = day.plusDays(random.nextInt(8));
        a.authorised = a.start.plusDays(10 + random.nextInt(36));
        boolean neglect = random.nextDouble() < ("N1".equals(e.need) ? 0.28 + share * 0.25 : 0.05);
        if (neglect) {
            a.factors.add("16A");
        }
        int others = random.nextInt(3);
        for (int i = 0; i < others; i++) {
            String f = OTHER_FACTORS[random.nextInt(OTHER_FACTORS.length)];
            if (!a.factors.contains(f)) {
                a.factors.add(f);
            }
        }
        if (a.factors.isEmpty() && random.nextDouble() < 0.3) {
            a.factors.add("21");
        }
        e.assessments.add(a);
        double u = random.nextDouble();
        double toProtection = "N1".equals(e.need) ? 0.30 : 0.15;
        LocalDate last;
        if (u < toProtection) {
            last = protection(child, e, a.authorised.plusDays(7 + random.nextInt(15)), neglect);
        } else if (u < toProtection + 0.36) {
            Plan cin = new Plan();
            cin.start = a.authorised.plusDays(3 + random.nextInt(18));
            cin.end = cin.start.plusDays(lognormal(200, 0.5, 30));
            e.cinPlans.add(cin);
            last = cin.end;
            if (random.nextDouble() < 0.08) {
                last = protection(child, e, cin.end, neglect);
            }
        } else {
            e.closure = a.authorised.plusDays(1 + random.nextInt(30));
            boolean noFurtherAction = random.nextDouble() < 0.6;
            // RC9 (closed after assessment, referred to early help) exists from the 2022-23 census.
            e.reason = noFurtherAction || e.closure.isBefore(LocalDate.of(2022, 4, 1)) ? "RC8" : "RC9";
            return;
        }
        e.closure = last.plusDays(5 + random.nextInt(36));
        e.reason = "RC7";
    }

    /** A child protection plan, perhaps stepping down to a CIN plan after; returns when help ended. */
    private LocalDate protection(Child child, Episode e, LocalDate start, boolean neglectFound) {
        ProtectionPlan p = new ProtectionPlan();
        p.start = start;
        double share = Math.min(0.9, Math.max(0.05, neglectShare(start) + (neglectFound ? 0.25 : -0.05)));
        p.initial = random.nextDouble() < share ? "NEG" : category();
        int days = random.nextDouble() < 0.04 ? 730 + random.nextInt(400) : lognormal(250, 0.55, 30);
        p.end = start.plusDays(days);
        p.latest = p.initial;
        if (random.nextDouble() < 0.12) {
            p.latestFrom = start.plusDays((long) (days * (0.3 + random.nextDouble() * 0.5)));
            p.latest = "NEG".equals(p.initial) ? "EMO" : random.nextDouble() < 0.6 ? "NEG" : "MUL";
        }
        p.previous = child.previousPlans;
        child.previousPlans++;
        e.protectionPlans.add(p);
        LocalDate last = p.end;
        if (random.nextDouble() < 0.5) {
            Plan down = new Plan();
            down.start = p.end.plusDays(random.nextInt(15));
            down.end = down.start.plusDays(60 + random.nextInt(140));
            e.cinPlans.add(down);
            last = down.end;
        }
        return last;
    }

    private String category() {
        double u = random.nextDouble();
        return u < 0.62 ? "EMO" : u < 0.80 ? "PHY" : u < 0.90 ? "SAB" : "MUL";
    }

    private String need(double neglectShare) {
        if (random.nextDouble() < 0.25 + 0.55 * neglectShare) {
            return "N1";
        }
        double u = random.nextDouble();
        return u < 0.22 ? "N4" : u < 0.50 ? "N5" : u < 0.66 ? "N2" : u < 0.74 ? "N3" : u < 0.82 ? "N6" : u < 0.94 ? "N8"
                : u < 0.97 ? "N7" : "N0";
    }

    /** About one referral in six is a child known before whose last episode has closed. */
    private Child reReferral(LocalDate day) {
        if (children.size() < 50 || random.nextDouble() >= 0.17) {
            return null;
        }
        for (int tries = 0; tries < 8; tries++) {
            Child c = children.get(random.nextInt(children.size()));
            LocalDate closed = c.lastClosure();
            if (closed != null && closed.isBefore(day.minusDays(30)) && (c.birth == null || c.birth.plusYears(17).isAfter(day))) {
                return c;
            }
        }
        return null;
    }

    private Child newChild(LocalDate day) {
        Child c = new Child();
        c.id = la.idPrefix() + (nextId++);
        c.upn = (char) ('A' + random.nextInt(26)) + String.format("%012d", Math.abs(random.nextLong()) % 1_000_000_000_000L);
        double age = random.nextDouble();
        if (age < 0.02) {
            c.expectedBirth = day.plusDays(30 + random.nextInt(120));
            c.birth = c.expectedBirth.plusDays(random.nextInt(21) - 10);
            c.gender = "0";
        } else {
            int years = age < 0.37 ? random.nextInt(5) : age < 0.62 ? 5 + random.nextInt(5) : age < 0.92 ? 10 + random.nextInt(6)
                    : 16 + random.nextInt(2);
            c.birth = day.minusYears(years).minusDays(random.nextInt(365));
            c.gender = random.nextDouble() < 0.5 ? "1" : random.nextDouble() < 0.995 ? "2" : "0";
        }
        c.ethnicity = pick(la.ethnicity());
        if (random.nextDouble() < 0.11) {
            String[] codes = {"AUTI", "LD", "COMM", "BEH", "HAND", "MOB", "HEAR", "VIS", "CON", "PC"};
            c.disabilities.add(codes[random.nextInt(codes.length)]);
            if (random.nextDouble() < 0.3) {
                c.disabilities.add(codes[random.nextInt(codes.length)]);
            }
        }
        double previous = random.nextDouble();
        c.previousPlans = previous < 0.82 ? 0 : previous < 0.96 ? 1 : 2;
        children.add(c);
        return c;
    }

    private String pick(String[][] weighted) {
        double total = 0;
        for (String[] w : weighted) {
            total += Double.parseDouble(w[1]);
        }
        double u = random.nextDouble() * total;
        for (String[] w : weighted) {
            u -= Double.parseDouble(w[1]);
            if (u <= 0) {
                return w[0];
            }
        }
        return weighted[0][0];
    }

    private int lognormal(double median, double sigma, int min) {
        return Math.max(min, (int) Math.round(median * Math.exp(sigma * random.nextGaussian())));
    }

    private int poisson(double mean) {
        return PartnershipSampleData.poisson(random, mean);
    }
}
