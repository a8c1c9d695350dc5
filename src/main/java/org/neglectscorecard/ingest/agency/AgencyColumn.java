package org.neglectscorecard.ingest.agency;

import java.util.List;

/**
 * One column of a multi-agency source (INPUTS.md section B): its heading in the template, other
 * headings accepted for it, how its values are read, and where they are stored.
 *
 * @param heading  the template's heading (what a partner agency sees)
 * @param aliases  other headings found in real spreadsheets for the same thing
 * @param dbColumn the column of the source's table it is stored in (null: read, checked, not kept)
 * @param note     what to write in it, for the template's notes sheet
 * @param example  the value in the template's example row
 */
public record AgencyColumn(String heading, List<String> aliases, Type type, boolean required, CodeList codes,
                           int min, int max, String dbColumn, String note, String example) {

    public enum Type {
        /** A person's or case's reference: stored only as a keyed hash. */
        REFERENCE,
        /** Free text, kept to {@code max} characters. */
        TEXT,
        /** One of a code list. */
        CODE,
        DATE,
        /** A calendar month (2025-04, April 2025, or any date in it): stored as its last day. */
        MONTH,
        /** A whole number from {@code min} to {@code max}. */
        NUMBER,
        /** Y or N, stored as true or false. */
        YES_NO,
        /** Y, N or not applicable, stored as Y, N or NA. */
        YES_NO_NA,
        /** The LA the row is about (3-digit or 9-character code); blank or absent: the whole partnership. */
        LA
    }

    public static AgencyColumn reference(String heading, String dbColumn, String note, String example, String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.REFERENCE, true, null, 0, 100, dbColumn, note, example);
    }

    public static AgencyColumn text(String heading, boolean required, int max, String dbColumn, String note, String example,
                                    String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.TEXT, required, null, 0, max, dbColumn, note, example);
    }

    public static AgencyColumn code(String heading, boolean required, CodeList codes, String dbColumn, String note,
                                    String example, String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.CODE, required, codes, 0, 0, dbColumn, note, example);
    }

    public static AgencyColumn date(String heading, boolean required, String dbColumn, String note, String example,
                                    String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.DATE, required, null, 0, 0, dbColumn, note, example);
    }

    public static AgencyColumn month(String heading, String dbColumn, String note, String example, String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.MONTH, true, null, 0, 0, dbColumn, note, example);
    }

    public static AgencyColumn number(String heading, boolean required, int min, int max, String dbColumn, String note,
                                      String example, String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.NUMBER, required, null, min, max, dbColumn, note, example);
    }

    public static AgencyColumn yesNo(String heading, boolean required, String dbColumn, String note, String example,
                                     String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.YES_NO, required, null, 0, 0, dbColumn, note, example);
    }

    /**
     * Y or N, or the words a system writes for them in this column ({@code words}: codes "Y" and
     * "N"), e.g. a learning system's attendance status "Attended" / "Did not attend".
     */
    public static AgencyColumn yesNo(String heading, boolean required, CodeList words, String dbColumn, String note, String example,
                                     String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.YES_NO, required, words, 0, 0, dbColumn, note, example);
    }

    public static AgencyColumn yesNoNa(String heading, String dbColumn, String note, String example, String... aliases) {
        return new AgencyColumn(heading, List.of(aliases), Type.YES_NO_NA, false, null, 0, 0, dbColumn, note, example);
    }

    public static AgencyColumn la() {
        return new AgencyColumn("LA code", List.of("LA", "Local authority", "LA code (3-digit)", "LEA"), Type.LA, false, null,
                0, 0, null, "Optional. The local authority the row is about: its 3-digit DfE code (e.g. 822) or 9-character "
                + "code (e.g. E06000055). Leave blank (or leave the column out) when the file is for the whole partnership; "
                + "a file in a folder named by an LA code is that LA's.", "");
    }

    /** Every heading the column is known by: the template's first. */
    public List<String> headings() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(heading), aliases.stream()).toList();
    }

    /** The drop-down a template offers, or null. */
    public List<String> choices() {
        return switch (type) {
            case CODE -> codes.labels();
            case YES_NO -> List.of("Y", "N");
            case YES_NO_NA -> List.of("Y", "N", "Not applicable");
            default -> null;
        };
    }
}
