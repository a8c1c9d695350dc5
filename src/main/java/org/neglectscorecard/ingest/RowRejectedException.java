package org.neglectscorecard.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * Thrown by a processor for a row that cannot be used. The step skips the row (it is counted as
 * rejected, never silently dropped) and its skip listener records every problem found in it.
 */
public class RowRejectedException extends RuntimeException {

    private final transient List<Rejection> problems;
    private final transient Place place;

    public RowRejectedException(List<Rejection> problems) {
        this(problems, null);
    }

    private RowRejectedException(List<Rejection> problems, Place place) {
        super(problems.isEmpty() ? "row rejected" : problems.get(0).reason());
        this.problems = List.copyOf(problems);
        this.place = place;
    }

    public List<Rejection> problems() {
        return problems;
    }

    /**
     * Where a rejected row of monthly counts was for, when its month and LA could be read: that
     * month's total would be too low without it, so loading withholds it. Null for any other row.
     */
    public Place place() {
        return place;
    }

    /** The same rejection, with where the row was for. */
    public RowRejectedException placed(Place where) {
        return new RowRejectedException(problems, where);
    }

    /** A month end, the LA (its 3-digit code; null where it could not be read), and the store table the row would have gone in. */
    public record Place(LocalDate month, String laCode3, String table) {
    }
}
