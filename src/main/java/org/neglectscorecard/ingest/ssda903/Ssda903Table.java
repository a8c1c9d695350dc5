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

    /** Which table a header row is, or null. Episodes first: it has CHILD too. */
    public static Ssda903Table recognise(TableHeader header) {
        TableHeader h = header.withAliases(EPISODES.aliases());
        if (h.has("CHILD") && h.has("DECOM") && (h.has("RNE") || h.has("LS"))) {
            return EPISODES;
        }
        if (h.has("CHILD") && h.has("DOB") && (h.has("SEX") || h.has("ETHNIC")) && !h.has("DECOM")) {
            return HEADER;
        }
        return null;
    }

    public String missing(TableHeader header) {
        for (String c : mandatory) {
            if (!header.has(c)) {
                return "has no '" + c + "' column: add it and run again.";
            }
        }
        return null;
    }
}
