package org.neglectscorecard.benchmark;

import static org.neglectscorecard.store.schema.Tables.COMMENTARY;
import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.TARGET;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
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

    public Targets(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Target> targets(long runId) {
        return dsl.select(TARGET.INDICATOR_ID, TARGET.AREA_CODE, TARGET.PERIOD_END, TARGET.TARGET_, TARGET.AMBER_TOLERANCE)
                .from(TARGET).where(TARGET.SOURCE_FILE_ID.in(dsl.select(RUN_INPUT.SOURCE_FILE_ID).from(RUN_INPUT).where(RUN_INPUT.RUN_ID.eq(runId))))
                .orderBy(TARGET.INDICATOR_ID, TARGET.AREA_CODE, TARGET.PERIOD_END)
                .fetch(r -> new Target(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public List<Commentary> commentary(long runId) {
        return dsl.select(COMMENTARY.INDICATOR_ID, COMMENTARY.PERIOD_END, COMMENTARY.COMMENTARY_, COMMENTARY.ACTION, COMMENTARY.OWNER)
                .from(COMMENTARY).where(COMMENTARY.SOURCE_FILE_ID.in(dsl.select(RUN_INPUT.SOURCE_FILE_ID).from(RUN_INPUT).where(RUN_INPUT.RUN_ID.eq(runId))))
                .orderBy(COMMENTARY.INDICATOR_ID, COMMENTARY.PERIOD_END)
                .fetch(r -> new Commentary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
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
