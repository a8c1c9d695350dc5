package org.neglectscorecard.benchmark;

import static org.neglectscorecard.store.schema.Tables.COMMENTARY;
import static org.neglectscorecard.store.schema.Tables.RUN_AREA;
import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.TARGET;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.ingest.RowCheck;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.reference.LaDirectory;
import org.springframework.stereotype.Component;

/**
 * The partnership's targets (INPUTS.md C4) with their RAG rating, and its lead officers'
 * commentary and actions (C5), from the run's input files.
 */
@Component
public class Targets {

    /** A target for an indicator and area at a month end, with how far off still counts as amber. */
    public record Target(String indicatorId, String areaCode, LocalDate periodEnd, BigDecimal value, BigDecimal amberTolerance) {
    }

    public record Commentary(String indicatorId, LocalDate periodEnd, String commentary, String action, String owner) {
    }

    /** Red, amber or green: in words and a symbol, never colour alone. */
    public enum Rag {
        GREEN("\u2714 Green: on target"), AMBER("! Amber: near target"), RED("\u2718 Red: off target");

        private final String words;

        Rag(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final DSLContext dsl;
    private final LaDirectory las;
    private final Catalogue catalogue;

    public Targets(DSLContext dsl, LaDirectory las, Catalogue catalogue) {
        this.dsl = dsl;
        this.las = las;
        this.catalogue = catalogue;
    }

    /**
     * The run's targets, each for an area as the run names it (an LA's 9-character code, or the
     * partnership's id), whichever way the file names it: an LA's 3-digit or 9-character code or its
     * name ("Luton", "Luton Borough Council"), the partnership's id or name. A target for no area of
     * the run is not here: {@link #notUsed} says why.
     */
    public List<Target> targets(long runId) {
        Map<String, String> areas = areas(runAreas(runId));
        List<Target> out = new java.util.ArrayList<>();
        for (var r : rows(runId)) {
            String area = area(areas, r.get(TARGET.AREA_CODE), las);
            String id = resolve(catalogue, r.get(TARGET.INDICATOR_ID));
            if (area != null && id != null && !asFraction(catalogue, id, r.get(TARGET.TARGET_))) {
                out.add(new Target(id, area, r.get(TARGET.PERIOD_END), r.get(TARGET.TARGET_), r.get(TARGET.AMBER_TOLERANCE)));
            }
        }
        out.sort(Comparator.comparing(Target::indicatorId).thenComparing(Target::areaCode).thenComparing(Target::periodEnd));
        return out;
    }

    /**
     * Each target row of the run's files that no figure can be judged against, said so the person can
     * put it right: an area that is none of the run's, an indicator id the catalogue does not have.
     */
    public List<String> notUsed(long runId) {
        List<Written> written = rows(runId).stream().map(r -> new Written(r.get(RUN_INPUT.DISPLAY_NAME), r.get(TARGET.SOURCE_ROW),
                r.get(TARGET.INDICATOR_ID), r.get(TARGET.AREA_CODE), r.get(TARGET.TARGET_))).toList();
        return notUsed(written, runAreas(runId), catalogue, las).stream().map(NotUsed::said).toList();
    }

    /**
     * The files whose targets have no amber band (a tolerance blank or 0), each with how many: said as
     * a note, since an amber the person expected shows as red without one.
     */
    public List<String> withoutAmber(long runId) {
        Map<String, Integer> files = new java.util.TreeMap<>();
        for (var r : rows(runId)) {
            if (r.get(TARGET.AMBER_TOLERANCE).signum() == 0) {
                files.merge(r.get(RUN_INPUT.DISPLAY_NAME), 1, Integer::sum);
            }
        }
        List<String> out = new java.util.ArrayList<>();
        files.forEach((file, n) -> out.add(file + ": " + (n == 1 ? "1 target has" : n + " targets have") + " no amber tolerance "
                + "(blank or 0), so " + (n == 1 ? "its figure is" : "their figures are") + " rated green or red only, never amber. "
                + "To give an amber band, write in amber_tolerance how far off target still counts as amber (in the "
                + "indicator's unit: 5 for 5 percentage points)."));
        return out;
    }

    /**
     * The indicator a file names, by its id or, as officers type them, by its title (letters and
     * digits compared, case aside: "Children on a plan for neglect, visited in time"); null for none.
     */
    public static String resolve(Catalogue catalogue, String written) {
        List<String> ids = candidates(catalogue, written);
        return ids.size() == 1 ? ids.get(0) : null;
    }

    /** The indicators a file's id or title may mean: a count and its percentage can share a title, and then neither is taken. */
    static List<String> candidates(Catalogue catalogue, String written) {
        if (written == null) {
            return List.of();
        }
        if (catalogue.get(written).isPresent()) {
            return List.of(written);
        }
        String squashed = Values.squash(written);
        return catalogue.indicators().stream().filter(d -> Values.squash(d.title()).equals(squashed)).map(IndicatorDefinition::id)
                .toList();
    }

    /**
     * A percentage's target of more than 0 and at most 1: 90% written as the fraction 0.9 (as a
     * spreadsheet holds it). Judged against 0.9, a figure of 83.4% was rated green: never used.
     */
    static boolean asFraction(Catalogue catalogue, String indicatorId, BigDecimal target) {
        return target != null && target.signum() > 0 && target.compareTo(BigDecimal.ONE) <= 0
                && catalogue.get(indicatorId).map(d -> d.unit() == IndicatorDefinition.Unit.percent).orElse(false);
    }

    private List<Area> runAreas(long runId) {
        return dsl.select(RUN_AREA.AREA_CODE, RUN_AREA.AREA_NAME, RUN_AREA.LA_CODE3).from(RUN_AREA)
                .where(RUN_AREA.RUN_ID.eq(runId)).orderBy(RUN_AREA.AREA_CODE)
                .fetch(a -> new Area(a.get(RUN_AREA.AREA_CODE), a.get(RUN_AREA.AREA_NAME), a.get(RUN_AREA.LA_CODE3)));
    }

    /** A target row as its file gives it: where it is, the indicator id and the area as written. */
    public record Written(String file, int row, String indicatorId, String area, BigDecimal target) {
    }

    /** A target row no figure can be judged against, and why, in words that say what to write instead. */
    public record NotUsed(Written row, String why) {

        /** As the run summary says it: the file and row first. */
        public String said() {
            return row.file() + " row " + row.row() + ": " + why;
        }
    }

    /** An area a run reports: its code (an LA's 9-character code, the partnership's id), name and 3-digit code (LAs only). */
    public record Area(String code, String name, String la3) {
    }

    /**
     * The same check over target rows and areas given outright: {@code validate} makes it from the
     * files and the job file, before anything is loaded, so a target the run would not use is said
     * before the run rather than after it.
     */
    public static List<NotUsed> notUsed(List<Written> rows, List<Area> runAreas, Catalogue catalogue, LaDirectory las) {
        Map<String, String> areas = areas(runAreas);
        List<NotUsed> out = new java.util.ArrayList<>();
        for (Written r : rows) {
            String id = resolve(catalogue, r.indicatorId());
            List<String> several = candidates(catalogue, r.indicatorId());
            if (several.size() > 1) {
                out.add(new NotUsed(r, "'" + r.indicatorId() + "' is the title of " + String.join(" and ", several)
                        + ", so its target is not used: write the id of the one it is for."));
            } else if (id == null) {
                out.add(new NotUsed(r, "'" + r.indicatorId() + "' is not an indicator id or title, so its target is not used. "
                        + "The ids are the first column of indicators.csv (for example CPP_OPEN_NEG_INIT_PCT)."));
            } else if (asFraction(catalogue, id, r.target())) {
                BigDecimal percent = r.target().movePointRight(2).stripTrailingZeros();
                out.add(new NotUsed(r, "the target " + r.target().stripTrailingZeros().toPlainString() + " for " + id + " (a percentage) looks like "
                        + percent.toPlainString() + "% written as a fraction, so it is not used: write " + percent.toPlainString()
                        + " (or " + percent.toPlainString() + "%) and run again."));
            } else if (AMBIGUOUS.equals(areas.get(Values.squash(r.area())))) {
                out.add(new NotUsed(r, "'" + r.area() + "' names both the partnership and one of its LAs, so its target for "
                        + id + " is not used. Give the LA's code (821 or E06000032) or the partnership's name."));
            } else if (area(areas, r.area(), las) == null) {
                out.add(new NotUsed(r, "'" + r.area() + "' is not one of this run's areas, so its target for " + id
                        + " is not used. Give a member LA's code (821 or E06000032) or name, or the partnership's id."));
            }
        }
        return out;
    }

    private List<org.jooq.Record> rows(long runId) {
        return List.copyOf(dsl.select(TARGET.INDICATOR_ID, TARGET.AREA_CODE, TARGET.PERIOD_END, TARGET.TARGET_, TARGET.AMBER_TOLERANCE,
                        TARGET.SOURCE_ROW, RUN_INPUT.DISPLAY_NAME)
                .from(TARGET).join(RUN_INPUT).on(RUN_INPUT.SOURCE_FILE_ID.eq(TARGET.SOURCE_FILE_ID).and(RUN_INPUT.RUN_ID.eq(runId)))
                .orderBy(RUN_INPUT.DISPLAY_NAME, TARGET.SOURCE_ROW)
                .fetch());
    }

    /** Written in two ways that mean two areas (a partnership whose id is a member LA's name): neither is taken. */
    private static final String AMBIGUOUS = "";

    /**
     * The run's areas by every name a file may give them, squashed as headings are: its code (an LA's
     * 9-character code, the partnership's id), an LA's 3-digit code, its name. A name that two areas
     * answer to (the partnership "dorset" and the LA Dorset) is neither's.
     */
    private static Map<String, String> areas(List<Area> runAreas) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Area a : runAreas) {
            for (String name : new String[] {a.code(), a.name(), a.la3()}) {
                if (name != null) {
                    out.merge(Values.squash(name), a.code(), (x, y) -> x.equals(y) ? x : AMBIGUOUS);
                }
            }
        }
        return out;
    }

