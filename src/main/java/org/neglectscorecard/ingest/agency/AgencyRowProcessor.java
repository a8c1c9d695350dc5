package org.neglectscorecard.ingest.agency;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.RowCheck;
import org.neglectscorecard.ingest.RowCheck.Shown;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row of a multi-agency table into the values its table stores, following the source's
 * column descriptions, or rejects it with every reason found. References to people and cases are
 * replaced by a keyed hash here and never stored.
 */
public class AgencyRowProcessor implements ItemProcessor<SourceRow, ParsedRow<AgencyRecord>> {

    private final Pseudonymiser pseudonymiser;
    private final LaDirectory las;
    /**
     * Each LA name said to stand for the LA that took its LA over, and the row it is said at: once
     * a file, at the first row so named (the same row read again after a chunk is retried says it again).
     */
    private final Map<String, String> notedNames = new java.util.concurrent.ConcurrentHashMap<>();

    public AgencyRowProcessor(Pseudonymiser pseudonymiser, LaDirectory las) {
        this.pseudonymiser = pseudonymiser;
        this.las = las;
    }

    @Override
    public ParsedRow<AgencyRecord> process(SourceRow row) {
        AgencySource source = AgencySource.bySheet(row.table());
        RowCheck check = new RowCheck(row);
        String la = laOf(source, row, check);
        Map<String, Object> values = new LinkedHashMap<>();
        for (AgencyColumn c : source.columns()) {
            if (c.type() == AgencyColumn.Type.LA) {
                continue;
            }
            String heading = headingIn(source, row, c);
            Object value = read(source, check, heading, c, la);
            if (c.dbColumn() != null) {
                values.put(c.dbColumn(), value);
            }
        }
        crossChecks(source, check, values);
        try {
            return check.result(new AgencyRecord(source, la, values, row.rowNumber()));
        } catch (org.neglectscorecard.ingest.RowRejectedException rejected) {
            // A month's counts (a service's, a police month's) left out would leave that month's total too low: said where it is for.
            LocalDate month = source.columns().stream().filter(c -> c.type() == AgencyColumn.Type.MONTH && c.dbColumn() != null)
                    .map(c -> values.get(c.dbColumn())).filter(LocalDate.class::isInstance).map(LocalDate.class::cast)
                    .findFirst().orElse(null);
            // An LA that cannot be read (a name mistyped) leaves the month short for whichever LA it was: for every LA.
            if (month != null) {
                throw rejected.placed(new org.neglectscorecard.ingest.RowRejectedException.Place(month, la, source.table()));
            }
            throw rejected;
        }
    }

    /** The heading the file used for a column (any accepted one), else the template's. */
    private static String headingIn(AgencySource source, SourceRow row, AgencyColumn c) {
        return source.indexOf(row.header(), c).map(i -> row.header().names().get(i)).orElse(c.heading());
    }

    private String laOf(AgencySource source, SourceRow row, RowCheck check) {
        AgencyColumn laColumn = source.columns().stream().filter(c -> c.type() == AgencyColumn.Type.LA).findFirst().orElseThrow();
        String given = Values.text(row.value(headingIn(source, row, laColumn))).orElse(null);
        String code = given != null ? given : row.laCode();
        if (code == null) {
            return AgencyRecord.PARTNERSHIP_WIDE;
        }
        String heading = headingIn(source, row, laColumn);
        Optional<String> byCode = las.code3(code.replaceFirst("\\.0+$", ""));
        if (byCode.isPresent()) {
            return byCode.get();
        }
        // A partner's log names the LA as often as it codes it ("Luton", "Luton Borough Council"), as the census's processors
        // accept; a name two LAs have had ("Dorset") is the one that existed on the row's date.
        String shown = Rejection.shown(code);
        RowCheck.LaName named = RowCheck.laByName(las, code, rowDate(source, row), "this row's").orElse(null);
        if (named == null) {
            check.fail(heading, shown, (Rejection.WITHHELD.equals(shown) ? "The LA code" : "'" + shown + "'")
                    + " is not an English local authority (a 3-digit DfE code such as 822, a 9-character code such as E06000055, "
                    + "or the LA's name as DfE writes it, such as Luton); leave it blank for the whole partnership");
            return null;
        }
        // A name found in the directory is an LA's, not free text: it is shown as written.
        if (named.problem() != null) {
            check.fail(heading, code.strip(), named.problem());
        } else if (named.note() != null && notedNames.computeIfAbsent(Values.squash(code) + "|" + named.code3(),
                k -> row.table() + "|" + row.rowNumber()).equals(row.table() + "|" + row.rowNumber())) {
            // Said at the first row so named, not on every one.
            check.note(heading, code.strip(), named.note() + " (Said once for this file, at the first row naming it so.)");
        }
        return named.code3();
    }

