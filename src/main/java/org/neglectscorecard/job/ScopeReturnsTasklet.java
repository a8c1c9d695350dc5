package org.neglectscorecard.job;

import static org.neglectscorecard.store.schema.Tables.ABSENT_COLUMN;
import static org.neglectscorecard.store.schema.Tables.CIN_EPISODE;
import static org.neglectscorecard.store.schema.Tables.CP_PLAN;
import static org.neglectscorecard.store.schema.Tables.REJECTION;
import static org.neglectscorecard.store.schema.Tables.RUN_AREA;
import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.RUN_SCOPE;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
import static org.neglectscorecard.store.schema.Tables.STATUTORY_RETURN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.neglectscorecard.ingest.agency.RepeatedLogRows;
import org.neglectscorecard.ingest.annexa.AnnexA;
import org.neglectscorecard.ingest.cin.CinCensus;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.RejectionLog;
import org.neglectscorecard.store.ReturnRegistry;
import org.neglectscorecard.store.RunMessages;
import org.neglectscorecard.store.SourceFiles;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Decides which loaded returns this run computes from and what each covers: the date each return
 * is for (the job file may set it), the months it covers, a corrected resubmission in place of
 * the return it corrects, and the areas to report (every LA found, and the partnership).
 */
public class ScopeReturnsTasklet implements Tasklet {

    public static final String STEP = "scopeReturns";

    private final DSLContext dsl;
    private final LaDirectory las;
    private final RunMessages messages;
    private final Progress progress;

