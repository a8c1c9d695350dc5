package org.neglectscorecard.scorecard;

import static org.neglectscorecard.store.schema.Tables.INDICATOR_VALUE;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Reads a run's values in the order indicators.csv is sorted in: by indicator, area, month end, breakdown. */
@Component
public class IndicatorValues {

    private final DSLContext dsl;

    public IndicatorValues(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Sorted here, not by the database, whose collation (PostgreSQL's follows the locale) may differ. */
    public static final Comparator<IndicatorValue> ORDER = Comparator.comparing(IndicatorValue::indicatorId)
            .thenComparing(IndicatorValue::areaCode).thenComparing(IndicatorValue::periodEnd)
            .thenComparing(IndicatorValue::breakdown);

    /**
     * What protecting a run's figures did.
     *
     * @param withheld        how many figures are withheld
     * @param consistentWith  the other periods whose copies it was kept consistent with (the latest
     *                        before and the earliest after)
     * @param replacedCopy    whether it was kept consistent with the copy of this period it replaces
     */
    public record Protection(int withheld, List<LocalDate> consistentWith, boolean replacedCopy) {
    }

    /**
     * Decides what may be published of a run's figures (DisclosureControl) and records the verdict
     * beside each, so every output reads the same one. An outsider may hold other copies as well:
     * those of the runs for the months either side, and the copy of this period a rerun replaces.
     * What they showed or withheld is taken into account (each run having been kept consistent with
     * its own neighbours, the chain holds).
     *
     * @param published the runs (job instances) that completed, so published their copies: a run
     *                  that stopped part-way may have computed figures and published none of them
     */
    public Protection protect(String jobName, LocalDate runPeriod, String partnershipCode, java.util.Set<String> members,
                              org.neglectscorecard.indicators.Catalogue catalogue, java.util.Set<Long> published) {
        var v = INDICATOR_VALUE;
        var rows = dsl.selectFrom(v).where(v.JOB_NAME.eq(jobName).and(v.RUN_PERIOD.eq(runPeriod))).fetch();
        List<DisclosureControl.Figure> figures = rows.map(IndicatorValues::figure);
        var publishedRun = v.JOB_NAME.eq(jobName).and(v.RUN_ID.in(published));
        var k = org.neglectscorecard.store.schema.Tables.REPLACED_VALUE;
        var publishedKept = k.JOB_NAME.eq(jobName).and(k.RUN_ID.in(published));
        // A month's copy is its figures' latest run that completed: in indicator_value, or, where a later run of that
        // month stopped part-way after computing (its figures replaced the published ones there), as kept in replaced_value.
        List<LocalDate> others = new java.util.ArrayList<>();
        for (boolean before : new boolean[] {true, false}) {
            LocalDate current = before
                    ? dsl.select(DSL.max(v.RUN_PERIOD)).from(v).where(publishedRun.and(v.RUN_PERIOD.lt(runPeriod))).fetchOne(0, LocalDate.class)
                    : dsl.select(DSL.min(v.RUN_PERIOD)).from(v).where(publishedRun.and(v.RUN_PERIOD.gt(runPeriod))).fetchOne(0, LocalDate.class);
            LocalDate kept = before
                    ? dsl.select(DSL.max(k.RUN_PERIOD)).from(k).where(publishedKept.and(k.RUN_PERIOD.lt(runPeriod))).fetchOne(0, LocalDate.class)
                    : dsl.select(DSL.min(k.RUN_PERIOD)).from(k).where(publishedKept.and(k.RUN_PERIOD.gt(runPeriod))).fetchOne(0, LocalDate.class);
            LocalDate nearest = current == null ? kept : kept == null ? current
                    : before == current.isAfter(kept) ? current : kept;
            if (nearest != null) {
                others.add(nearest);
            }
        }
        List<List<DisclosureControl.Published>> otherRuns = new java.util.ArrayList<>();
        for (LocalDate other : others) {
            List<DisclosureControl.Published> copy = dsl.selectFrom(v).where(publishedRun.and(v.RUN_PERIOD.eq(other)))
                    .fetch(r -> new DisclosureControl.Published(figure(r), new DisclosureControl.Verdict(r.getSuppressed(),
                            Boolean.TRUE.equals(r.getInMonthSuppressed()))));
            otherRuns.add(copy.isEmpty() ? kept(jobName, other, published) : copy);
        }
        List<DisclosureControl.Published> replaced = kept(jobName, runPeriod, published);
        if (!replaced.isEmpty()) {
            otherRuns.add(replaced);
        }
        List<DisclosureControl.Verdict> verdicts = DisclosureControl.decide(figures, otherRuns, catalogue::get, partnershipCode,
                members);
        var update = dsl.batch(dsl.update(v).set(v.SUPPRESSED, (Boolean) null).set(v.IN_MONTH_SUPPRESSED, (Boolean) null)
                .where(v.JOB_NAME.eq((String) null).and(v.RUN_PERIOD.eq((LocalDate) null)).and(v.INDICATOR_ID.eq((String) null))
                        .and(v.AREA_CODE.eq((String) null)).and(v.PERIOD_END.eq((LocalDate) null)).and(v.BREAKDOWN.eq((String) null))));
        int withheld = 0;
        int changed = 0;
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            DisclosureControl.Verdict verdict = verdicts.get(i);
            withheld += verdict.suppressed() ? 1 : 0;
            if (!Boolean.valueOf(verdict.suppressed()).equals(r.getSuppressed())
                    || !Boolean.valueOf(verdict.inMonthSuppressed()).equals(r.getInMonthSuppressed())) {
                update.bind(verdict.suppressed(), verdict.inMonthSuppressed(), jobName, runPeriod, r.getIndicatorId(),
                        r.getAreaCode(), r.getPeriodEnd(), r.getBreakdown());
                changed++;
            }
        }
        if (changed > 0) {
            update.execute();
        }
        return new Protection(withheld, List.copyOf(others), !replaced.isEmpty());
    }

    /** The latest copy of a period kept in replaced_value from a run that completed (empty for none). */
    private List<DisclosureControl.Published> kept(String jobName, LocalDate period, java.util.Set<Long> published) {
        var k = org.neglectscorecard.store.schema.Tables.REPLACED_VALUE;
        Long run = dsl.select(DSL.max(k.RUN_ID)).from(k)
                .where(k.JOB_NAME.eq(jobName).and(k.RUN_PERIOD.eq(period)).and(k.RUN_ID.in(published))).fetchOne(0, Long.class);
        if (run == null) {
            return List.of();
        }
        return dsl.selectFrom(k).where(k.JOB_NAME.eq(jobName).and(k.RUN_PERIOD.eq(period)).and(k.RUN_ID.eq(run)))
                .fetch(r -> new DisclosureControl.Published(new DisclosureControl.Figure(r.getIndicatorId(), r.getAreaCode(),
                        r.getPeriodEnd(), r.getBreakdown(), r.getFigure(), r.getNumerator(), r.getDenominator(),
                        r.getInMonthNumerator(), r.getInMonthDenominator()),
                        new DisclosureControl.Verdict(r.getSuppressed(), r.getInMonthSuppressed())));
    }

    private static DisclosureControl.Figure figure(org.neglectscorecard.store.schema.tables.records.IndicatorValueRecord r) {
        return new DisclosureControl.Figure(r.getIndicatorId(), r.getAreaCode(), r.getPeriodEnd(), r.getBreakdown(), r.getFigure(),
                r.getNumerator(), r.getDenominator(), r.getInMonthNumerator(), r.getInMonthDenominator());
    }

    /**
     * A run's values as they may be published: the suppressed flag is the disclosure verdict, and
     * an in-month value withheld on its own is left out (null), so no chart can plot it.
     */
    public List<IndicatorValue> of(String jobName, LocalDate runPeriod) {
        var v = INDICATOR_VALUE;
        List<IndicatorValue> out = new java.util.ArrayList<>(dsl.selectFrom(v).where(v.JOB_NAME.eq(jobName).and(v.RUN_PERIOD.eq(runPeriod)))
                .fetch(r -> new IndicatorValue(r.getIndicatorId(), r.getAreaCode(), r.getAreaName(), r.getPeriodEnd(),
                        r.getBreakdown(), r.getFigure(), r.getNumerator(), r.getDenominator(),
                        Boolean.TRUE.equals(r.getInMonthSuppressed()) ? null : r.getInMonthFigure(),
                        r.getUnit(), Boolean.TRUE.equals(r.getSuppressed()))));
        // Without this, the files' order would be whatever the database's plan gives (an index on H2, a heap scan on PostgreSQL).
        out.sort(ORDER);
        return out;
    }
}
