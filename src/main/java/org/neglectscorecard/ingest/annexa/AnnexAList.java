package org.neglectscorecard.ingest.annexa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.TableHeader;

/**
 * The lists of an Ofsted Annex A workbook this program reads (INPUTS.md A3): List 6 (children in
 * need), List 7 (child protection) and List 8 (children looked after). Each LA words the
 * headings its own way; the variants seen in real workbooks are listed beside the wording of
 * Ofsted's template, and a list is recognised by its headings, not by its sheet name.
 */
public enum AnnexAList {

    LIST_6("List 6", "CIN Start Date", columns(
            "CIN Start Date", List.of("Child in Need Start Date", "CIN Start", "Start Date of CIN Episode", "CIN Episode Start Date",
                    "Referral Date", "CIN Referral Date"),
            "Primary Need Code", List.of("Primary Need", "Primary Need Category", "Category of Need", "Primary Need Reason"),
            "CIN Closure Date", List.of("CIN Close Date", "Closure Date", "Case Closure Date", "CIN End Date", "Date CIN Closed",
                    "CIN Closed Date", "Date Case Closed"))),

    LIST_7("List 7", "Child Protection Plan Start Date", columns(
            "Child Protection Plan Start Date", List.of("CP Plan Start Date", "CPP Start Date", "Plan Start Date",
                    "Child Protection Plan Start", "CP Start Date"),
            "Initial Category of Abuse", List.of("Initial Category", "Category of Abuse at Start", "Initial CP Category",
                    "Category of Abuse (Initial)"),
            "Latest Category of Abuse", List.of("Latest Category", "Current Category of Abuse", "Latest CP Category",
                    "Category of Abuse (Latest)", "Category of Abuse"),
            "Date of the Last Statutory Visit", List.of("Date of Last Statutory Visit", "Last Statutory Visit",
                    "Last Statutory Visit Date", "Date of Last Visit", "Last Visit Date"),
            "Was the Child Seen Alone?", List.of("Was the Child Seen Alone", "Child Seen Alone", "Seen Alone",
                    "Seen Alone at Last Visit", "Was the child seen alone at last visit"),
            "Child Protection Plan End Date", List.of("CP Plan End Date", "CPP End Date", "Plan End Date", "CP End Date",
                    "Date Child Protection Plan Ended", "Date CP Plan Ended", "Date Plan Ended", "Child Protection Plan End"),
            "Number of Previous Child Protection Plans", List.of("Number of Previous CP Plans", "Previous CP Plans",
                    "Number of Previous Plans", "Previous Child Protection Plans", "No. of Previous CP Plans"))),

    LIST_8("List 8", "Date Started to be Looked After", columns(
            "Date Started to be Looked After", List.of("Date Started to be Looked After (Current Period)", "CLA Start Date",
                    "Date Became Looked After", "Looked After Start Date", "Date Started Looked After", "Date Child Became CLA"),
            "Child's Category of Need", List.of("Category of Need", "Childs Category of Need", "CLA Category of Need",
                    "Category of Need Code"),
            "Child's Legal Status", List.of("Legal Status", "Childs Legal Status", "Current Legal Status"),
            "Date Ceased to be Looked After", List.of("Date Ceased", "CLA End Date", "Date Ceased Looked After",
                    "Date Ceased to be CLA")));

    /** Headings every list carries. */
    public static final Map<String, List<String>> COMMON = columns(
            "Child Unique ID", List.of("Child ID", "Unique ID", "Child Unique Identifier", "ChildUniqueID", "Child Identifier",
                    "ID"),
            "Gender", List.of("Sex", "Gender Current"),
            "Ethnicity", List.of("Ethnic Group", "Ethnic Origin", "Ethnicity Code"),
            "Date of Birth", List.of("DOB", "Birth Date", "Date of Birth (DOB)"),
            "Does the Child have a Disability", List.of("Disability", "Disabled", "Has a Disability", "Child has a Disability"));

    private final String sheetName;
    private final String keyColumn;
    private final Map<String, List<String>> columns;

    AnnexAList(String sheetName, String keyColumn, Map<String, List<String>> columns) {
        this.sheetName = sheetName;
        this.keyColumn = keyColumn;
        this.columns = columns;
    }

    /** The name rows carry, and rejections show: Ofsted's sheet name. */
    public String sheetName() {
        return sheetName;
    }

    /** The column that makes a row a row of this list: without it the list cannot be read. */
    public String keyColumn() {
        return keyColumn;
    }

