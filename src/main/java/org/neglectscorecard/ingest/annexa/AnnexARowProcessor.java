package org.neglectscorecard.ingest.annexa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neglectscorecard.ingest.Codes;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.RowCheck;
import org.neglectscorecard.ingest.RowCheck.Shown;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.ingest.cin.CinRecord;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns an Annex A row (List 6, 7 or 8) into the same records a CIN census or SSDA903 gives: the
 * child (gender, birth date, ethnicity, disability) and their CIN episode, child protection plan
 * or period of care, so the same indicators come out whichever return an LA sends. Values are
 * read in the wordings Annex A uses ("a) Male", "b) No", "N1 - Abuse or Neglect", Excel serial
 * dates, IDs exported as "1234.0"). Only what an indicator or breakdown needs is kept: no
 * worker, team, postcode or placement.
 */
public class AnnexARowProcessor implements ItemProcessor<SourceRow, ParsedRow<CinRecord>> {

    private final Pseudonymiser pseudonymiser;
    private final LaDirectory las;

    public AnnexARowProcessor(Pseudonymiser pseudonymiser, LaDirectory las) {
        this.pseudonymiser = pseudonymiser;
        this.las = las;
    }

    @Override
    public ParsedRow<CinRecord> process(SourceRow row) {
        RowCheck check = new RowCheck(row);
        String la = laCode(check);
        String id = check.identifier("Child Unique ID");
        String key = id == null || la == null ? null : pseudonymiser.childKey(la, id);
        int line = row.rowNumber();
        List<CinRecord> records = new ArrayList<>();
        LocalDate birth = check.date("Date of Birth", false, Shown.WITHHELD);
        String gender = check.code("Gender", Codes::gender);
        records.add(new CinRecord.Child(la, key, birth, null, gender, line));
        String ethnicity = check.code("Ethnicity", Codes::ethnicity);
        Boolean disabled = check.parse("Does the Child have a Disability", false, Shown.VALUE,
                v -> Codes.disability(v).orElse(null));
        records.add(new CinRecord.Characteristics(la, key, ethnicity, disabled, line));
        switch (row.table()) {
            case "List 6" -> records.add(episode(check, la, key));
            case "List 7" -> records.add(plan(check, la, key));
            case "List 8" -> records.add(periodOfCare(check, la, key));
            default -> throw new IllegalArgumentException("not an Annex A list this program reads: " + row.table());
        }
        return check.result(new CinRecord.Several(la, List.copyOf(records), line));
    }

    private String laCode(RowCheck check) {
        return check.laCode(las, null, check.row().laCode(), "No LA code for this Annex A: put the workbook in a folder "
                + "named by the LA's code or name (822/annex-a.xlsx, or Bedford/annex-a.xlsx)");
    }

    private CinRecord episode(RowCheck check, String la, String key) {
        LocalDate start = check.requiredDate("CIN Start Date");
        LocalDate closure = check.date("CIN Closure Date", true, Shown.VALUE);
        check.endNotBeforeStart("CIN Start Date", start, "CIN Closure Date", closure, "episode", "closes");
        String need = check.code("Primary Need Code", Codes::primaryNeed);
        return new CinRecord.Episode(la, key, "AnnexA:" + start, start, closure, need, null, null, check.row().rowNumber());
    }

    private CinRecord plan(RowCheck check, String la, String key) {
        LocalDate start = check.requiredDate("Child Protection Plan Start Date");
        LocalDate end = check.date("Child Protection Plan End Date", true, Shown.VALUE);
        check.endNotBeforeStart("Child Protection Plan Start Date", start, "Child Protection Plan End Date", end,
                "child protection plan", "ends");
        String initial = check.code("Initial Category of Abuse", Codes::categoryOfAbuse);
        String latest = check.code("Latest Category of Abuse", Codes::categoryOfAbuse);
        severalCategories(check, "Initial Category of Abuse");
        severalCategories(check, "Latest Category of Abuse");
        LocalDate visit = check.date("Date of the Last Statutory Visit", false, Shown.VALUE);
        Boolean alone = check.parse("Was the Child Seen Alone?", false, Shown.VALUE, AnnexARowProcessor::seenAlone);
        Integer previous = check.parse("Number of Previous Child Protection Plans", false, Shown.VALUE,
                v -> Values.wholeNumber(v).orElse(null));
        if (previous != null && previous < 0) {
            check.leaveOut("Number of Previous Child Protection Plans", previous.toString(), "a number of previous plans cannot be negative");
            previous = null;
        }
        return new CinRecord.CpPlan(la, key, "AnnexA:" + start, start, end, initial, latest, previous, visit, alone,
                check.row().rowNumber());
    }

