package org.neglectscorecard.ingest.agency;

import java.util.Map;

/**
 * A multi-agency row, read and checked: its stored values by column of the source's table
 * (references already replaced by their keyed hash).
 *
 * @param laCode3 the LA the row is about, or {@link #PARTNERSHIP_WIDE}
 */
public record AgencyRecord(AgencySource source, String laCode3, Map<String, Object> values, int sourceRow) {

    /** The LA code of a row about the whole partnership (a police force's figures, a shared training log). */
    public static final String PARTNERSHIP_WIDE = "ALL";

    /** Where it came from, never its values. */
    @Override
    public String toString() {
        return "AgencyRecord[" + source + ", LA " + laCode3 + ", row " + sourceRow + "]";
    }
}
