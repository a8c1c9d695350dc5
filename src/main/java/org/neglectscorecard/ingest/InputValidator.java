package org.neglectscorecard.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.ingest.cin.CinRecord;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Checks an input folder the way a run would, without loading anything: every file read, every
 * row checked, the same problems found and reported in the same words. No database is opened
 * (so it runs while a scheduled job is running), nothing is kept, and children are told apart
 * only by a key made up for this check and thrown away.
 */
public class InputValidator {

    /**
     * What a run would make of one file.
     *
     * @param readAs  what the file was read as, in words ("Training records", "CIN census (XML)"), or null
     * @param notUsed why a run would load it and then not use it (an earlier year's return under this
     *                year's header), or null
     */
    public record FileReport(String displayName, Format format, long rowsRead, long rowsLoaded, long rowsRejected,
                             String problem, String readAs, String notUsed) {

        public FileReport(String displayName, Format format, long rowsRead, long rowsLoaded, long rowsRejected, String problem) {
            this(displayName, format, rowsRead, rowsLoaded, rowsRejected, problem, null, null);
        }

        FileReport readAs(String words) {
            return new FileReport(displayName, format, rowsRead, rowsLoaded, rowsRejected, problem, words, notUsed);
        }

        FileReport notUsed(String why) {
            return new FileReport(displayName, format, rowsRead, rowsLoaded, rowsRejected, problem, readAs, why);
        }
    }

    /** What a run says of a file it loads and then leaves out (rejects.csv's outcome, as a run writes it). */
    public static final String FILE_NOT_USED = "file not used";

    /** What a file is read as, in the words a person knows it by: the partner source or return, not the program's name for it. */
    static String readAs(InputFile f) {
        return switch (f.format()) {
            case CIN_CENSUS_XML -> "CIN census (XML)";
            case CIN_CENSUS_TABLES -> "CIN census tables";
            case ANNEX_A -> "Ofsted Annex A";
            case SSDA903 -> "SSDA903";
            case AGENCY, REFERENCE -> f.tables().keySet().stream().map(k -> f.format() == Format.AGENCY
                    ? org.neglectscorecard.ingest.agency.AgencySource.valueOf(InputScanner.tableOfKey(k)).title()
                    : f.kind().tableTitle(k)).distinct().collect(java.util.stream.Collectors.joining(", "));
            default -> null;
        };
    }

    /** One problem, located as rejects.csv locates it. */
    public record Problem(String file, Rejection rejection, String outcome) {
    }

    /**
     * @param targets the target rows read (C4), for the caller to check against the indicators and
     *                the job's areas as a run would, since a target for no figure is not a row problem
     * @param folderLas the LA codes of the folders files were found in (a run reports each such LA)
     */
    public record Report(List<FileReport> files, List<Problem> problems, List<TargetRow> targets, Set<String> folderLas) {
    }

    /** A target as its file gives it. */
    public record TargetRow(String file, org.neglectscorecard.ingest.published.ReferenceRecord.Target target) {
    }


    private final InputScanner scanner;
    private final LaDirectory las;

    public InputValidator(InputScanner scanner, LaDirectory las) {
        this.scanner = scanner;
        this.las = las;
    }

    public Report validate(Path input) throws IOException {
        return validate(input, name -> false);
    }

