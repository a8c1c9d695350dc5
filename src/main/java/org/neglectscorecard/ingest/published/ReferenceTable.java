package org.neglectscorecard.ingest.published;

import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.TableHeader;

/**
 * Reference data (INPUTS.md section C), each recognised by its headings: DfE's published
 * statistics files as downloaded, ONS population in DfE's layout, DfE's statistical neighbour
 * groupings, and the partnership's own targets and commentary.
 */
public enum ReferenceTable {

    /** C1: time_period, geographic_level, ..., age_group, population_estimate (without age_group it is another DfE file). */
    POPULATION("Population"),
    /** C2: any DfE open data file: time_period, time_identifier, geographic_level, ... */
    DFE_PUBLISHED("DfE published statistics"),
    /** C3: "LA num, LA Name, ..., SN1, SNP, SN2, ..." (2021) or "old_la_code, la_name, ..., SN_1, SN_1P, ..." (2025). */
    STAT_NEIGHBOURS("Statistical neighbours"),
    /** C4: indicator_id, area_code, period_end, target, amber_tolerance. */
    TARGETS("Targets"),
    /** C5: indicator_id, period_end, commentary, action, owner. */
    COMMENTARY("Commentary");

    private final String title;

    ReferenceTable(String title) {
        this.title = title;
    }

    /** The name rows carry and rejections show. */
    public String title() {
        return title;
    }

    public static ReferenceTable recognise(TableHeader h) {
        if (h.has("time_period") && h.has("geographic_level") && h.has("population_estimate") && h.has("age_group")) {
            return POPULATION;
        }
        if (h.has("time_period") && h.has("geographic_level")) {
            return DFE_PUBLISHED;
        }
        if ((h.has("LA num") || h.has("old_la_code")) && h.has("SN1") && h.has("SN10")) {
            return STAT_NEIGHBOURS;
        }
        // "Indicator" as an officer heads the column (its ids or titles): Targets.resolve reads either.
        boolean indicator = h.has("indicator_id") || h.has("indicator");
        if (indicator && h.has("period_end") && (h.has("target") || h.has("target %"))) {
            return TARGETS;
        }
        if (indicator && h.has("period_end") && (h.has("commentary") || h.has("action"))) {
            return COMMENTARY;
        }
        return null;
    }

    public static ReferenceTable byTitle(String title) {
        for (ReferenceTable t : values()) {
            if (t.title.equals(title)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a reference table: " + title);
    }

    /** Headings some files use for the same columns. */
    public Map<String, List<String>> aliases() {
        return switch (this) {
            // "Target (%)": a percentage's target written with its unit ("%" is kept in headings, so a rate is no count).
            case TARGETS -> Map.of("amber_tolerance", List.of("tolerance", "amber", "amber tolerance %", "tolerance %"),
                    "area_code", List.of("area", "la_code"), "target", List.of("target %"), "indicator_id", List.of("indicator"));
            case COMMENTARY -> Map.of("commentary", List.of("comment"), "owner", List.of("lead officer", "lead"),
                    "indicator_id", List.of("indicator"));
            default -> Map.of();
        };
    }

    public String missing(TableHeader header) {
        List<String> required = switch (this) {
            case POPULATION -> List.of("time_period", "geographic_level", "population_estimate");
            case DFE_PUBLISHED -> List.of("time_period", "geographic_level");
            case STAT_NEIGHBOURS -> List.of("SN1");
            case TARGETS -> List.of("indicator_id", "area_code", "period_end", "target");
            case COMMENTARY -> List.of("indicator_id", "period_end");
        };
        for (String c : required) {
            if (!header.has(c)) {
                return "has no '" + c + "' column: add it and run again.";
            }
        }
        return null;
    }
}
