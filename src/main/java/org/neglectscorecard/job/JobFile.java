package org.neglectscorecard.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A scheduled job (jobs/NAME.yml, INPUTS.md section D): the partnership and its member LAs, the
 * input and output folders, the schedule, and per-file settings. Its name and a period identify
 * a run.
 *
 * @param name                  the job's name (the file name without .yml if not given)
 * @param members               member LAs by 3-digit or 9-character code
 * @param schedule              a Spring cron expression (second minute hour day month weekday)
 * @param visitingStandardDays  the local statutory visiting standard, in working days
 * @param retentionYears        child-level data older than this is purged
 * @param files                 per-file overrides, by path relative to the input folder
 * @param statisticalNeighbours the DfE groupings file to use (its path in the input folder), or null for the latest
 * @param contact               who to ask about the scorecard, for its cover sheet
 * @param spcBaselineFrom       the first month end of the SPC baseline (null: the months before the strategy start, or all)
 * @param spcBaselineTo         the last month end of the SPC baseline
 * @param spcChangePoints       month ends where the way of working changed, by indicator id ("all" for every
 *                              indicator): SPC limits are recalculated from each
 */
public record JobFile(String name, String partnershipId, String partnershipName, List<String> members, String input,
                      String output, String schedule, LocalDate strategyStart, int visitingStandardDays,
                      int retentionYears, List<FileOverride> files, String statisticalNeighbours, String contact,
                      LocalDate spcBaselineFrom, LocalDate spcBaselineTo, Map<String, List<LocalDate>> spcChangePoints, Path source,
                      boolean inputGiven) {

    /**
     * The folder of the month's files the job file names. A job file without one was run on the
     * synthetic sample in sample-data/ (the default), writing a scorecard of sample figures under the
     * partnership's own name in place of its real one: refused, where no --input is given instead.
     */
    public String requireInput() {
        if (!inputGiven) {
            throw new JobFileException("In " + source + ": there is no 'input:' line, so the job file does not say which "
                    + "folder holds the month's files (without one, the synthetic sample in sample-data/ would be read). Add "
                    + "'input: <the folder your month's files are put in>', or give --input.");
        }
        return input;
    }

    /** The key of spc-change-points that applies to every indicator. */
    public static final String ALL = "all";

    /**
     * A file the job file says something about: the date it is as at, that it is a full-history
     * extract, or how many months before that date it reaches (null: as its kind does; an Annex A
     * run with a 12-month reporting period instead of Ofsted's six).
     */
    public record FileOverride(String path, LocalDate asAt, boolean fullHistory, Integer coversMonths) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Set<String> KEYS = Set.of("name", "partnership", "input", "output", "schedule", "strategy-start",
            "visiting-standard-working-days", "retention-years", "files",
            "statistical-neighbours", "contact", "spc-baseline", "spc-change-points");

    /**
     * What to say of a setting the job file does not have: a partnership's own setting written at the top
     * level (its indentation lost) belongs under 'partnership:'; a misspelt one is named with the setting
     * it is nearest; the known settings in a fixed order (they came in a different order each time).
     */
    static String unknownSetting(String key) {
        if (List.of("id", "members").contains(key)) {
            return "'" + key + "' belongs under 'partnership:', indented by two spaces (partnership:, then   " + key
                    + ": ...), as in jobs/monthly-scorecard.yml.";
        }
        String nearest = null;
        int best = 3;
        org.apache.commons.text.similarity.LevenshteinDistance edits = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        for (String known : new java.util.TreeSet<>(KEYS)) {
            int d = edits.apply(key.toLowerCase(java.util.Locale.ROOT), known);
            if (d < best) {
                best = d;
                nearest = known;
            }
        }
        return "unknown setting '" + key + "'" + (nearest == null ? "" : " (did you mean '" + nearest + "'?)") + ". Known settings: "
                + String.join(", ", new java.util.TreeSet<>(KEYS));
    }

    public Optional<FileOverride> overrideFor(String displayName) {
        String wanted = displayName.replace('\\', '/');
        return files.stream().filter(f -> f.path().replace('\\', '/').equals(wanted)
                || wanted.startsWith(f.path().replace('\\', '/') + "/")).findFirst();
    }

    public static JobFile load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new JobFileException("The job file " + file + " does not exist. Jobs live in the jobs/ folder, "
                    + "e.g. --job jobs/monthly-scorecard.yml");
        }
        Object root;
        try (InputStream in = Files.newInputStream(file)) {
            LoaderOptions options = new LoaderOptions();
            root = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                    new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options, new DatesAsText()).load(in);
        } catch (IOException e) {
            throw new JobFileException("The job file " + file + " could not be read: " + e.getMessage());
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            // The parser's own words ("while scanning for the next token") say nothing to the person who edited the file.
            var mark = e.getProblemMark();
            String problem = String.valueOf(e.getProblem());
            String line = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
                throw new JobFileException("The job file " + file + " has a tab" + line + ": YAML lines are indented with spaces "
                        + "only. Replace the tab with spaces (two for each level), as in jobs/monthly-scorecard.yml.");
            }
            throw new JobFileException("The job file " + file + " is not valid YAML" + line + ": " + problem
                    + ". Check the line's indentation and that each setting is written 'name: value'.");
        } catch (YAMLException e) {
            throw new JobFileException("The job file " + file + " is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new JobFileException("The job file " + file + " should be a set of 'key: value' lines");
        }
        String where = "In " + file + ": ";
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new JobFileException(where + unknownSetting(String.valueOf(key)));
            }
        }
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = text(map.get("name"), defaultName);
        if (!NAME.matcher(name).matches()) {
            throw new JobFileException(where + "name '" + name + "' may use letters, digits, '-', '_' and '.' only");
        }
        if (!(map.get("partnership") instanceof Map<?, ?> p)) {
            throw new JobFileException(where + "'partnership:' is missing (id, name and members, the LA codes)");
        }
        String id = text(p.get("id"), null);
        if (id == null || !NAME.matcher(id).matches()) {
            throw new JobFileException(where + "partnership id is missing or has characters other than letters, digits, '-', '_'");
        }
        for (Object key : p.keySet()) {
            if (!List.of("id", "name", "members").contains(String.valueOf(key))) {
                throw new JobFileException(where + "'" + key + "' under 'partnership:' is not a setting: it has id, name and members "
                        + "(the member LAs, e.g. members: [821, 822, 823])");
            }
        }
        List<String> members = new ArrayList<>();
        if (p.get("members") instanceof List<?> list) {
            list.forEach(m -> members.add(String.valueOf(m).strip()));
        } else if (p.get("members") != null && !String.valueOf(p.get("members")).isBlank()) {
            // "members: 821": one LA without brackets. (Not split at commas: "Bristol, City of" is one LA.)
            members.add(String.valueOf(p.get("members")).strip());
        }
        if (members.isEmpty()) {
            throw new JobFileException(where + "partnership members is empty: list the member LAs' codes, e.g. [821, 822, 823]");
        }
        // Checked here, before any file is loaded: a member no LA answers to would only be found after loading.
        org.neglectscorecard.reference.LaDirectory las = new org.neglectscorecard.reference.LaDirectory();
        List<String> asWritten = List.copyOf(members);
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            if (las.code3(m).isPresent()) {
                continue;
            }
            // By name, as the LA is now: a name two LAs have had (Dorset) is the one that exists today.
            var byName = org.neglectscorecard.ingest.RowCheck.laByName(las, m, java.time.LocalDate.now(), "today's").orElse(null);
            if (byName == null) {
                throw new JobFileException(where + "partnership member '" + m + "' is not an English LA: give its 3-digit DfE code "
                        + "(such as 821), its 9-character code (E06000032) or its name (Luton)");
            }
            if (byName.problem() != null || byName.note() != null) {
                // An LA since replaced (Bournemouth), or a name several LAs have: the person says which, by code.
                String now = las.current(byName.code3()).map(la -> la.name() + " (" + la.code3() + ")").orElse(byName.code3());
                throw new JobFileException(where + "partnership member '" + m + "' does not name one LA of today: "
                        + (byName.problem() != null ? byName.problem().replace("the row is for", "the member is")
                        : "it names an LA since replaced, whose area is now " + now + ".")
                        + " Give the member LA's 3-digit code" + (byName.problem() != null ? "." : ": " + byName.code3() + " for that one."));
            }
            members.set(i, byName.code3());
        }
        // One LA listed twice (821 and Luton) is counted once, but is most often a slip for another LA, which
        // then ran as no member at all: said at once, before any file is read.
        Map<String, String> seen = new java.util.LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            String m = asWritten.get(i);
            String before = seen.putIfAbsent(las.code3(members.get(i)).orElse(members.get(i)), m);
            if (before != null) {
                throw new JobFileException(where + "partnership member " + (before.equals(m) ? "'" + m + "' is listed twice"
                        : "'" + m + "' is the same LA as '" + before + "'") + ": list each member LA once");
            }
        }
        List<FileOverride> overrides = new ArrayList<>();
        if (map.get("files") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> f) || f.get("path") == null) {
                    throw new JobFileException(where + "each entry under 'files:' needs a 'path'");
                }
                Integer months = null;
                if (f.get("covers-months") != null) {
                    months = number(f.get("covers-months"), 0, where + "files covers-months: ");
                    if (months < 1 || months > 12) {
                        throw new JobFileException(where + "files covers-months: '" + f.get("covers-months") + "' should be a number of "
                                + "months from 1 to 12 (how far back before its date the file reaches)");
                    }
                }
                overrides.add(new FileOverride(String.valueOf(f.get("path")), date(f.get("as-at"), where + "files as-at"),
                        Boolean.TRUE.equals(f.get("full-history")), months));
            }
        }
        return new JobFile(name, id, text(p.get("name"), id), List.copyOf(members), text(map.get("input"), "sample-data"),
                text(map.get("output"), "output"), text(map.get("schedule"), null),
                date(map.get("strategy-start"), where + "strategy-start"),
                number(map.get("visiting-standard-working-days"), 10, where), number(map.get("retention-years"), 7, where),
                List.copyOf(overrides), text(map.get("statistical-neighbours"), null), text(map.get("contact"), null),
                baseline(map.get("spc-baseline"), "from", where), baseline(map.get("spc-baseline"), "to", where),
                changePoints(map.get("spc-change-points"), where), file, map.get("input") != null);
    }

    /**
     * spc-change-points: a list of month ends for every indicator ([2024-04-30]), or lists by indicator
     * id ({WNB_ALL_PCT: [2024-06-30], all: [2020-04-30]}): the first month end of each new way of working.
     */
    private static Map<String, List<LocalDate>> changePoints(Object v, String where) {
        if (v == null) {
            return Map.of();
        }
        Map<String, List<LocalDate>> out = new java.util.TreeMap<>();
        if (v instanceof Map<?, ?> byIndicator) {
            byIndicator.forEach((k, dates) -> out.put(String.valueOf(k).strip(), dates(dates, where + "spc-change-points " + k)));
        } else {
            out.put(ALL, dates(v, where + "spc-change-points"));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<LocalDate> dates(Object v, String where) {
        List<?> items = v instanceof List<?> list ? list : List.of(v);
        List<LocalDate> out = new ArrayList<>();
        for (Object item : items) {
            LocalDate d = date(item, where);
            if (d == null) {
                throw new JobFileException(where + ": write month ends, e.g. [2024-04-30, 2025-01-31]");
            }
            out.add(d.withDayOfMonth(d.lengthOfMonth()));
        }
        return out.stream().sorted().distinct().toList();
    }

    /** spc-baseline: {from: 2021-04-30, to: 2023-03-31}: the months SPC takes its mean and limits from. */
    private static LocalDate baseline(Object v, String key, String where) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new JobFileException(where + "spc-baseline is 'from' and 'to' month ends, e.g. {from: 2021-04-30, to: 2023-03-31}");
        }
        LocalDate d = date(m.get(key), where + "spc-baseline " + key);
        return d == null ? null : d.withDayOfMonth(d.lengthOfMonth());
    }

    private static String text(Object v, String fallback) {
        return v == null || v.toString().isBlank() ? fallback : v.toString().strip();
    }

    private static int number(Object v, int fallback, String where) {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer i && i >= 0) {
            return i;
        }
        throw new JobFileException(where + "'" + v + "' should be a whole number");
    }

    private static LocalDate date(Object v, String where) {
        if (v == null) {
            return null;
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(v.toString().strip());
        } catch (DateTimeParseException e) {
            throw new JobFileException(where + " '" + v + "' is not a date: write it as yyyy-mm-dd");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse(s);
    }

    /**
     * YAML's own reading of dates is lenient (2024-13-01 becomes 1 January 2025): dates are left as text
     * here and read strictly as yyyy-mm-dd, so a mistyped date is pointed out, not moved.
     */
    static final class DatesAsText extends org.yaml.snakeyaml.resolver.Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
        }
    }

    /** A mistake in a job file, in words the person who wrote it can act on. */
    public static class JobFileException extends RuntimeException {
        public JobFileException(String message) {
            super(message);
        }
    }
}
