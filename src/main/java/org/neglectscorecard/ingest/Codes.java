package org.neglectscorecard.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DfE code lists, read from any of the wordings real returns use: the code ("NEG"), the label
 * ("Neglect"), Annex A's lettered form ("a) Neglect"), code and label together
 * ("N1 - Abuse or neglect"), any case, stray spaces.
 */
public final class Codes {

    private static final Map<String, String> CATEGORY_OF_ABUSE = new LinkedHashMap<>();
    private static final Map<String, String> PRIMARY_NEED = new LinkedHashMap<>();
    private static final Map<String, String> GENDER = new LinkedHashMap<>();
    private static final Set<String> ETHNICITY = Set.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
            "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    static {
        for (String[] c : new String[][] {
                {"NEG", "neglect"}, {"PHY", "physical abuse", "physical"}, {"SAB", "sexual abuse", "sexual"},
                {"EMO", "emotional abuse", "emotional"}, {"MUL", "multiple", "mixed", "multiple mixed", "multiple abuse",
                "multiple categories", "multiplemixed"}}) {
            for (String label : c) {
                CATEGORY_OF_ABUSE.put(Values.squash(label), c[0]);
            }
        }
        for (String[] c : new String[][] {
                {"N1", "abuse or neglect"}, {"N2", "child's disability", "childs disability or illness", "child's disability or illness"},
                {"N3", "parental disability or illness", "parents disability or illness", "parent's disability or illness"},
                {"N4", "family in acute stress"}, {"N5", "family dysfunction"},
                {"N6", "socially unacceptable behaviour"}, {"N7", "low income"}, {"N8", "absent parenting"},
                {"N9", "cases other than children in need", "not in need"}, {"N0", "not stated"}}) {
            for (String label : c) {
                PRIMARY_NEED.put(Values.squash(label), c[0]);
            }
        }
        for (String[] c : new String[][] {
                {"1", "m", "male", "1"}, {"2", "f", "female", "2"}, {"0", "u", "unknown", "not known", "0",
                "not stated", "not stated recorded", "not recorded", "indeterminate"}, {"9", "not specified", "9"}}) {
            for (String label : c) {
                GENDER.put(Values.squash(label), c[0]);
            }
        }
    }

    private Codes() {
    }

    private static final List<String> CATEGORY_WORDS = List.of("neglect", "physical", "sexual", "emotional");

    /**
     * NEG, PHY, SAB, EMO or MUL. A wording that names more than one category ("Neglect, Physical
     * and Emotional", "Neglect & emotional abuse") is Multiple, never its first category; so is
     * Ofsted's "e) Multiple/not recommended".
     */
    public static Optional<String> categoryOfAbuse(String value) {
        if (Values.isBlank(value)) {
            return Optional.empty();
        }
        String words = Values.squash(stripLetterPrefix(value));
        long named = CATEGORY_WORDS.stream().filter(words::contains).count();
        if (named >= 2 || words.startsWith("multiple") || words.startsWith("mixed")) {
            return Optional.of("MUL");
        }
        return lookup(value, CATEGORY_OF_ABUSE, "is not a category of abuse: use NEG, PHY, SAB, EMO or MUL "
                + "(or Neglect, Physical abuse, Sexual abuse, Emotional abuse, Multiple)");
    }

    /** N0 to N9. */
    public static Optional<String> primaryNeed(String value) {
        return lookup(value, PRIMARY_NEED, "is not a primary need code: use N0 to N9 (N1 is abuse or neglect)");
    }

    /** 1 male, 2 female, 0 not known, 9 not specified. */
    public static Optional<String> gender(String value) {
        return lookup(value, GENDER, "is not a gender or sex code: use 1 or M (male), 2 or F (female), 0 or U (not known), 9 (not specified)");
    }

    /** A DfE ethnicity code; "a) WBRI" and "WBRI - White British" are read as WBRI. */
    public static Optional<String> ethnicity(String value) {
        if (Values.isBlank(value)) {
            return Optional.empty();
        }
        String v = stripLetterPrefix(value).strip().toUpperCase(Locale.ROOT);
        String code = v.length() >= 4 ? v.substring(0, 4) : v;
        if (ETHNICITY.contains(code) && (v.length() == 4 || !Character.isLetterOrDigit(v.charAt(4)))) {
            return Optional.of(code);
        }
        throw new Values.BadValue("is not a DfE ethnicity code (for example WBRI, MWBC, AIND, BAFR, CHNE, OOTH, REFU, NOBT)");
    }

    /** Assessment factor codes ("16A", "1C", "21"): upper case, as listed. */
    public static String assessmentFactor(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty() || v.length() > 4 || !Character.isDigit(v.charAt(0))) {
            throw new Values.BadValue("is not an assessment factor code (1A to 24A, 21 for no factors)");
        }
        return v;
    }

    private static Optional<String> lookup(String value, Map<String, String> codes, String reason) {
        if (Values.isBlank(value)) {
            return Optional.empty();
        }
        String whole = Values.squash(stripLetterPrefix(value));
        String found = codes.get(whole);
        if (found == null) {
            // "N1 - Abuse or neglect", "NEG: Neglect": the code before the separator decides.
            String lead = Values.squash(Values.leadingCode(stripLetterPrefix(value)));
            found = codes.get(lead);
            if (found == null && codes.containsValue(lead.toUpperCase(Locale.ROOT))) {
                found = lead.toUpperCase(Locale.ROOT);
            }
        }
        if (found == null && codes.containsValue(whole.toUpperCase(Locale.ROOT))) {
            found = whole.toUpperCase(Locale.ROOT);
        }
        if (found == null) {
            throw new Values.BadValue(reason);
        }
        return Optional.of(found);
    }

    /** Annex A prefixes drop-down values with a letter: "a) Neglect", "q) 6: Police". */
    public static String stripLetterPrefix(String value) {
        String v = value.strip();
        if (v.length() > 3 && Character.isLetter(v.charAt(0)) && v.charAt(1) == ')' && v.charAt(2) == ' ') {
            return v.substring(3);
        }
        if (v.length() > 4 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1)) && v.charAt(2) == ')' && v.charAt(3) == ' ') {
            return v.substring(4);
        }
        return v;
    }
}