    /**
     * @param datedByJob whether the job file gives a file (by its name in the input folder) its as-at
     *                   date: a run then uses that date, and never sets the file aside for its own dates
     */
    public Report validate(Path input, java.util.function.Predicate<String> datedByJob) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Pseudonymiser throwaway = new Pseudonymiser(HexFormat.of().formatHex(key));
        List<FileReport> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<TargetRow> targets = new ArrayList<>();
        Set<String> folderLas = new java.util.TreeSet<>();
        for (InputFile f : scanner.scan(input)) {
            if (f.folderLaCode() != null && f.format() != Format.NOT_RECOGNISED) {
                folderLas.add(f.folderLaCode());
            }
            switch (f.format()) {
                case NOT_RECOGNISED -> files.add(new FileReport(f.displayName(), f.format(), 0, 0, 0, f.problemAlone()));
                case UNREADABLE -> {
                    files.add(new FileReport(f.displayName(), f.format(), 0, 0, 0, f.problemAlone()));
                    problems.add(new Problem(f.displayName(), Rejection.ofFile(f.problemAlone()), "file rejected"));
                }
                default -> files.add(check(f, f.kind().processor(f, throwaway, las), problems, targets, datedByJob.test(f.displayName()))
                        .readAs(readAs(f)));
            }
        }
        return new Report(files, problems, List.copyOf(targets), java.util.Collections.unmodifiableSet(folderLas));
    }

    private FileReport check(InputFile f, ItemProcessor<SourceRow, ParsedRow<?>> processor, List<Problem> problems,
                             List<TargetRow> targets, boolean datedByJob) {
        ItemStreamReader<SourceRow> reader = f.kind().reader(f, n -> { });
        List<Problem> found = new ArrayList<>();
        Duplicates duplicates = new Duplicates();
        Columns columns = new Columns(f.kind().wholeFile().neededColumns());
        DatedAfter datedAfter = new DatedAfter(f.kind().wholeFile().eventDates(), f.kind().wholeFile().dating(), java.time.LocalDate.now());
        long read = 0;
        long rejected = 0;
        try {
            reader.open(new ExecutionContext());
            for (SourceRow row = reader.read(); row != null; row = reader.read()) {
                read++;
                columns.saw(row);
                try {
                    ParsedRow<?> parsed = processor.process(row);
                    if (parsed.record() instanceof org.neglectscorecard.ingest.published.ReferenceRecord.Target t) {
                        targets.add(new TargetRow(f.displayName(), t));
                    }
                    parsed.valuesIgnored().forEach(r -> found.add(new Problem(f.displayName(), r, "value left out")));
                    parsed.notes().forEach(r -> found.add(new Problem(f.displayName(), r, "note")));
                    String earlier = parsed.record() instanceof CinRecord r ? duplicates.seen(r, row.rowNumber())
                            : parsed.record() instanceof org.neglectscorecard.ingest.agency.AgencyRecord a ? duplicates.seen(a, row.rowNumber())
                            : null;
                    if (earlier != null) {
                        rejected++;
                        found.add(new Problem(f.displayName(), row.problem(null, null, earlier), "row rejected"));
                    } else {
                        datedAfter.saw(row);
                    }
                } catch (RowRejectedException e) {
                    rejected++;
                    e.problems().forEach(r -> found.add(new Problem(f.displayName(), r, "row rejected")));
                }
            }
        } catch (UnreadableFileException e) {
            String message = InputScanner.aboutThisFile(Path.of(f.path()), e.getMessage());
            problems.add(new Problem(f.displayName(), Rejection.ofFile(message), "file rejected"));
            return new FileReport(f.displayName(), f.format(), read, 0, read, message);
        } catch (Exception e) {
            String message = "This file could not be read: " + e.getMessage();
            problems.add(new Problem(f.displayName(), Rejection.ofFile(message), "file rejected"));
            return new FileReport(f.displayName(), f.format(), read, 0, read, message);
        } finally {
            try {
                reader.close();
            } catch (RuntimeException e) {
                // the file was only being read
            }
        }
        if (reader instanceof FileNotes notes) {
            notes.notes().forEach(r -> found.add(new Problem(f.displayName(), r, "note")));
            f.kind().endDatesNotHeaded(f.displayName(), notes.headingsRead(), (column, note) -> found.add(new Problem(f.displayName(), note, "note")));
            f.kind().neededNotHeaded(f.displayName(), notes.headingsRead(), notes.headingsNotRead(),
                    note -> found.add(new Problem(f.displayName(), note, "note")));
            f.kind().setAsideTables(notes.tablesSetAside(), (column, note) -> found.add(new Problem(f.displayName(), note, "note")));
        }
        columns.absent(f).forEach(r -> found.add(new Problem(f.displayName(), r, "note")));
        datedAfter.notes().forEach(r -> found.add(new Problem(f.displayName(), r, "note")));
        // As a run sets it aside (its scope step): an earlier year's return under this year's header.
        String notUsed = datedByJob ? null : datedAfter.notUsed(f.displayName()).orElse(null);
        // As loading finishes a file whose dates are written month first: rejected whole.
        List<Problem> monthFirst = found.stream().filter(p -> p.rejection().reason() != null
                && p.rejection().reason().contains(Values.MONTH_FIRST)).toList();
        long monthFirstRows = monthFirst.stream().map(p -> p.rejection().sheet() + "|" + p.rejection().rowNumber()).distinct().count();
        if (Values.monthFirstFile(monthFirstRows, read)) {
            Rejection first = monthFirst.get(0).rejection();
            String message = Values.monthFirstMessage(monthFirstRows, first.valueShown(),
                    first.column(), first.rowNumber());
            problems.add(new Problem(f.displayName(), Rejection.ofFile(message), "file rejected"));
            return new FileReport(f.displayName(), f.format(), read, 0, read, message);
        }
        if (read > 0 && rejected >= read) {
            // As loading finishes a file none of whose rows could be used: rejected whole, saying why.
            List<String> reasons = found.stream().filter(p -> p.outcome().equals("row rejected"))
                    .map(p -> (p.rejection().column() == null ? "" : p.rejection().column() + ": ") + p.rejection().reason())
                    .distinct().sorted().limit(3).toList();
            String message = Values.everyRowRejectedMessage(read, reasons);
            problems.add(new Problem(f.displayName(), Rejection.ofFile(message), "file rejected"));
            problems.addAll(found);
            return new FileReport(f.displayName(), f.format(), read, 0, read, message);
        }
        problems.addAll(found);
        if (notUsed != null) {
            problems.add(new Problem(f.displayName(), Rejection.ofFile(notUsed), FILE_NOT_USED));
        }
        return new FileReport(f.displayName(), f.format(), read, read - rejected, rejected, null).notUsed(notUsed);
    }

    /**
     * What loading would record as absent (the store's absent_column): a table the indicators need
     * that the return does not have, or a column they need that no row of its table gives.
     */
    private static final class Columns {
        private final List<WholeFileRules.StoreColumn> needed;
        private final Map<String, Long> rows = new HashMap<>();
        private final Map<String, String> where = new HashMap<>();
        private final Map<String, Boolean> headed = new HashMap<>();
        private final Map<String, Long> given = new HashMap<>();

        Columns(List<WholeFileRules.StoreColumn> needed) {
            this.needed = needed;
        }

        void saw(SourceRow row) {
            rows.merge(row.table(), 1L, Long::sum);
            where.putIfAbsent(row.table(), row.header().where());
            for (WholeFileRules.StoreColumn c : needed) {
                if (c.fileTable().equals(row.table())) {
                    headed.putIfAbsent(key(c), row.header().has(c.fileColumn()));
                    if (!Values.isBlank(row.value(c.fileColumn()))) {
                        given.merge(key(c), 1L, Long::sum);
                    }
                }
            }
        }

        List<Rejection> absent(InputFile f) {
            List<Rejection> out = new ArrayList<>();
            for (WholeFileRules.StoreColumn t : f.kind().absentTables(f)) {
                String why = f.kind().notCollected(f, t);
                if (!rows.containsKey(t.fileTable()) && why != null) {
                    out.add(new Rejection(t.fileTable(), null, null, null, null, f.displayName() + " has no " + t.fileTable()
                            + " (" + why + "): " + t.neededFor() + " have no value for the months this return serves."));
                } else if (!rows.containsKey(t.fileTable())) {
                    out.add(new Rejection(t.fileTable(), null, null, null, null, f.displayName() + " has no " + t.fileTable()
                            + ": " + t.neededFor() + " will have no value for the months this return serves."));
                }
            }
            KindOfReturn.Expected expected = f.kind().expectedTables(f);
            long main = expected == null ? 0 : rows.getOrDefault(expected.main().fileTable(), 0L);
            if (expected != null && main >= expected.atLeast()) {
                for (WholeFileRules.StoreColumn t : expected.tables()) {
                    boolean said = f.kind().absentTables(f).stream().anyMatch(a -> a.field().equals(t.field()));
                    if (!said && !rows.containsKey(t.fileTable())) {
                        out.add(new Rejection(t.fileTable(), null, null, null, null, String.format("%s has %,d %s records but not "
                                + "one %s: a whole LA's return always has some, so the export seems to have left them out; %s "
                                + "will have no value for the months this return serves.", f.displayName(), main,
                                expected.main().fileTable(), t.fileTable(), t.neededFor())));
                    }
                }
            }
            for (WholeFileRules.StoreColumn c : needed) {
                long n = rows.getOrDefault(c.fileTable(), 0L);
                if (n > 0 && given.getOrDefault(key(c), 0L) == 0) {
                    String place = where.get(c.fileTable());
                    // A sheet's name alone ("List 7") does not say whose workbook: the summary lists every LA's.
                    String named = place.contains("/") || place.contains(".") ? place : f.displayName() + " (" + place + ")";
                    out.add(new Rejection(place, null, c.fileColumn(), null, null, (Boolean.TRUE.equals(headed.get(key(c)))
                            ? named + " leaves " + c.fileColumn() + " empty in every row"
                            : named + " has no " + c.fileColumn() + " column") + ": " + c.neededFor()
                            + " will have no value for the months this return serves."));
                }
            }
            return out;
        }

        private static String key(WholeFileRules.StoreColumn c) {
            return c.fileTable() + "|" + c.fileColumn();
        }
    }

    /**
     * The whole-file checks of loading (a child, episode or plan listed twice), remembering a
     * 64-bit hash of each key so a national file fits in memory.
     */
    private static final class Duplicates {
        private final Map<String, Set<Long>> seen = new HashMap<>();
        private final Map<Long, Integer> firstRow = new HashMap<>();

        String seen(CinRecord r, int row) {
            if (r instanceof CinRecord.Several several) {
                // An Annex A row: its child is on several lists (not a mistake), its plan or episode once.
                for (CinRecord one : several.records()) {
                    String earlier = null;
                    if (one instanceof CinRecord.Episode e) {
                        earlier = check("CINdetails-date", e.laCode3() + e.childKey() + "|" + e.referralDate(), row,
                                "This child already has an episode with the same CIN start date at row %d: only that row is used");
                    } else if (one instanceof CinRecord.CpPlan p) {
                        earlier = check("ChildProtectionPlans", p.laCode3() + p.childKey() + "|" + p.startDate(), row,
                                "This child already has a child protection plan starting the same day at row %d: only that row is used");
                    } else if (one instanceof CinRecord.ClaEpisode c) {
                        earlier = check("Episodes", c.laCode3() + c.childKey() + "|" + c.startDate(), row,
                                "This child already has a period of care starting the same day at row %d: only that row is used");
                    }
                    if (earlier != null) {
                        return earlier;
                    }
                }
                return null;
            }
            if (r instanceof CinRecord.Child c) {
                return check("ChildIdentifiers", c.laCode3() + c.childKey(), row, "This child is already listed at row %d: only that row is used");
            }
            if (r instanceof CinRecord.Characteristics c) {
                return check("ChildCharacteristics", c.laCode3() + c.childKey(), row, "This child's characteristics are already given at row %d: only that row is used");
            }
            if (r instanceof CinRecord.Episode e) {
                String id = check("CINdetails", e.laCode3() + e.childKey() + "|" + e.episodeRef(), row,
                        "This child already has an episode with this CINdetailsID at row %d: only that row is used");
                return id != null ? id : check("CINdetails-date", e.laCode3() + e.childKey() + "|" + e.referralDate(), row,
                        "This child already has an episode with the same referral date at row %d: only that row is used");
            }
            if (r instanceof CinRecord.CinPlan p) {
                return check("CINplanDates", p.laCode3() + p.childKey() + "|" + p.startDate(), row,
                        "This child already has a CIN plan starting the same day at row %d: only that row is used");
            }
            if (r instanceof CinRecord.CpPlan p) {
                return check("ChildProtectionPlans", p.laCode3() + p.childKey() + "|" + p.startDate(), row,
                        "This child already has a child protection plan starting the same day at row %d: only that row is used");
            }
            return null;
        }

        /** A partner's log row whose unique key (an audit's reference, a plan's family and start) an earlier row has: as loading rejects it. */
        String seen(org.neglectscorecard.ingest.agency.AgencyRecord r, int row) {
            var source = r.source();
            if (source.uniqueKey().isEmpty()) {
                return null;
            }
            StringBuilder key = new StringBuilder(String.valueOf(r.laCode3()));
            source.uniqueKey().forEach(k -> key.append('|').append(r.values().get(k)));
            return check(source.sheet(), key.toString(), row, source.repeatedKeyReason());
        }

        private String check(String table, String key, int row, String reason) {
            long h = hash(table + "|" + key);
            if (!seen.computeIfAbsent(table, t -> new HashSet<>()).add(h)) {
                return String.format(reason, firstRow.getOrDefault(h, 0));
            }
            firstRow.put(h, row);
            return null;
        }

        private static long hash(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            long h = 0xcbf29ce484222325L;
            for (byte x : b) {
                h ^= x;
                h *= 0x100000001b3L;
            }
            return h;
        }
    }
}
