package org.neglectscorecard.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One collection year of a statutory return as a data file says it is (ingest/cin/cin-census-2021-22.yml,
 * ingest/ssda903/ssda903-2024-25.yml): the blocks or tables it has and their items, the codes each
 * coded item takes, items renamed from earlier years, and codes of earlier years still sent. A new
 * year is a new file, not code.
 *
 * @param year          the collection year, "2021-22"
 * @param referenceDate the 31 March the year ends
 * @param blocks        each block (XML) or table (CSV) and the items it holds
 * @param codes         each coded item and the codes it takes that year
 * @param stillSent     codes of other years returns still send, read as what they mean
 */
public record CollectionYear(String year, LocalDate referenceDate, Map<String, List<String>> blocks,
                             Map<String, String> renamed, Map<String, Set<String>> codes,
                             Map<String, Set<String>> stillSent, String changes) {

    /** The years of one kind of return, from its data files, earliest first. */
    public record Years(String kind, List<CollectionYear> all) {

        /** Every file {@code <folder>/<prefix>-YYYY-YY.yml} on the class path, from 2010-11 to 2060-61. */
        public static Years load(String folder, String prefix) {
            List<CollectionYear> years = new ArrayList<>();
            for (int start = 2010; start <= 2060; start++) {
                String year = start + "-" + String.format("%02d", (start + 1) % 100);
                String resource = folder + "/" + prefix + "-" + year + ".yml";
                try (InputStream in = CollectionYear.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in != null) {
                        years.add(parse(resource, new Yaml(new SafeConstructor(new LoaderOptions())).load(in)));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("The built-in file " + resource + " could not be read", e);
                }
            }
            if (years.isEmpty()) {
                throw new IllegalStateException("No collection years found under " + folder + "/" + prefix + "-*.yml");
            }
            return new Years(prefix, List.copyOf(years));
        }

        /**
         * The year a return dated so is for: the year ending on the first 31 March on or after the
         * date; a date before the first year known is read as that year, after the last as the last.
         */
        public CollectionYear forDate(LocalDate date) {
            if (date == null) {
                return null;
            }
            for (CollectionYear y : all) {
                if (!date.isAfter(y.referenceDate())) {
                    return y;
                }
            }
            return all.get(all.size() - 1);
        }

        /** The year by its name ("2021-22"), or null. */
        public CollectionYear named(String year) {
            return all.stream().filter(y -> y.year().equals(year)).findFirst().orElse(null);
        }

        /** Every code any year takes for an item, and those still sent: what a return of unknown year may hold. */
        public Set<String> anyYearCodes(String item) {
            Set<String> out = new LinkedHashSet<>();
            for (CollectionYear y : all) {
                out.addAll(y.codes().getOrDefault(item, Set.of()));
                out.addAll(y.stillSent().getOrDefault(item, Set.of()));
            }
            return out;
        }

        /** The first year with a block, or null if none has it. */
        public String firstYearWith(String block) {
            return all.stream().filter(y -> y.blocks().containsKey(block)).map(CollectionYear::year).findFirst().orElse(null);
        }
    }

    /** Whether a code is one this year takes, or one of another year still sent. */
    public boolean accepts(String item, String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        return upper(codes.getOrDefault(item, Set.of())).contains(c) || upper(stillSent.getOrDefault(item, Set.of())).contains(c);
    }

    /** Whether this year's return has the item in the block (under its own name or the one it replaced). */
    public boolean hasItem(String block, String item) {
        List<String> items = blocks.get(block);
        if (items == null) {
            return false;
        }
        if (items.contains(item)) {
            return true;
        }
        for (Map.Entry<String, String> r : renamed.entrySet()) {
            if (r.getKey().equals(item) && items.contains(r.getValue()) || r.getValue().equals(item) && items.contains(r.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> upper(Set<String> codes) {
        Set<String> out = new LinkedHashSet<>();
        codes.forEach(c -> out.add(c.toUpperCase(Locale.ROOT)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static CollectionYear parse(String resource, Map<String, Object> y) {
        try {
            String year = String.valueOf(y.get("year"));
            Object date = y.get("reference-date");   // YAML reads a bare date as a timestamp at midnight UTC
            LocalDate reference = date instanceof java.util.Date d ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                    : LocalDate.parse(String.valueOf(date));
            Map<String, List<String>> blocks = new LinkedHashMap<>();
            Object b = y.get("blocks") != null ? y.get("blocks") : y.get("tables");
            ((Map<String, List<Object>>) b).forEach((k, v) -> blocks.put(k, v.stream().map(String::valueOf).toList()));
            Map<String, String> renamed = new LinkedHashMap<>();
            if (y.get("renamed") instanceof Map<?, ?> r) {
                r.forEach((k, v) -> renamed.put(String.valueOf(k), String.valueOf(v)));
            }
            return new CollectionYear(year, reference, Collections.unmodifiableMap(blocks), Collections.unmodifiableMap(renamed),
                    codeLists(y.get("codes")), codeLists(y.get("still-sent")), String.valueOf(y.getOrDefault("changes", "")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The built-in file " + resource + " is not as expected: " + e.getMessage(), e);
        }
    }

    private static Map<String, Set<String>> codeLists(Object o) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                Set<String> codes = new LinkedHashSet<>();
                if (v instanceof List<?> l) {
                    l.forEach(c -> codes.add(String.valueOf(c)));
                }
                out.put(String.valueOf(k), Collections.unmodifiableSet(codes));
            });
        }
        return Collections.unmodifiableMap(out);
    }
}
