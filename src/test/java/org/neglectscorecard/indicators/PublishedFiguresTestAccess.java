package org.neglectscorecard.indicators;

import org.neglectscorecard.sample.CensusReturn;

/** Westminster's returns built from DfE's published figures, for tests in other packages. */
public final class PublishedFiguresTestAccess {

    private PublishedFiguresTestAccess() {
    }

    public static CensusReturn westminster(int year) throws java.io.IOException {
        return PublishedFiguresTest.build(year);
    }
}
