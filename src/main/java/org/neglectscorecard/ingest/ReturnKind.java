package org.neglectscorecard.ingest;

import org.neglectscorecard.ingest.agency.MultiAgencyData;
import org.neglectscorecard.ingest.annexa.AnnexA;
import org.neglectscorecard.ingest.cin.CinCensus;
import org.neglectscorecard.ingest.published.PublishedData;
import org.neglectscorecard.ingest.ssda903.Ssda903;

/**
 * The kinds of return the program reads, each described whole by one class in its own package.
 * The order is the order a file is offered to them: an Annex A workbook's other lists have
 * headings a census table might share, so Annex A is asked first.
 */
public enum ReturnKind {

    ANNEX_A, CIN_CENSUS, SSDA903, MULTI_AGENCY, PUBLISHED;

    /** Everything this kind knows about itself: recognising, reading, checking, storing, whole-file rules. */
    public KindOfReturn rules() {
        return switch (this) {
            case ANNEX_A -> AnnexA.KIND;
            case CIN_CENSUS -> CinCensus.KIND;
            case SSDA903 -> Ssda903.KIND;
            case MULTI_AGENCY -> MultiAgencyData.KIND;
            case PUBLISHED -> PublishedData.KIND;
        };
    }
}