    /** Every heading this list answers to, canonical name first. */
    public Map<String, List<String>> aliases() {
        Map<String, List<String>> all = new LinkedHashMap<>(COMMON);
        all.putAll(columns);
        return all;
    }

    /**
     * The lists this program does not read, by headings only they have, so that an Annex A
     * workbook is known whole (its heading rows found under their titles, none of its lists taken
     * for another return's table). List 9 as revised for 2023/24 is known by its new headings too.
     */
    static final Map<String, List<String>> OTHER_LISTS = columns(
            "List 1", List.of("Date of Contact", "Contact Source"),
            "List 2", List.of("Assessment start date", "Assessment completion date", "Organisation completing assessment"),
            "List 3", List.of("Date of referral", "Referral NFA?", "Number of Referrals in Last 12 Months", "Referral Source"),
            "List 4", List.of("Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                    "Continuous Assessment Date of Authorisation"),
            "List 5", List.of("Strategy discussion initiating Section 47 Enquiry Start Date",
                    "Was an Initial Child Protection Conference deemed unnecessary?", "Number of Section 47 Enquiries in the last 12 months",
                    "Number of ICPCs in the last 12 months"),
            "List 9", List.of("Eligibility Category", "LA in Touch", "Type of Accommodation", "Suitability of Accommodation",
                    "Activity Status", "Is the LA in touch with the care leaver", "Is the accommodation suitable",
                    "Date of latest contact", "Does the care leaver have a pathway plan", "Does the care leaver have a personal adviser",
                    "Date care leaver turned 18", "Date of the care leaver's 18th birthday", "Care leaver's main activity",
                    "Care leaver's accommodation"),
            "List 10", List.of("Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
                    "Date Placed for Adoption", "Date of Matching Child and Prospective Adopters"),
            "List 11", List.of("Individual adopter identifier", "Date enquiry received", "Date Stage 1 started",
                    "Date application approved"));

    /** An Annex A list this program does not read (1 to 5, 9 to 11), by its headings, or null. */
    public static String otherList(TableHeader header) {
        TableHeader h = header.withAliases(COMMON);
        boolean identified = h.has("Child Unique ID") || h.has("Individual adopter identifier");
        if (!identified) {
            return null;
        }
        for (Map.Entry<String, List<String>> list : OTHER_LISTS.entrySet()) {
            if (list.getValue().stream().anyMatch(h::has)) {
                return list.getKey();
            }
        }
        return null;
    }

    /**
     * Which list a sheet holds, by its headings, or null. A list without its key column (a List 7
     * with no plan start dates) is still the list when two or more of its other own columns are there
     * and no other list's are as many: it is then refused naming the column it lacks, not passed over
     * as though the workbook had no such list.
     */
    public static AnnexAList recognise(TableHeader header) {
        for (AnnexAList list : values()) {
            TableHeader h = header.withAliases(list.aliases());
            if (h.has(list.keyColumn) && h.has("Child Unique ID") && !(list == LIST_6 && referrals(header))) {
                return list;
            }
        }
        // Nor another return's table: SSDA903's Episodes (CHILD_ID, Legal status, Category of need) has DECOM or RNE.
        if (otherList(header) != null || referrals(header) || header.has("DECOM") || header.has("RNE")) {
            return null;
        }
        AnnexAList best = null;
        long bestOwn = 1;
        boolean tie = false;
        for (AnnexAList list : values()) {
            TableHeader h = header.withAliases(list.aliases());
            if (!h.has("Child Unique ID")) {
                continue;
            }
            long own = list.columns.keySet().stream().filter(c -> !c.equals(list.keyColumn) && h.has(c)).count();
            if (own > bestOwn) {
                best = list;
                bestOwn = own;
                tie = false;
            } else if (own == bestOwn) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** List 3 (referrals), by headings only it has: its "Referral Date" is no CIN start date. */
    private static boolean referrals(TableHeader header) {
        return header.has("Referral NFA?") || header.has("Number of Referrals in Last 12 Months");
    }

    /** What the list lacks that it cannot do without, or null. */
    public String missing(TableHeader header) {
        for (String c : List.of("Child Unique ID", keyColumn)) {
            if (!header.has(c)) {
                return "has no '" + c + "' column (or one of its usual wordings): add it and run again.";
            }
        }
        return null;
    }

    private static Map<String, List<String>> columns(Object... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) pairs[i + 1];
            out.put((String) pairs[i], aliases);
        }
        return out;
    }
}
