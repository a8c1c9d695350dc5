package org.neglectscorecard.indicators;

import org.neglectscorecard.sample.CensusReturn;

/** Westminster's returns built from DfE's published figures, for tests in other packages. */
public final class PublishedFiguresTestAccess {

    private PublishedFiguresTestAccess() {
    }

    public static CensusReturn westminster(int year) throws java.io.IOException {
        return PublishedFiguresTest.build(year);
    }

    /** Westminster's 2020-21 return as XML and 2021-22 as CSV tables, in its LA folder (213) under the input folder. */
    public static void writeWestminster(java.nio.file.Path input) throws java.io.IOException {
        org.neglectscorecard.sample.CensusReturnWriter.writeXml(westminster(2021), input.resolve("213/2020-21/cin.xml"));
        org.neglectscorecard.sample.CensusReturnWriter.writeCsv(westminster(2022), input.resolve("213/2021-22"));
    }
}
