package org.neglectscorecard.ingest.ssda903;

import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.TableHeader;

/**
 * The SSDA903 tables this program reads (INPUTS.md A4): Header (one row per child) and Episodes
 * (one row per episode of care). Placements, postcodes and other tables are not read.
 */
public enum Ssda903Table {

    HEADER("Header", List.of("CHILD", "DOB")),
    EPISODES("Episodes", List.of("CHILD", "DECOM", "RNE"));

    /** What a mandatory column holds, for the person told it is missing. */
    private static final Map<String, String> ABOUT = Map.of("CHILD", "the child's ID", "DOB", "the date of birth",
            "DECOM", "the date each episode of care started", "RNE", "the reason each episode started");

    private final String tableName;
    private final List<String> mandatory;

    Ssda903Table(String tableName, List<String> mandatory) {
        this.tableName = tableName;
        this.mandatory = mandatory;
    }

    public String tableName() {
        return tableName;
    }

    /** Headings found in extracts for the same columns. */
    public Map<String, List<String>> aliases() {
        return Map.of("CHILD", List.of("CHILD_ID", "ChildID", "LAchildID"), "LS", List.of("Legal status"),
                "CIN", List.of("Category of need"));
    }

    /**
     * Columns only the return's other tables have: UASC (DUC), AD1, placed for adoption, previous
     * permanence, reviews, missing, OC2 and OC3. Each of those has CHILD and DOB too (UASC has SEX),
     * and a table set sent whole, as DfE's validators take it, had its UASC table taken for a second
     * Header, which rejected the return.
     */
    private static final List<String> OTHER_TABLES = List.of("DUC", "DATE_INT", "DATE_MATCH", "DATE_PLACED", "PREV_PERM",
            "REVIEW", "MISSING", "MIS_START", "SDQ_SCORE", "CONVICTED", "IN_TOUCH", "ACTIV", "ACCOM");

    /**
     * Columns only Episodes has. Two of them beside CHILD, one the reason or legal status an episode
     * starts with (a placements table has neither), make a table Episodes even without its DECOM,
     * so that it is refused for the DECOM it lacks rather than passed over as no table at all (and the
     * return refused for having no Episodes).
     */
    private static final List<String> EPISODE_COLUMNS = List.of("RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
            "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN");

    /** The return's other tables, each by a column only it has, as DfE's guidance names them. */
    private static final Map<String, String> OTHER_TABLE_NAMES = new java.util.LinkedHashMap<>();
    static {
        OTHER_TABLE_NAMES.put("DUC", "UASC");
        OTHER_TABLE_NAMES.put("DATE_INT", "AD1 (adoption)");
        OTHER_TABLE_NAMES.put("DATE_MATCH", "AD1 (adoption)");
        OTHER_TABLE_NAMES.put("DATE_PLACED", "placed for adoption");
        OTHER_TABLE_NAMES.put("PREV_PERM", "previous permanence");
        OTHER_TABLE_NAMES.put("REVIEW", "reviews");
        OTHER_TABLE_NAMES.put("MISSING", "missing");
        OTHER_TABLE_NAMES.put("MIS_START", "missing");
        OTHER_TABLE_NAMES.put("SDQ_SCORE", "OC2 (outcomes)");
        OTHER_TABLE_NAMES.put("CONVICTED", "OC2 (outcomes)");
        OTHER_TABLE_NAMES.put("IN_TOUCH", "OC3 (care leavers)");
        OTHER_TABLE_NAMES.put("ACTIV", "OC3 (care leavers)");
        OTHER_TABLE_NAMES.put("ACCOM", "OC3 (care leavers)");
    }

    /** The name of the return's other table a header row is (reviews, OC2, ...), or null. */
    public static String otherTable(TableHeader header) {
        if (!header.has("CHILD") || recognise(header) != null) {
            return null;
        }
        return OTHER_TABLE_NAMES.entrySet().stream().filter(e -> header.has(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** Which table a header row is, or null. Episodes first: it has CHILD too. */
    public static Ssda903Table recognise(TableHeader header) {
        TableHeader h = header.withAliases(EPISODES.aliases());
        if (h.has("CHILD") && h.has("DECOM") && (h.has("RNE") || h.has("LS"))) {
            return EPISODES;
        }
        if (h.has("CHILD") && !h.has("DECOM") && (h.has("RNE") || h.has("LS")) && EPISODE_COLUMNS.stream().filter(h::has).count() >= 2) {
            return EPISODES;
        }
        if (h.has("CHILD") && h.has("DOB") && (h.has("SEX") || h.has("ETHNIC")) && !h.has("DECOM")
                && OTHER_TABLES.stream().noneMatch(h::has)) {
            return HEADER;
        }
        return null;
    }

    public String missing(TableHeader header) {
        for (String c : mandatory) {
            if (!header.has(c)) {
                return "has no '" + c + "' column" + (ABOUT.containsKey(c) ? " (" + ABOUT.get(c) + ")" : "") + ": add it and run again.";
            }
        }
        return null;
    }
}
