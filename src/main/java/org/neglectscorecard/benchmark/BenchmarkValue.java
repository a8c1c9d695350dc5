package org.neglectscorecard.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An area's figure at a 31 March beside DfE's: England, region, statistical neighbours' mean (of
 * snCount that have a value), rank among LAs (1 best, by polarity) of rankOf, quartile A (best)
 * to D, and DfE's own published figure for the area (for reconciliation).
 */
public record BenchmarkValue(String indicatorId, String areaCode, LocalDate periodEnd, BigDecimal value, BigDecimal england,
                             BigDecimal region, BigDecimal snMean, Integer snCount, Integer rank, Integer rankOf,
                             String quartile, BigDecimal published) {
}
