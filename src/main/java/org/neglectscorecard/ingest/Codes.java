package org.neglectscorecard.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                {"N1", "abuse or neglect", "neglect", "abuse", "physical abuse", "sexual abuse", "emotional abuse"},
                {"N2", "child's disability", "childs disability or illness", "child's disability or illness", "disability"},
                {"N3", "parental disability or illness", "parents disability or illness", "parent's disability or illness",
                        "parental illness or disability", "parental illness disability"},
                {"N4", "family in acute stress"}, {"N5", "family dysfunction"},
                {"N6", "socially unacceptable behaviour"}, {"N7", "low income"}, {"N8", "absent parenting"},
                {"N9", "cases other than children in need", "cases other than child in need", "not in need"}, {"N0", "not stated"}}) {
            for (String label : c) {
                PRIMARY_NEED.put(Values.squash(label), c[0]);
            }
        }
        for (String[] c : new String[][] {
                {"1", "m", "male", "1"}, {"2", "f", "female", "2"}, {"0", "u", "unknown", "not known", "0",
                "not stated", "not stated recorded", "not recorded", "indeterminate", "unborn"},
                {"9", "not specified", "9", "neither"}}) {
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
    /** Whether a wording names two or more categories ("Neglect;Emotional"), which is read as Multiple. */
    public static boolean namesSeveralCategories(String value) {
        if (Values.isBlank(value)) {
            return false;
        }
        String words = Values.squash(stripLetterPrefix(value));
        return CATEGORY_WORDS.stream().filter(words::contains).count() >= 2;
    }

    public static Optional<String> categoryOfAbuse(String value) {
        if (Values.isBlank(value)) {
            return Optional.empty();
        }
        String words = Values.squash(stripLetterPrefix(value));
        long named = CATEGORY_WORDS.stream().filter(words::contains).count();
        if (named >= 2 || words.startsWith("multiple") || words.startsWith("mixed")) {
            return Optional.of("MUL");
        }
        String reason = "is not a category of abuse: use NEG, PHY, SAB, EMO or MUL "
                + "(or Neglect, Physical abuse, Sexual abuse, Emotional abuse, Multiple)";
        try {
            return lookup(value, CATEGORY_OF_ABUSE, reason);
        } catch (Values.BadValue e) {
            return Optional.of(categoryInWords(value).orElseThrow(() -> e));
        }
    }

    /** Neglect, Physical, Sexual, Emotional: the order of the four Y/N flags some systems export ("YNNN"). */
    private static final String[] FLAG_ORDER = {"NEG", "PHY", "SAB", "EMO"};

    /**
     * The category a wording names however it is qualified ("Likelihood of Neglect", "Neglect Only",
     * "PHYSAB", "Emotion"), Multiple for several or a misspelt "Muliple", or four Y/N flags in the
     * order neglect, physical, sexual, emotional ("YNNN" is neglect, "NYNY" multiple), as
     * liia-tools-pipeline has found LAs write them. A negation ("Not neglect") names nothing.
     */
    private static Optional<String> categoryInWords(String value) {
        String v = stripLetterPrefix(value).strip().toUpperCase(Locale.ROOT);
        if (v.matches("[YN]{4}")) {
            List<String> yes = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                if (v.charAt(i) == 'Y') {
                    yes.add(FLAG_ORDER[i]);
                }
            }
            return yes.isEmpty() ? Optional.empty() : Optional.of(yes.size() == 1 ? yes.get(0) : "MUL");
        }
        Set<String> named = new java.util.LinkedHashSet<>();
        for (String word : v.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.equals("not") || word.equals("no") || word.equals("non")) {
                return Optional.empty();
            }
            if (word.startsWith("mul")) {
                named.add("MUL");
            } else if (word.equals("neg") || word.startsWith("negl")) {
                named.add("NEG");
            } else if (word.equals("phy") || word.startsWith("phys")) {
                named.add("PHY");
            } else if (word.equals("sab") || word.startsWith("sex")) {
                named.add("SAB");
            } else if (word.equals("emo") || word.startsWith("emot")) {
                named.add("EMO");
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(named.size() == 1 ? named.iterator().next() : "MUL");
    }

    /** N0 to N9. */
    public static Optional<String> primaryNeed(String value) {
        String reason = "is not a primary need code: use N0 to N9 (N1 is abuse or neglect)";
        try {
            return lookup(value, PRIMARY_NEED, reason);
        } catch (Values.BadValue e) {
            return Optional.of(needInWords(value).orElseThrow(() -> e));
        }
    }

    /** A need code standing as a word of its own, an LA's sub-code after it: "N1a", "N1.NE", "N1SD : Neglect", "CIN - N1 Abuse". */
    private static final Pattern NEED_CODE = Pattern.compile("(?<![A-Za-z0-9])[Nn]([0-9])(?![0-9])");

    /**
     * The need code a wording carries (an LA's own sub-codes of it are still that need: "N1a -
     * Domestic Violence" is N1), else the DfE label it leads with or holds ("Abuse or Neglect:
     * Domestic Violence", "Parental illness or disability: ..."). Two different codes in one
     * value ("N1; N2") are not one need, and are left out.
     */
    private static Optional<String> needInWords(String value) {
        Set<String> codes = new java.util.LinkedHashSet<>();
        Matcher m = NEED_CODE.matcher(value);
        while (m.find()) {
            codes.add("N" + m.group(1));
        }
        if (codes.isEmpty()) {
            String words = Values.squash(stripLetterPrefix(value));
            String longest = null;
            for (Map.Entry<String, String> label : PRIMARY_NEED.entrySet()) {
                if (label.getKey().length() >= 8 && words.contains(label.getKey())
                        && (longest == null || label.getKey().length() > longest.length())) {
                    longest = label.getKey();
                }
            }
            for (Map.Entry<String, String> label : PRIMARY_NEED.entrySet()) {
                if (label.getKey().length() >= 8 && words.contains(label.getKey()) && !longest.contains(label.getKey())) {
                    codes.add(label.getValue());
                }
            }
            if (longest != null) {
                codes.add(PRIMARY_NEED.get(longest));
            }
        }
        return codes.size() == 1 ? Optional.of(codes.iterator().next()) : Optional.empty();
    }

    /**
     * Whether a child has a disability, as Annex A's lists and LAs' exports write it: yes/no in any
     * form ("a) Yes", "1 - Yes", "NONE", "No disability"), one of the CIN census's disability codes
     * or its words ("AUT", "HEARING", "Autism or Asperger Syndrome": yes), and "not known" in any
     * form ("c) Unknown", "NOBT", "Refused"), which is no answer rather than a wrong one.
     */
    public static Optional<Boolean> disability(String value) {
        if (Values.isBlank(value)) {
            return Optional.empty();
        }
        try {
            return Values.flag(stripLetterPrefix(value));
        } catch (Values.BadValue e) {
            // not a plain yes or no: read on
        }
        String s = Values.squash(stripLetterPrefix(value)).replaceFirst("^([01])(yes|no)$", "$2");
        if (s.startsWith("unknown") || s.startsWith("notknown") || s.startsWith("nobt") || s.startsWith("notobtained")
                || s.startsWith("refu") || s.startsWith("informationnotyetobtained")) {
            return Optional.empty();
        }
        if (s.equals("none") || s.startsWith("nodisab") || s.startsWith("notdisab")) {
            return Optional.of(false);
        }
        try {
            return Values.flag(s);
        } catch (Values.BadValue e) {
            String code = Values.leadingCode(value).toUpperCase(Locale.ROOT);
            if (DISABILITY_CODES.contains(code) || DISABILITY_WORDS.stream().anyMatch(s::contains)) {
                return Optional.of(true);
            }
            throw new Values.BadValue("is not a yes/no answer to 'does the child have a disability?' (Yes, No, or a "
                    + "disability code such as AUT, HAND, HEAR, LD, MOB, VIS)");
        }
    }

    /** The CIN census's disability codes, which some LAs put in Annex A's disability column. */
    private static final Set<String> DISABILITY_CODES = Set.of("AUT", "BEH", "COMM", "CON", "DDA", "HAND", "HEAR", "INC",
            "LD", "MOB", "PC", "VIS");
    private static final List<String> DISABILITY_WORDS = List.of("autism", "asperger", "behaviour", "communication",
            "conscious", "handfunction", "hearing", "incontin", "learning", "mobility", "personalcare", "vision", "dda",
            "disab");

    /** 1 male, 2 female, 0 not known, 9 not specified. */
    public static Optional<String> gender(String value) {
        try {
            return lookup(value, GENDER, "is not a gender or sex code: use 1 or M (male), 2 or F (female), 0 or U (not known), "
                    + "9 (not specified)");
        } catch (Values.BadValue e) {
            // Ofsted's "c) Not stated/recorded (or unborn)", "Unknown / Not Recorded / Unborn": not known, however worded.
            String s = Values.squash(stripLetterPrefix(value));
            if (List.of("notstated", "notrecorded", "notknown", "unknown", "unborn").stream().anyMatch(s::startsWith)) {
                return Optional.of("0");
            }
            throw e;
        }
    }

    /**
     * A DfE ethnicity code; "a) WBRI", "WBRI - White British" and "White - British [WBRI]" are read
     * as WBRI, and so is DfE's label written out ("White British", "Black or Black British -
     * Caribbean"). A label that could be several codes ("White", "British") is not read.
     */
    public static Optional<String> ethnicity(String value) {
        if (Values.isBlank(value)) {
            return Optional.empty();
        }
        String v = stripLetterPrefix(value).strip().toUpperCase(Locale.ROOT);
        String code = v.length() >= 4 ? v.substring(0, 4) : v;
        if (ETHNICITY.contains(code) && (v.length() == 4 || !Character.isLetterOrDigit(v.charAt(4)))) {
            return Optional.of(code);
        }
        Set<String> codes = new java.util.LinkedHashSet<>();
        for (String word : v.split("[^A-Z0-9]+")) {
            if (ETHNICITY.contains(word)) {
                codes.add(word);
            }
        }
        if (codes.isEmpty()) {
            String words = Values.squash(v);
            String longest = null;
            for (String label : ETHNICITY_LABELS.keySet()) {
                if (words.contains(label) && (longest == null || label.length() > longest.length())) {
                    longest = label;
                }
            }
            for (Map.Entry<String, String> label : ETHNICITY_LABELS.entrySet()) {
                if (words.contains(label.getKey()) && !longest.contains(label.getKey())) {
                    codes.add(label.getValue());
                }
            }
            if (longest != null) {
                codes.add(ETHNICITY_LABELS.get(longest));
            }
        }
        if (codes.size() == 1) {
            return Optional.of(codes.iterator().next());
        }
        throw new Values.BadValue("is not a DfE ethnicity code (for example WBRI, MWBC, AIND, BAFR, CHNE, OOTH, REFU, NOBT)");
    }

    /** DfE's labels for the ethnicity codes, squashed, and the shorter forms LAs write of them. */
    private static final Map<String, String> ETHNICITY_LABELS = new LinkedHashMap<>();

    static {
        for (String[] c : new String[][] {
                {"WBRI", "white british"}, {"WIRI", "white irish"},
                {"WIRT", "traveller of irish heritage", "irish traveller"},
                {"WOTH", "any other white background", "other white background", "white other"},
                {"WROM", "gypsy roma", "gypsy or roma", "roma"},
                {"MWBC", "white and black caribbean"}, {"MWBA", "white and black african"}, {"MWAS", "white and asian"},
                {"MOTH", "any other mixed background", "other mixed background", "mixed other"},
                {"AIND", "indian"}, {"APKN", "pakistani"}, {"ABAN", "bangladeshi"},
                {"AOTH", "any other asian background", "other asian background", "asian other"},
                {"BCRB", "caribbean", "black caribbean"}, {"BAFR", "african", "black african"},
                {"BOTH", "any other black background", "other black background", "black other"},
                {"CHNE", "chinese"}, {"OOTH", "any other ethnic group", "other ethnic group"},
                {"REFU", "refused", "information refused", "declined"},
                {"NOBT", "information not yet obtained", "not yet obtained", "not obtained"}}) {
            for (int i = 1; i < c.length; i++) {
                ETHNICITY_LABELS.put(Values.squash(c[i]), c[0]);
            }
        }
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
