package org.neglectscorecard.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header row of a table: column names as the file wrote them, found by name ignoring case,
 * spaces, underscores and punctuation (and a UTF-8 BOM, which is not a letter or digit).
 */
public final class TableHeader {

    private final String table;
    private final String where;
    private final List<String> names;
    private final Map<String, Integer> bySquashedName = new HashMap<>();
    /** Columns asked for by name, as found: the same few names are asked for on every row. */
    private final Map<String, Optional<Integer>> asked = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean spreadsheet;
    private final boolean date1904;

    public TableHeader(String table, List<String> names, boolean spreadsheet) {
        this(table, names, spreadsheet, table);
    }

    /**
     * @param where how a person finds the table: the sheet's own name ("List_7", not "List 7"), or
     *              the CSV file's path within the input folder; rejections name it
     */
    public TableHeader(String table, List<String> names, boolean spreadsheet, String where) {
        this(table, names, spreadsheet, where, false);
    }

    /** @param date1904 whether the sheet's workbook counts dates from 1904 (Excel's "1904 date system") */
    public TableHeader(String table, List<String> names, boolean spreadsheet, String where, boolean date1904) {
        this.date1904 = date1904;
        this.table = table;
        this.where = where == null ? table : where;
        this.names = List.copyOf(names);
        this.spreadsheet = spreadsheet;
        for (int i = 0; i < names.size(); i++) {
            bySquashedName.putIfAbsent(key(names.get(i)), i);
        }
        for (int i = 0; i < names.size(); i++) {
            java.util.regex.Matcher m = PIVOT_VALUE.matcher(names.get(i) == null ? "" : names.get(i));
            if (m.matches()) {
                bySquashedName.putIfAbsent(key(m.group(1)), i);
            }
            java.util.regex.Matcher hint = FORMAT_HINT.matcher(names.get(i) == null ? "" : names.get(i));
            String stem = hint.matches() ? hint.group(1) : names.get(i);
            if (hint.matches()) {
                bySquashedName.putIfAbsent(key(stem), i);
            }
            String spelt = spelledOut(stem);
            if (spelt != null) {
                bySquashedName.putIfAbsent(key(spelt), i);
            }
            if (stem != null) {
                // "Love & Care" is "Love and care". (Not "Date of X" for "X date" in general: Annex A's List 3
                // "Date of referral" is no List 6 "Referral Date".)
                bySquashedName.putIfAbsent(key(stem.replace("&", " and ")), i);
            }
        }
    }

    /**
     * A heading as headings are compared: {@link Values#squash} (case, spaces and punctuation
     * ignored), but with "%" kept as a word: "Was not brought (%)" and "WNB %" are a rate beside the
     * count, never the count "Was not brought" itself (a rate of 8 read as 8 children).
     */
    public static String key(String heading) {
        return heading == null || heading.indexOf('%') < 0 ? Values.squash(heading) : Values.squash(heading.replace("%", " percent "));
    }

    /** Short forms people write in headings, as the words they stand for ("Practitioner Ref", "CPP Start Dt"). */
    private static final Map<String, String> SHORT_FORMS = Map.of("ref", "reference", "num", "number", "nbr", "number",
            "dt", "date");

