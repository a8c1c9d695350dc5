package org.neglectscorecard.ingest;

/**
 * Where a problem is and what to do about it. {@code valueShown} is the offending value only
 * where it is a code or a format; identifiers and dates of birth are {@link #WITHHELD}.
 */
public record Rejection(String sheet, Integer rowNumber, String column, String columnLetter, String valueShown,
                        String reason) {

    public static final String WITHHELD = "(withheld)";

    /** A problem with a whole file rather than one row. */
    public static Rejection ofFile(String reason) {
        return new Rejection(null, null, null, null, null, reason);
    }

    /**
     * A date or date-time as written ("2024-13-45", "31/02/2024 10:00"), or a number of six digits
     * or fewer: a longer run of digits may be an NHS number ("9434765919", "943 476 5919").
     */
    private static final java.util.regex.Pattern DATE_OR_NUMBER = java.util.regex.Pattern.compile(
            "\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}([ T][0-9:.+\\-Z]{1,14})?|[-+]?\\d{1,6}([.,]\\d{1,4})?");

    /**
     * Words people type where a return wants a code ("Unknown", "Not known", "Physical abuse",
     * "No further action"): a value made only of these names no child, so it is shown, and the
     * person sees what to put right. A name among them ("Other Smith") is not made only of them.
     */
    private static final java.util.Set<String> RETURN_WORDS = java.util.Set.of(
            "unknown", "not", "known", "missing", "none", "null", "blank", "n/a", "na", "other", "others", "refused",
            "declined", "yes", "no", "true", "false", "neglect", "physical", "emotional", "sexual", "abuse", "harm",
            "multiple", "male", "female", "indeterminate", "recorded", "stated", "applicable", "available", "given",
            "further", "action", "nfa", "closed", "open", "ongoing", "pending", "transferred", "ceased", "case",
            "plan", "protection", "in", "need", "looked", "after", "help", "assessment",
            "referral", "and", "or", "of", "to", "the", "a", "tbc", "confirmed", "be", "see", "notes", "various",
            "disabled", "disability",
            // health appointments' outcomes as people type them ("Cancelled by patient", "DNA")
            "attended", "was", "brought", "cancelled", "canceled", "by", "patient", "parent", "carer", "dna", "did", "attend",
            "rearranged", "rescheduled", "completed", "started",
            // a template's guidance under its headings ("DD/MM/YYYY", "Drop down")
            "dd/mm/yyyy", "dd/mm/yy", "yyyy-mm-dd", "drop", "down",
            // the multi-agency logs' own words: grades, scores, sectors, themes ("Grade 3", "4 - Agree", "Voluntary sector")
            "grade", "good", "outstanding", "requires", "improvement", "inadequate", "agree", "disagree", "strongly",
            "neutral", "could", "voluntary", "community", "sector", "statutory", "health", "police", "education", "social",
            "care", "early", "domestic", "violence", "substance", "misuse", "mental", "first", "second", "third");
    // Not the months: April, May, June and August are also children's names.

    /**
     * A wrong value as the report may show it: a date as written, a short number, a short code (six
     * characters or fewer), or words people type for a code ({@link #RETURN_WORDS}). Anything else
     * is withheld: in a misaligned or hand-typed file it could be an identifier or a name.
     */
    public static String shown(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() <= 6 || DATE_OR_NUMBER.matcher(v).matches() || onlyReturnWords(v)) {
            return v;
        }
        return WITHHELD;
    }

    private static boolean onlyReturnWords(String v) {
        if (v.length() > 60) {
            return false;
        }
        String[] words = v.toLowerCase(java.util.Locale.ROOT).split("[\\s,;:()\\-–]+");
        // A number of one or two digits beside such a word is a score or a grade ("Grade 3"); digits alone
        // ("01 05 19") could be a date of birth, and are not shown.
        return words.length > 0 && java.util.Arrays.stream(words).allMatch(w -> w.isEmpty() || RETURN_WORDS.contains(w)
                        || w.matches("\\d{1,2}"))
                && java.util.Arrays.stream(words).anyMatch(RETURN_WORDS::contains)
                && java.util.Arrays.stream(words).anyMatch(w -> !w.isEmpty());
    }
}
