package org.neglectscorecard.ingest.ssda903;

import java.time.LocalDate;
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
 * Turns an SSDA903 Header or Episodes row into the child and their episodes of care. Kept: the
 * child's sex, birth date and ethnicity (for breakdowns); each episode's start (DECOM), reason for
 * a new episode (RNE), legal status (LS), category of need (CIN) and end (DEC). Not kept: UPN,
 * mother's details, placements, postcodes.
 */
public class Ssda903RowProcessor implements ItemProcessor<SourceRow, ParsedRow<CinRecord>> {

    /** Codes any collection year takes (ingest/ssda903/*.yml): the year of a row is not known while it is read. */
    private static final java.util.Set<String> RNE = Ssda903.YEARS.anyYearCodes("RNE");
    private static final java.util.Set<String> LS = Ssda903.YEARS.anyYearCodes("LS");

    private final Pseudonymiser pseudonymiser;
    private final LaDirectory las;

    public Ssda903RowProcessor(Pseudonymiser pseudonymiser, LaDirectory las) {
        this.pseudonymiser = pseudonymiser;
        this.las = las;
    }

    @Override
    public ParsedRow<CinRecord> process(SourceRow row) {
        RowCheck check = new RowCheck(row);
        String la = check.laCode(las, "LA", Values.text(row.value("LA")).orElse(row.laCode()), "No LA code for this SSDA903 "
                + "return: put its files in a folder named by the LA's 3-digit code (e.g. 822/ssda903-2025/)");
        String id = check.identifier("CHILD");
        String key = id == null || la == null ? null : pseudonymiser.childKey(la, id);
        if ("Header".equals(row.table())) {
            LocalDate birth = check.date("DOB", false, Shown.WITHHELD);
            String sex = check.code("SEX", Codes::gender);
            String ethnicity = check.code("ETHNIC", Codes::ethnicity);
            return check.result(new CinRecord.Several(la, List.of(
                    new CinRecord.Child(la, key, birth, null, sex, row.rowNumber()),
                    new CinRecord.Characteristics(la, key, ethnicity, null, row.rowNumber())), row.rowNumber()));
        }
        LocalDate start = check.requiredDate("DECOM");
        LocalDate end = check.date("DEC", true, Shown.VALUE);
        check.endNotBeforeStart("DECOM", start, "DEC", end, "episode", "ends");
        String rne = Values.text(row.value("RNE")).map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
        if (rne != null && !RNE.contains(rne)) {
            check.fail("RNE", Rejection.shown(rne), "'" + Rejection.shown(rne) + "' is not a reason for new episode (S, L, P, T, U or B)");
        }
        String ls = Values.text(row.value("LS")).map(v -> Values.leadingCode(v)).orElse(null);
        if (ls != null && !LS.contains(ls)) {
            check.leaveOut("LS", Rejection.shown(ls), "not a legal status code (" + String.join(", ", LS) + ")");
            ls = null;
        }
        String need = check.code("CIN", Codes::primaryNeed);
        return check.result(new CinRecord.ClaEpisode(la, key, start, rne, ls, need, end, row.rowNumber()));
    }
}
