package org.neglectscorecard.ingest.cin;

import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.TableHeader;

/**
 * The modules of the CIN census, as tables (INPUTS.md A2) and as the XML's repeated elements
 * (A1). The XML reader yields rows of these same tables, so both forms go through one processor
 * and give identical indicators.
 */
public enum CinTable {
    HEADER("Header", List.of("ReferenceDate"), List.of("Collection", "Year", "ReferenceDate", "LEA", "DateTime")),
    CHILD_IDENTIFIERS("ChildIdentifiers", List.of("LAchildID"), List.of("LAchildID", "UPN", "FormerUPN", "UPNunknown",
            "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Sex", "PersonDeathDate", "LEA")),
    CHILD_CHARACTERISTICS("ChildCharacteristics", List.of("LAchildID", "Ethnicity"),
            List.of("LAchildID", "Ethnicity", "Disabilities", "LEA")),
    /**
     * One row per disability code of a child, as Data to Insight's CIN validator writes the census
     * as tables (its ChildCharacteristics has only the ethnicity): folded into the child's
     * characteristics as they are read, never counted on its own.
     */
    DISABILITIES("Disabilities", List.of("LAchildID", "Disability"), List.of("LAchildID", "Disability", "LEA")),
    CIN_DETAILS("CINdetails", List.of("LAchildID", "CINdetailsID", "CINreferralDate"), List.of("LAchildID",
            "CINdetailsID", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
            "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA", "LEA")),
    ASSESSMENTS("Assessments", List.of("LAchildID", "CINdetailsID", "AssessmentAuthorisationDate"), List.of("LAchildID",
            "CINdetailsID", "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
            "AssessmentFactors", "LEA")),
    CIN_PLAN_DATES("CINplanDates", List.of("LAchildID", "CINdetailsID", "CINPlanStartDate"), List.of("LAchildID",
            "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate", "LEA")),
    SECTION_47("Section47", List.of("LAchildID", "S47ActualStartDate"), List.of("LAchildID", "CINdetailsID",
            "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired", "LEA")),
    CHILD_PROTECTION_PLANS("ChildProtectionPlans", List.of("LAchildID", "CINdetailsID", "CPPstartDate"), List.of(
            "LAchildID", "CINdetailsID", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
            "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "LEA")),
    /** Each child protection review's date (the validator's Reviews table): no indicator uses it, so it is not read. */
    REVIEWS("Reviews", List.of("LAchildID", "CPPreviewDate"), List.of("LAchildID", "CINdetailsID", "CPPID", "CPPstartDate",
            "CPPreviewDate", "LEA"));

    /** The order a table set is read in: the header first, since it names the LA. */
    public static final List<CinTable> READ_ORDER = List.of(HEADER, CHILD_IDENTIFIERS, CHILD_CHARACTERISTICS,
            CIN_DETAILS, ASSESSMENTS, CIN_PLAN_DATES, CHILD_PROTECTION_PLANS);

    private final String tableName;
    private final List<String> mandatory;
    private final List<String> columns;

    CinTable(String tableName, List<String> mandatory, List<String> columns) {
        this.tableName = tableName;
        this.mandatory = mandatory;
        this.columns = columns;
    }

    public String tableName() {
        return tableName;
    }

    public List<String> mandatory() {
        return mandatory;
    }

    public List<String> columns() {
        return columns;
    }

    /** Section 47 enquiries and review dates feed no indicator, so they are not read: data minimisation. */
    public boolean isRead() {
        return this != SECTION_47 && this != REVIEWS;
    }

    /**
     * Which table a header row belongs to, by its set of headings (never by file name), or null.
     * Every table but the Header carries the child's LAchildID (or, below the child, the episode's
     * CINdetailsID): without one, headings that merely share a name with a census item (an Annex A
     * list's "Reason for Closure", a code list's "Primary Need Code") are not a census table. A
     * table is then known by any of its own columns, so one missing its key column is still named,
     * and refused for it. Checked most specific first.
     */
    public static CinTable recognise(TableHeader header) {
        boolean child = header.has("LAchildID") || header.has("CINdetailsID");
        // A Reviews table names its plan by the plan's start date where there is no plan ID (as converters
        // from the census XML write it): its review dates, and none of the plan's own items, make it Reviews.
        if (child && header.has("CPPreviewDate")
                && !any(header, "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP")) {
            return REVIEWS;
        }
        if (child && any(header, "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP")) {
            return CHILD_PROTECTION_PLANS;
        }
        if (child && any(header, "CINPlanStartDate", "CINPlanEndDate")) {
            return CIN_PLAN_DATES;
        }
        if (child && any(header, "S47ActualStartDate", "InitialCPCtarget", "ICPCnotRequired")) {
            return SECTION_47;
        }
        if (child && any(header, "AssessmentAuthorisationDate", "AssessmentActualStartDate", "AssessmentFactors",
                "AssessmentInternalReviewDate")) {
            return ASSESSMENTS;
        }
        if (child && any(header, "CINreferralDate", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "ReferralSource")) {
            return CIN_DETAILS;
        }
        if (header.has("LAchildID") && header.has("Disability") && !header.has("Ethnicity") && !header.has("Disabilities")) {
            return DISABILITIES;
        }
        if (header.has("LAchildID") && any(header, "Ethnicity", "Disabilities")) {
            return CHILD_CHARACTERISTICS;
        }
        if (header.has("LAchildID") && any(header, "PersonBirthDate", "UPN", "GenderCurrent", "Sex", "ExpectedPersonBirthDate")) {
            return CHILD_IDENTIFIERS;
        }
        if (header.has("ReferenceDate") && (header.has("Collection") || header.has("LEA") || header.has("Year"))) {
            return HEADER;
        }
        return null;
    }

    /**
     * The census modules below the child whose own columns a heading row carries, in the census's
     * order: more than one is a table no module's reading fits. Only columns no other module's table
     * repeats count (DateOfInitialCPC sits in both CINdetails and Section47; LEA in every table). The
     * child's own items (a date of birth beside each plan) repeat nothing, so are not counted.
     */
    static List<String> modulesIn(TableHeader header) {
        if (!header.has("LAchildID") && !header.has("CINdetailsID")) {
            return List.of();
        }
        Map<String, List<String>> own = new java.util.LinkedHashMap<>();
        own.put("CINdetails", List.of("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
                "ReferralNFA"));
        own.put("Assessments", List.of("AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
                "AssessmentFactors"));
        own.put("CINplanDates", List.of("CINPlanStartDate", "CINPlanEndDate"));
        own.put("Section47", List.of("S47ActualStartDate", "InitialCPCtarget", "ICPCnotRequired"));
        own.put("ChildProtectionPlans", List.of("CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
                "NumberOfPreviousCPP"));
        return own.entrySet().stream().filter(e -> any(header, e.getValue().toArray(String[]::new))).map(Map.Entry::getKey).toList();
    }

    /** A table is known by any of its own columns, so one missing its key column is still named, and refused for it. */
    private static boolean any(TableHeader header, String... columns) {
        for (String c : columns) {
            if (header.has(c)) {
                return true;
            }
        }
        return false;
    }

    /** The first mandatory column the header lacks, or null. */
    public String missingColumn(TableHeader header) {
        for (String column : mandatory) {
            if (!header.has(column)) {
                return column;
            }
        }
        return null;
    }

    public TableHeader canonicalHeader() {
        return new TableHeader(tableName, columns, false);
    }
}