    private static String area(Map<String, String> areas, String written, LaDirectory las) {
        String area = areas.get(Values.squash(written));
        if (AMBIGUOUS.equals(area)) {
            return null;
        }
        if (area != null) {
            return area;
        }
        // "Luton Borough Council", an LA's former 9-character code: the LA it names, if the run has it.
        return RowCheck.byName(las, written).or(() -> las.code3(written)).map(code -> areas.get(Values.squash(code))).orElse(null);
    }

    /**
     * Each commentary row naming no indicator of the catalogue (a title, a retired id): shown in the
     * workbook under no figure, so said as targets' are.
     */
    public List<String> commentaryNotUsed(long runId) {
        return dsl.select(RUN_INPUT.DISPLAY_NAME, COMMENTARY.SOURCE_ROW, COMMENTARY.INDICATOR_ID)
                .from(COMMENTARY).join(RUN_INPUT).on(RUN_INPUT.SOURCE_FILE_ID.eq(COMMENTARY.SOURCE_FILE_ID).and(RUN_INPUT.RUN_ID.eq(runId)))
                .orderBy(RUN_INPUT.DISPLAY_NAME, COMMENTARY.SOURCE_ROW)
                .fetch().stream().filter(r -> resolve(catalogue, r.value3()) == null)
                .map(r -> {
                    List<String> several = candidates(catalogue, r.value3());
                    return r.value1() + " row " + r.value2() + ": '" + r.value3() + "' is " + (several.size() > 1 ? "the title of "
                            + String.join(" and ", several) : "not an indicator id or title") + ", so its commentary is beside no "
                            + "figure (the workbook lists it as not in the catalogue). "
                            + (several.size() > 1 ? "Write the id of the one it is for." : "The ids are the first column of "
                            + "indicators.csv (for example CPP_OPEN_NEG_INIT_PCT).");
                })
                .toList();
    }

