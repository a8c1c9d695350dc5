package org.neglectscorecard.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.neglectscorecard.reference.LaDirectory;

/**
 * Reads the values of one row, collecting every problem rather than stopping at the first, so a
 * person fixes a row in one pass. A problem is either fatal (the row cannot be used and is
 * rejected) or a value left out (the row is loaded without it).
 */
public final class RowCheck {

    /**
     * How a wrong value is shown in reports: identifiers and dates of birth never are.
     * VALUE: only what {@link Rejection#shown} shows of any value (a column that may hold anything).
     * DATE: a date column that is not a date of birth ({@link Rejection#shownDate}); {@link #date} reads VALUE so.
     * MONTH: a summary's month column, which may hold a label ({@link Rejection#shownMonth}: "Total 2025/26").
     * CATEGORY: a column of codes or categories, never an identifier, a name or free text ({@link Rejection#shownCategory}).
     */
    public enum Shown { VALUE, DATE, MONTH, CATEGORY, WITHHELD }

    private final SourceRow row;
    private final List<Rejection> fatal = new ArrayList<>();
    private final List<Rejection> ignored = new ArrayList<>();
    private final List<Rejection> notes = new ArrayList<>();

    public RowCheck(SourceRow row) {
        this.row = row;
    }

    public SourceRow row() {
        return row;
    }

    /** A value the row cannot do without. */
    public String required(String column, Shown shown) {
        String value = row.value(column);
        if (Values.isBlank(value)) {
            fatal.add(row.problem(column, null, column + " is empty: every " + row.table() + " row needs one"));
            return null;
        }
        return value.strip();
    }

    public String identifier(String column) {
        String value = required(column, Shown.WITHHELD);
        if (value == null) {
            return null;
        }
        try {
            return Values.identifier(value).orElse(null);
        } catch (Values.BadValue e) {
            fatal.add(row.problem(column, Rejection.WITHHELD, e.getMessage()));
            return null;
        }
    }

    /** A date that must be present and readable for the row to be used. */
    public LocalDate requiredDate(String column) {
        String value = row.value(column);
        if (Values.isBlank(value)) {
            fatal.add(row.problem(column, null, column + " is empty: every " + row.table() + " row needs one"));
            return null;
        }
        if (Values.isNoDate(value)) {
            fatal.add(row.problem(column, Rejection.shownDate(value), column + " gives no date ('" + value.strip() + "'): every "
                    + row.table() + " row needs one"));
            return null;
        }
        return date(column, true, Shown.VALUE);
    }

    /**
     * An optional date. If it is present but unreadable the row is rejected when {@code fatalIfBad}
     * (an end date we cannot read means we cannot tell whether the plan is open), else the date is
     * left out.
     */
    public LocalDate date(String column, boolean fatalIfBad, Shown shown) {
        return parse(column, fatalIfBad, shown == Shown.VALUE ? Shown.DATE : shown, v -> Values.date(v, row.header().date1904()).orElse(null));
    }

    public <T> T parse(String column, boolean fatalIfBad, Shown shown, Function<String, T> parser) {
        return parse(column, fatalIfBad, shown, java.util.Set.of(), parser);
    }

    /**
     * The same, for a column of codes or categories whose own words ({@code columnWords}, its code
     * list's labels) are shown besides the words of any category.
     */
    public <T> T parse(String column, boolean fatalIfBad, Shown shown, java.util.Collection<String> columnWords,
                       Function<String, T> parser) {
        String value = row.value(column);
        if (Values.isBlank(value)) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (Values.BadValue e) {
            String display = switch (shown) {
                case WITHHELD -> Rejection.WITHHELD;
                case DATE -> Rejection.shownDate(value);
                case MONTH -> Rejection.shownMonth(value);
                case CATEGORY -> Rejection.shownCategory(value, columnWords);
                case VALUE -> Rejection.shown(value);
            };
            String quoted = Rejection.WITHHELD.equals(display) ? "The value " : "'" + display + "' ";
            (fatalIfBad ? fatal : ignored).add(row.problem(column, display,
                    (fatalIfBad ? "" : "value left out, row loaded: ") + quoted + e.getMessage()));
            return null;
        }
    }

    /** An optional coded value: a bad code is left out and reported, the row still loads. */
    public String code(String column, Function<String, Optional<String>> codes) {
        return parse(column, false, Shown.CATEGORY, v -> codes.apply(v).orElse(null));
    }

    /**
     * The 3-digit code of the LA the row is for, from the code it was given (its own column, the
     * return's header or its folder), or null with the row rejected: an unknown code is said to
     * be one, never passed on to fail later.
     *
     * @param whenMissing what to do when there is no code, in the format's own terms
     */
    public String laCode(LaDirectory las, String column, String code, String whenMissing) {
        return laCode(las, column, code, whenMissing, null, null);
    }

