package org.neglectscorecard.scorecard;

import static org.neglectscorecard.store.schema.Tables.INDICATOR_VALUE;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jooq.DSLContext;
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

    public List<IndicatorValue> of(String jobName, LocalDate runPeriod) {
        var v = INDICATOR_VALUE;
        return dsl.selectFrom(v).where(v.JOB_NAME.eq(jobName).and(v.RUN_PERIOD.eq(runPeriod)))
                .fetch(r -> new IndicatorValue(r.getIndicatorId(), r.getAreaCode(), r.getAreaName(), r.getPeriodEnd(),
                        r.getBreakdown(), r.getFigure(), r.getNumerator(), r.getDenominator(), r.getInMonthFigure(),
                        r.getUnit(), Boolean.TRUE.equals(r.getSuppressed())));
    }
}