    /**
     * The date the row is for, as its source dates rows (a course's date, a month, the latest of a
     * plan's start and end), read quietly: a date that cannot be read is said where the row's
     * values are read. A plan still open (a start, no end) is for today: a Dorset plan started in
     * February 2019 and still open counts for the Dorset of now (838), not the county that ended.
     */
    private static LocalDate rowDate(AgencySource source, SourceRow row) {
        LocalDate latest = null;
        boolean open = false;
        for (String dbColumn : source.dateColumns()) {
            for (AgencyColumn c : source.columns()) {
                if (!dbColumn.equals(c.dbColumn())) {
                    continue;
                }
                String raw = row.value(headingIn(source, row, c));
                try {
                    LocalDate d = c.type() == AgencyColumn.Type.MONTH ? Values.month(raw, row.header().date1904()).orElse(null) : Values.date(raw, row.header().date1904()).orElse(null);
                    if (d == null) {
                        open = true;
                    } else if (latest == null || d.isAfter(latest)) {
                        latest = d;
                    }
                } catch (Values.BadValue e) {
                    // said where the value is read
                }
            }
        }
        return latest != null && open && source.dateColumns().size() > 1 ? LocalDate.now() : latest;
    }

    private Object read(AgencySource source, RowCheck check, String heading, AgencyColumn c, String la) {
        String raw = check.row().value(heading);
        if (Values.isBlank(raw) || c.type() == AgencyColumn.Type.DATE && Values.isNoDate(raw)) {
            if (c.required()) {
                check.fail(heading, null, heading + " is empty: every " + source.sheet() + " row needs one");
            }
            return null;
        }
        return switch (c.type()) {
            case REFERENCE -> {
                String id = check.identifier(heading);
                yield id == null ? null : pseudonymiser.childKey((la == null ? "?" : la) + "/" + c.dbColumn(), id);
            }
            case TEXT -> {
                String v = raw.strip();
                if (v.length() > c.max()) {
                    check.leaveOut(heading, Rejection.shown(v), "longer than " + c.max() + " characters, so it was cut short");
                    v = v.substring(0, c.max());
                }
                yield v;
            }
            case CODE -> c.codes() == AgencyCodes.COURSE ? course(check, heading, raw)
                    : c.codes() == AgencyCodes.AUDIT_THEME ? theme(check, heading, raw)
                    : c.codes() == AgencyCodes.APPOINTMENT_OUTCOME ? outcome(check, heading, c, raw)
                    : c.codes() == AgencyCodes.HEALTH_SERVICE ? check.parse(heading, c.required(), Shown.CATEGORY, words(c),
                            v -> byWords(check, heading, v, AgencyCodes.HEALTH_SERVICE, AgencyCodes::serviceOfWords, "service",
                                    code -> ", by the words of its name", "write the service as one of: "
                                            + String.join(", ", AgencyCodes.HEALTH_SERVICE.labels())))
                    : check.parse(heading, c.required(), Shown.CATEGORY, words(c), v -> c.codes().read(v).orElse(null));
            case DATE -> check.date(heading, c.required(), Shown.DATE);
            case MONTH -> check.parse(heading, true, Shown.MONTH, v -> Values.month(v, check.row().header().date1904()).orElse(null));
            case NUMBER -> check.parse(heading, c.required(), Shown.VALUE, v -> {
                Integer n = "score".equals(c.dbColumn()) ? scoreOf(v) : c.max() <= 5 ? pointOnScale(v) : count(v);
                if (n != null && (n < c.min() || n > c.max())) {
                    throw new Values.BadValue("is outside " + c.min() + " to " + c.max());
                }
                return n;
            });
            case YES_NO -> check.parse(heading, c.required(), Shown.CATEGORY, words(c), v -> yesNo(c, v));
            case YES_NO_NA -> check.parse(heading, false, Shown.CATEGORY, AgencyRowProcessor::yesNoNa);
            case LA -> null;
        };
    }