    private boolean notedSeveral;

    /**
     * A wording naming several categories ("Neglect;Emotional") is read as Multiple, as DfE counts a plan
     * under more than one: right, but not what the person may expect (a plan for neglect among others is
     * not counted as neglect). Said once for the file, at its first such row.
     */
    private void severalCategories(RowCheck check, String column) {
        String raw = check.row().value(column);
        if (!notedSeveral && Codes.namesSeveralCategories(raw)) {
            notedSeveral = true;
            check.note(column, org.neglectscorecard.ingest.Rejection.shown(raw), "A category naming several is read as Multiple, "
                    + "as DfE counts a plan under more than one category: such a plan is not counted among the plans for neglect. "
                    + "(Said once for this file, at its first such row.)");
        }
    }

    /** Answers saying the question does not apply to the child, squashed ("n/a" is "na"). */
    private static final java.util.regex.Pattern NOT_APPLICABLE = java.util.regex.Pattern.compile(
            "^(na|notapplicable|nonapplicable|notrelevant|antenatal)|tooyoung|unborn|prebirth");

    /**
     * "a) Yes", "1 - Yes", "Seen alone", "Child seen"; "b) No", "0 - No", "Child not seen", "Not
     * seen alone": as LAs write them (liia-tools-pipeline's collected wordings). "c) Unknown" and
     * "No Visit - new in last month" are no answer (null, so not seen alone in the percentage, as
     * its definition says), not a wrong one; so are "Not applicable", "N/A", "Unborn" and "Child too
     * young" (a plan before birth, a baby), which read as "no" was an accident of spelling, and as
     * a wrong value took the whole percentage away. "Child declined" and "Refused" are a no.
     */
    static Boolean seenAlone(String v) {
        try {
            return Values.flag(Codes.stripLetterPrefix(v)).orElse(null);
        } catch (Values.BadValue e) {
            // not a plain yes or no: read on
        }
        String s = Values.squash(Codes.stripLetterPrefix(v)).replaceFirst("^([01])(yes|no)$", "$2");
        if (s.startsWith("unknown") || s.startsWith("notknown") || s.startsWith("novisit")) {
            return null;
        }
        if (s.contains("notseen") || s.contains("notalone")) {
            return false;
        }
        if (s.startsWith("yes") || s.equals("y") || s.equals("true") || s.equals("1") || s.startsWith("seen")
                || s.startsWith("childseen")) {
            return true;   // whatever follows ("Yes - sibling too young", "Seen alone, then declined to talk")
        }
        if (NOT_APPLICABLE.matcher(s).find()) {
            return null;
        }
        if (s.contains("declined") || s.contains("refused")) {
            return false;
        }
        if (s.startsWith("no") || s.equals("n") || s.equals("false") || s.equals("0")) {
            return false;
        }
        throw new Values.BadValue("is not a yes/no answer to 'was the child seen alone?'");
    }

    private CinRecord periodOfCare(RowCheck check, String la, String key) {
        LocalDate start = check.requiredDate("Date Started to be Looked After");
        LocalDate end = check.date("Date Ceased to be Looked After", true, Shown.VALUE);
        check.endNotBeforeStart("Date Started to be Looked After", start, "Date Ceased to be Looked After", end,
                "period of care", "ends");
        String need = check.code("Child's Category of Need", Codes::primaryNeed);
        String legal = Values.text(check.row().value("Child's Legal Status"))
                .map(v -> Values.leadingCode(Codes.stripLetterPrefix(v))).orElse(null);
        if (legal != null && !legal.matches("[A-Z][0-9]")) {
            check.leaveOut("Child's Legal Status", Rejection.shown(legal), "not a legal status code (C1, C2, D1, E1, J1-J3, L1-L3, V2-V4)");
            legal = null;
        }
        // Annex A gives each period of care by the date it started: a new period, as SSDA903's RNE S.
        return new CinRecord.ClaEpisode(la, key, start, "S", legal == null ? null : legal.toUpperCase(Locale.ROOT), need, end,
                check.row().rowNumber());
    }
}
