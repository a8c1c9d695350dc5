package org.neglectscorecard.ingest;

import java.util.List;

/**
 * Thrown by a processor for a row that cannot be used. The step skips the row (it is counted as
 * rejected, never silently dropped) and its skip listener records every problem found in it.
 */
public class RowRejectedException extends RuntimeException {

    private final transient List<Rejection> problems;

    public RowRejectedException(List<Rejection> problems) {
        super(problems.isEmpty() ? "row rejected" : problems.get(0).reason());
        this.problems = List.copyOf(problems);
    }

    public List<Rejection> problems() {
        return problems;
    }
}