    public List<Commentary> commentary(long runId) {
        return dsl.select(COMMENTARY.INDICATOR_ID, COMMENTARY.PERIOD_END, COMMENTARY.COMMENTARY_, COMMENTARY.ACTION, COMMENTARY.OWNER)
                .from(COMMENTARY).where(COMMENTARY.SOURCE_FILE_ID.in(dsl.select(RUN_INPUT.SOURCE_FILE_ID).from(RUN_INPUT).where(RUN_INPUT.RUN_ID.eq(runId))))
                .orderBy(COMMENTARY.INDICATOR_ID, COMMENTARY.PERIOD_END)
                .fetch(r -> new Commentary(java.util.Objects.requireNonNullElse(resolve(catalogue, r.value1()), r.value1()), r.value2(),
                        r.value3(), r.value4(), r.value5()));
    }

    /**
     * The target an area is working towards at a month end: the first one for that month end or
     * after it (a 31 March target is the year's), else the latest before it.
     */
    public static Optional<Target> current(List<Target> targets, String indicatorId, String areaCode, LocalDate period) {
        List<Target> mine = targets.stream().filter(t -> t.indicatorId().equals(indicatorId) && t.areaCode().equals(areaCode)).toList();
        return mine.stream().filter(t -> !t.periodEnd().isBefore(period)).min(Comparator.comparing(Target::periodEnd))
                .or(() -> mine.stream().max(Comparator.comparing(Target::periodEnd)));
    }

    /** Green at or better than target, amber within the tolerance of it, red beyond; none without a better direction. */
    public static Optional<Rag> rag(Polarity polarity, BigDecimal value, Target target) {
        if (value == null || target == null || polarity == Polarity.context) {
            return Optional.empty();
        }
        BigDecimal shortfall = polarity == Polarity.up ? target.value().subtract(value) : value.subtract(target.value());
        if (shortfall.signum() <= 0) {
            return Optional.of(Rag.GREEN);
        }
        return Optional.of(shortfall.compareTo(target.amberTolerance()) <= 0 ? Rag.AMBER : Rag.RED);
    }
}
