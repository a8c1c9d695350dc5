package org.neglectscorecard.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.neglectscorecard.ingest.table.CsvTableReader;
import org.neglectscorecard.ingest.table.HeaderChoice;
import org.neglectscorecard.ingest.table.SheetRow;
import org.neglectscorecard.ingest.table.Spreadsheet;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.reference.LaDirectory;

/**
 * Finds the returns in an input folder and says what each is, by its content (XML root, sheet
 * headings, header row), never by its file name. This class only walks folders, tells file types
 * apart by their first bytes (POI's {@link FileMagic}) and checksums; which kind of return a file
 * is, each kind says for itself ({@link ReturnKind}), asked in turn. CSV tables that sit together
 * in one folder are one return. Which LA a file is for comes from the file, else from the nearest
 * enclosing folder named by an LA code. Nothing is loaded here.
 */
public class InputScanner {

    /** How a return is laid out, and what kind of return that is. */
    public enum Format {
        CIN_CENSUS_XML(ReturnKind.CIN_CENSUS), CIN_CENSUS_TABLES(ReturnKind.CIN_CENSUS), ANNEX_A(ReturnKind.ANNEX_A),
        SSDA903(ReturnKind.SSDA903), AGENCY(ReturnKind.MULTI_AGENCY), REFERENCE(ReturnKind.PUBLISHED),
        UNREADABLE(null), NOT_RECOGNISED(null);

        private final ReturnKind kind;

        Format(ReturnKind kind) {
            this.kind = kind;
        }

        /** The kind of return, or null for a file that is not one. */
        public ReturnKind kind() {
            return kind;
        }

        public boolean isLoadable() {
            return kind != null;
        }
    }

    /**
     * A return found in the input folder.
     *
     * @param displayName    where it is, relative to the input folder (a folder, for a CSV table set)
     * @param tables         where each table of the return is (a CSV file or a sheet), by its kind's name for it
     * @param problem        why it cannot be used, for UNREADABLE and NOT_RECOGNISED: a sentence naming the file once
     * @param workBytes      how many bytes reading it means (a workbook's sheets uncompressed), for progress
     * @param collectionYear the collection year its header gives ("2021-22"), where the kind has years and the header says
     */
    public record InputFile(String displayName, Format format, String folderLaCode, String checksum, long size,
                            LocalDateTime modified, String path, Map<String, TableSource> tables, String problem,
                            long workBytes, String collectionYear) implements Serializable {

        public InputFile(String displayName, Format format, String folderLaCode, String checksum, long size,
                         LocalDateTime modified, String path, Map<String, TableSource> tables, String problem, long workBytes) {
            this(displayName, format, folderLaCode, checksum, size, modified, path, tables, problem, workBytes, null);
        }

        public boolean isLoadable() {
            return format.isLoadable();
        }

        /** Everything its kind knows about reading, checking and storing it. */
        public KindOfReturn kind() {
            if (!format.isLoadable()) {
                throw new IllegalStateException(displayName + " is not a loadable file");
            }
            return format.kind().rules();
        }

        /**
         * Why it cannot be used, as a sentence that does not name it again: for a line, or a
         * report's row, that already names it ("This file is a corrupt Excel workbook ...").
         */
        public String problemAlone() {
            return saidAlone(displayName, problem);
        }

        /** A sentence that starts by naming an input (a file, or a table set's folder) said without the name. */
        public static String saidAlone(String displayName, String said) {
            if (said == null || !said.startsWith(displayName + " ")) {
                return said;
            }
            return thisOne(displayName.endsWith(")"), said.substring(displayName.length() + 1));
        }

        /** How reports name each of its tables: a sheet's own name, a CSV file's path in the input folder. */
        public Map<String, String> tablesShownAs() {
            Map<String, String> out = new LinkedHashMap<>();
            tables.forEach((k, v) -> {
                if (v.shownAs() != null) {
                    out.put(k, v.shownAs());
                }
            });
            return out;
        }
    }

