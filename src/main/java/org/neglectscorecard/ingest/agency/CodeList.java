package org.neglectscorecard.ingest.agency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neglectscorecard.ingest.Values;

/**
 * A coded column's allowed values. A file may give the code ("GCP2") or the label ("Graded Care
 * Profile 2") or a known synonym, in any case, with an Annex A style letter ("a) Health"): all
 * read as the code. Templates offer the labels in a drop-down.
 */
public final class CodeList {

    private final String name;
    private final List<Code> codes;
    private final Map<String, String> index = new LinkedHashMap<>();

    private CodeList(String name, List<Code> codes) {
        this.name = name;
        this.codes = codes;
        for (Code c : codes) {
            index.putIfAbsent(Values.squash(c.code()), c.code());
            index.putIfAbsent(Values.squash(c.label()), c.code());
            c.synonyms().forEach(s -> index.putIfAbsent(Values.squash(s), c.code()));
        }
    }

    public String name() {
        return name;
    }

    public List<Code> codes() {
        return codes;
    }

    /** One allowed value: the code stored, the label shown, and other wordings accepted. */
    public record Code(String code, String label, List<String> synonyms) {
    }

    public static CodeList of(String name, String... codeLabelSynonyms) {
        List<Code> codes = new ArrayList<>();
        for (String entry : codeLabelSynonyms) {
            String[] parts = entry.split("\\|");
            codes.add(new Code(parts[0], parts[1], List.of(parts).subList(2, parts.length)));
        }
        return new CodeList(name, List.copyOf(codes));
    }

    public Optional<String> read(String value) {
        if (Values.isBlank(value)) {
            return Optional.empty();
        }
        String squashed = Values.squash(stripLetter(value));
        String found = index.get(squashed);
        java.util.regex.Matcher coded = CODE_THEN_LABEL.matcher(value.strip());
        if (found == null && coded.matches()) {
            // "3 - Did not attend - no advance warning given": a code and its label, as coded drop-downs export them.
            String byCode = index.get(Values.squash(coded.group(1)));
            String byLabel = index.get(Values.squash(coded.group(2)));
            found = byCode != null && (byLabel == null || byLabel.equals(byCode)) ? byCode : null;
        }
        java.util.regex.Matcher explained = WITH_ABBREVIATION.matcher(value.strip());
        if (found == null && explained.matches()) {
            // "Multi-Agency Case Audit (MACA)", "Health Visiting (0-19)": a wording with its abbreviation or a gloss in
            // brackets, read by the wording, unless the bracket names another of the list's values.
            String byWording = index.get(Values.squash(stripLetter(explained.group(1))));
            String byBracket = index.get(Values.squash(explained.group(2)));
            // "Attended (partial)", "Completed (not passed)": a bracket that qualifies the wording is no gloss of it.
            boolean qualifies = java.util.Arrays.stream(explained.group(2).toLowerCase(java.util.Locale.ROOT).split("[^a-z']+"))
                    .anyMatch(QUALIFYING::contains);
            found = byWording != null && !qualifies && (byBracket == null || byBracket.equals(byWording)) ? byWording : null;
        }
        if (found == null) {
            throw new Values.BadValue("is not one of: " + String.join(", ", labels()));
        }
        return Optional.of(found);
    }

    private static final java.util.Set<String> QUALIFYING = java.util.Set.of("not", "no", "non", "part", "partial", "partially",
            "partly", "late", "left", "incomplete", "failed", "fail", "cancelled", "canceled", "withdrawn", "didn't", "didnt",
            "did", "unable", "without", "except", "unseen", "refused", "declined", "pending", "booked");
    private static final java.util.regex.Pattern WITH_ABBREVIATION = java.util.regex.Pattern.compile("(.*\\S)\\s*\\(([^()]+)\\)");
    private static final java.util.regex.Pattern CODE_THEN_LABEL = java.util.regex.Pattern.compile("(\\w{1,4})\\s*[-\u2013:.)]\\s+(.+)");

    public List<String> labels() {
        return codes.stream().map(Code::label).toList();
    }

    public String labelOf(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).map(Code::label).findFirst().orElse(code);
    }

    /** "a) Health" is Health: the lettered form drop-downs in Annex A style workbooks use. */
    private static String stripLetter(String value) {
        String v = value.strip();
        return v.length() > 3 && Character.isLetter(v.charAt(0)) && v.charAt(1) == ')' && v.charAt(2) == ' ' ? v.substring(3) : v;
    }
}