    /**
     * A course as the template words it, or a learning system's course title read by its words;
     * each title so read is said once for the file (at its first row), with the course it was
     * read as, so the person can see which titles counted as neglect training and which did not.
     */
    private String course(RowCheck check, String heading, String raw) {
        return byWords(check, heading, raw, AgencyCodes.COURSE, AgencyCodes::courseOfTitle, "course title", code -> "OTHER".equals(code)
                ? " (no neglect, GCP2 or screening tool in its title), which no neglect indicator counts" : ", by the words of its title",
                "write the course as one of: " + String.join(", ", AgencyCodes.COURSE.labels()));
    }

    /**
     * An appointment's outcome. A plain number is read as the NHS's ATTENDED OR DID NOT ATTEND code, and said
     * once for the file: a system numbering its outcomes its own way (1 attended, 2 not brought, 3 cancelled)
     * would otherwise be counted wrong without a word, its 3s as children not brought.
     */
    private String outcome(RowCheck check, String heading, AgencyColumn c, String raw) {
        String code = check.parse(heading, c.required(), Shown.CATEGORY, words(c), v -> c.codes().read(v).orElse(null));
        String row = check.row().table() + "|" + check.row().rowNumber();
        if (code != null && PLAIN_NUMBER.matcher(raw.strip()).matches()
                && notedNames.computeIfAbsent("appointment_outcome|number", k -> row).equals(row)) {
            check.note(heading, raw.strip(), "Outcomes given as plain numbers are read as the NHS's ATTENDED OR DID NOT ATTEND "
                    + "codes: 5 and 6 attended; 3 and 7 not brought; 2 and 4 cancelled. If this file's system numbers its outcomes "
                    + "another way, give them as words (Attended, Was not brought, Cancelled). (Said once for this file, at the "
                    + "first row with a number.)");
        }
        return code;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("\\d+(\\.0+)?");

    /**
     * An audit's theme: Neglect or Other as written, or read by its words (one naming neglect is a neglect
     * audit), each such theme said once for the file with what it was read as ("Neglet" would be Other).
     */
    private String theme(RowCheck check, String heading, String raw) {
        return byWords(check, heading, raw, AgencyCodes.AUDIT_THEME, AgencyCodes::themeOf, "theme", code -> "OTHER".equals(code)
                ? " (it does not name neglect), so the audit is not counted as a neglect audit" : " (it names neglect)",
                "write Neglect or Other");
    }

    /**
     * A coded value as its list words it, else read by its words ({@code byWords}), each value so read said
     * once for the file, at its first row, with what it was read as; shown only when its words are a
     * category's (a title or theme with a person's name in it is withheld).
     */
    private String byWords(RowCheck check, String heading, String raw, CodeList list, java.util.function.UnaryOperator<String> byWords,
                           String what, java.util.function.UnaryOperator<String> why, String instead) {
        String value = raw.strip();
        try {
            return list.read(value).orElse(null);
        } catch (Values.BadValue notAWording) {
            String code = byWords.apply(value);
            String row = check.row().table() + "|" + check.row().rowNumber();
            if (notedNames.computeIfAbsent(list.name() + "|" + Values.squash(value), k -> row).equals(row)) {
                String shown = Rejection.shownCategory(value, wordsOf(list));
                check.note(heading, shown, (Rejection.WITHHELD.equals(shown) ? "This " + what : "'" + value + "'") + " is read as "
                        + list.labelOf(code) + why.apply(code) + ". If that is wrong, " + instead + ". (Said once for this file, at "
                        + "the first row with this " + what + ".)");
            }
            return code;
        }
    }

    /** A feedback score as a number (also "4 - Agree"), or the words of the five-point scale ("Strongly agree"). */
    private static Integer scoreOf(String v) {
        java.util.regex.Matcher numbered = NUMBERED_ANSWER.matcher(v.strip());
        if (numbered.matches() && Integer.parseInt(numbered.group(1)) <= 5 && !onTheScale(v)) {
            // "1 - Strongly agree": the scale's list refuses a number its words do not mean, so the survey runs the other way.
            throw new Values.BadValue("gives a number its words do not mean on the template's scale (1 strongly disagree to 5 "
                    + "strongly agree): turn the survey's scale round, or give the words alone");
        }
        try {
            return pointOnScale(v);
        } catch (Values.BadValue notANumber) {
            try {
                return AgencyCodes.FEEDBACK_SCORE.read(v).map(Integer::valueOf).orElse(null);
            } catch (Values.BadValue notAWord) {
                throw new Values.BadValue("is not a score from 1 to 5, nor one of the scale's words (" + AgencyCodes.FEEDBACK_SCORE.codes()
                        .stream().map(x -> x.code() + " " + x.label()).collect(java.util.stream.Collectors.joining(", ")) + ")");
            }
        }
    }

    /** Whether the scale's list reads the answer ("4 - Agree", a code with its label, or words it knows). */
    private static boolean onTheScale(String v) {
        try {
            return AgencyCodes.FEEDBACK_SCORE.read(v).isPresent();
        } catch (Values.BadValue e) {
            return false;
        }
    }

    /** A grade or rating on a scale of 1 to 5 as forms write it: 4, "Grade 4", "3 - Some essential needs unmet", "3/5". */
    private static Integer pointOnScale(String v) {
        java.util.regex.Matcher outOf = OUT_OF_FIVE.matcher(v.strip());
        if (outOf.matches()) {
            return Integer.valueOf(outOf.group(1));
        }
        java.util.regex.Matcher numbered = NUMBERED_ANSWER.matcher(v.strip());
        if (numbered.matches()) {
            return Integer.valueOf(numbered.group(1));
        }
        java.util.regex.Matcher graded = GRADE.matcher(v.strip());
        return graded.matches() ? Integer.valueOf(graded.group(1)) : Values.wholeNumber(v).orElse(null);
    }

    /** "3/5", "3 / 5", "3 out of 5": a point on the five-point scale, as learning systems export a rating. */
    private static final java.util.regex.Pattern OUT_OF_FIVE = java.util.regex.Pattern.compile("(?i)([0-9])\\s*(?:/|out of)\\s*5");

    private static final java.util.regex.Pattern GRADE = java.util.regex.Pattern.compile("(?i)(?:grade|level|score|rating)\\s*([1-9])");

    /**
     * A count, where a partner's report may have hidden a small one ("<5", "*"): the scorecard needs
     * the number itself (it withholds small numbers before anything is published), so such a row is
     * refused saying so, not as "not a whole number".
     */
    private static Integer count(String v) {
        if (SUPPRESSED.matcher(v.strip()).matches()) {
            throw new Values.BadValue("is a count hidden as small: the scorecard needs the number itself (it withholds small "
                    + "numbers itself before anything is published). Ask for the figures without suppression");
        }
        return Values.wholeNumber(v).orElse(null);
    }

    private static final java.util.regex.Pattern SUPPRESSED = java.util.regex.Pattern.compile("<\\s*\\d{1,2}|\\*+|~|[cx]|1-4|1 to 4");

    /** "4 - Agree", "4. Agree", "4 (Agree)": a survey's numbered answer. */
    private static final java.util.regex.Pattern NUMBERED_ANSWER = java.util.regex.Pattern.compile("([1-9])\\s*(?:[-.):=]\\s*\\(?|\\()\\s*\\p{L}.*");

    /**
     * The words of a coded column's own labels and synonyms: a wrong value made of them and of
     * categories' words ("All services", "Attended late") is shown in rejects.csv, for the person
     * to see what to put right; one with any other word (a name) is withheld.
     */
    private static java.util.Set<String> words(AgencyColumn c) {
        if (c.codes() == null) {
            return java.util.Set.of();
        }
        return CODE_WORDS.computeIfAbsent(c.codes().name(), k -> Rejection.wordsOf(c.codes().codes().stream()
                .flatMap(x -> java.util.stream.Stream.concat(java.util.stream.Stream.of(x.label()), x.synonyms().stream())).toList()));
    }

    private static final Map<String, java.util.Set<String>> CODE_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.Set<String> wordsOf(CodeList list) {
        return CODE_WORDS.computeIfAbsent(list.name(), k -> Rejection.wordsOf(list.codes().stream()
                .flatMap(x -> java.util.stream.Stream.concat(java.util.stream.Stream.of(x.label()), x.synonyms().stream())).toList()));
    }

    private static Boolean yesNo(AgencyColumn c, String v) {
        try {
            return Values.flag(v).orElse(null);
        } catch (Values.BadValue e) {
            if (c.codes() == null) {
                throw e;
            }
            try {
                return c.codes().read(v).map("Y"::equals).orElse(null);
            } catch (Values.BadValue notAWord) {
                java.util.function.Function<String, String> words = code -> c.codes().codes().stream().filter(x -> x.code().equals(code))
                        .flatMap(x -> java.util.stream.Stream.concat(java.util.stream.Stream.of(x.label()), x.synonyms().stream()))
                        .collect(java.util.stream.Collectors.joining(", "));
                throw new Values.BadValue("is not Y or N, nor a word read as one (Y: " + words.apply("Y") + "; N: " + words.apply("N")
                        + "). A place only booked, or on a waiting list, is not a training record: leave it out of the file");
            }
        }
    }

    private static String yesNoNa(String v) {
        String s = Values.squash(v);
        if (s.equals("na") || s.equals("notapplicable")) {
            return "NA";
        }
        try {
            return Values.flag(v).map(b -> b ? "Y" : "N").orElse(null);
        } catch (Values.BadValue e) {
            throw new Values.BadValue("is not Y, N or Not applicable");
        }
    }

    /** Checks across columns: an end before its start, a part larger than its whole. */
    private static void crossChecks(AgencySource source, RowCheck check, Map<String, Object> v) {
        switch (source) {
            case EARLY_HELP -> {
                if (v.get("start_date") instanceof LocalDate start && v.get("end_date") instanceof LocalDate end) {
                    check.endNotBeforeStart(heading(source, "start_date", check), start, heading(source, "end_date", check), end,
                            "plan", "ends");
                }
            }
            case HEALTH_MONTHLY -> partNotMoreThanWhole(source, check, v, "was_not_brought", "appointments");
            case POLICE -> partNotMoreThanWhole(source, check, v, "with_prior_concerns", "neglect_offences");
            default -> {
            }
        }
    }

    private static void partNotMoreThanWhole(AgencySource source, RowCheck check, Map<String, Object> v, String part, String whole) {
        if (v.get(part) instanceof Integer p && v.get(whole) instanceof Integer w && p > w) {
            check.fail(heading(source, part, check), p.toString(), heading(source, part, check) + " (" + p + ") is more than "
                    + heading(source, whole, check) + " (" + w + "): it counts some of them, so it cannot be larger");
        }
    }

    private static String heading(AgencySource source, String dbColumn, RowCheck check) {
        return source.columns().stream().filter(c -> dbColumn.equals(c.dbColumn())).findFirst()
                .map(c -> headingIn(source, check.row(), c)).orElse(dbColumn.toLowerCase(Locale.ROOT));
    }
}
