package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.REJECTION;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
import static org.neglectscorecard.store.schema.Tables.STATUTORY_RETURN;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.schema.tables.records.SourceFileRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finishes loading one CIN census file, in one transaction: checks that need the whole file
 * (children or plans listed twice, rows naming a child who is not there), the date each return
 * is for, the counts, and the verdict. A file found unreadable part-way through is removed
 * whole: nothing from it stays half-loaded.
 */
@Component
public class CinLoadCompletion {

    private final DSLContext dsl;
    private final RejectionLog rejections;
    private final LaDirectory las;

    public CinLoadCompletion(DSLContext dsl, RejectionLog rejections, LaDirectory las) {
        this.dsl = dsl;
        this.rejections = rejections;
        this.las = las;
    }

    public record Outcome(String status, long rowsRead, long rowsLoaded, long rowsRejected) {
    }

    /** Idempotent: finishing a file already finished (a restart after a kill) changes nothing. */
    @Transactional
    public Outcome complete(long sourceFileId) {
        SourceFileRecord file = dsl.selectFrom(SOURCE_FILE).where(SOURCE_FILE.SOURCE_FILE_ID.eq(sourceFileId)).fetchSingle();
        if (SourceFiles.LOADED.equals(file.getStatus())) {
            return outcome(file);
        }
        if (SourceFiles.REJECTED.equals(file.getStatus())) {
            removeRows(sourceFileId);
            dsl.deleteFrom(REJECTION).where(REJECTION.SOURCE_FILE_ID.eq(sourceFileId)
                    .and(REJECTION.OUTCOME.ne(RejectionLog.FILE_REJECTED))).execute();
            file.setRowsLoaded(0);
            file.setRowsRejected(file.getRowsRead());
            file.setLoadedAt(LocalDateTime.now());
            file.update();
            return outcome(file);
        }
        long duplicates = rejectDuplicates(sourceFileId);
        noteOrphans(sourceFileId);
        datesOfReturns(file);
        file.setRowsRejected((int) (file.getRowsRejected() + duplicates));
        file.setRowsLoaded(file.getRowsRead() - file.getRowsRejected());
        file.setStatus(SourceFiles.LOADED);
        file.setLoadedAt(LocalDateTime.now());
        file.update();
        return outcome(file);
    }

    private static Outcome outcome(SourceFileRecord file) {
        return new Outcome(file.getStatus(), file.getRowsRead(), file.getRowsLoaded(), file.getRowsRejected());
    }

