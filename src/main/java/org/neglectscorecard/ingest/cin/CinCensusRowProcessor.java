package org.neglectscorecard.ingest.cin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.neglectscorecard.ingest.Codes;
import org.neglectscorecard.ingest.CollectionYear;
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
 * Turns a CIN census row (from the XML or the tables: they arrive alike) into a typed record,
 * pseudonymising the child on the way, or rejects it with every reason found. Only what an
 * indicator or breakdown needs is kept: no UPN, no death date, no section 47 detail.
 */
public class CinCensusRowProcessor implements ItemProcessor<SourceRow, ParsedRow<CinRecord>> {

    /** Factor codes some year's census has, or still sent: anything else is left out. */
    private static final Set<String> ANY_YEAR_FACTORS = CinCensus.YEARS.anyYearCodes("AssessmentFactors");
    private static final Set<String> ANY_YEAR_CLOSURE = CinCensus.YEARS.anyYearCodes("ReasonForClosure");

    private final Pseudonymiser pseudonymiser;
    private final LaDirectory las;
    private final CollectionYear year;
    private final String folderLa;

    public CinCensusRowProcessor(Pseudonymiser pseudonymiser, LaDirectory las) {
        this(pseudonymiser, las, null);
    }

    /** @param year the collection year the return's header gives, or null (codes of any year are read) */
    public CinCensusRowProcessor(Pseudonymiser pseudonymiser, LaDirectory las, CollectionYear year) {
        this(pseudonymiser, las, year, null);
    }

    /**
     * @param folderLa the LA the folder the return sits in is named by (its 3-digit or 9-character
     *                 code, or its name), or null: a header naming another LA is said
     */
    public CinCensusRowProcessor(Pseudonymiser pseudonymiser, LaDirectory las, CollectionYear year, String folderLa) {
        this.pseudonymiser = pseudonymiser;
        this.las = las;
        this.year = year;
        this.folderLa = folderLa;
    }

    @Override
    public ParsedRow<CinRecord> process(SourceRow row) {
        CinTable table = tableOf(row);
        RowCheck check = new RowCheck(row);
        // A Header without an LEA (a national or regional extract) dates every LA's rows in the file.
        String la = table == CinTable.HEADER && Values.isBlank(row.laCode()) ? null : laCode(check);
        return switch (table) {
            case HEADER -> header(check, la);
            case CHILD_IDENTIFIERS -> child(check, la);
            case CHILD_CHARACTERISTICS -> characteristics(check, la);
            case CIN_DETAILS -> episode(check, la);
            case ASSESSMENTS -> assessment(check, la);
            case CIN_PLAN_DATES -> cinPlan(check, la);
            case CHILD_PROTECTION_PLANS -> cpPlan(check, la);
            case SECTION_47, REVIEWS -> throw new IllegalStateException(table.tableName() + " rows are not read");
            case DISABILITIES -> throw new IllegalStateException("Disabilities rows are folded into ChildCharacteristics as they are read");
        };
    }

