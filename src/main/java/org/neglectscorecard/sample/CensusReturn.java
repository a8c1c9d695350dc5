package org.neglectscorecard.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * One LA's CIN census return as a file would hold it: values already as text, as written.
 * Built by the sample generator, and by tests that need child-level fixtures.
 *
 * @param numericIds the LA's case-management system uses numbers as child IDs (written as numbers
 *                   in a workbook, and as "123.0" in a CSV ChildIdentifiers table, as spreadsheets export them)
 */
public record CensusReturn(String laCode3, LocalDate reference, List<CChild> children, boolean numericIds) {

    public record CChild(String id, String upn, String birth, String expected, String gender, String ethnicity,
                         List<String> disabilities, List<CEpisode> episodes) {
    }

    public record CEpisode(String ref, String referral, String source, String need, String closure, String reason,
                           String nfa, List<CAssessment> assessments, List<String[]> cinPlans, List<CPlan> plans) {
    }

    public record CAssessment(String start, String authorised, List<String> factors) {
    }

    public record CPlan(String start, String end, String initial, String latest, String previous) {
    }
}
