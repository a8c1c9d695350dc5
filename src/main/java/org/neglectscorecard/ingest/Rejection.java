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

    /**
     * A wrong value in a date or month column that is not a date of birth, as the report may show
     * it: what {@link #shown} shows, and besides anything shaped like a date that could not be read
     * ("Apr 25, 2021", "25-Apr-21", "20210425", "April 2025"). A date names no child; a date of
     * birth is never passed here (its columns are always withheld). Other words are withheld as
     * in any column ("not a date" could be a name typed in the wrong column).
     */
    public static String shownDate(String value) {
        String v = shown(value);
        if (v == null || !WITHHELD.equals(v)) {
            return v;
        }
        String s = value.strip();
        return dateLike(s) ? s : WITHHELD;
    }

    /**
     * A wrong value in a month column of a summary (a police or health log by month), as the report
     * may show it: what {@link #shownDate} shows, and a label such a column is given in a summary
     * ("Total 2025/26", "Year to date"), made only of the words of categories.
     */
    public static String shownMonth(String value) {
        String v = shownDate(value);
        if (v == null || !WITHHELD.equals(v)) {
            return v;
        }
        String s = value.strip();
        if (FINANCIAL_YEAR.matcher(s).matches()) {
            return s;   // "2021/22": a summary's year, never a date of birth (which has a day and a month)
        }
        return onlyCategoryWords(s, java.util.Set.of()) ? s : WITHHELD;
    }

    /**
     * A wrong value in a column of codes or categories (a service, an outcome, a course, a stage:
     * never an identifier, a name or free text), as the report may show it: what {@link #shown}
     * shows, and besides a few words each of which is a word of the column's own code list
     * ({@code columnWords}), a word people use for a category ({@link #CATEGORY_WORDS}: "All
     * services", "Attended late", "Neglect Awareness Level 1"), a number of one or two digits or a
     * year. A word that is none of these (a name, "Other Smith") withholds the whole value.
     */
    public static String shownCategory(String value, java.util.Collection<String> columnWords) {
        String v = shown(value);
        if (v == null || !WITHHELD.equals(v)) {
            return v;
        }
        String s = value.strip();
        return onlyCategoryWords(s, columnWords) ? s : WITHHELD;
    }

    /** The words of a code list's labels and synonyms ("Postnatal / health visiting"), as {@link #shownCategory} splits a value. */
    public static java.util.Set<String> wordsOf(java.util.Collection<String> labels) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String l : labels) {
            for (String w : l.toLowerCase(java.util.Locale.ROOT).split(CATEGORY_SPLIT)) {
                if (w.length() > 1 && !w.matches("\\d+")) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static final String CATEGORY_SPLIT = "[\\s,;:()/&+.\\-\u2013\u2014\u2019\u2018'\"\u201c\u201d!?\u00a3]+";

    /**
     * Words of the categories people write in a service, outcome, course or month column of a
     * partner's log or summary, that are no one's name: "All services", "Attended late", "Level 1",
     * "Year to date". Months are not among them (April, May, June and August are also names).
     */
    private static final java.util.Set<String> CATEGORY_WORDS = java.util.Set.of(
            "all", "any", "every", "total", "totals", "subtotal", "grand", "sum", "average", "year", "years", "date", "ytd", "month",
            "months", "monthly", "quarter", "quarterly", "q1", "q2", "q3", "q4", "annual", "financial", "fy", "cumulative", "period",
            "level", "levels", "late", "early", "on", "time", "at", "for", "with", "without", "from", "only", "non", "new", "follow",
            "up", "service", "services", "course", "courses", "training", "awareness", "session", "sessions", "module", "introduction",
            "introductory", "basic", "advanced", "refresher", "foundation", "online", "virtual", "e", "learning", "elearning",
            "workshop", "briefing", "seminar", "conference", "part", "day", "half", "full", "review", "visit", "visits", "home",
            "clinic", "appointment", "appointments", "booked", "rebooked", "waiting", "list", "place", "moved", "access", "left",
            "seen", "arrived", "agency", "multi", "single", "partnership", "safeguarding", "child", "children", "family", "families",
            "adult", "adults", "young", "people", "person", "school", "nursing", "nurse", "visiting", "visitor", "midwifery",
            "maternity", "antenatal", "postnatal", "dental", "paediatric", "paediatrics", "gp", "camhs", "team", "tool", "screening",
            "graded", "profile", "gcp2", "gcp", "practice", "practitioner", "practitioners", "staff", "specialist", "universal",
            "targeted", "general", "combined", "mixed", "face", "remote",
            // Words partners' systems write for outcomes, grades, answers and settings (a second trial's exports: "Hospital
            // cancelled", "Dentistry", "Adequate", "Thematic audit", "Very good", "Neither agree nor disagree").
            "hospital", "cancelled", "canceled", "dentistry", "adequate", "thematic", "audit", "audits", "local", "authority",
            "progress", "very", "neither", "nor", "excellent", "satisfied", "dissatisfied", "somewhat", "partially", "partly",
            "applicable", "attended", "completed", "incomplete", "withdrawn",
            // A third trial's health, audit, early help and feedback exports ("Finished", "Cancelled by Unit", "Patient Walked
            // Out", "Partially met", "Family Hub", "Youth Service", "Grandparent", "3 - Did not attend - no advance warning given").
            "finished", "unit", "patient", "walked", "out", "could", "attend", "did", "advance", "warning", "given", "postponed",
            "provider", "met", "hub", "hubs", "youth", "grandparent", "grandparents", "carer", "carers", "guardian",
            "domestic", "abuse",
            // Learning systems' course titles (a fourth trial: "Multi-Agency Neglect: Recognising & Responding (Level 3)").
            "recognising", "recognizing", "responding", "understanding", "identifying", "working", "together", "effective",
            "effectively", "essentials", "skills", "practical", "lunchtime", "webinar", "masterclass", "update", "updates",
            "designated", "lead", "leads", "core", "group", "groups", "and", "the", "of", "to", "a", "an");
    // Not "green" or "amber" (a RAG rating's words, but names too), nor "foster" (a surname).
    // Not "fair" or "poor" (surnames), nor "in" or "not" (so general that with a date beside them free text is shown).

    private static final java.util.regex.Pattern FINANCIAL_YEAR = java.util.regex.Pattern.compile("(19|20)\\d{2}\\s*[/-]\\s*\\d{2}");

    private static boolean onlyCategoryWords(String v, java.util.Collection<String> columnWords) {
        if (v.length() > 60) {
            return false;
        }
        // "Children's" is the word children: the possessive's s is no word of its own.
        String[] words = v.toLowerCase(java.util.Locale.ROOT).replaceAll("[\u2019']s\\b", "").split(CATEGORY_SPLIT);
        int known = 0;
        int all = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            all++;
            if (RETURN_WORDS.contains(w) || CATEGORY_WORDS.contains(w) || columnWords.contains(w)) {
                known++;
            } else if (!w.matches("\\d{1,2}|(19|20)\\d{2}")) {
                return false;
            }
        }
        // Numbers alone ("01 05 19") could be a date of birth: a word of a category must be there.
        return known > 0 && all <= 8;
    }

    private static final String MONTH = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
            + "|august|september|october|november|december";
    private static final String DAY_NAME = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday"
            + "|saturday|sunday";

    /** yyyymmdd or ddmmyyyy: eight digits that make a calendar date. */
    private static final java.util.regex.Pattern EIGHT_DIGIT_DATE = java.util.regex.Pattern.compile(
            "(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])|(0[1-9]|[12]\\d|3[01])(0[1-9]|1[0-2])(19|20)\\d{2}");

    /**
     * Text shaped like a date: eight digits that make one ("20210425"), or a month's name with a
     * year or with a day and a year ("Apr 25, 2021", "25th April 2021", "25-Apr-21", "April 2021",
     * "Monday 25 April 2021 10:00"), nothing else in it. A month's name with a day alone ("April 3")
     * is not: it could be a name and a number.
     */
    static boolean dateLike(String v) {
        if (EIGHT_DIGIT_DATE.matcher(v).matches()) {
            return true;
        }
        if (v.length() > 40) {
            return false;
        }
        String[] tokens = v.toLowerCase(java.util.Locale.ROOT).split("[\\s,./\\-]+");
        int months = 0;
        int numbers = 0;
        boolean year = false;
        for (String t : tokens) {
            if (t.isEmpty() || t.matches(DAY_NAME) || t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                continue;
            }
            if (t.matches(MONTH)) {
                months++;
            } else if (t.matches("\\d{1,2}(st|nd|rd|th)?")) {
                numbers++;
            } else if (t.matches("(19|20)\\d{2}")) {
                year = true;
            } else {
                return false;
            }
        }
        return months == 1 && (year && numbers <= 1 || !year && numbers == 2);
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