    private static CinTable tableOf(SourceRow row) {
        for (CinTable t : CinTable.values()) {
            if (t.tableName().equals(row.table())) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a CIN census table: " + row.table());
    }

    /** An LA given by a name two LAs have had (Dorset) is the one that existed on the return's reference date. */
    private String laCode(RowCheck check) {
        return check.laCode(las, "LEA", check.row().laCode(), "No LA code for this row: add an LEA column or a Header table, "
                + "or put the return in a folder named by the LA's 3-digit code", year == null ? null : year.referenceDate(),
                "the return's reference");
    }

    /**
     * The census is as at 31 March (DfE's rule 100: ReferenceDate equals 31 March of Year). A
     * header dated otherwise is pointed out, and the return is taken as at the end of the month
     * its ReferenceDate falls in: the twelve month ends to it, or, where it holds nothing that ended
     * before its collection year's 1 April (an in-year extract), the months from that 1 April.
     */
    private ParsedRow<CinRecord> header(RowCheck check, String la) {
        LocalDate reference = check.date("ReferenceDate", true, Shown.VALUE);
        String yearText = Values.text(check.row().value("Year")).orElse(null);
        if (reference != null) {
            LocalDate monthEnd = reference.withDayOfMonth(reference.lengthOfMonth());
            boolean march31 = reference.getMonthValue() == 3 && reference.getDayOfMonth() == 31;
            if (!march31) {
                check.note("ReferenceDate", reference.toString(), "The census's reference date should be 31 March (DfE rule "
                        + "100): this return is taken as at " + monthEnd + (monthEnd.equals(reference) ? "" : ", the end of its month")
                        + ", covering the twelve months to it (or from 1 April, if nothing in it ended before then). Check "
                        + "the return's header.");
            } else if (yearText != null && yearText.matches("\\d{4}") && Integer.parseInt(yearText) != reference.getYear()) {
                check.note("Year", yearText, "The census's Year (" + yearText + ") and ReferenceDate (" + reference + ") "
                        + "disagree (DfE rule 100: ReferenceDate is 31 March of Year): the ReferenceDate is used.");
            }
            reference = monthEnd;
        }
        folderDisagrees(check, la);
        String dateTime = Values.text(check.row().value("DateTime")).orElse(null);
        java.time.LocalDateTime made = made(dateTime, check.row().header().isSpreadsheet(), check.row().header().date1904());
        if (dateTime != null && made == null) {
            check.note("DateTime", Rejection.shown(dateTime), "The header's DateTime could not be read as a date and time (write it "
                    + "as 2022-05-23T11:14:05, 23/05/2022 11:14 or 2022-05-23 11:14), so the file's saved time was used instead: "
                    + "it only matters where another version of this return is loaded with it, to tell which was made later.");
        }
        return check.result(new CinRecord.Header(la, reference, made, check.row().rowNumber()));
    }

    /**
     * The header's LEA and the LA folder the return sits in (named by its 3-digit or 9-character
     * code, or its name) are different LAs: said, since the children count for the header's. The
     * header may be right for its year (a return moved to the wrong folder), so it is not called wrong.
     */
    private void folderDisagrees(RowCheck check, String headerLa) {
        if (headerLa == null || folderLa == null || Values.isBlank(check.row().value("LEA"))) {
            return;
        }
        String folder = las.code3(folderLa).or(() -> RowCheck.byName(las, folderLa)).orElse(null);
        if (folder == null || folder.equals(headerLa)) {
            return;
        }
        // Named as well as coded: a performance officer knows the LAs by name, and a folder may be named either way.
        String folderShown = folder + named(folder);
        check.note("LEA", check.row().value("LEA").strip(), "The return's header says LEA " + headerLa + named(headerLa)
                + ", but it sits in the folder of LA " + folderShown + ": the header is used, so its children count for " + headerLa + ". If the "
                + "return is " + folder + "'s, check its header (or export it again); if it is " + headerLa + "'s, move it to "
                + "that LA's folder.");
    }

    private String named(String code3) {
        return las.current(code3).map(la -> " (" + la.name() + ")").orElse("");
    }

    /**
     * When the case management system made the return (the header's Source DateTime), or null if
     * it cannot be read: of two returns for the same LA and date loaded together, the one made
     * later is used, whatever the files' dates on disk (a copy resets those). Read as
     * {@link Values#dateTime} reads real systems' forms.
     */
    static java.time.LocalDateTime made(String dateTime, boolean fromSpreadsheet, boolean date1904) {
        return Values.dateTime(dateTime, fromSpreadsheet, date1904).orElse(null);
    }

    private String childKey(RowCheck check, String la) {
        String id = check.identifier("LAchildID");
        return id == null || la == null ? null : pseudonymiser.childKey(la, id);
    }

    private ParsedRow<CinRecord> child(RowCheck check, String la) {
        String key = childKey(check, la);
        LocalDate birth = check.date("PersonBirthDate", false, Shown.WITHHELD);
        LocalDate expected = check.date("ExpectedPersonBirthDate", false, Shown.WITHHELD);
        // GenderCurrent until 2024/25, Sex from 2025/26: whichever the row fills in.
        String genderColumn = Values.isBlank(check.row().value("Sex")) ? "GenderCurrent" : "Sex";
        String gender = check.code(genderColumn, Codes::gender);
        return check.result(new CinRecord.Child(la, key, birth, expected, gender, check.row().rowNumber()));
    }

    private ParsedRow<CinRecord> characteristics(RowCheck check, String la) {
        String key = childKey(check, la);
        String ethnicity = check.code("Ethnicity", Codes::ethnicity);
        Boolean disabled = null;
        String disabilities = Values.isBlank(check.row().value("Disabilities")) ? check.row().value("Disability")
                : check.row().value("Disabilities");
        if (!Values.isBlank(disabilities)) {
            disabled = false;
            for (String code : disabilities.split("[,;|\\s]+")) {
                String c = code.strip().toUpperCase(Locale.ROOT);
                if (!c.isEmpty() && !"NONE".equals(c)) {
                    disabled = true;
                }
            }
        }
        return check.result(new CinRecord.Characteristics(la, key, ethnicity, disabled, check.row().rowNumber()));
    }

    private ParsedRow<CinRecord> episode(RowCheck check, String la) {
        String key = childKey(check, la);
        String ref = episodeRef(check);
        LocalDate referral = check.requiredDate("CINreferralDate");
        LocalDate closure = check.date("CINclosureDate", true, Shown.VALUE);
        if (referral != null && closure != null && closure.isBefore(referral)) {
            check.fail("CINclosureDate", closure.toString(), "The episode closes (" + closure
                    + ") before its referral date (" + referral + "): correct one of the two dates");
        }
        String need = check.code("PrimaryNeedCode", Codes::primaryNeed);
        String reason = Values.text(check.row().value("ReasonForClosure")).map(v -> Values.leadingCode(v)).orElse(null);
        if (reason != null && !(year == null ? ANY_YEAR_CLOSURE.contains(reason) : year.accepts("ReasonForClosure", reason))) {
            check.leaveOut("ReasonForClosure", Rejection.shown(reason), "not a reason for closure code in the "
                    + (year == null ? "CIN census (RC1 to RC9)" : year.year() + " census ("
                    + String.join(", ", year.codes().get("ReasonForClosure")) + ")"));
            reason = null;
        }
        Boolean nfa = check.parse("ReferralNFA", false, Shown.VALUE, v -> Values.flag(v).orElse(null));
        return check.result(new CinRecord.Episode(la, key, ref, referral, closure, need, reason, nfa, check.row().rowNumber()));
    }

    private ParsedRow<CinRecord> assessment(RowCheck check, String la) {
        String key = childKey(check, la);
        String ref = episodeRef(check);
        LocalDate start = check.date("AssessmentActualStartDate", false, Shown.VALUE);
        LocalDate authorised = check.date("AssessmentAuthorisationDate", true, Shown.VALUE);
        String factors = factors(check);
        return check.result(new CinRecord.Assessment(la, key, ref, start, authorised, factors, check.row().rowNumber()));
    }

    private ParsedRow<CinRecord> cinPlan(RowCheck check, String la) {
        String key = childKey(check, la);
        String ref = episodeRef(check);
        LocalDate start = check.requiredDate("CINPlanStartDate");
        LocalDate end = check.date("CINPlanEndDate", true, Shown.VALUE);
        check.endNotBeforeStart("CINPlanStartDate", start, "CINPlanEndDate", end, "CIN plan", "ends");
        return check.result(new CinRecord.CinPlan(la, key, ref, start, end, check.row().rowNumber()));
    }

    private ParsedRow<CinRecord> cpPlan(RowCheck check, String la) {
        String key = childKey(check, la);
        String ref = episodeRef(check);
        LocalDate start = check.requiredDate("CPPstartDate");
        LocalDate end = check.date("CPPendDate", true, Shown.VALUE);
        check.endNotBeforeStart("CPPstartDate", start, "CPPendDate", end, "child protection plan", "ends");
        String initial = check.code("InitialCategoryOfAbuse", Codes::categoryOfAbuse);
        String latest = check.code("LatestCategoryOfAbuse", Codes::categoryOfAbuse);
        Integer previous = check.parse("NumberOfPreviousCPP", false, Shown.VALUE, v -> Values.wholeNumber(v).orElse(null));
        if (previous != null && previous < 0) {
            check.leaveOut("NumberOfPreviousCPP", previous.toString(), "a number of previous plans cannot be negative");
            previous = null;
        }
        return check.result(new CinRecord.CpPlan(la, key, ref, start, end, initial, latest, previous, check.row().rowNumber()));
    }

    private static String episodeRef(RowCheck check) {
        String ref = check.required("CINdetailsID", Shown.VALUE);
        if (ref != null && ref.length() > 40) {
            check.fail("CINdetailsID", Rejection.shown(ref), "is too long for a CINdetailsID (40 characters at most)");
            return null;
        }
        if (ref == null) {
            return null;
        }
        try {
            return Values.identifier(ref).orElse(ref);
        } catch (Values.BadValue e) {
            check.fail("CINdetailsID", Rejection.shown(ref), e.getMessage());
            return null;
        }
    }

    /** ",1C,16A,": delimited at both ends so SQL can test one factor with LIKE '%,16A,%'. */
    private static String factors(RowCheck check) {
        String raw = check.row().value("AssessmentFactors");
        if (Values.isBlank(raw)) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String part : raw.split("[,;|\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String code = part.strip().toUpperCase(Locale.ROOT);
            if (ANY_YEAR_FACTORS.contains(code)) {
                codes.add(code);
            } else {
                bad.add(part.strip());
            }
        }
        if (!bad.isEmpty()) {
            check.leaveOut("AssessmentFactors", Rejection.shown(String.join(",", bad)),
                    "not assessment factor codes (1A to 24A, 21 for none)");
        }
        if (codes.isEmpty()) {
            return null;
        }
        String joined = "," + String.join(",", codes) + ",";
        return joined.length() > 300 ? joined.substring(0, joined.lastIndexOf(',', 299) + 1) : joined;
    }
}
