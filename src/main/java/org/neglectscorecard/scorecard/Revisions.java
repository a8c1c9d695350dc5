package org.neglectscorecard.scorecard;

import static org.neglectscorecard.store.schema.Tables.INDICATOR_VALUE;
import static org.neglectscorecard.store.schema.Tables.RUN_AREA;
import static org.neglectscorecard.store.schema.Tables.RUN_SCOPE;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
import static org.neglectscorecard.store.schema.Tables.STATUTORY_RETURN;
import static org.neglectscorecard.store.schema.Tables.SUPERSEDED_VALUE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Revision;
import org.springframework.stereotype.Component;

/**
 * Which history moved (OUTPUTS.md section 2, Revisions): every headline figure of an earlier month
 * that differs from the same job's previous run of this period (a period run again after a return
 * was corrected) and from its run for the previous period, with the old and new figure and the
 * files that moved it: those this run used for the area, kind of return and months that the run
 * compared with did not.
 */
@Component
public class Revisions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final DSLContext dsl;
    private final Catalogue catalogue;

    public Revisions(DSLContext dsl, Catalogue catalogue) {
        this.dsl = dsl;
        this.catalogue = catalogue;
    }

    /** A figure as a run had it: the value, whether it was withheld, and the run that computed it (null before release 0.2). */
    private record Was(String indicatorId, String areaCode, String areaName, LocalDate periodEnd, BigDecimal figure,
                       boolean suppressed, Long runId) {
    }

    /** A file a run used, by its name and which version of it (a corrected file keeps its name). */
    private record Used(String area, String kind, LocalDate from, LocalDate to, String file, long fileId) {
    }

    /**
     * The indicators that had a value for an area at the period's month end in this period's previous run
     * (empty on a first run): a file rejected or taken away since leaves some without one, which the
     * person running it should hear of beside the count of those with a value.
     */
    public java.util.Set<String> withValueInLastRun(String jobName, LocalDate period, String area) {
        var s = org.neglectscorecard.store.schema.Tables.SUPERSEDED_VALUE;
        return new java.util.HashSet<>(dsl.selectDistinct(s.INDICATOR_ID).from(s)
                .where(s.JOB_NAME.eq(jobName).and(s.RUN_PERIOD.eq(period)).and(s.AREA_CODE.eq(area)).and(s.PERIOD_END.eq(period))
                        .and(s.FIGURE.isNotNull()))
                .fetch(s.INDICATOR_ID));
    }

    public List<Revision> of(long runId, String jobName, LocalDate period, String partnershipCode) {
        Map<String, Was> now = new HashMap<>();
        var v = INDICATOR_VALUE;
        dsl.select(v.INDICATOR_ID, v.AREA_CODE, v.AREA_NAME, v.PERIOD_END, v.FIGURE, v.SUPPRESSED, v.RUN_ID).from(v)
                .where(v.JOB_NAME.eq(jobName).and(v.RUN_PERIOD.eq(period)).and(v.BREAKDOWN.eq("all")))
                .forEach(r -> now.put(key(r.value1(), r.value2(), r.value4()),
                        new Was(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), Boolean.TRUE.equals(r.value6()), r.value7())));
        List<Revision> out = new ArrayList<>();

        var s = SUPERSEDED_VALUE;
        List<Was> rerun = dsl.select(s.INDICATOR_ID, s.AREA_CODE, s.AREA_NAME, s.PERIOD_END, s.FIGURE, s.SUPPRESSED, s.RUN_ID).from(s)
                .where(s.JOB_NAME.eq(jobName).and(s.RUN_PERIOD.eq(period)))
                .fetch(r -> new Was(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), Boolean.TRUE.equals(r.value6()), r.value7()));
        if (!rerun.isEmpty()) {
            out.addAll(compare(runId, partnershipCode, now, rerun, period, "This period's previous run"));
        }

        LocalDate previous = dsl.select(DSL.max(v.RUN_PERIOD)).from(v).where(v.JOB_NAME.eq(jobName).and(v.RUN_PERIOD.lt(period)))
                .fetchOne(0, LocalDate.class);
        if (previous != null) {
            List<Was> before = dsl.select(v.INDICATOR_ID, v.AREA_CODE, v.AREA_NAME, v.PERIOD_END, v.FIGURE, v.SUPPRESSED, v.RUN_ID).from(v)
                    .where(v.JOB_NAME.eq(jobName).and(v.RUN_PERIOD.eq(previous)).and(v.BREAKDOWN.eq("all")))
                    .fetch(r -> new Was(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), Boolean.TRUE.equals(r.value6()), r.value7()));
            out.addAll(compare(runId, partnershipCode, now, before, previous, "The run for " + previous.format(DAY)));
        }
        return out;
    }

    /** The months up to {@code upTo} that differ between this run and another one (its values {@code then}). */
    private List<Revision> compare(long runId, String partnershipCode, Map<String, Was> now, List<Was> then, LocalDate upTo,
                                   String comparedWith) {
        Long otherRun = then.stream().map(Was::runId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<Used> ours = used(runId);
        List<Used> theirs = otherRun == null ? null : used(otherRun);
        Set<String> members = new LinkedHashSet<>(dsl.select(RUN_AREA.AREA_CODE).from(RUN_AREA)
                .where(RUN_AREA.RUN_ID.eq(runId).and(RUN_AREA.IN_PARTNERSHIP.isTrue())).fetch(RUN_AREA.AREA_CODE));
        Map<String, Was> before = new HashMap<>();
        then.forEach(w -> before.put(key(w.indicatorId(), w.areaCode(), w.periodEnd()), w));
        List<Revision> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Was x : now.values()) {
            if (x.periodEnd().isAfter(upTo)) {
                continue;
            }
            String k = key(x.indicatorId(), x.areaCode(), x.periodEnd());
            seen.add(k);
            Was w = before.get(k);
            if (w == null || w.figure().compareTo(x.figure()) != 0) {
                out.add(revision(x, w, x, comparedWith, movedBy(x, partnershipCode, members, ours, theirs)));
            }
        }
        for (Was w : then) {
            if (!w.periodEnd().isAfter(upTo) && !seen.contains(key(w.indicatorId(), w.areaCode(), w.periodEnd()))) {
                out.add(revision(w, w, null, comparedWith, movedBy(w, partnershipCode, members, ours, theirs)));
            }
        }
        out.sort(Comparator.comparing(Revision::indicatorId).thenComparing(Revision::areaName).thenComparing(Revision::periodEnd));
        return out;
    }

    private static Revision revision(Was about, Was before, Was after, String comparedWith, String movedBy) {
        return new Revision(about.indicatorId(), about.areaName(), about.periodEnd(), comparedWith,
                before == null ? null : before.figure(), before != null && before.suppressed(),
                after == null ? null : after.figure(), after != null && after.suppressed(), movedBy);
    }

    /** What moved a figure: the files this run used for it that the other run did not (and those it no longer uses). */
    private String movedBy(Was x, String partnershipCode, Set<String> members, List<Used> ours, List<Used> theirs) {
        if (theirs == null) {
            return "Not recorded (that run was made by an earlier version)";
        }
        Set<String> areas = new LinkedHashSet<>();
        areas.add(x.areaCode());
        if (x.areaCode().equals(partnershipCode)) {
            areas.addAll(members);
        }
        Set<String> kinds = kinds(x.indicatorId());
        Set<String> now = files(ours, areas, kinds, x.periodEnd());
        Set<String> then = files(theirs, areas, kinds, x.periodEnd());
        Set<String> added = new TreeSet<>(now);
        added.removeAll(then);
        Set<String> dropped = new TreeSet<>(then);
        dropped.removeAll(now);
        // A file corrected and put back under its own name is a new version of it, not "the same files".
        Set<String> droppedNames = new TreeSet<>();
        dropped.forEach(f -> droppedNames.add(nameOf(f)));
        List<String> said = new ArrayList<>();
        for (String f : added) {
            boolean newVersion = droppedNames.remove(nameOf(f));
            said.add(nameOf(f) + (newVersion ? " (a new version of the file)" : ""));
        }
        if (!said.isEmpty()) {
            return String.join("; ", said) + (droppedNames.isEmpty() ? "" : " (in place of " + String.join("; ", droppedNames) + ")");
        }
        if (!droppedNames.isEmpty()) {
            return "No longer uses " + String.join("; ", droppedNames);
        }
        return "The same files: recomputed (a definition or a population estimate changed)";
    }

    /** The kinds of return an indicator is computed from (a percentage's, its numerator's and denominator's). */
    private Set<String> kinds(String indicatorId) {
        Set<String> out = new TreeSet<>();
        IndicatorDefinition d = catalogue.get(indicatorId).orElse(null);
        if (d == null) {
            return out;
        }
        out.addAll(d.sources());
        if (d.numerator() != null) {
            out.addAll(kinds(d.numerator()));
        }
        if (d.denominator() != null && !d.isRate()) {
            out.addAll(kinds(d.denominator()));
        }
        return out;
    }

    /** The files used for these areas and kinds whose months reach the 12 months to the month end. */
    private static Set<String> files(List<Used> used, Set<String> areas, Set<String> kinds, LocalDate month) {
        LocalDate yearBefore = YearMonth.from(month).minusMonths(11).atDay(1);
        Set<String> out = new TreeSet<>();
        for (Used u : used) {
            if (areas.contains(u.area()) && (kinds.isEmpty() || kinds.contains(u.kind()))
                    && !u.from().isAfter(month) && !u.to().isBefore(yearBefore)) {
                out.add(u.file() + VERSION + u.fileId());
            }
        }
        return out;
    }

    /** Between a file's name and which version of it, in the sets files() makes. */
    private static final String VERSION = "\u0000";

    private static String nameOf(String fileAndVersion) {
        return fileAndVersion.substring(0, fileAndVersion.indexOf(VERSION));
    }

    private List<Used> used(long runId) {
        return dsl.select(RUN_SCOPE.LA_CODE9, RUN_SCOPE.SOURCE_KIND, RUN_SCOPE.COVER_FROM, RUN_SCOPE.COVER_TO, SOURCE_FILE.DISPLAY_NAME,
                        SOURCE_FILE.SOURCE_FILE_ID)
                .from(RUN_SCOPE)
                .join(STATUTORY_RETURN).on(STATUTORY_RETURN.RETURN_ID.eq(RUN_SCOPE.RETURN_ID))
                .join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(STATUTORY_RETURN.SOURCE_FILE_ID))
                .where(RUN_SCOPE.RUN_ID.eq(runId))
                .fetch(r -> new Used(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    private static String key(String indicator, String area, LocalDate end) {
        return indicator + "|" + area + "|" + end;
    }
}