    /**
     * The same, an LA given by a name two LAs have had (Dorset) told apart by the date the row is
     * for ({@code on}, or null if it has none), which {@code whose} says ("this row's", "the
     * return's") in what the person reads.
     */
    public String laCode(LaDirectory las, String column, String code, String whenMissing, LocalDate on, String whose) {
        if (Values.isBlank(code)) {
            fail(column, null, whenMissing);
            return null;
        }
        Optional<String> byCode = las.code3(code.strip());
        if (byCode.isPresent()) {
            return byCode.get();
        }
        String shown = Rejection.shown(code);
        Optional<LaName> named = laByName(las, code, on, whose);
        if (named.isEmpty()) {
            fail(column, shown, (Rejection.WITHHELD.equals(shown) ? "The LA code" : "'" + shown + "'")
                    + " is not an English local authority (a 3-digit DfE code such as 821, a 9-character code such as "
                    + "E06000032, or the LA's name as DfE writes it, such as Luton)");
            return null;
        }
        LaName la = named.get();
        if (la.problem() != null) {
            fail(column, code.strip(), la.problem());
        } else if (la.note() != null) {
            note(column, code.strip(), la.note());
        }
        return la.code3();
    }

    /**
     * What a name given for an LA comes to: the LA's 3-digit code (and, where the name is an LA's
     * that had ended by the date, a note saying which LA took it over), or, when it cannot be told
     * which LA is meant, why, for the person to write the code instead.
     */
    public record LaName(String code3, String note, String problem) {
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.UK);

