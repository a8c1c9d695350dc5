package org.neglectscorecard.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neglectscorecard.ingest.WholeFileRules.StoreColumn;

/**
 * Records dated after the date their return is for (a census's header ReferenceDate), or in the
 * future: a return holds nothing after its own date. Said where each is, up to a limit per column,
 * by loading once a file's returns are dated, and by validate as it reads the same rows, in the
 * same words.
 */
public final class DatedAfter {

    /** The most such notes said for one column of one return; the rest are counted. */
    public static final int MAX_NOTES_PER_COLUMN = 200;

    private final List<StoreColumn> dates;
    private final WholeFileRules.Dating dating;
    private final LocalDate today;
    private LocalDate reference;
    private LocalDate latest;
    private final Map<StoreColumn, Integer> found = new HashMap<>();
    private final List<Found> kept = new ArrayList<>();

    private record Found(SourceRow row, StoreColumn column, LocalDate date) {
    }

    /** For validate: the kind's event dates and how its returns are dated, read row by row (a census's header first). */
    public DatedAfter(List<StoreColumn> dates, WholeFileRules.Dating dating, LocalDate today) {
        this.dates = dating == WholeFileRules.Dating.NONE ? List.of() : dates;
        this.dating = dating;
        this.today = today;
    }

    public static String reason(LocalDate date, LocalDate reference, LocalDate today) {
        return date.isAfter(today)
                ? "This date is in the future (after " + today + "): it cannot be right. Check it; the return is dated from its "
                + "other dates (" + reference + ")."
                : "This date is after the date the return is for (" + reference + "): a return holds nothing after its own "
                + "date. Check the date, or the return's date.";
    }

    public static String more(int more, String column, LocalDate reference) {
        return more + " more rows have a " + column + " after " + reference + " (the first " + MAX_NOTES_PER_COLUMN
                + " are listed).";
    }

    /** A row that was used (loaded, or would be). */
    public void saw(SourceRow row) {
        if ("Header".equals(row.table()) && reference == null) {
            try {
                reference = Values.date(row.value("ReferenceDate"), row.header().date1904()).orElse(null);
            } catch (Values.BadValue e) {
                // said where the header is read
            }
        }
        for (StoreColumn c : dates) {
            if (!c.fileTable().equals(row.table())) {
                continue;
            }
            LocalDate d;
            try {
                d = Values.date(row.value(c.fileColumn()), row.header().date1904()).orElse(null);
            } catch (Values.BadValue e) {
                continue;
            }
            if (d == null) {
                continue;
            }
            if (!d.isAfter(today) && (latest == null || d.isAfter(latest))) {
                latest = d;
            }
            // Without a header a return is dated from its latest date not in the future: only future dates are after it.
            if ((reference != null ? d.isAfter(reference) : d.isAfter(today))
                    && found.merge(c, 1, Integer::sum) <= MAX_NOTES_PER_COLUMN) {
                kept.add(new Found(row, c, d));
            }
        }
    }

    /** What was found, said as loading says it, the rows over each column's limit counted. */
    public List<Rejection> notes() {
        LocalDate ref = reference != null ? reference : latest == null ? today
                : dating == WholeFileRules.Dating.ANNUAL ? firstMarch31OnOrAfter(latest) : latest.withDayOfMonth(latest.lengthOfMonth());
        List<Rejection> out = new ArrayList<>();
        for (Found f : kept) {
            // At the record's row, as loading finds it in the store (for XML, where the record begins).
            out.add(new Rejection(f.row().header().where(), f.row().rowNumber(), f.column().fileColumn(), null, f.date().toString(),
                    reason(f.date(), ref, today)));
        }
        found.forEach((c, n) -> {
            if (n > MAX_NOTES_PER_COLUMN) {
                out.add(new Rejection(c.fileTable(), null, c.fileColumn(), null, null, more(n - MAX_NOTES_PER_COLUMN, c.fileColumn(), ref)));
            }
        });
        return out;
    }

    /**
     * Why a year's return whose header gives its date would not be used, as a run says it: none of
     * its dates is in the year to that date (an earlier year's return under this year's header). Empty
     * when it would be, or when the return is not dated by a header or is not a year's return.
     */
    public java.util.Optional<String> notUsed(String display) {
        boolean yearsReturn = dating != WholeFileRules.Dating.LOG && dating != WholeFileRules.Dating.SNAPSHOT
                && dating != WholeFileRules.Dating.NONE;
        // As loading stores it: a header's ReferenceDate taken as at the end of its month (1 March 2023 is March 2023's return).
        return yearsReturn && reference != null ? earlierYear(display, reference.withDayOfMonth(reference.lengthOfMonth()),
                "the return's header", latest).map(EarlierYear::said)
                : java.util.Optional.empty();
    }

    /** A year's return none of whose dates is in that year, said in full and in short. */
    public record EarlierYear(String said, String shortly) {
    }

    /**
     * A return for the year to {@code reference} (as {@code from} dates it) whose latest date is a
     * year or more before it: an earlier year's return, not to be used as this year's. Empty if not.
     */
    public static java.util.Optional<EarlierYear> earlierYear(String display, LocalDate reference, String from, LocalDate latest) {
        if (latest == null || latest.isAfter(reference.minusYears(1))) {
            return java.util.Optional.empty();
        }
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
        return java.util.Optional.of(new EarlierYear(display + " says it is the return for the year to " + reference.format(day)
                + " (" + from + "), but none of its dates is in that year: the latest is " + latest.format(day) + ". It looks like "
                + "an earlier year's return, so it is not used. Check its date (the header's ReferenceDate), or give its as-at "
                + "date in the job file under 'files:'.",
                display + " (its header says " + reference.format(day) + ", its latest date is " + latest.format(day) + ")"));
    }

    /** The 31 March a date's reporting year ends on. */
    public static LocalDate firstMarch31OnOrAfter(LocalDate date) {
        LocalDate march = LocalDate.of(date.getYear(), 3, 31);
        return date.isAfter(march) ? march.plusYears(1) : march;
    }
}
