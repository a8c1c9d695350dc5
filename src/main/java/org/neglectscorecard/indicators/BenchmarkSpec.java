package org.neglectscorecard.indicators;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where DfE publishes an indicator's counterpart (the catalogue's {@code benchmark:}): the file,
 * by its name as downloaded without the years, and either the published value's column, or the
 * numerator's and denominator's columns (the denominator may be {@code population}, children aged
 * 0 to 17). A column may be narrowed to rows with given values, for files in long form:
 * {@code number where cla_group = Category of need and characteristic = Total}; a value may list the
 * wordings releases use, separated by semicolons ({@code characteristic = Total; Total children}).
 */
public record BenchmarkSpec(String file, Column value, Column numerator, Column denominator) {

    public static final String POPULATION = "population";

    /**
     * The DfE files it is read from, by their names without the years, in lower case: one, or
     * several separated by semicolons where DfE publishes the same figures in more than one file
     * (England's CLA starts for recent years are only in its national file; the LA file has every
     * LA). Of releases giving the same year and area, the latest is used.
     */
    public java.util.List<String> files() {
        return java.util.Arrays.stream(file.split("\\s*;\\s*")).map(f -> f.strip().toLowerCase(Locale.ROOT))
                .filter(f -> !f.isEmpty()).toList();
    }

    /**
     * A rate worked out here from DfE's count over the population estimates ours use, not a figure
     * DfE printed: it differs from ours exactly as the count does.
     */
    public boolean overPopulation() {
        return denominator != null && denominator.isPopulation();
    }

    /** A column of the file, on the rows whose descriptive columns have the given values. */
    public record Column(String name, Map<String, String> where) {

        public static Column parse(String text) {
            if (text == null) {
                return null;
            }
            String[] parts = text.strip().split("(?i)\\s+where\\s+", 2);
            Map<String, String> where = new LinkedHashMap<>();
            if (parts.length == 2) {
                for (String condition : parts[1].split("(?i)\\s+and\\s+")) {
                    String[] kv = condition.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("'" + condition + "' is not 'column = value'");
                    }
                    where.put(kv[0].strip(), kv[1].strip());
                }
            }
            return new Column(parts[0].strip(), where);
        }

        public boolean isPopulation() {
            return POPULATION.equals(name.toLowerCase(Locale.ROOT)) && where.isEmpty();
        }

        /** Whether a row's filters ("column=value|column=value") include every condition. */
        public boolean matches(String filters) {
            if (where.isEmpty()) {
                return true;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (String f : filters.split("\\|")) {
                String[] kv = f.split("=", 2);
                if (kv.length == 2) {
                    row.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip());
                }
            }
            // "characteristic = Total; Total children": either wording, as one release and the next write it.
            return where.entrySet().stream().allMatch(e -> java.util.Arrays.stream(e.getValue().split("\\s*;\\s*"))
                    .anyMatch(v -> v.equalsIgnoreCase(row.getOrDefault(e.getKey().toLowerCase(Locale.ROOT), ""))));
        }
    }
}