    /**
     * An LA given by its name, as merged extracts and partners' logs write it ("Barking and
     * Dagenham", "Bristol" for DfE's "Bristol, City of", "London Borough of Newham"), on the date
     * the row is for: empty if no LA ever had the name. A name two LAs have had (Dorset 835 until
     * 31 March 2019, Dorset 838 since) is the one that existed on the date; the name of an LA that
     * had ended by then is the LA that took it over, if only one did (Bournemouth: Bournemouth,
     * Christchurch and Poole); otherwise the row cannot be placed and the problem says why.
     *
     * @param on    the date the row is for, or null if it has none
     * @param whose whose date it is, as the person reads it ("this row's", "the return's")
     */
    public static Optional<LaName> laByName(LaDirectory las, String name, LocalDate on, String whose) {
        java.util.Set<String> found = namedAs(las, name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // The name is an LA's (found in the directory), not free text: it is shown as written.
        String shown = "'" + name.strip() + "'";
        String date = on == null ? null : (whose == null ? "this row's" : whose) + " date (" + on.format(DAY) + ")";
        if (on != null) {
            List<String> live = found.stream().filter(c -> las.existsOn(c, on)).sorted().toList();
            if (live.size() == 1) {
                return Optional.of(new LaName(live.get(0), null, null));
            }
            if (live.size() > 1) {
                return Optional.of(new LaName(null, null, several(las, shown, live, null)));
            }
            // No LA of that name existed on the date: one that had ended, and was taken over, or one not yet begun.
            List<String> ended = found.stream().filter(c -> las.ended(c).map(on::isAfter).orElse(false)).sorted().toList();
            java.util.Set<String> successors = new java.util.TreeSet<>();
            ended.forEach(c -> successors.addAll(successorsOn(las, c, on, 0)));
            if (!ended.isEmpty()) {
                String was = ended.stream().map(c -> las.current(c).map(LaDirectory.La::name).orElse(c) + " (" + c + ")")
                        .collect(java.util.stream.Collectors.joining(" and "));
                String when = las.ended(ended.get(0)).map(d -> d.plusDays(1).format(DAY)).orElse("");
                if (successors.size() == 1) {
                    String to = successors.iterator().next();
                    return Optional.of(new LaName(to, shown + " is " + was + ", which was replaced by " + described(las, to)
                            + " on " + when + ", before " + date + ": the row is counted for " + to + ". If it is for "
                            + "another LA, write that LA's 3-digit code.", null));
                }
                if (!successors.isEmpty()) {
                    List<String> named = successors.stream().map(c -> described(las, c)).toList();
                    return Optional.of(new LaName(null, null, shown + " is " + was + ", which was replaced by "
                            + String.join(" and ", named) + " on " + when + ", before " + date + ": write the 3-digit "
                            + "code of the LA the row is for (" + String.join(" or ", successors) + ")"));
                }
                return Optional.of(new LaName(null, null, shown + " is " + was + ", which had ended before " + date
                        + ": check the date, or write the 3-digit code of the LA the row is for"));
            }
            String first = found.stream().sorted().findFirst().orElseThrow();
            return Optional.of(new LaName(null, null, shown + " is " + described(las, first) + ", which began on "
                    + las.began(first).map(d -> d.format(DAY)).orElse("a later date") + ", after " + date
                    + ": check the date, or write the 3-digit code of the LA the row is for"));
        }
        if (found.size() == 1) {
            return Optional.of(new LaName(found.iterator().next(), null, null));
        }
        return Optional.of(new LaName(null, null, several(las, shown, found.stream().sorted().toList(),
                ", and the row has no date to tell them apart")));
    }

    /** "Dorset (835, until 31 March 2019) and Dorset (838, from 1 April 2019)". */
    private static String several(LaDirectory las, String shown, List<String> codes, String why) {
        List<String> each = codes.stream().map(c -> {
            String name = las.current(c).map(LaDirectory.La::name).orElse(c);
            String from = las.began(c).map(d -> ", from " + d.format(DAY)).orElse("");
            String to = las.ended(c).map(d -> ", until " + d.format(DAY)).orElse("");
            return name + " (" + c + from + to + ")";
        }).toList();
        return shown + " fits more than one local authority: " + String.join(" and ", each) + (why == null ? "" : why)
                + ". Write the LA's 3-digit code instead (" + String.join(" or ", codes) + ")";
    }

    private static String described(LaDirectory las, String code3) {
        return las.current(code3).map(LaDirectory.La::name).orElse(code3) + " (" + code3 + ")";
    }

    /** The LAs that, on the date, stood for one that had ended: those that took it over, or theirs in turn. */
    private static java.util.Set<String> successorsOn(LaDirectory las, String code3, LocalDate on, int depth) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String next : las.replacedBy(code3)) {
            if (las.existsOn(next, on)) {
                out.add(next);
            } else if (depth < 5 && las.ended(next).map(on::isAfter).orElse(false)) {
                out.addAll(successorsOn(las, next, on, depth + 1));
            }
        }
        return out;
    }

    /**
     * An LA given by its name: its code if exactly one LA has ever had that name (a name two have
     * had, such as Dorset, needs a date: {@link #laByName}).
     */
    public static java.util.Optional<String> byName(LaDirectory las, String name) {
        return laByName(las, name, null, null).filter(n -> n.problem() == null).map(LaName::code3);
    }

    /** The LAs that have had the name: exactly, else leaving out words only some writers put in it. */
    private static java.util.Set<String> namedAs(LaDirectory las, String name) {
        java.util.Set<String> found = namedExactlyOrLoosely(las, name);
        // "Bedford Borough", as DfE's neighbour groupings name Bedford: "Borough" written as a word of its own at the end.
        String shorter = name.strip().replaceFirst("(?i)\\s+borough$", "");
        return found.isEmpty() && !shorter.equals(name.strip()) ? namedExactlyOrLoosely(las, shorter) : found;
    }

    private static java.util.Set<String> namedExactlyOrLoosely(LaDirectory las, String name) {
        String wanted = Values.squash(name.replace("&", " and "));
        if (wanted.length() < 3 || wanted.chars().allMatch(Character::isDigit)) {
            return java.util.Set.of();
        }
        java.util.Set<String> exact = new java.util.HashSet<>();
        java.util.Set<String> loose = new java.util.HashSet<>();
        for (LaDirectory.La la : las.all()) {
            String n = Values.squash(la.name().replace("&", " and "));
            if (n.equals(wanted)) {
                exact.add(la.code3());
            }
            // "London" is not the City of London: only its full name is.
            if (!n.equals("cityoflondon") && looseName(n).equals(looseName(wanted))) {
                loose.add(la.code3());
            }
        }
        return exact.isEmpty() ? loose : exact;
    }

    /** A squashed LA name without the words only some writers put in it ("city of", "council", "borough of"). */
    private static String looseName(String squashed) {
        String n = squashed;
        for (String word : new String[] {"londonboroughof", "royalboroughof", "metropolitanboroughcouncil", "metropolitanborough",
                "boroughcouncil", "countycouncil", "citycouncil", "council", "cityof", "countyof"}) {
            n = n.replace(word, "");
        }
        return n.isEmpty() ? squashed : n;
    }

    /**
     * An end dated before its start rejects the row, both dates shown as the file writes them
     * ("31/07/2024", not "2024-07-31"), so the person can search the file for them.
     */
    public void endNotBeforeStart(String startColumn, LocalDate start, String endColumn, LocalDate end, String what, String ends) {
        if (start == null || end == null || !end.isBefore(start)) {
            return;
        }
        String endWritten = written(endColumn, end);
        fail(endColumn, endWritten, "The " + what + " " + ends + " (" + endWritten + ") before it starts (" + written(startColumn, start)
                + "): correct one of the two dates");
    }

    /** A date as the file writes it; as read, where the file's own text is not there to show. */
    private String written(String column, LocalDate read) {
        String raw = row.value(column);
        return Values.isBlank(raw) ? read.toString() : raw.strip();
    }

    public void fail(String column, String shownValue, String reason) {
        fatal.add(row.problem(column, shownValue, reason));
    }

    public void leaveOut(String column, String shownValue, String reason) {
        ignored.add(row.problem(column, shownValue, "value left out, row loaded: " + reason));
    }

    /** Something the person should know about a value that is nonetheless used as it is. */
    public void note(String column, String shownValue, String reason) {
        notes.add(row.problem(column, shownValue, reason));
    }

    /** The record, if the row had no fatal problem; otherwise rejects the row. */
    public <T> ParsedRow<T> result(T record) {
        if (!fatal.isEmpty()) {
            throw new RowRejectedException(fatal);
        }
        return new ParsedRow<>(record, List.copyOf(ignored), List.copyOf(notes));
    }

    public boolean ok() {
        return fatal.isEmpty();
    }
}
