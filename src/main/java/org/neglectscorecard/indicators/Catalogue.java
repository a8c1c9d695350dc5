package org.neglectscorecard.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.neglectscorecard.indicators.IndicatorDefinition.Counts;
import org.neglectscorecard.indicators.IndicatorDefinition.Measure;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Spc;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The indicator catalogue: every entry of sql/indicators/*.yml, in file then entry order, and the
 * breakdown dimensions of sql/breakdowns.yml. Read from the sql/ folder where the program runs if
 * there is one (so a partnership can add indicators without a rebuild), else from the copy
 * inside the jar. Mistakes in an entry are reported with the file and the entry's id.
 */
public final class Catalogue {

    public static final Set<String> SOURCE_KINDS = Set.of("CIN_CENSUS", "ANNEX_A", "SSDA903", "TRAINING", "AUDIT",
            "EARLY_HELP", "HEALTH", "GCP2", "POLICE", "FEEDBACK");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");
    private static final Set<String> KEYS = Set.of("id", "title", "priority", "source", "sources", "polarity", "unit",
            "decimals", "counts", "definition", "dfe", "measure", "spc", "breakdowns", "distinct", "publish", "sql",
            "numerator", "denominator", "benchmark", "headline");

    private final List<IndicatorDefinition> indicators;
    private final Map<String, IndicatorDefinition> byId = new LinkedHashMap<>();
    private final Map<String, BreakdownDimension> dimensions = new LinkedHashMap<>();
    private final String location;

    public Catalogue(List<IndicatorDefinition> indicators, List<BreakdownDimension> dimensions, String location) {
        this.indicators = List.copyOf(indicators);
        this.location = location;
        for (IndicatorDefinition d : indicators) {
            if (byId.put(d.id(), d) != null) {
                throw new CatalogueException(d.file() + ": indicator " + d.id() + " is defined twice");
            }
        }
        dimensions.forEach(d -> this.dimensions.put(d.id(), d));
        check();
    }

    /** sql/ beside the working directory if present, else the copy in the jar. */
    public static Catalogue load(String sqlDir) {
        return loadFrom(location(sqlDir));
    }

    /** Where {@link #load} reads from (sql/ beside the working directory, else the jar's copy), without reading it. */
    public static String location(String sqlDir) {
        java.nio.file.Path dir = java.nio.file.Path.of(sqlDir);
        String base = java.nio.file.Files.isDirectory(dir.resolve("indicators"))
                ? dir.toAbsolutePath().normalize().toUri().toString()
                : "classpath:sql/";
        return base.endsWith("/") ? base : base + "/";
    }

