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
 * Finishes loading one file (a CIN census, Annex A, SSDA903 or multi-agency file), in one transaction: checks that need the whole file
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
        java.util.Set<String> kinds = new java.util.HashSet<>(dsl.selectDistinct(STATUTORY_RETURN.SOURCE_KIND).from(STATUTORY_RETURN)
                .where(STATUTORY_RETURN.SOURCE_FILE_ID.eq(sourceFileId)).fetch(STATUTORY_RETURN.SOURCE_KIND));
        long duplicates;
        if (kinds.contains("ANNEX_A")) {
            duplicates = rejectAnnexADuplicates(sourceFileId);
        } else if (kinds.contains("SSDA903")) {
            duplicates = rejectSsda903Duplicates(sourceFileId);
        } else if (kinds.isEmpty()) {
            duplicates = 0;   // reference data, or a file every row of which was rejected
        } else if (kinds.contains(CinCensusWriter.SOURCE_KIND)) {
            duplicates = rejectDuplicates(sourceFileId);
            noteOrphans(sourceFileId);
        } else {
            duplicates = rejectAgencyDuplicates(sourceFileId);
        }
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
        for (String table : List.of("dfe_value", "stat_neighbour", "population_input", "target", "commentary")) {
            dsl.execute("DELETE FROM " + table + " WHERE source_file_id = ?", sourceFileId);
        }
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

    /** A child is on several lists, and on a list once per plan or episode: only plans and episodes given twice are mistakes. */
    private long rejectAnnexADuplicates(long file) {
        silentDuplicates(file, "child", "child_key");
        silentDuplicates(file, "child_characteristics", "child_key");
        long rejected = 0;
        rejected += duplicates(file, "cin_episode", "List 6", "CIN Start Date", "child_key, referral_date",
                "This child already has an episode with the same CIN start date at row %s: only that row is used");
        rejected += duplicates(file, "cp_plan", "List 7", "Child Protection Plan Start Date", "child_key, start_date",
                "This child already has a child protection plan starting the same day at row %s: only that row is used");
        rejected += duplicates(file, "cla_episode", "List 8", "Date Started to be Looked After", "child_key, start_date",
                "This child already has a period of care starting the same day at row %s: only that row is used");
        return rejected;
    }

    private long rejectSsda903Duplicates(long file) {
        silentDuplicates(file, "child_characteristics", "child_key");
        long rejected = 0;
        rejected += duplicates(file, "child", "Header", "CHILD", "child_key",
                "This child is already listed at row %s: only that row is used");
        rejected += duplicates(file, "cla_episode", "Episodes", "DECOM", "child_key, start_date",
                "This child already has an episode starting the same day at row %s: only that row is used");
        orphans(file, "cla_episode", "Episodes", "child", "child_key",
                "%d Episodes rows name a CHILD who is not in the Header table: they are counted, but left out of breakdowns by age and gender");
        return rejected;
    }

    /** A row given twice (the same audit, assessment, plan or month) would count twice. */
    private long rejectAgencyDuplicates(long file) {
        long rejected = 0;
        for (org.neglectscorecard.ingest.agency.AgencySource source : org.neglectscorecard.ingest.agency.AgencySource.values()) {
            if (source.uniqueKey().isEmpty()) {
                continue;
            }
            List<String> headings = source.uniqueKey().stream().map(k -> source.columns().stream()
                    .filter(c -> k.equals(c.dbColumn())).findFirst().map(org.neglectscorecard.ingest.agency.AgencyColumn::heading)
                    .orElse(k)).toList();
            rejected += duplicates(file, source.table(), source.sheet(), headings.get(0), "la_code3, " + String.join(", ", source.uniqueKey()),
                    "This " + String.join(" and ", headings) + (headings.size() > 1 ? " are" : " is")
                            + " already given at row %s: only that row is used");
        }
        return rejected;
    }

    private void silentDuplicates(long file, String table, String key) {
        dsl.execute("DELETE FROM " + table + " WHERE return_id IN (SELECT return_id FROM statutory_return WHERE source_file_id = ?) "
                + "AND EXISTS (SELECT 1 FROM " + table + " o WHERE o.return_id = " + table + ".return_id AND "
                + String.join(" AND ", java.util.Arrays.stream(key.split(",\\s*")).map(k -> "o." + k + " = " + table + "." + k).toList())
                + " AND o.row_id < " + table + ".row_id)", file);
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
            String kind = r.getSourceKind();
            boolean annual = CinCensusWriter.SOURCE_KIND.equals(kind) || "SSDA903".equals(kind);
            r.setCovers(annual || "ANNEX_A".equals(kind) ? "YEAR" : "ALL");
            if (file.getHeaderReferenceDate() != null) {
                reference = file.getHeaderReferenceDate();
                from = "the return's header";
            } else if (latest != null && annual) {
                reference = firstMarch31OnOrAfter(latest);
                from = "31 March after its latest date";
            } else if (latest != null && "ANNEX_A".equals(kind)) {
                reference = latest.withDayOfMonth(latest.lengthOfMonth());
                from = "the month end of its latest date";
            } else if (latest != null || file.getModifiedAt() != null) {
                // A log (training, audits, ...) is complete to the last month end before it was saved, even
                // where nothing happened in its last months; or to its latest date's month end if later.
                LocalDate ofLatest = latest == null ? null : latest.withDayOfMonth(latest.lengthOfMonth());
                LocalDate beforeSaved = file.getModifiedAt() == null ? null
                        : file.getModifiedAt().toLocalDate().withDayOfMonth(1).minusDays(1);
                if (beforeSaved != null && (ofLatest == null || beforeSaved.isAfter(ofLatest))) {
                    reference = beforeSaved;
                    from = "the last month end before the file was saved";
                } else {
                    reference = ofLatest;
                    from = "the month end of its latest date";
                }
            } else {
                reference = null;
                from = "no date in the return";
            }
            r.setReferenceDate(reference);
            r.setReferenceDateFrom(from);
            r.setEarliestDate(earliest);
            r.setLatestDate(latest);
            if (reference != null && !ReturnRegistry.PARTNERSHIP_WIDE.equals(r.getLaCode3())) {
                las.inYear(r.getLaCode3(), reportingYear(reference)).ifPresent(la -> {
                    r.setLaCode9(la.code9());
                    r.setLaName(la.name());
                });
            }
            r.update();
        }
    }

    /** The dates that say what a return covers: its events' dates, never dates of birth. */
    private static final List<String> EVENT_DATES = eventDates();

    private static List<String> eventDates() {
        List<String> out = new java.util.ArrayList<>(List.of("cin_episode.referral_date", "cin_episode.closure_date",
                "assessment.authorised_date", "cin_plan.start_date", "cin_plan.end_date", "cp_plan.start_date",
                "cp_plan.end_date", "cp_plan.last_visit_date", "cla_episode.start_date", "cla_episode.end_date"));
        for (org.neglectscorecard.ingest.agency.AgencySource s : org.neglectscorecard.ingest.agency.AgencySource.values()) {
            s.dateColumns().forEach(c -> out.add(s.table() + "." + c));
        }
        return List.copyOf(out);
    }

    private LocalDate[] eventSpan(long returnId) {
        String dates = String.join(" UNION ALL ", EVENT_DATES.stream().map(d -> {
            String[] tc = d.split("\\.");
            return "SELECT " + tc[1] + " AS d FROM " + tc[0] + " WHERE return_id = ?";
        }).toList());
        Object[] binds = new Object[EVENT_DATES.size()];
        java.util.Arrays.fill(binds, returnId);
        org.jooq.Record r = dsl.fetchOne("SELECT MIN(d), MAX(d) FROM (" + dates + ") x", binds);
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