    /** The heading with its short forms spelled out, or null if it has none. */
    private static String spelledOut(String heading) {
        if (heading == null) {
            return null;
        }
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+").matcher(heading);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (word.find()) {
            String full = SHORT_FORMS.get(word.group().toLowerCase(java.util.Locale.ROOT));
            changed |= full != null;
            out.append(full != null ? full : word.group()).append(' ');
        }
        return changed ? out.toString() : null;
    }

    /**
     * A heading that tells the person filling it in how to write it, after the name: "Child
     * Protection Plan Start Date (DD/MM/YYYY)", "...Date\n[dd-mm-yy]", "Seen Alone? (Y/N)", a count's "Was not
     * brought (n)" (never "(%)", a rate beside it: see {@link #key}). Only a
     * format: a bracketed word that names something ("Category of Abuse (Initial)") is part of the name.
     */
    private static final java.util.regex.Pattern FORMAT_HINT = java.util.regex.Pattern.compile(
            "(?is)\\s*(.*?\\S)\\s*[(\\[]\\s*(?:(?:dd?|mm?m?|yy(?:yy)?)(?:\\s*[/.\\-]?\\s*(?:dd?|mm?m?|yy(?:yy)?)){1,2}"
                    + "|y\\s*/\\s*n|yes\\s*/\\s*no|y or n|yes or no|date|text|number|n|no\\.|nos\\.?|count|#"
                    + "|\\d+\\s*(?:-|–|to)\\s*\\d+)\\s*[)\\]]\\s*");

    /**
     * A heading as an Excel pivot table writes a value field ("Sum of Number of Previous Child
     * Protection Plans"): on a list of one row per record it is the field itself. Only a sum: a
     * "Count of" is a count of records, and a "Max of" or "Min of" a date grouped by child could be
     * one plan's end beside another's start, never a record's own value.
     */
    private static final java.util.regex.Pattern PIVOT_VALUE =
            java.util.regex.Pattern.compile("(?i)\\s*sum of\\s+(.+)");

    /**
     * The same header, also answering to canonical column names for the headings that stand for
     * them (Annex A's wording varies by LA: "CP Plan Start Date" is "Child Protection Plan Start
     * Date"). Names shown to people stay the file's own.
     */
    public TableHeader withAliases(Map<String, List<String>> aliases) {
        TableHeader out = new TableHeader(table, names, spreadsheet, where, date1904);
        aliases.forEach((canonical, others) -> {
            if (!out.has(canonical)) {
                for (String other : others) {
                    Optional<Integer> i = out.indexOf(other);
                    if (i.isPresent()) {
                        out.bySquashedName.put(key(canonical), i.get());
                        out.asked.clear();
                        break;
                    }
                }
            }
        });
        return out;
    }

    /** The same headings with one more column after them, for a value a reader adds to each row. */
    public TableHeader plus(String column) {
        List<String> more = new java.util.ArrayList<>(names);
        more.add(column);
        TableHeader out = new TableHeader(table, more, spreadsheet, where, date1904);
        out.bySquashedName.putAll(bySquashedName);
        out.bySquashedName.putIfAbsent(key(column), names.size());
        return out;
    }

    public String table() {
        return table;
    }

    /** Where the table is, as a person looks for it: the sheet's name or the CSV file's path. */
    public String where() {
        return where;
    }

    /** The same headings, found somewhere else (a CSV file's path within the input folder). */
    public TableHeader at(String place) {
        TableHeader out = new TableHeader(table, names, spreadsheet, place, date1904);
        out.bySquashedName.putAll(bySquashedName);
        return out;
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public Optional<Integer> indexOf(String column) {
        Optional<Integer> found = asked.get(column);
        if (found == null) {
            found = Optional.ofNullable(bySquashedName.get(key(column)));
            asked.put(column, found);
        }
        return found;
    }

    public boolean has(String column) {
        return indexOf(column).isPresent();
    }

    /**
     * A heading of this row that looks like a misspelling of a column it lacks (given by any of its
     * headings): one letter off for a short name, two for a longer one, ignoring case, spaces and
     * punctuation ("Plan strat" for "Plan start", "InitialCatagoryOfAbuse"). Headings that are some
     * other column's are left out by the caller through {@code taken}.
     */
    public Optional<String> lookalike(List<String> headings, java.util.Set<String> taken) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            String squashed = key(name);
            if (squashed.isEmpty() || taken.contains(squashed)) {
                continue;
            }
            for (String wanted : headings) {
                String w = key(wanted);
                int allowed = w.length() <= 3 ? 0 : w.length() <= 8 ? 1 : 2;
                int d = new org.apache.commons.text.similarity.LevenshteinDistance(allowed).apply(w, squashed);
                if (d > 0 && d < bestDistance) {
                    best = name;
                    bestDistance = d;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The name as the file wrote it, or the canonical name if the file lacks the column. */
    public String nameOf(String column) {
        return indexOf(column).map(names::get).orElse(column);
    }

    /** Whether the table is a spreadsheet's sheet (its cells may hold Excel's serial numbers for dates). */
    public boolean isSpreadsheet() {
        return spreadsheet;
    }

    /**
     * Whether the sheet's workbook counts dates from 1904 (saved with Excel's "1904 date system",
     * old Excel for Mac's default): a date kept as a plain number is then read from that day.
     */
    public boolean date1904() {
        return date1904;
    }

    /** The Excel column letter (A, B, ... AA) where the table is a sheet, else null. */
    public String letterOf(String column) {
        return spreadsheet ? indexOf(column).map(TableHeader::columnLetter).orElse(null) : null;
    }

    public static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }
}