    public static Catalogue loadFrom(String base) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            Resource[] files = resolver.getResources(base + "indicators/*.yml");
            Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            List<IndicatorDefinition> all = new ArrayList<>();
            for (Resource file : files) {
                all.addAll(readIndicators(file));
            }
            Resource breakdowns = resolver.getResource(base + "breakdowns.yml");
            List<BreakdownDimension> dims = breakdowns.exists() ? readDimensions(breakdowns) : List.of();
            return new Catalogue(all, dims, base);
        } catch (IOException e) {
            throw new CatalogueException("The indicator catalogue could not be read from " + base + ": " + e.getMessage());
        }
    }

    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    public Optional<IndicatorDefinition> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public BreakdownDimension dimension(String id) {
        return dimensions.get(id);
    }

    public String location() {
        return location;
    }

    /** Base series first, then derived ones after whatever they derive from. */
    /**
     * The published entries built on any of these (themselves included): a percentage, rate or
     * ratio whose numerator or denominator is one, or is built on one. In catalogue order.
     */
    public List<String> builtOn(java.util.Collection<String> ids) {
        List<String> out = new java.util.ArrayList<>();
        for (IndicatorDefinition d : indicators()) {
            if (d.publish() && dependsOn(d, ids)) {
                out.add(d.id());
            }
        }
        return out;
    }

    private boolean dependsOn(IndicatorDefinition d, java.util.Collection<String> ids) {
        if (ids.contains(d.id())) {
            return true;
        }
        return d.numerator() != null && get(d.numerator()).map(n -> dependsOn(n, ids)).orElse(false)
                || d.denominator() != null && !d.isRate() && get(d.denominator()).map(n -> dependsOn(n, ids)).orElse(false);
    }

    public List<IndicatorDefinition> inComputeOrder() {
        List<IndicatorDefinition> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        indicators.stream().filter(IndicatorDefinition::isBase).forEach(d -> {
            ordered.add(d);
            done.add(d.id());
        });
        List<IndicatorDefinition> pending = new ArrayList<>(indicators.stream().filter(d -> !d.isBase()).toList());
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                IndicatorDefinition d = it.next();
                if (done.contains(d.numerator()) && (d.isRate() || done.contains(d.denominator()))) {
                    ordered.add(d);
                    done.add(d.id());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new CatalogueException("These indicators derive from each other in a circle: "
                        + pending.stream().map(IndicatorDefinition::id).toList());
            }
        }
        return ordered;
    }

    /** The partners' logs whose rows a later file can repeat (the tables with repeated_in). */
    private static final java.util.regex.Pattern REPEATABLE_LOG = java.util.regex.Pattern.compile(
            "(?i)\\b(FROM|JOIN)\\s+(training_record|case_audit|early_help_plan|health_monthly|gcp2_assessment|police_monthly)\\b");

    private void check() {
        for (IndicatorDefinition d : indicators) {
            String where = d.file() + ", indicator " + d.id() + ": ";
            if (d.isBase()) {
                if (d.sql() == null || d.sql().isBlank()) {
                    throw new CatalogueException(where + "a " + d.measure() + " indicator needs 'sql'");
                }
                if (d.sources().isEmpty()) {
                    throw new CatalogueException(where + "a base indicator needs 'sources' (" + SOURCE_KINDS + ")");
                }
                java.util.regex.Matcher log = REPEATABLE_LOG.matcher(d.sql());
                if (log.find() && !d.sql().toLowerCase(java.util.Locale.ROOT).contains("repeated_in is null")) {
                    throw new CatalogueException(where + "it reads " + log.group(2) + " without 'repeated_in IS NULL': a row a later "
                            + "file of the same log repeats (the same audit, month, ...) would count twice");
                }
            } else {
                if (d.numerator() == null || d.denominator() == null) {
                    throw new CatalogueException(where + "a " + d.measure() + " indicator needs 'numerator' and 'denominator'");
                }
                if (!byId.containsKey(d.numerator())) {
                    throw new CatalogueException(where + "numerator " + d.numerator() + " is not in the catalogue");
                }
                boolean population = IndicatorDefinition.POPULATION.equals(d.denominator());
                if (population != (d.measure() == Measure.rate_per_10k)) {
                    throw new CatalogueException(where + "rates are per 10,000 children: a rate_per_10k indicator has "
                            + "denominator 'population', and only it does");
                }
                if (!population && !byId.containsKey(d.denominator())) {
                    throw new CatalogueException(where + "denominator " + d.denominator() + " is not in the catalogue");
                }
            }
            for (String b : d.breakdowns()) {
                if (!dimensions.containsKey(b)) {
                    throw new CatalogueException(where + "breakdown '" + b + "' is not in sql/breakdowns.yml");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<IndicatorDefinition> readIndicators(Resource file) throws IOException {
        String name = file.getFilename();
        Object root = parse(file, name);
        if (!(root instanceof Map<?, ?> map) || !(map.get("indicators") instanceof List<?> list)) {
            throw new CatalogueException(name + ": expected a list under 'indicators:'");
        }
        List<IndicatorDefinition> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw new CatalogueException(name + ": each indicator is a map of keys (id, title, ...)");
            }
            out.add(toDefinition((Map<String, Object>) entry, name));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<BreakdownDimension> readDimensions(Resource file) throws IOException {
        Object root = parse(file, "breakdowns.yml");
        if (!(root instanceof Map<?, ?> map) || !(map.get("dimensions") instanceof List<?> list)) {
            throw new CatalogueException("breakdowns.yml: expected a list under 'dimensions:'");
        }
        List<BreakdownDimension> out = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> e = (Map<String, Object>) item;
            out.add(new BreakdownDimension(text(e, "id", "breakdowns.yml", true), text(e, "title", "breakdowns.yml", true),
                    text(e, "label", "breakdowns.yml", true)));
        }
        return out;
    }

    private static Object parse(Resource file, String name) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (YAMLException e) {
            throw new CatalogueException(name + " is not valid YAML: " + e.getMessage());
        }
    }

    private static IndicatorDefinition toDefinition(Map<String, Object> e, String file) {
        String id = text(e, "id", file, true);
        String where = file + ", indicator " + id;
        if (!ID.matcher(id).matches()) {
            throw new CatalogueException(where + ": an id is capital letters, digits and underscores (like CPP_OPEN)");
        }
        for (String key : e.keySet()) {
            if (!KEYS.contains(key)) {
                throw new CatalogueException(where + ": unknown key '" + key + "' (known keys: " + KEYS + ")");
            }
        }
        Measure measure = enumValue(Measure.class, e, "measure", where);
        List<String> sources = list(e, "sources");
        for (String s : sources) {
            if (!SOURCE_KINDS.contains(s)) {
                throw new CatalogueException(where + ": unknown source '" + s + "' (known: " + SOURCE_KINDS + ")");
            }
        }
        Spc spc = e.containsKey("spc") ? enumValue(Spc.class, e, "spc", where)
                : measure == Measure.in_year ? Spc.in_month : Spc.point_in_time;
        return new IndicatorDefinition(id, text(e, "title", where, true), text(e, "priority", where, true),
                text(e, "source", where, true), sources, enumValue(Polarity.class, e, "polarity", where),
                enumValue(Unit.class, e, "unit", where), number(e, "decimals", where),
                enumValue(Counts.class, e, "counts", where), text(e, "definition", where, true),
                text(e, "dfe", where, false), measure, spc, list(e, "breakdowns"),
                Boolean.TRUE.equals(e.get("distinct")), !Boolean.FALSE.equals(e.get("publish")), Boolean.TRUE.equals(e.get("headline")),
                text(e, "sql", where, false), text(e, "numerator", where, false), text(e, "denominator", where, false),
                benchmark(e, where), file);
    }

    @SuppressWarnings("unchecked")
    private static BenchmarkSpec benchmark(Map<String, Object> e, String where) {
        Object v = e.get("benchmark");
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new CatalogueException(where + ": 'benchmark' is a map: file, and value or numerator and denominator");
        }
        Map<String, Object> b = (Map<String, Object>) m;
        for (String key : b.keySet()) {
            if (!Set.of("file", "value", "numerator", "denominator").contains(key)) {
                throw new CatalogueException(where + ": unknown benchmark key '" + key + "' (file, value, numerator, denominator)");
            }
        }
        String file = text(b, "file", where + ", benchmark", true);
        try {
            BenchmarkSpec spec = new BenchmarkSpec(file, BenchmarkSpec.Column.parse(text(b, "value", where, false)),
                    BenchmarkSpec.Column.parse(text(b, "numerator", where, false)),
                    BenchmarkSpec.Column.parse(text(b, "denominator", where, false)));
            if (spec.value() == null && (spec.numerator() == null || spec.denominator() == null)) {
                throw new CatalogueException(where + ": a benchmark names the published 'value' column, or a 'numerator' and a 'denominator'");
            }
            return spec;
        } catch (IllegalArgumentException ex) {
            throw new CatalogueException(where + ", benchmark: " + ex.getMessage());
        }
    }

    private static String text(Map<String, Object> e, String key, String where, boolean required) {
        Object v = e.get(key);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw new CatalogueException(where + ": '" + key + "' is required");
            }
            return null;
        }
        return v.toString().strip();
    }

    private static int number(Map<String, Object> e, String key, String where) {
        Object v = e.get(key);
        if (!(v instanceof Integer i) || i < 0 || i > 4) {
            throw new CatalogueException(where + ": '" + key + "' is a whole number from 0 to 4");
        }
        return i;
    }

    private static List<String> list(Map<String, Object> e, String key) {
        Object v = e.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        return List.of(v.toString());
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Map<String, Object> e, String key, String where) {
        String v = text(e, key, where, true);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException ex) {
            throw new CatalogueException(where + ": '" + key + "' is one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + v + "'");
        }
    }

    /** A mistake in the catalogue, in words its author can act on. */
    public static class CatalogueException extends RuntimeException {
        public CatalogueException(String message) {
            super(message);
        }
    }
}
