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

    /** How a value is shown in reports: identifiers and dates of birth never are. */
    public enum Shown { VALUE, WITHHELD }

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
        return date(column, true, Shown.VALUE);
    }

    /**
     * An optional date. If it is present but unreadable the row is rejected when {@code fatalIfBad}
     * (an end date we cannot read means we cannot tell whether the plan is open), else the date is
     * left out.
     */
    public LocalDate date(String column, boolean fatalIfBad, Shown shown) {
        return parse(column, fatalIfBad, shown, v -> Values.date(v).orElse(null));
    }

    public <T> T parse(String column, boolean fatalIfBad, Shown shown, Function<String, T> parser) {
        String value = row.value(column);
        if (Values.isBlank(value)) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (Values.BadValue e) {
            String display = shown == Shown.WITHHELD ? Rejection.WITHHELD : Rejection.shown(value);
            String quoted = Rejection.WITHHELD.equals(display) ? "The value " : "'" + display + "' ";
            (fatalIfBad ? fatal : ignored).add(row.problem(column, display,
                    (fatalIfBad ? "" : "value left out, row loaded: ") + quoted + e.getMessage()));
            return null;
        }
    }

    /** An optional coded value: a bad code is left out and reported, the row still loads. */
    public String code(String column, Function<String, Optional<String>> codes) {
        return parse(column, false, Shown.VALUE, v -> codes.apply(v).orElse(null));
    }

    /**
     * The 3-digit code of the LA the row is for, from the code it was given (its own column, the
     * return's header or its folder), or null with the row rejected: an unknown code is said to
     * be one, never passed on to fail later.
     *
     * @param whenMissing what to do when there is no code, in the format's own terms
     */
    public String laCode(LaDirectory las, String column, String code, String whenMissing) {
        if (Values.isBlank(code)) {
            fail(column, null, whenMissing);
            return null;
        }
        return las.code3(code.strip()).or(() -> byName(las, code)).orElseGet(() -> {
            String shown = Rejection.shown(code);
            fail(column, shown, (Rejection.WITHHELD.equals(shown) ? "The LA code" : "'" + shown + "'")
                    + " is not an English local authority (a 3-digit DfE code such as 821, a 9-character code such as "
                    + "E06000032, or the LA's name as DfE writes it, such as Luton)");
            return null;
        });
    }

    /**
     * An LA given by its name, as merged extracts write it ("Barking and Dagenham", "Bristol" for
     * DfE's "Bristol, City of", "London Borough of Newham"): its code if exactly one LA has that name.
     */
    public static java.util.Optional<String> byName(LaDirectory las, String name) {
        String wanted = Values.squash(name.replace("&", " and "));
        if (wanted.length() < 3 || wanted.chars().allMatch(Character::isDigit)) {
            return java.util.Optional.empty();
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
        java.util.Set<String> found = exact.isEmpty() ? loose : exact;
        return found.size() == 1 ? java.util.Optional.of(found.iterator().next()) : java.util.Optional.empty();
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
