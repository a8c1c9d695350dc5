package org.neglectscorecard.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of indicators.csv: an indicator's value for an area, month end and breakdown. */
public record IndicatorValue(String indicatorId, String areaCode, String areaName, LocalDate periodEnd, String breakdown,
                             BigDecimal value, BigDecimal numerator, BigDecimal denominator, BigDecimal inMonthValue,
                             String unit, boolean suppressed) {

    public boolean isHeadline() {
        return "all".equals(breakdown);
    }
}