    /** Between a table's name and its number where a workbook has more than one sheet of it ("GCP2#2"). */
    public static final String MORE_SHEETS = "#";

    /** The table a key of {@link InputFile#tables()} names: "GCP2" for "GCP2#2". */
    public static String tableOfKey(String key) {
        int i = key.indexOf(MORE_SHEETS);
        return i < 0 ? key : key.substring(0, i);
    }

    private static final Pattern LA_FOLDER = Pattern.compile("\\d{3}|[EW]\\d{8}");

    private final LaDirectory las;

    public InputScanner(LaDirectory las) {
        this.las = las;
    }

    public List<InputFile> scan(Path folder) throws IOException {
        // The input folder itself may be a link (a mounted share); links inside it are not followed.
        Path root = folder.toRealPath();
        List<Path> files = new ArrayList<>();
        List<InputFile> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(root) && (name.startsWith(".") || name.equalsIgnoreCase("templates"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("~$") || name.toUpperCase().startsWith("README")
                        || name.toUpperCase().startsWith("SYNTHETIC-DATA")) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(problem(root, file, Format.NOT_RECOGNISED, "is a link or special file, not a regular file: it was not read"));
                } else {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        TableSets sets = new TableSets();
        for (Path file : files) {
            try {
                recognise(root, file, out, sets);
            } catch (IOException e) {
                out.add(problem(root, file, Format.UNREADABLE, "could not be read: " + e.getMessage()));
            }
        }
        for (var byKind : sets.tables.entrySet()) {
            for (var set : byKind.getValue().entrySet()) {
                out.add(tableSet(root, byKind.getKey(), set.getKey(), set.getValue(), sets));
            }
        }
        out.sort(java.util.Comparator.comparing(InputFile::displayName));
        return sameFileOnce(out);
    }

    /**
     * A file put in the folder twice ("case-audits (1).csv", "... - Copy.csv", the same return in two
     * folders) is read once: the copy, by identical content, is not used and says which file it
     * repeats. Loading both would count every row twice, and a run cannot list one file twice.
     * The file with the shorter name is the one read (the original, rather than its copy).
     */
    private static List<InputFile> sameFileOnce(List<InputFile> found) {
        Map<String, InputFile> first = new LinkedHashMap<>();
        found.stream().filter(f -> f.format() != Format.NOT_RECOGNISED)
                .sorted(java.util.Comparator.comparingInt((InputFile f) -> f.displayName().length()).thenComparing(InputFile::displayName))
                .forEach(f -> first.putIfAbsent(f.checksum(), f));
        // The same return in the folders of two LAs, where only its folder says whose it is (an Annex A or an SSDA903
        // names no LA), is one LA's return in the other's folder: read as the copy, it replaced that LA's own return (a
        // trial, 6 December), and which copy is the misplaced one nothing in the files says. Neither is read. A census
        // names its LA, a partner's log may hold several LAs' rows: one copy is read, as any copy is.
        Map<String, java.util.Set<String>> folders = new LinkedHashMap<>();
        found.stream().filter(f -> (f.format() == Format.ANNEX_A || f.format() == Format.SSDA903) && f.folderLaCode() != null)
                .forEach(f -> folders.computeIfAbsent(f.checksum(), k -> new java.util.TreeSet<>()).add(f.folderLaCode()));
        List<InputFile> out = new ArrayList<>(found.size());
        for (InputFile f : found) {
            InputFile original = f.format() == Format.NOT_RECOGNISED ? f : first.get(f.checksum());
            java.util.Set<String> las = folders.getOrDefault(f.checksum(), java.util.Set.of());
            if (las.size() > 1) {
                List<String> others = found.stream().filter(o -> o != f && f.checksum().equals(o.checksum()))
                        .map(InputFile::displayName).toList();
                out.add(notRead(f, f.displayName() + " is the same return as " + String.join(" and ", others) + " (identical "
                        + "content), in the folders of " + las.size() + " LAs (" + String.join(", ", las) + "): it cannot be "
                        + "each LA's data, so no copy of it is read. Take it out of the folder of the LA it is not for, and "
                        + "run again."));
            } else {
                out.add(original == f ? f : notRead(f, f.displayName() + " is the same as " + original.displayName()
                        + " (identical content): only that one is read. Take the copy out of the input folder."));
            }
        }
        return out;
    }

    private static InputFile notRead(InputFile f, String why) {
        return new InputFile(f.displayName(), Format.NOT_RECOGNISED, f.folderLaCode(), f.checksum(), f.size(), f.modified(),
                f.path(), Map.of(), why, f.size());
    }

    /** CSV tables found so far, by kind and folder, for kinds whose tables sit together as one return. */
    private static final class TableSets {
        final Map<ReturnKind, Map<Path, Map<String, Path>>> tables = new EnumMap<>(ReturnKind.class);
        final Map<Path, Charset> charsets = new LinkedHashMap<>();
        final Map<Path, Integer> headerRows = new LinkedHashMap<>();
        final Map<ReturnKind, Map<Path, String>> duplicates = new EnumMap<>(ReturnKind.class);

        void add(ReturnKind kind, String table, Path file, Charset charset, int headerRow) {
            Map<String, Path> set = tables.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(file.getParent(),
                    k -> new TreeMap<>());
            Path earlier = set.putIfAbsent(table, file);
            if (earlier != null) {
                duplicates.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(file.getParent(), "both "
                        + earlier.getFileName() + " and " + file.getFileName() + " look like the "
                        + kind.rules().tableTitle(table) + " table", (a, b) -> a + "; " + b);
            }
            charsets.put(file, charset);
            headerRows.put(file, headerRow);
        }
    }

    private void recognise(Path root, Path file, List<InputFile> out, TableSets sets) throws IOException {
        if (Files.size(file) == 0) {
            out.add(problem(root, file, Format.NOT_RECOGNISED, "is empty"));
            return;
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        NotData.Verdict notData = NotData.describe(file, magic);
        if (notData != null) {
            out.add(problem(root, file, notData.rejected() ? Format.UNREADABLE : Format.NOT_RECOGNISED, notData.words()));
        } else if (magic == FileMagic.OOXML || magic == FileMagic.OLE2) {
            out.add(workbook(root, file));
        } else if (magic == FileMagic.XML || startsLikeXml(file)) {
            out.add(xml(root, file));
        } else {
            csv(root, file, out, sets);
        }
    }

    private void csv(Path root, Path file, List<InputFile> out, TableSets sets) throws IOException {
        Charset charset = charsetOf(file);
        TableHeader header;
        int headerRow;
        // Its heading row is found as a sheet's is: under a report's title, run date or filters, if any. Headings on
        // the first non-blank row (a plain file) are recorded as 0, as they always were.
        boolean[] onFirstRow = {true};
        HeaderChoice choice = rows -> {
            SheetRow chosen = headingRow(rows);
            onFirstRow[0] = rows.isEmpty() || chosen == rows.get(0);
            return chosen;
        };
        try (CsvTableReader reader = new CsvTableReader(file, "", charset, n -> { }, null, choice)) {
            header = reader.header();
            headerRow = onFirstRow[0] ? 0 : reader.headerRow();
        } catch (UnreadableFileException e) {
            out.add(problem(root, file, Format.UNREADABLE, e.getMessage()));
            return;
        }
        Claim claim = claim(header);
        java.util.Optional<String> other = claim != null ? java.util.Optional.empty() : java.util.Arrays.stream(ReturnKind.values())
                .map(k -> k.rules().passedOver(header)).flatMap(java.util.Optional::stream).findFirst();
        if (other.isPresent()) {
            out.add(problem(root, file, Format.NOT_RECOGNISED, "is " + other.get() + ", which no figure uses: passed over"));
            return;
        }
        if (claim == null) {
            out.add(problem(root, file, Format.NOT_RECOGNISED, "is not a table this program reads (its heading row matches "
                    + "no known return" + headingsSeen(header) + ")" + likeness(List.of(header))));
            return;
        }
        KindOfReturn rules = claim.kind().rules();
        java.util.Optional<String> refused = rules.refusal(header);
        if (refused.isPresent()) {
            out.add(problem(root, file, Format.UNREADABLE, refused.get()));
            return;
        }
        if (rules.tablesSitTogether()) {
            sets.add(claim.kind(), claim.table(), file, charset, headerRow);
            return;
        }
        Map<String, TableSource> tables = Map.of(claim.table(), TableSource.csv(file, charset, headerRow));
        KindOfReturn.Layout layout = rules.layout(tables.keySet(), false);
        if (layout.format() == null) {
            out.add(problem(root, file, layout.unreadable() ? Format.UNREADABLE : Format.NOT_RECOGNISED, layout.problem()));
            return;
        }
        out.add(new InputFile(display(root, file), layout.format(), folderLa(root, file), checksum(file), Files.size(file),
                modified(file), file.toString(), tables, null, Files.size(file), rules.collectionYear(tables)));
    }

    /** The kind of return and table a heading row is. */
    private record Claim(ReturnKind kind, String table) {
    }

    /**
     * Which kind's table a heading row is: the first kind, in order, that knows it; else the first
     * that nearly knows it (a heading misspelt or left out), so the file is read and rejected
     * naming what to correct instead of passed over as not a return.
     */
    private static Claim claim(TableHeader header) {
        for (ReturnKind kind : ReturnKind.values()) {
            String table = kind.rules().tableOf(header);
            if (table != null) {
                return new Claim(kind, table);
            }
        }
        for (ReturnKind kind : ReturnKind.values()) {
            String table = kind.rules().nearestTable(header);
            if (table != null) {
                return new Claim(kind, table);
            }
        }
        return null;
    }

    /** The first headings of a row no kind knows, so the person can see what the program saw. */
    private static String headingsSeen(TableHeader header) {
        List<String> names = header.names().stream().filter(n -> n != null && !n.isBlank()).limit(4).toList();
        if (names.isEmpty()) {
            return "";
        }
        String seen = names.stream().map(n -> "'" + (n.length() > 40 ? n.substring(0, 40) + "..." : n) + "'")
                .collect(java.util.stream.Collectors.joining(", "));
        return "; its first headings are " + seen + (header.size() > names.size() ? ", ..." : "");
    }

    /** A sheet's place in a workbook and the headings found on it. */
    private record Sheet(String name, int headerRow, TableHeader header) {
    }

    private InputFile workbook(Path root, Path file) throws IOException {
        List<Sheet> sheets = new ArrayList<>();
        List<String> names;
        try (Spreadsheet wb = Spreadsheet.open(file)) {
            names = wb.sheetNames();
            for (String name : names) {
                try (Spreadsheet.SheetTableReader r = wb.sheet(name, name, InputScanner::headingRow, n -> { })) {
                    sheets.add(new Sheet(name, r.headerRow(), r.header()));
                }
            }
            // The first kind, in order, that knows any sheet's headings says what the workbook is; else
            // the first that nearly knows one (a heading misspelt or left out), to reject it saying so.
            InputFile known = workbookAs(root, file, wb, sheets, false);
            if (known == null) {
                known = workbookAs(root, file, wb, sheets, true);
            }
            if (known != null) {
                return known;
            }
        } catch (UnreadableFileException e) {
            return problem(root, file, Format.UNREADABLE, e.getMessage());
        }
        String like = likeness(sheets.stream().map(Sheet::header).toList());
        return problem(root, file, Format.NOT_RECOGNISED, "is an Excel workbook but not a return this program reads (sheets: "
                + String.join(", ", names) + ")" + (like.isEmpty() ? ". Multi-agency data should follow a template in "
                + "sample-data/templates/ (the heading row decides what a sheet is)" : like));
    }

    /**
     * Of two sheets of a return with the same table's headings (an LA keeping its last submission's "List 7
     * (previous submission)" in the workbook), the one named as the table is ("List 7", "List_7"); null when
     * neither or both are. The first was read before, and an old list silently gave every month's figures.
     */
    static String oneOfTwoSheets(String title, String first, String second) {
        String wanted = squashedName(title);
        boolean firstNamed = squashedName(first).equals(wanted);
        boolean secondNamed = squashedName(second).equals(wanted);
        return firstNamed == secondNamed ? null : firstNamed ? first : second;
    }

    private static String squashedName(String name) {
        return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** ". It looks most like ..." for the first table a kind finds a likeness in, or "". */
    private static String likeness(List<TableHeader> headers) {
        for (TableHeader h : headers) {
            for (ReturnKind kind : ReturnKind.values()) {
                java.util.Optional<String> like = kind.rules().likeness(h);
                if (like.isPresent()) {
                    return ". " + like.get();
                }
            }
        }
        return "";
    }

    /** What a workbook is, by the first kind that knows (or, {@code nearly}, nearly knows) a sheet's headings; null: none. */
    private InputFile workbookAs(Path root, Path file, Spreadsheet wb, List<Sheet> sheets, boolean nearly) throws IOException {
        for (ReturnKind kind : ReturnKind.values()) {
            KindOfReturn rules = kind.rules();
            java.util.function.Function<TableHeader, String> tableOf = nearly ? rules::nearestTable : rules::tableOf;
            boolean mine = nearly ? sheets.stream().anyMatch(s -> tableOf.apply(s.header()) != null)
                    : sheets.stream().anyMatch(s -> rules.knowsHeadings(s.header()));
            if (!mine) {
                continue;
            }
            Map<String, TableSource> tables = new LinkedHashMap<>();
            for (Sheet s : sheets) {
                String table = tableOf.apply(s.header());
                java.util.Optional<String> refused = table == null ? java.util.Optional.empty() : rules.refusal(s.header());
                if (refused.isPresent()) {
                    return problem(root, file, Format.UNREADABLE, "has a sheet, '" + s.name() + "', that "
                            + refused.get() + " Take that sheet out of the workbook, or load the rest as CSV.");
                }
                if (table != null) {
                    // A partner keeps a sheet a year, round or service ("2024-25", "2025-26"): each is read, where its
                    // rows have a key that a row repeated in another sheet would be refused by (an "All" sheet beside its
                    // parts is no double count). A source without one (appointments, feedback), and a statutory return,
                    // have their first such sheet read, as before.
                    boolean everySheet = kind == ReturnKind.MULTI_AGENCY
                            && !org.neglectscorecard.ingest.agency.AgencySource.valueOf(table).uniqueKey().isEmpty();
                    String key = table;
                    for (int n = 2; everySheet && tables.containsKey(key); n++) {
                        key = table + MORE_SHEETS + n;
                    }
                    if (!everySheet && tables.containsKey(key)) {
                        String earlier = tables.get(key).sheet();
                        String chosen = oneOfTwoSheets(rules.tableTitle(table), earlier, s.name());
                        if (chosen == null) {
                            return problem(root, file, Format.UNREADABLE, "has two sheets with " + rules.tableTitle(table)
                                    + "'s headings, '" + earlier + "' and '" + s.name() + "', and which is this return's cannot "
                                    + "be told (an earlier submission kept in the workbook, say). Take the other one out of the "
                                    + "workbook, or name the one to use '" + rules.tableTitle(table) + "'.");
                        }
                        if (chosen.equals(s.name())) {
                            tables.put(key, TableSource.sheet(file, s.name(), s.headerRow()));
                        }
                        continue;
                    }
                    tables.putIfAbsent(key, TableSource.sheet(file, s.name(), s.headerRow()));
                }
            }
            KindOfReturn.Layout layout = rules.layout(tables.keySet(), true);
            if (layout.format() == null) {
                return problem(root, file, layout.unreadable() ? Format.UNREADABLE : Format.NOT_RECOGNISED, layout.problem());
            }
            long work = wb.sheetBytes(tables.values().stream().map(TableSource::sheet).toList());
            return new InputFile(display(root, file), layout.format(), folderLa(root, file), checksum(file),
                    Files.size(file), modified(file), file.toString(), tables, null, work, rules.collectionYear(tables));
        }
        return null;
    }

    /**
     * A sheet's or CSV file's heading row: the first of its top rows whose headings some kind of
     * return knows (Ofsted's Annex A template has a title row, and notes, above them; a
     * case-management system's CSV export a report title or run date), else the first row that
     * looks like headings.
     */
    private static SheetRow headingRow(List<SheetRow> rows) {
        for (SheetRow row : rows) {
            TableHeader header = headingsOf(row);
            for (ReturnKind kind : ReturnKind.values()) {
                if (kind.rules().knowsHeadings(header)) {
                    return row;
                }
            }
        }
        // A heading misspelt or left out: the row a kind nearly knows, so the file is rejected saying what to correct
        // (a title above it may have as many cells as headings, split at its commas).
        for (SheetRow row : rows) {
            TableHeader header = headingsOf(row);
            for (ReturnKind kind : ReturnKind.values()) {
                if (kind.rules().nearestTable(header) != null) {
                    return row;
                }
            }
        }
        return HeaderChoice.likelyHeadings(rows);
    }

    private static TableHeader headingsOf(SheetRow row) {
        return new TableHeader("", java.util.Arrays.stream(row.values()).map(v -> v == null ? "" : v).toList(), true);
    }

    private InputFile xml(Path root, Path file) throws IOException {
        for (ReturnKind kind : ReturnKind.values()) {
            KindOfReturn.XmlVerdict verdict = kind.rules().xml(file);
            if (verdict == KindOfReturn.XmlVerdict.NOT_MINE) {
                continue;
            }
            if (verdict.format() == null) {
                return problem(root, file, verdict.unreadable() ? Format.UNREADABLE : Format.NOT_RECOGNISED, verdict.problem());
            }
            return new InputFile(display(root, file), verdict.format(), folderLa(root, file), checksum(file),
                    Files.size(file), modified(file), file.toString(), Map.of(), null, Files.size(file), verdict.collectionYear());
        }
        return problem(root, file, Format.NOT_RECOGNISED, "is XML but not a return this program reads"
                + rootElement(file).map(r -> ": its outermost element is <" + r + ">, where a CIN census has <Message> and an "
                        + "SSDA903 return <" + org.neglectscorecard.ingest.ssda903.Ssda903XmlReader.ROOT + ">").orElse(""));
    }

    /** The name of an XML file's first element, read as the kinds read it (no DTDs, no entities), if it has one. */
    private static Optional<String> rootElement(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            javax.xml.stream.XMLStreamReader xml = SafeXml.factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == javax.xml.stream.XMLStreamConstants.DTD) {
                    return Optional.empty();
                }
                if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    return Optional.of(name.length() > 60 ? name.substring(0, 60) + "\u2026" : name);
                }
            }
        } catch (javax.xml.stream.XMLStreamException | IOException | RuntimeException e) {
            // not well-formed from the start: said no further
        }
        return Optional.empty();
    }

    /**
     * The path the job file's 'files:' names an input by: a file's display name as it is, a table set's
     * ("821/903/ (SSDA903 tables)") its folder, "821/903".
     */
    public static String pathInFolder(String displayName) {
        return displayName.replaceFirst("/ \\([^)]*\\)$", "");
    }

    /** What a set of CSV tables in one folder has in common, whatever the return: one checksum over all its files. */
    private InputFile tableSet(Path root, ReturnKind kind, Path folder, Map<String, Path> set, TableSets sets) throws IOException {
        KindOfReturn rules = kind.rules();
        String display = root.relativize(folder).toString().replaceAll("\\p{Cntrl}", "?");
        display = (display.isEmpty() ? "." : display) + "/ (" + rules.tableSetName() + ")";
        long size = 0;
        LocalDateTime modified = null;
        MessageDigest sha = sha256();
        Map<String, TableSource> tables = new LinkedHashMap<>();
        List<Map.Entry<String, Path>> ordered = new ArrayList<>(set.entrySet());
        ordered.sort(java.util.Comparator.comparingInt(e -> rules.tables().indexOf(e.getKey())));
        for (Map.Entry<String, Path> e : ordered) {
            size += Files.size(e.getValue());
            LocalDateTime m = modified(e.getValue());
            modified = modified == null || m.isAfter(modified) ? m : modified;
            // Unchanged from earlier versions, so files loaded before are still recognised.
            sha.update((rules.checksumPrefix() + e.getKey() + ":" + checksum(e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
            tables.put(e.getKey(), TableSource.csv(e.getValue(), sets.charsets.get(e.getValue()),
                    sets.headerRows.getOrDefault(e.getValue(), 0), display(root, e.getValue())));
        }
        String checksum = HexFormat.of().formatHex(sha.digest());
        String la = folderLa(root, set.values().iterator().next());
        String duplicate = sets.duplicates.getOrDefault(kind, Map.of()).get(folder);
        if (duplicate != null) {
            return new InputFile(display, Format.UNREADABLE, la, checksum, size, modified, folder.toString(), tables,
                    display + " holds two files for one table (" + duplicate + "): keep one of each and run again.", size);
        }
        KindOfReturn.Layout layout = rules.layout(tables.keySet(), false);
        if (layout.format() == null) {
            return new InputFile(display, layout.unreadable() ? Format.UNREADABLE : Format.NOT_RECOGNISED, la, checksum, size,
                    modified, folder.toString(), tables, display + " " + layout.problem(), size);
        }
        long work = 0;
        for (Map.Entry<String, Path> e : set.entrySet()) {
            work += rules.reads(e.getKey()) ? Files.size(e.getValue()) : 0;
        }
        return new InputFile(display, layout.format(), la, checksum, size, modified, folder.toString(), tables, null, work,
                rules.collectionYear(tables));
    }

    private InputFile problem(Path root, Path file, Format format, String message) {
        String checksum;
        long size;
        try {
            checksum = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? checksum(file) : "link:" + display(root, file);
            size = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : 0;
        } catch (IOException e) {
            checksum = "unreadable:" + display(root, file);
            size = 0;
        }
        return new InputFile(display(root, file), format, folderLa(root, file), checksum, size, modifiedOrNull(file),
                file.toString(), Map.of(), display(root, file) + " " + withoutName(file, message), size);
    }

    /**
     * A reader's message about a file (which starts with the file's name) for a line or a report's
     * row that already names the file: "This file is ..." instead of naming it twice.
     */
    public static String aboutThisFile(Path file, String message) {
        String rest = withoutName(file, message);
        return rest == null || rest.equals(message) ? message : thisOne(false, rest);
    }

    /** "This file is ...", "This folder has ...", "This file's sheet 'List 7' has ...". */
    static String thisOne(boolean folder, String rest) {
        return folder ? "This folder " + rest : rest.startsWith("sheet ") ? "This file's " + rest : "This file " + rest;
    }

    /**
     * A message about a file without the file's own name at its front (readers' messages start
     * with it), so a line that names the file by its place in the input folder names it once.
     */
    public static String withoutName(Path file, String message) {
        String name = file.getFileName().toString();
        if (message != null && message.startsWith(name + " ")) {
            return message.substring(name.length() + 1);
        }
        if (message != null && message.startsWith(name + ": ")) {
            return message.substring(name.length() + 2);
        }
        return message;
    }

    /**
     * The nearest enclosing folder named by a known LA code (3-digit or 9-character), as named, or
     * by an LA's name ("Luton", "Luton Borough Council"), as its 3-digit code. A name two LAs have
     * had (Dorset), or an LA's that has since ended (Bournemouth), names no LA on its own: the
     * files in it say which, by their own code or their dates.
     */
    private String folderLa(Path root, Path file) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root.getParent()); dir = dir.getParent()) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (LA_FOLDER.matcher(name).matches() && las.code3(name).isPresent()) {
                return name;
            }
            Optional<String> named = dir.equals(root) ? Optional.empty() : RowCheck.byName(las, name)
                    .filter(code -> las.ended(code).isEmpty());
            if (named.isPresent()) {
                return named.get();
            }
            if (dir.equals(root)) {
                break;
            }
        }
        return null;
    }

    /** How a file is named in reports: relative to the input folder, control characters shown as '?'. */
    private static String display(Path root, Path file) {
        return root.relativize(file).toString().replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * XML FileMagic does not know (it knows only "<?xml" in a single-byte encoding): its first
     * non-blank character is '<', in UTF-8 or, after its byte-order mark, UTF-16 (a census saved
     * from Windows as "Unicode").
     */
    private static boolean startsLikeXml(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            Charset utf16 = (head[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return new String(head, 2, head.length - 2, utf16).strip().startsWith("<");
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    /**
     * UTF-16 where the file starts with its byte-order mark; else UTF-8 if every byte sequence is
     * valid UTF-8, else Windows-1252 (what Excel writes on Windows).
     */
    public static Charset charsetOf(Path file) throws IOException {
        byte[] bom;
        try (InputStream in = Files.newInputStream(file)) {
            bom = in.readNBytes(2);
        }
        // Excel's "Unicode Text" is UTF-16 (little-endian), always with its byte-order mark.
        if (bom.length == 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (bom.length == 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            ByteBuffer bytes = ByteBuffer.allocate(buffer.length + 8);
            CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.put(buffer, 0, n);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return Charset.forName("windows-1252");
                }
                bytes.compact();
                chars.clear();
            }
            bytes.flip();
            CoderResult end = decoder.decode(bytes, chars, true);
            return end.isError() ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        }
    }

    public static String checksum(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a file (or a set of tables) is still as it was when listed: the same size, saved at
     * the same time. A run carried on after a stop reads its files again; one saved again in
     * between (a corrected version under the same name) is not the file the run listed.
     */
    public static boolean unchangedSince(InputFile listed) {
        java.util.Set<String> paths = new java.util.LinkedHashSet<>();
        if (listed.tables() != null) {
            listed.tables().values().forEach(t -> paths.add(t.file()));
        }
        if (paths.isEmpty()) {
            paths.add(listed.path());
        }
        try {
            long size = 0;
            LocalDateTime latest = null;
            for (String p : paths) {
                Path file = Path.of(p);
                size += Files.size(file);
                LocalDateTime m = modified(file);
                latest = latest == null || m.isAfter(latest) ? m : latest;
            }
            return size == listed.size() && java.util.Objects.equals(latest, listed.modified());
        } catch (IOException e) {
            return false;
        }
    }

    private static LocalDateTime modified(Path file) throws IOException {
        return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault()).withNano(0);
    }

    private static LocalDateTime modifiedOrNull(Path file) {
        try {
            return modified(file);
        } catch (IOException e) {
            return null;
        }
    }

    public static Optional<String> laOf(InputFile f) {
        return Optional.ofNullable(f.folderLaCode());
    }
}