    public ScopeReturnsTasklet(DSLContext dsl, LaDirectory las, RunMessages messages, Progress progress) {
        this.dsl = dsl;
        this.las = las;
        this.messages = messages;
        this.progress = progress;
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
            java.util.Locale.UK);
    private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
            java.util.Locale.UK);

    /**
     * The run asks for a month after every input: refused in one line, and (unlike a failure) not
     * carried on next time: the next command starts afresh, reading the folder again.
     */
    public static class PeriodNotCoveredException extends RunSetAsideException {
        public PeriodNotCoveredException(String message) {
            super(message);
        }
    }

    private record Candidate(long returnId, String kind, String la3, LocalDate reference, String referenceFrom,
                             LocalDate earliest, int months, LocalDate notBefore, String file, java.time.LocalDateTime loadedAt,
                             long sourceFileId, boolean log, java.time.LocalDateTime savedAt, java.time.LocalDateTime madeAt) {
    }

    /**
     * A return with no date of its own is taken as the year's, as at the 31 March after its latest date. One
     * with no date in February or March is more likely an extract taken part-way through the year (a monthly
     * 903 cut at 31 December): taken as the year's, its last months count nothing that happened in them (a
     * trial, 4 December: 25 children starting to be looked after in the year, where 28 did). Said, with the
     * line of the job file that dates it; not re-dated, since a small LA's year's return can have quiet months.
     */
    private void quietLastMonths(long runId, String display, String la3, LocalDate reference, String from, LocalDate latest) {
        if (latest == null || reference == null || org.neglectscorecard.store.LoadCompletion.RETURN_HEADER.equals(from)
                || !reference.equals(LocalDate.of(reference.getYear(), 3, 31))
                || !latest.isBefore(reference.withDayOfMonth(1).minusMonths(1))) {
            return;
        }
        String who = whose(la3);
        LocalDate monthEnd = latest.withDayOfMonth(latest.lengthOfMonth());
        messages.add(runId, STEP, RunMessages.WARNING, display + who + " has no date of its own and none after "
                + latest.format(DAY) + ", so it is taken as the year's return, as at " + reference.format(DAY) + ", and its "
                + "months after " + monthEnd.format(MONTH) + " count nothing that happened in them. If it is an extract "
                + "taken part-way through the year, give its date in the job file under 'files:' (- path: "
                + org.neglectscorecard.ingest.InputScanner.pathInFolder(display) + ", as-at: " + monthEnd + ").");
    }

    /**
     * What dates a statutory return, as its person knows it: a return with none has no plans or
     * episodes in it at all (a trial: an SSDA903 whose episodes the reader did not find loaded its
     * children alone, and was sent to the job file for a date it plainly had).
     */
    private static String datedBy(String kind) {
        return switch (kind) {
            case org.neglectscorecard.ingest.cin.CinCensus.SOURCE_KIND -> "a CIN episode, plan or assessment date";
            case org.neglectscorecard.ingest.annexa.AnnexA.SOURCE_KIND -> "a start or end date in Lists 6 to 8";
            case org.neglectscorecard.ingest.ssda903.Ssda903.SOURCE_KIND -> "an episode's start date (DECOM) or end date (DEC)";
            default -> null;
        };
    }

    /**
     * A census extract dated part-way through its year gives the months from its year's 1 April only
     * (coveredFrom): where no other census of its LA gives the month before, its person is told why
     * the months before, and the figures over 12 months, have no value, and what would give them.
     */
    private void partYearExtractsAlone(long runId, List<Candidate> candidates) {
        Set<String> said = new java.util.HashSet<>();
        for (Candidate c : candidates) {
            if (c.notBefore() == null || !c.notBefore().isAfter(firstDayCovered(c.reference(), c.months()))
                    || !said.add(c.la3() + "|" + c.reference())) {   // a corrected resubmission of the same extract: said once
                continue;
            }
            LocalDate before = c.notBefore().minusDays(1);
            boolean given = candidates.stream().anyMatch(o -> o != c && o.kind().equals(c.kind()) && o.la3().equals(c.la3())
                    && !o.reference().isBefore(before) && !coveredFrom(o).isAfter(before));
            if (!given) {
                messages.add(runId, STEP, RunMessages.NOTE, c.file() + whose(c.la3()) + " is as at " + c.reference().format(DAY)
                        + ", part-way through its collection year, so it gives the months from " + c.notBefore().format(MONTH)
                        + " only: a census has none of the plans and episodes that ended before its year began. The months "
                        + "before, and figures over 12 months, have no value until the census as at " + before.format(DAY)
                        + " is in the input folder. If it is an extract of the 12 months to its date, say so in the job file "
                        + "under 'files:' (- path: " + org.neglectscorecard.ingest.InputScanner.pathInFolder(c.file())
                        + ", covers-months: 12).");
            }
        }
    }

    /** " (Luton)" after a file's name, or nothing for a partnership-wide log. */
    private String whose(String la3) {
        return ReturnRegistry.PARTNERSHIP_WIDE.equals(la3) ? "" : " (" + las.current(la3).map(LaDirectory.La::name).orElse("LA " + la3) + ")";
    }

    /**
     * An Annex A with no date of its own is taken as at the month end of its latest date. One whose latest
     * date is more than a week before that month end was likely taken then (lists as at 13 March): its
     * figures for the month end leave out what happened after (a trial: 157 children on a plan at 31 March
     * given as 153). Said, with the line of the job file that dates it.
     */
    private void shortOfItsMonthEnd(long runId, String display, String kind, String la3, LocalDate reference, String from,
                                    LocalDate latest) {
        if (latest == null || reference == null || !AnnexA.SOURCE_KIND.equals(kind)
                || !org.neglectscorecard.store.LoadCompletion.MONTH_END_OF_LATEST_DATE.equals(from) || !latest.plusDays(7).isBefore(reference)) {
            return;
        }
        String who = whose(la3);
        messages.add(runId, STEP, RunMessages.WARNING, display + who + " has no date of its own and none after "
                + latest.format(DAY) + ", so it is taken as at " + reference.format(DAY) + ", the end of that month. If its lists "
                + "were taken on " + latest.format(DAY) + ", its figures for " + reference.format(DAY) + " leave out the plans "
                + "and episodes that started or ended after: give its date in the job file under 'files:' (- path: "
                + org.neglectscorecard.ingest.InputScanner.pathInFolder(display) + ", as-at: " + latest + "), and the month "
                + "before is the last it serves.");
    }

    /**
     * The last month end a return as at this date reaches: a month is served only by a return as at its end or
     * later, so one as at 5 December reaches 30 November (the run for 31 December was suggested, and refused too).
     */
    static LocalDate lastMonthEndReached(LocalDate reference) {
        return reference.equals(reference.withDayOfMonth(reference.lengthOfMonth())) ? reference : reference.withDayOfMonth(1).minusDays(1);
    }

    /**
     * The first day a return's months cover: an annual return the 12 months to its date, an Annex A
     * the six months to it; a full-history extract or a log, from its earliest date; a CIN census
     * dated part-way through its collection year that holds that year alone, from its 1 April.
     */
    private static LocalDate coveredFrom(Candidate c) {
        if (c.earliest() != null) {
            return c.earliest();
        }
        LocalDate from = firstDayCovered(c.reference(), c.months());
        return c.notBefore() != null && c.notBefore().isAfter(from) ? c.notBefore() : from;
    }

    /**
     * The 1 April that starts the collection year a CIN census return's header date falls in. A census
     * holds the episodes and plans open at any time from that day: one dated part-way through the
     * year (an in-year extract as at 30 September) has nothing of those that ended before it, so the
     * months before it are not its to give (a trial: a plan open at 31 October 2024 that ended in
     * March 2025 was missing, and a month with no other plan read 0).
     */
    static LocalDate collectionYearStart(LocalDate reference) {
        LocalDate april = LocalDate.of(reference.getYear(), 4, 1);
        return reference.isBefore(april) ? april.minusYears(1) : april;
    }

    /**
     * The day a CIN census's months begin if it holds its collection year alone, or null if it holds
     * more: a plan or episode in it that ended before that 1 April (the census's end dates) says it was
     * taken over the months before too (a year's census exported on 30 April, an extract of the 12
     * months to its date), and it keeps the 12 months to its date.
     */
    private LocalDate censusYearStart(long returnId, LocalDate reference) {
        LocalDate start = collectionYearStart(reference);
        if (!start.isAfter(firstDayCovered(reference, 12))) {
            return null;   // as at 31 March: its year is the 12 months to it
        }
        for (var ends : org.neglectscorecard.ingest.ReturnKind.CIN_CENSUS.rules().endDates()) {
            @SuppressWarnings("unchecked")
            org.jooq.Field<LocalDate> end = (org.jooq.Field<LocalDate>) ends.field();
            if (dsl.fetchExists(ends.table(), ends.table().field("return_id", Long.class).eq(returnId).and(end.lt(start)))) {
                return null;
            }
        }
        return start;
    }

    /**
     * The first day of the {@code months} months to a date: from the day after it, back. Counted back
     * from the date itself, a month shorter than the one before cut the day short (30 September less
     * six months is 30 March, and a day on is 31 March: seven month ends, one of them before the
     * file reaches).
     */
    static LocalDate firstDayCovered(LocalDate reference, int months) {
        return reference.plusDays(1).minusMonths(months);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(chunkContext.getStepContext().getStepExecution());
        long runId = run.runId();
        messages.clear(runId, STEP);
        java.time.LocalDate purged = org.neglectscorecard.store.AuditLog.purgedBefore(dsl);
        if (purged != null) {
            messages.add(runId, STEP, RunMessages.NOTE, "Child-level rows dated before " + purged.format(DAY) + " were deleted by "
                    + "purge (the job file's retention-years). Figures counted from the multi-agency logs have no value for "
                    + "the months that would count them (12-month figures for a year after), nor, where the strategy began "
                    + "before then, those counted since it began: the figures first published for those months are in "
                    + "their own months' outputs.");
        }
        dsl.deleteFrom(RUN_SCOPE).where(RUN_SCOPE.RUN_ID.eq(runId)).execute();
        dsl.deleteFrom(RUN_AREA).where(RUN_AREA.RUN_ID.eq(runId)).execute();

        List<Candidate> candidates = new ArrayList<>();
        // Returns set aside for their dates or their LA, for the refusal below: the one the person meant may be among them.
        List<String> setAside = new ArrayList<>();
        for (Record r : dsl.select(STATUTORY_RETURN.RETURN_ID, STATUTORY_RETURN.SOURCE_KIND, STATUTORY_RETURN.LA_CODE3,
                        STATUTORY_RETURN.REFERENCE_DATE, STATUTORY_RETURN.REFERENCE_DATE_FROM, STATUTORY_RETURN.EARLIEST_DATE, STATUTORY_RETURN.COVERS,
                        STATUTORY_RETURN.LATEST_DATE,
                        RUN_INPUT.DISPLAY_NAME, SOURCE_FILE.LOADED_AT, SOURCE_FILE.SOURCE_FILE_ID, SOURCE_FILE.MODIFIED_AT,
                        SOURCE_FILE.HEADER_MADE_AT,
                        SOURCE_FILE.FOLDER_LA_CODE)
                .from(STATUTORY_RETURN)
                .join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(STATUTORY_RETURN.SOURCE_FILE_ID))
                .join(RUN_INPUT).on(RUN_INPUT.SOURCE_FILE_ID.eq(SOURCE_FILE.SOURCE_FILE_ID).and(RUN_INPUT.RUN_ID.eq(runId)))
                .where(SOURCE_FILE.STATUS.eq(SourceFiles.LOADED))
                .orderBy(RUN_INPUT.DISPLAY_NAME, STATUTORY_RETURN.LA_CODE3)
                .fetch()) {
            String display = r.get(RUN_INPUT.DISPLAY_NAME);
            if (org.neglectscorecard.ingest.cin.CinCensus.SOURCE_KIND.equals(r.get(STATUTORY_RETURN.SOURCE_KIND))) {
                // Only a census names its LA in a header; a partner's log may rightly give several LAs in one folder.
                headerNamesAnotherLa(runId, display, r.get(STATUTORY_RETURN.LA_CODE3), r.get(SOURCE_FILE.FOLDER_LA_CODE));
            }
            Optional<JobFile.FileOverride> override = run.jobFile().overrideFor(display);
            LocalDate reference = r.get(STATUTORY_RETURN.REFERENCE_DATE);
            String from = r.get(STATUTORY_RETURN.REFERENCE_DATE_FROM);
            if (override.isPresent() && override.get().asAt() != null) {
                reference = override.get().asAt();
                from = "the job file";
            }
            if (reference == null) {
                String dated = datedBy(r.get(STATUTORY_RETURN.SOURCE_KIND));
                messages.notUsed(runId, STEP, RunMessages.WARNING, display, display + " has no date in it, so the months it covers are "
                        + "unknown and it was not used." + (dated == null ? " Give its as-at date in the job file under 'files:'."
                        : " None of its rows gives " + dated + ": if it should have them, check that it is the whole return as its "
                        + "system exported it ('validate' lists what each table gave); else give its as-at date in the job file "
                        + "under 'files:'."));
                continue;
            }
            SetAside aside = setAside(display, r.get(STATUTORY_RETURN.LA_CODE3), reference, from, r.get(STATUTORY_RETURN.COVERS),
                    r.get(STATUTORY_RETURN.LATEST_DATE));
            if (aside != null) {
                messages.notUsed(runId, STEP, RunMessages.WARNING, display, aside.said());
                setAside.add(aside.shortly());
                continue;
            }
            if (override.isEmpty() || override.get().asAt() == null) {
                quietLastMonths(runId, display, r.get(STATUTORY_RETURN.LA_CODE3), reference, from, r.get(STATUTORY_RETURN.LATEST_DATE));
                shortOfItsMonthEnd(runId, display, r.get(STATUTORY_RETURN.SOURCE_KIND), r.get(STATUTORY_RETURN.LA_CODE3), reference,
                        from, r.get(STATUTORY_RETURN.LATEST_DATE));
            }
            // An annual return covers the 12 months to its date; a full-history extract, and a log
            // (training, audits, ...) that says it covers all of its own dates, from its earliest date.
            boolean log = ReturnRegistry.COVERS_ALL.equals(r.get(STATUTORY_RETURN.COVERS));
            boolean all = override.isPresent() && override.get().fullHistory() || log;
            LocalDate earliest = all ? r.get(STATUTORY_RETURN.EARLIEST_DATE) : null;
            Integer monthsGiven = override.map(JobFile.FileOverride::coversMonths).orElse(null);
            int months = monthsGiven != null ? monthsGiven
                    : ReturnRegistry.COVERS_SIX_MONTHS.equals(r.get(STATUTORY_RETURN.COVERS)) ? 6 : 12;
            LocalDate notBefore = monthsGiven == null && earliest == null
                    && org.neglectscorecard.ingest.cin.CinCensus.SOURCE_KIND.equals(r.get(STATUTORY_RETURN.SOURCE_KIND))
                    ? censusYearStart(r.get(STATUTORY_RETURN.RETURN_ID), reference) : null;
            candidates.add(new Candidate(r.get(STATUTORY_RETURN.RETURN_ID), r.get(STATUTORY_RETURN.SOURCE_KIND),
                    r.get(STATUTORY_RETURN.LA_CODE3), reference, from, earliest, months, notBefore, display, r.get(SOURCE_FILE.LOADED_AT),
                    r.get(SOURCE_FILE.SOURCE_FILE_ID), log, r.get(SOURCE_FILE.MODIFIED_AT), r.get(SOURCE_FILE.HEADER_MADE_AT)));
        }

        // A month no input reaches would be computed from nothing and look like a fall: refused.
        Candidate latest = candidates.stream().max(Comparator.comparing(Candidate::reference)).orElse(null);
        if (latest != null && latest.reference().isBefore(run.period())) {
            throw new PeriodNotCoveredException("No file in the input folder reaches the month ending " + run.period().format(DAY)
                    + ": the latest is " + latest.file() + ", as at " + latest.reference().format(DAY) + ". Put that month's files "
                    + "in the input folder, or run for " + lastMonthEndReached(latest.reference()) + "."
                    + (setAside.isEmpty() ? "" : " Not used, for their dates or their LA: " + String.join("; ", setAside) + "."));
        }

        // Multi-agency logs reaching the month are not enough: without a child protection return that reaches it,
        // almost every figure of the month would have no value, and the board pack would be a page of [x].
        Candidate latestReturn = candidates.stream().filter(c -> !c.log()).max(Comparator.comparing(Candidate::reference)).orElse(null);
        if (latestReturn != null && latestReturn.reference().isBefore(run.period())) {
            throw new PeriodNotCoveredException("No child protection or child in need return reaches the month ending "
                    + run.period().format(DAY) + " (only multi-agency logs do): the latest is " + latestReturn.file() + ", as at "
                    + latestReturn.reference().format(DAY) + ". Put a return that reaches it (an Annex A, or a CIN census or "
                    + "extract, as at " + run.period().format(DAY) + " or later) in the input folder, or run for "
                    + lastMonthEndReached(latestReturn.reference()) + ".");
        }
        // Nor is a month before every input (a mistyped year): it would be a run of nothing, recorded as done.
        boolean returns = latestReturn != null;
        Candidate first = candidates.stream().filter(c -> !returns || !c.log())
                .min(Comparator.comparing(ScopeReturnsTasklet::coveredFrom)).orElse(null);
        if (first != null && run.period().isBefore(coveredFrom(first))) {
            throw new PeriodNotCoveredException("No " + (returns ? "child protection or child in need return" : "file")
                    + " in the input folder reaches back to the month ending " + run.period().format(DAY) + ": the earliest month "
                    + (returns ? "one" : "any") + " covers is " + coveredFrom(first).format(MONTH) + " (" + first.file()
                    + "). Check the period asked for, or put that year's returns in the input folder.");
        }

        logsEndingEarly(run, candidates);
        partYearExtractsAlone(runId, candidates);

        // A corrected resubmission (same LA, kind and date) replaces the return it corrects: the one loaded last wins.
        // Logs (training, audits, ...) are never resubmissions of each other: two agencies' logs are both used.
        Map<String, List<Candidate>> sameReturn = new LinkedHashMap<>();
        candidates.forEach(c -> sameReturn.computeIfAbsent(c.log() ? "log|" + c.returnId()
                : c.la3() + "|" + c.kind() + "|" + c.reference(), k -> new ArrayList<>()).add(c));
        Map<String, Long> streams = new java.util.HashMap<>();
        candidates.stream().filter(Candidate::log).sorted(Comparator.comparingLong(Candidate::returnId))
                .forEach(c -> streams.putIfAbsent(c.la3() + "|" + c.kind(), c.returnId()));
        Set<String> la3s = new LinkedHashSet<>();
        List<RepeatedLogRows.Log> logs = new ArrayList<>();
        for (List<Candidate> group : sameReturn.values()) {
            // Returns that each say when they were made (a census header's DateTime): the one made later, whenever it was
            // loaded (a copy of the original sent again must not undo its correction). Else the one loaded later.
            boolean allMade = group.stream().allMatch(c -> c.madeAt() != null);
            Comparator<Candidate> loaded = Comparator.comparing(Candidate::loadedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
            group.sort((allMade ? Comparator.comparing(Candidate::madeAt).thenComparing(loaded) : loaded)
                    .thenComparing(Candidate::sourceFileId));
            Candidate used = group.get(group.size() - 1);
            for (Candidate replaced : group.subList(0, group.size() - 1)) {
                messages.add(runId, STEP, RunMessages.WARNING, used.file() + " replaces " + replaced.file()
                        + " (both are LA " + used.la3() + "'s return for " + used.reference() + "; " + (allMade
                        ? "the one made later is used, by the DateTime in their headers: " + made(used) + " against " + made(replaced) + ")."
                        : "the one loaded later is used, as " + (replaced.madeAt() == null && used.madeAt() == null
                        ? "neither says when it was made" : "only one says when it was made") + ": " + used.file() + " " + made(used)
                        + ", " + replaced.file() + " " + made(replaced) + ". If " + replaced.file() + " is the correction, take "
                        + used.file() + " out of the input folder and run again.)"));
            }
            insertScope(run, used, used.log() ? streams.get(used.la3() + "|" + used.kind()) : used.returnId());
            if (used.log()) {
                logs.add(new RepeatedLogRows.Log(used.returnId(), used.kind(), used.la3(), used.file(), used.reference(), used.savedAt(),
                        used.loadedAt(), used.sourceFileId()));
            }
            if (!ReturnRegistry.PARTNERSHIP_WIDE.equals(used.la3())) {
                la3s.add(used.la3());
            }
        }
        List<Candidate> usedReturns = sameReturn.values().stream().map(g -> g.get(g.size() - 1)).toList();
        monthsNoReturnCovers(run, usedReturns);
        valuesLeftOut(runId, usedReturns);
        childrenNotCarriedOver(runId, usedReturns);
        plansWithoutCategory(runId, usedReturns);
        for (RepeatedLogRows.Repeat repeat : new RepeatedLogRows(dsl).mark(logs)) {
            messages.add(runId, STEP, RunMessages.WARNING, repeat.sentence());
        }
        areas(run, la3s);
        progress.say("Using " + CheckInputsTasklet.plural(sameReturn.size(), "return") + " for "
                + CheckInputsTasklet.plural(la3s.size(), "LA"));
        return RepeatStatus.FINISHED;
    }

    /**
     * A column whose values could not be read on many of a used file's rows (a second system's codes pasted
     * into List 7's categories): each row was loaded without its value, and the figures that read the column
     * count it as blank (a trial, 4 December: neglect plans 60 to 52, said only as "58 problems found" at the
     * foot of the summary). Said with the warnings, per file and column; a stray value or two is left to
     * rejects.csv.
     */
    private void valuesLeftOut(long runId, List<Candidate> used) {
        Map<Long, String> files = new LinkedHashMap<>();
        used.forEach(c -> files.putIfAbsent(c.sourceFileId(), c.file()));
        if (files.isEmpty()) {
            return;
        }
        var n = org.jooq.impl.DSL.count();
        for (var r : dsl.select(REJECTION.SOURCE_FILE_ID, REJECTION.SHEET, REJECTION.COLUMN_NAME, n, SOURCE_FILE.ROWS_READ)
                .from(REJECTION).join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(REJECTION.SOURCE_FILE_ID))
                .where(REJECTION.SOURCE_FILE_ID.in(files.keySet()).and(REJECTION.OUTCOME.eq(RejectionLog.VALUE_LEFT_OUT)))
                .groupBy(REJECTION.SOURCE_FILE_ID, REJECTION.SHEET, REJECTION.COLUMN_NAME, SOURCE_FILE.ROWS_READ)
                .orderBy(REJECTION.SOURCE_FILE_ID, REJECTION.SHEET, REJECTION.COLUMN_NAME)
                .fetch()) {
            int count = r.get(n);
            if (count < 3 || count < 10 && 100L * count < r.get(SOURCE_FILE.ROWS_READ)) {   // ten, or one in a hundred rows
                continue;
            }
            String column = r.get(REJECTION.COLUMN_NAME) == null ? "a column" : r.get(REJECTION.COLUMN_NAME);
            String sheet = r.get(REJECTION.SHEET) == null ? "" : " in " + r.get(REJECTION.SHEET);
            // A column indicators need is then recorded absent for the file's returns (LoadCompletion): its figures withheld.
            var absent = ABSENT_COLUMN.SOURCE_FILE_ID.eq(r.get(REJECTION.SOURCE_FILE_ID)).and(ABSENT_COLUMN.FILE_COLUMN.eq(column));
            boolean withheld = dsl.fetchExists(ABSENT_COLUMN, absent);
            // A partner's log loses only the months its unreadable values are dated in, and only for the LAs with enough of them.
            boolean byMonth = withheld && dsl.fetchExists(ABSENT_COLUMN, absent.and(ABSENT_COLUMN.MONTH_FROM.isNotNull()));
            messages.add(runId, STEP, RunMessages.WARNING, files.get(r.get(REJECTION.SOURCE_FILE_ID)) + ": " + count
                    + " values of " + column + sheet + " could not be read, and their rows were loaded without them: the "
                    + "figures that use " + column + (byMonth ? " have no value for the months those rows are dated in, where "
                    + "an LA has 3 or more (see the top of this summary), and elsewhere count those rows as if it were blank"
                    : withheld ? " have no value for the months the file serves (see the top of this summary)"
                    : " count those rows as if it were blank") + ". Each is in rejects.csv, with what "
                    + "to write instead; correct them and run again.");
        }
    }

    /**
     * The children whose CIN episodes were open at the end of an LA's census year are in its next
     * return too. Where most are not, the two returns give the same children different LAchildIDs
     * (another system's references, IDs re-keyed), and every plan and episode open across the year
     * end is counted twice in the 12-month figures around it (a trial, 6 December: CP plans started
     * in the year to 30 April 2025, 239 where there were 138, and nothing said). Said per LA and year end.
     */
    private void childrenNotCarriedOver(long runId, List<Candidate> used) {
        Map<String, List<Candidate>> byLa = new java.util.TreeMap<>();
        for (Candidate c : used) {
            if (!c.log() && CinCensus.SOURCE_KIND.equals(c.kind())) {
                byLa.computeIfAbsent(c.la3(), k -> new ArrayList<>()).add(c);
            }
        }
        // Every LA's consecutive returns at once, in one statement: one statement a pair cost the national extract 2 s.
        Map<Long, Candidate[]> pairs = new LinkedHashMap<>();
        for (List<Candidate> returns : byLa.values()) {
            returns.sort(Comparator.comparing(Candidate::reference));
            for (int i = 1; i < returns.size(); i++) {
                Candidate before = returns.get(i - 1);
                Candidate after = returns.get(i);
                LocalDate yearEnd = before.reference();
                if (!coveredFrom(after).isAfter(yearEnd.plusDays(1)) && after.reference().isAfter(yearEnd)) {
                    pairs.put(before.returnId(), new Candidate[] {before, after});   // no gap between them, nor the same date
                }
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        org.jooq.Row3<Long, Long, LocalDate>[] rows = pairs.values().stream()
                .map(p -> org.jooq.impl.DSL.row(p[0].returnId(), p[1].returnId(), p[0].reference())).toArray(org.jooq.Row3[]::new);
        var pair = org.jooq.impl.DSL.values(rows).as("pair", "before_id", "after_id", "year_end");
        var beforeId = pair.field("before_id", Long.class);
        var afterId = pair.field("after_id", Long.class);
        var yearEnd = pair.field("year_end", LocalDate.class);
        var e = CIN_EPISODE;
        var open = org.jooq.impl.DSL.selectDistinct(beforeId.as("before_id"), afterId.as("after_id"), e.CHILD_KEY.as("child_key"))
                .from(pair).join(e).on(e.RETURN_ID.eq(beforeId))
                .where(e.REFERRAL_DATE.le(yearEnd).and(e.CLOSURE_DATE.isNull().or(e.CLOSURE_DATE.gt(yearEnd))))
                .asTable("open_at_year_end");
        var next = e.as("next_return");
        var carried = org.jooq.impl.DSL.count();
        var found = org.jooq.impl.DSL.count().filterWhere(org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(next)
                .where(next.RETURN_ID.eq(open.field("after_id", Long.class)).and(next.CHILD_KEY.eq(open.field("child_key", String.class))))));
        for (var r : dsl.select(open.field("before_id", Long.class), carried, found).from(open)
                .groupBy(open.field("before_id", Long.class)).orderBy(open.field("before_id", Long.class)).fetch()) {
            Candidate before = pairs.get(r.value1())[0];
            Candidate after = pairs.get(r.value1())[1];
            int n = r.value2();
            int in = r.value3();
            if (n < CARRIED_OVER_AT_LEAST || 2 * in >= n || !dsl.fetchExists(e, e.RETURN_ID.eq(after.returnId()))) {
                continue;   // too few to tell a new system from a quiet year, most are there, or the next has no episodes at all
            }
            messages.add(runId, STEP, RunMessages.WARNING, String.format("Of the %,d children whose episodes were open at %s in "
                    + "%s%s, %s in %s: the two returns seem to give the same children different LAchildIDs (another "
                    + "system's references, or IDs re-keyed), and then each plan and episode open across %s is counted "
                    + "twice in the 12-month figures around it. Check that both returns give a child the same LAchildID, "
                    + "and run again.", n, before.reference().format(DAY), before.file(), whose(before.la3()),
                    in == 0 ? "none is" : "only " + String.format("%,d", in) + (in == 1 ? " is" : " are"),
                    after.file(), before.reference().format(DAY)));
        }
    }

    /**
     * A child protection plan with no category of abuse is counted among the plans, but in no
     * category: the neglect figures and their percentages read low for every month it is open (a
     * trial, 6 December: 15 initial categories left blank in a year's census, children on a plan for
     * neglect 63 where there were 66, and only the Completeness sheet's 94.7% said anything). Said
     * per file and column; a column the file has not got at all is said (and its figures withheld) apart.
     */
    private void plansWithoutCategory(long runId, List<Candidate> used) {
        Map<Long, Candidate> returns = new LinkedHashMap<>();
        used.stream().filter(c -> !c.log()).forEach(c -> returns.put(c.returnId(), c));
        if (returns.isEmpty()) {
            return;
        }
        var p = CP_PLAN;
        // One pass over the plans without a category (few or none), not two over every plan of every return.
        var noInitial = org.jooq.impl.DSL.count().filterWhere(p.INITIAL_CATEGORY.isNull());
        var noLatest = org.jooq.impl.DSL.count().filterWhere(p.LATEST_CATEGORY.isNull());
        var blanks = dsl.select(p.RETURN_ID, noInitial, noLatest).from(p)
                .where(p.INITIAL_CATEGORY.isNull().or(p.LATEST_CATEGORY.isNull())).groupBy(p.RETURN_ID).orderBy(p.RETURN_ID).fetch();
        for (var r : blanks) {
            Candidate c = returns.get(r.value1());
            if (c == null) {
                continue;   // a return this run does not use
            }
            int plans = dsl.fetchCount(p, p.RETURN_ID.eq(c.returnId()));
            for (var column : List.of(p.INITIAL_CATEGORY, p.LATEST_CATEGORY)) {
                int blank = column == p.INITIAL_CATEGORY ? r.value2() : r.value3();
                if (blank == 0 || dsl.fetchExists(ABSENT_COLUMN, ABSENT_COLUMN.SOURCE_FILE_ID.eq(c.sourceFileId())
                        .and(ABSENT_COLUMN.RETURN_ID.isNull().or(ABSENT_COLUMN.RETURN_ID.eq(c.returnId())))
                        .and(ABSENT_COLUMN.STORE_TABLE.eq(p.getName())).and(ABSENT_COLUMN.STORE_COLUMN.eq(column.getName())))) {
                    continue;
                }
                String category = column == p.INITIAL_CATEGORY ? "initial category of abuse" : "latest category of abuse";
                messages.add(runId, STEP, RunMessages.WARNING, String.format("%s%s: %,d of its %,d child protection plans %s no %s "
                        + "(blank, or a value that could not be read): %s counted among the plans, but in no category, so "
                        + "the figures by %s (neglect's, and their percentages) may be low by as many in the months %s "
                        + "open. Give each its category and run again.", c.file(), whose(c.la3()), blank, plans,
                        blank == 1 ? "has" : "have", category, blank == 1 ? "it is" : "they are", category,
                        blank == 1 ? "it is" : "they are"));
            }
        }
    }

    /** The fewest children open at a year end that say whether the next return has them (a small LA has a hundred). */
    static final int CARRIED_OVER_AT_LEAST = 20;

    /**
     * Months inside an LA's history that no child protection or child in need return covers (a year's
     * census left out of the folder): each has no value for the LA, and "the data covers 2022 to 2025"
     * would not say so. Said per LA with the months and what to add.
     */
    private void monthsNoReturnCovers(RunContext run, List<Candidate> used) {
        Map<String, java.util.TreeSet<java.time.YearMonth>> covered = new java.util.TreeMap<>();
        for (Candidate c : used) {
            if (c.log() || !(CinCensus.SOURCE_KIND.equals(c.kind()) || AnnexA.SOURCE_KIND.equals(c.kind()))) {
                continue;
            }
            java.util.TreeSet<java.time.YearMonth> months = covered.computeIfAbsent(c.la3(), k -> new java.util.TreeSet<>());
            LocalDate to = c.reference().isAfter(run.period()) ? run.period() : c.reference();
            for (java.time.YearMonth m = java.time.YearMonth.from(coveredFrom(c)); !m.isAfter(java.time.YearMonth.from(to)); m = m.plusMonths(1)) {
                // A month counts as covered when its month end is (as a month end's figures are computed).
                if (!m.atEndOfMonth().isBefore(coveredFrom(c))) {
                    months.add(m);
                }
            }
        }
        covered.forEach((la3, months) -> {
            if (months.isEmpty()) {
                return;
            }
            java.time.YearMonth gapFrom = null;
            for (java.time.YearMonth m = months.first(); !m.isAfter(months.last()); m = m.plusMonths(1)) {
                if (!months.contains(m) && gapFrom == null) {
                    gapFrom = m;
                } else if (months.contains(m) && gapFrom != null) {
                    java.time.YearMonth gapTo = m.minusMonths(1);
                    messages.add(run.runId(), STEP, RunMessages.WARNING, "No child protection or child in need return covers "
                            + gapFrom.atEndOfMonth().format(MONTH) + (gapTo.equals(gapFrom) ? "" : " to " + gapTo.atEndOfMonth().format(MONTH))
                            + " for " + describe(la3) + ": its figures for those months have no value (nor the partnership's). "
                            + "Add the return that covers them (that year's census, or an Annex A) to the input folder.");
                    gapFrom = null;
                }
            }
        });
    }

    /** A return not used for its date or its LA: said in full in the summary, and shortly where a run is refused. */
    private record SetAside(String said, String shortly) {
    }

    /**
     * Why a return cannot be counted as it is dated, or null: an LA that had ended by then (Cumbria's
     * folder holding a 2023-24 table set, a header still giving Northamptonshire's LEA in 2022), whose
     * count would be the children of an LA that replaced it; or a year's return none of whose dates is
     * in the year its header names (an earlier year's return under a later year's header), which would
     * show that earlier year's children still open in every month, and no starts.
     */
    private SetAside setAside(String display, String la3, LocalDate reference, String from, String covers, LocalDate latestDate) {
        Optional<LocalDate> ended = ReturnRegistry.PARTNERSHIP_WIDE.equals(la3) ? Optional.empty() : las.ended(la3);
        if (ended.isPresent() && reference.isAfter(ended.get())) {
            String name = las.current(la3).map(LaDirectory.La::name).orElse(la3);
            List<String> successors = las.replacedBy(la3).stream().map(this::describe).toList();
            return new SetAside(display + " is " + describe(la3) + "'s (dated " + reference.format(DAY) + " by " + from + "), but "
                    + name + " ended on " + ended.get().format(DAY) + (successors.isEmpty() ? "" : ", replaced by " + String.join(" and ", successors))
                    + ", so it was not used. Put it in the folder of the LA it is for" + (successors.isEmpty() ? "" : " (named by that LA's code)")
                    + ", or correct the LEA in its header, and run again.", display + " (" + name + " had ended)");
        }
        if (ReturnRegistry.COVERS_YEAR.equals(covers) && !"the job file".equals(from)) {
            return org.neglectscorecard.ingest.DatedAfter.earlierYear(display, reference, from, latestDate)
                    .map(e -> new SetAside(e.said(), e.shortly())).orElse(null);
        }
        return null;
    }

    /** When a return was made, as far as the program can tell, in words. */
    private static String made(Candidate c) {
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu HH:mm", java.util.Locale.UK);
        return c.madeAt() != null ? "made " + c.madeAt().format(when) + " (its header)"
                : c.savedAt() != null ? "saved " + c.savedAt().format(when) + " (the file's date, which copying changes)"
                : "with no date";
    }

    private void insertScope(RunContext run, Candidate c, long streamId) {
        long runId = run.runId();
        // One series per LA, under its current code, whatever its code was in the year the return is for.
        String code9 = ReturnRegistry.PARTNERSHIP_WIDE.equals(c.la3()) ? run.jobFile().partnershipId()
                : las.current(c.la3()).map(LaDirectory.La::code9).orElse(c.la3());
        LocalDate coverFrom = coveredFrom(c);
        dsl.insertInto(RUN_SCOPE, RUN_SCOPE.RUN_ID, RUN_SCOPE.RETURN_ID, RUN_SCOPE.STREAM_ID, RUN_SCOPE.SOURCE_KIND,
                        RUN_SCOPE.LA_CODE9, RUN_SCOPE.REFERENCE_DATE, RUN_SCOPE.REFERENCE_DATE_FROM, RUN_SCOPE.COVER_FROM,
                        RUN_SCOPE.COVER_TO)
                .values(runId, c.returnId(), streamId, c.kind(), code9, c.reference(), c.referenceFrom(), coverFrom, c.reference())
                .execute();
    }

    /**
     * A member's rows in a log (audits, early help, ...) that end before the month reported: a log
     * is dated by its latest date, so the months after have no value for that LA, nor for the
     * partnership, which a quiet month (no audit in March) does not deserve. Said with the file and
     * the month, and how to say the log is complete to a later date. Not where a later file of the
     * same kind reaches the month for that LA, nor where the job file already dates the file.
     */
    private void logsEndingEarly(RunContext run, List<Candidate> candidates) {
        Set<String> members = new LinkedHashSet<>(members(run));
        members.add(ReturnRegistry.PARTNERSHIP_WIDE);
        Map<String, LocalDate> reach = new java.util.HashMap<>();
        candidates.forEach(c -> reach.merge(c.kind() + "|" + c.la3(), c.reference(), (a, b) -> a.isAfter(b) ? a : b));
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        Map<String, Long> fileIds = new java.util.HashMap<>();
        Set<String> stale = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            if (!c.log() || !members.contains(c.la3()) || !c.reference().isBefore(run.period())
                    || !reach.get(c.kind() + "|" + c.la3()).equals(c.reference())) {
                continue;
            }
            if ("the job file".equals(c.referenceFrom())) {
                stale.add(c.file());
            } else {
                String who = ReturnRegistry.PARTNERSHIP_WIDE.equals(c.la3()) ? "the partnership"
                        : las.current(c.la3()).map(LaDirectory.La::name).orElse("LA " + c.la3());
                byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c.reference().format(MONTH) + " for " + who);
                fileIds.put(c.file(), c.sourceFileId());
            }
        }
        // Last month's advice, left in the job file, pins the log to last month: said, or it would never be again.
        stale.forEach(file -> messages.add(run.runId(), STEP, RunMessages.WARNING, file + ": the job file gives it an as-at "
                + "before " + run.period().format(DAY) + " (under 'files:'), so the figures from it have no value after that date. "
                + "If the log is now complete to " + run.period().format(DAY) + ", change that as-at to " + run.period()
                + "; if a newer log has come, put it in the input folder and remove the as-at."));
        byFile.forEach((file, ends) -> {
            // Rows rejected may be the later months: dating the file to this month would then count them as none.
            Integer rejected = dsl.select(SOURCE_FILE.ROWS_REJECTED).from(SOURCE_FILE)
                    .where(SOURCE_FILE.SOURCE_FILE_ID.eq(fileIds.get(file))).fetchOne(SOURCE_FILE.ROWS_REJECTED);
            messages.add(run.runId(), STEP, RunMessages.WARNING, file + ": its rows end in " + String.join(", ", ends)
                    + ", so the figures from it have no value after then, nor the partnership's. " + (rejected != null && rejected > 0
                    ? String.format("%,d of its rows were rejected (rejects.csv says why): correct them first, as the later months "
                    + "may be among them. Only then, if", rejected) : "If") + " the log is complete to " + run.period().format(DAY)
                    + " (nothing since), say so in the job file under 'files:' with 'path: " + file + "' and 'as-at: " + run.period()
                    + "' (for every LA in it).");
        });
    }

    /** The job file's partnership members, as 3-digit codes; a member that is no LA code stops the run, saying so. */
    private Set<String> members(RunContext run) {
        Set<String> members = new LinkedHashSet<>();
        for (String m : run.jobFile().members()) {
            Optional<String> code = las.code3(m);
            if (code.isEmpty()) {
                throw new RunSetAsideException("In " + run.jobFile().source() + ": partnership member '" + m
                        + "' is not an English LA code (3-digit DfE code such as 821, or 9-character code such as E06000032).");
            }
            members.add(code.get());
        }
        return members;
    }

    /**
     * A return whose own header names another LA than the folder it sits in counts for the header's
     * LA (INPUTS.md), which leaves the folder's LA without that return: its months then come from
     * another return, or have no value. Said where the person reads first, not only in rejects.csv.
     */
    private void headerNamesAnotherLa(long runId, String display, String returnLa3, String folderLa) {
        String folder = folderLa == null ? null : las.code3(folderLa).orElse(null);
        if (folder == null || folder.equals(returnLa3)) {
            return;
        }
        messages.add(runId, STEP, RunMessages.WARNING, display + " sits in the folder of " + describe(folder) + ", but the LA code "
                + "in it says it is " + describe(returnLa3) + "'s: it counts for " + describe(returnLa3) + ", not for " + describe(folder)
                + ". If it is " + describe(folder) + "'s return, correct the LA code in it (or export it again) and run again.");
    }

    /** Every LA with returns is reported; the partnership is the sum of its listed members. */
    private void areas(RunContext run, Set<String> la3sWithData) {
        long runId = run.runId();
        Set<String> members = members(run);
        for (String m : members) {
            Optional<LocalDate> ended = las.ended(m);
            if (ended.isPresent() && run.period().isAfter(ended.get())) {
                messages.add(runId, STEP, RunMessages.WARNING, "Partnership member " + describe(m) + " ended on "
                        + ended.get().format(DAY) + (las.replacedBy(m).isEmpty() ? "" : ", replaced by " + String.join(" and ",
                        las.replacedBy(m).stream().map(this::describe).toList())) + ": the partnership's figures need every member's "
                        + "return for a month, so no month after that has a value for the partnership. List the LAs of today as "
                        + "its members in the job file.");
                continue;
            }
            if (!la3sWithData.contains(m)) {
                messages.add(runId, STEP, RunMessages.WARNING, "No returns were found for partnership member "
                        + describe(m) + ", so the partnership's totals cannot be computed: add its files to the input folder.");
            }
        }
        var codes = dsl.selectDistinct(RUN_SCOPE.LA_CODE9).from(RUN_SCOPE)
                .where(RUN_SCOPE.RUN_ID.eq(runId).and(RUN_SCOPE.LA_CODE9.ne(run.jobFile().partnershipId())))
                .fetch(RUN_SCOPE.LA_CODE9);
        List<String> others = new ArrayList<>();
        for (String code9 : codes) {
            String la3 = las.code3(code9).orElse(code9);
            LaDirectory.La la = las.current(la3).orElse(null);
            boolean member = members.contains(la3);
            if (!member) {
                others.add(describe(la3));
                messages.add(runId, STEP, RunMessages.WARNING, describe(la3) + " is in the input but not a member of "
                        + run.jobFile().partnershipName() + ": it is reported on its own, not in the partnership's totals.");
            }
            dsl.insertInto(RUN_AREA, RUN_AREA.RUN_ID, RUN_AREA.AREA_CODE, RUN_AREA.AREA_NAME, RUN_AREA.LA_CODE3,
                    RUN_AREA.IS_PARTNERSHIP, RUN_AREA.IN_PARTNERSHIP)
                    .values(runId, code9, la == null ? code9 : la.name(), la3, false, member).execute();
        }
        dsl.insertInto(RUN_AREA, RUN_AREA.RUN_ID, RUN_AREA.AREA_CODE, RUN_AREA.AREA_NAME, RUN_AREA.LA_CODE3,
                RUN_AREA.IS_PARTNERSHIP, RUN_AREA.IN_PARTNERSHIP)
                .values(runId, run.jobFile().partnershipId(), run.jobFile().partnershipName(), null, true, false).execute();
        wholeAreaLogs(runId, run, others);
    }

    /**
     * A log with no LA code counts every row for the partnership. Beside returns of LAs that are not its
     * members, it likely covers them too: a one-LA partnership run on a three-LA folder counted the whole
     * area's training, police and feedback as its own (a fresh-eye trial), with its children's figures its own.
     */
    private void wholeAreaLogs(long runId, RunContext run, List<String> others) {
        if (others.isEmpty()) {
            return;
        }
        List<String> logs = dsl.selectDistinct(RUN_INPUT.DISPLAY_NAME).from(RUN_SCOPE)
                .join(STATUTORY_RETURN).on(STATUTORY_RETURN.RETURN_ID.eq(RUN_SCOPE.RETURN_ID))
                .join(RUN_INPUT).on(RUN_INPUT.SOURCE_FILE_ID.eq(STATUTORY_RETURN.SOURCE_FILE_ID).and(RUN_INPUT.RUN_ID.eq(runId)))
                .where(RUN_SCOPE.RUN_ID.eq(runId).and(RUN_SCOPE.LA_CODE9.eq(run.jobFile().partnershipId())))
                .orderBy(RUN_INPUT.DISPLAY_NAME).fetch(RUN_INPUT.DISPLAY_NAME);
        if (logs.isEmpty()) {
            return;
        }
        String named = logs.size() <= 3 ? String.join(", ", logs) : String.join(", ", logs.subList(0, 3)) + " and "
                + (logs.size() - 3) + " more";
        messages.add(runId, STEP, RunMessages.WARNING, named + (logs.size() == 1 ? " gives" : " give") + " no LA code, so every "
                + "row is counted for " + run.jobFile().partnershipName() + ", while the input folder also holds returns of "
                + String.join(", ", others) + ", which are not its members. If " + (logs.size() == 1 ? "that log covers" : "those logs cover")
                + " them too, give " + (logs.size() == 1 ? "it" : "them") + " an LA code column (or put each LA's rows in a folder "
                + "named by the LA), or give this partnership an input folder of its own.");
    }

    private String describe(String la3) {
        return las.current(la3).map(la -> la.name() + " (" + la3 + ")").orElse("LA " + la3);
    }
}