    private void removeRows(long sourceFileId) {
        for (String table : Purge.CHILD_LEVEL) {
            dsl.execute("DELETE FROM " + table + " WHERE return_id IN (SELECT return_id FROM statutory_return WHERE source_file_id = ?)",
                    sourceFileId);
        }
        dsl.deleteFrom(STATUTORY_RETURN).where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(sourceFileId)).execute();
    }

    /** A row repeating one already read (same child; same child and start date) would count twice. */
    private long rejectDuplicates(long file) {
        long rejected = 0;
        rejected += duplicates(file, "child", "ChildIdentifiers", "LAchildID", "child_key",
                "This child is already listed at row %s: only that row is used");
        rejected += duplicates(file, "child_characteristics", "ChildCharacteristics", "LAchildID", "child_key",
                "This child's characteristics are already given at row %s: only that row is used");
        rejected += duplicates(file, "cin_episode", "CINdetails", "CINdetailsID", "child_key, episode_ref",
                "This child already has an episode with this CINdetailsID at row %s: only that row is used");
        rejected += duplicates(file, "cin_episode", "CINdetails", "CINreferralDate", "child_key, referral_date",
                "This child already has an episode with the same referral date at row %s: only that row is used");
        rejected += duplicates(file, "cin_plan", "CINplanDates", "CINPlanStartDate", "child_key, start_date",
                "This child already has a CIN plan starting the same day at row %s: only that row is used");
        rejected += duplicates(file, "cp_plan", "ChildProtectionPlans", "CPPstartDate", "child_key, start_date",
                "This child already has a child protection plan starting the same day at row %s: only that row is used");
        return rejected;
    }

    private long duplicates(long file, String table, String sheet, String column, String key, String reason) {
        String sameKey = String.join(" AND ", java.util.Arrays.stream(key.split(",\\s*"))
                .map(k -> "d." + k + " = f." + k).toList());
        String[] reasonParts = reason.split("%s", 2);
        String valueSql = "LAchildID".equals(column) ? "'(withheld)'" : "NULL";
        dsl.execute("INSERT INTO rejection (source_file_id, sheet, row_number, column_name, value_shown, reason, outcome) "
                + "SELECT ?, ?, d.source_row, ?, " + valueSql + ", ? || CAST(f.first_row AS VARCHAR(12)) || ?, ? "
                + "FROM " + table + " d JOIN (SELECT return_id, " + key + ", MIN(row_id) AS first_id, MIN(source_row) AS first_row "
                + "  FROM " + table + " WHERE return_id IN (SELECT return_id FROM statutory_return WHERE source_file_id = ?) "
                + "  GROUP BY return_id, " + key + " HAVING COUNT(*) > 1) f "
                + "ON d.return_id = f.return_id AND " + sameKey + " AND d.row_id > f.first_id",
                file, sheet, column, reasonParts[0], reasonParts[1], RejectionLog.ROW_REJECTED, file);
        return dsl.execute("DELETE FROM " + table + " WHERE return_id IN (SELECT return_id FROM statutory_return WHERE source_file_id = ?) "
                + "AND EXISTS (SELECT 1 FROM " + table + " o WHERE o.return_id = " + table + ".return_id AND "
                + String.join(" AND ", java.util.Arrays.stream(key.split(",\\s*")).map(k -> "o." + k + " = " + table + "." + k).toList())
                + " AND o.row_id < " + table + ".row_id)", file);
    }

    /** Rows that name a child or episode the file does not have: kept (they still count), but said. */
    private void noteOrphans(long file) {
        orphans(file, "cin_episode", "CINdetails", "child", "child_key",
                "%d CINdetails rows name a child who is not in ChildIdentifiers: they are counted, but left out of breakdowns by age and gender");
        orphans(file, "cp_plan", "ChildProtectionPlans", "child", "child_key",
                "%d ChildProtectionPlans rows name a child who is not in ChildIdentifiers: they are counted, but left out of breakdowns by age and gender");
        orphans(file, "cp_plan", "ChildProtectionPlans", "cin_episode", "child_key, episode_ref",
                "%d ChildProtectionPlans rows name a CINdetailsID that is not in CINdetails: the plans are counted");
        orphans(file, "cin_plan", "CINplanDates", "cin_episode", "child_key, episode_ref",
                "%d CINplanDates rows name a CINdetailsID that is not in CINdetails: the plans are counted, but cannot be linked to the episode's assessments");
        orphans(file, "assessment", "Assessments", "cin_episode", "child_key, episode_ref",
                "%d Assessments rows name a CINdetailsID that is not in CINdetails: they are counted, but cannot be linked to a CIN plan");
    }

    private void orphans(long file, String table, String sheet, String parent, String key, String reason) {
        String join = String.join(" AND ", java.util.Arrays.stream(key.split(",\\s*")).map(k -> "p." + k + " = t." + k).toList());
        Object found = dsl.fetchValue("SELECT COUNT(*) FROM " + table + " t WHERE t.return_id IN "
                + "(SELECT return_id FROM statutory_return WHERE source_file_id = ?) AND NOT EXISTS "
                + "(SELECT 1 FROM " + parent + " p WHERE p.return_id = t.return_id AND " + join + ")", file);
        int count = found == null ? 0 : ((Number) found).intValue();
        if (count > 0) {
            rejections.record(file, List.of(new org.neglectscorecard.ingest.Rejection(sheet, null, null, null, null,
                    String.format(reason, count))), RejectionLog.NOTE);
        }
    }

    /**
     * A return is for its header's reference date, or (a table set without a Header) the first
     * 31 March on or after the latest date in it, as INDICATORS.md says.
     */
    private void datesOfReturns(SourceFileRecord file) {
        var returns = dsl.selectFrom(STATUTORY_RETURN).where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(file.getSourceFileId())).fetch();
        for (var r : returns) {
            LocalDate[] span = eventSpan(r.getReturnId());
            LocalDate earliest = span[0];
            LocalDate latest = span[1];
            LocalDate reference;
            String from;
            if (file.getHeaderReferenceDate() != null) {
                reference = file.getHeaderReferenceDate();
                from = "the return's header";
            } else if (latest != null) {
                reference = firstMarch31OnOrAfter(latest);
                from = "31 March after its latest date";
            } else {
                reference = null;
                from = "no date in the return";
            }
            r.setReferenceDate(reference);
            r.setReferenceDateFrom(from);
            r.setEarliestDate(earliest);
            r.setLatestDate(latest);
            if (reference != null) {
                las.inYear(r.getLaCode3(), reportingYear(reference)).ifPresent(la -> {
                    r.setLaCode9(la.code9());
                    r.setLaName(la.name());
                });
            }
            r.update();
        }
    }

    private LocalDate[] eventSpan(long returnId) {
        String dates = "SELECT referral_date AS d FROM cin_episode WHERE return_id = ? "
                + "UNION ALL SELECT closure_date FROM cin_episode WHERE return_id = ? "
                + "UNION ALL SELECT authorised_date FROM assessment WHERE return_id = ? "
                + "UNION ALL SELECT start_date FROM cin_plan WHERE return_id = ? "
                + "UNION ALL SELECT end_date FROM cin_plan WHERE return_id = ? "
                + "UNION ALL SELECT start_date FROM cp_plan WHERE return_id = ? "
                + "UNION ALL SELECT end_date FROM cp_plan WHERE return_id = ?";
        org.jooq.Record r = dsl.fetchOne("SELECT MIN(d), MAX(d) FROM (" + dates + ") x",
                returnId, returnId, returnId, returnId, returnId, returnId, returnId);
        return new LocalDate[] {r.get(0, LocalDate.class), r.get(1, LocalDate.class)};
    }

    public static LocalDate firstMarch31OnOrAfter(LocalDate date) {
        LocalDate march = LocalDate.of(date.getYear(), 3, 31);
        return date.isAfter(march) ? march.plusYears(1) : march;
    }

    /** The DfE reporting year (ending 31 March) a date falls in. */
    public static int reportingYear(LocalDate date) {
        return date.getMonthValue() <= 3 ? date.getYear() : date.getYear() + 1;
    }
}
