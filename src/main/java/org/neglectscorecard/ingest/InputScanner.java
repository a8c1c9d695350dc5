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

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.neglectscorecard.ingest.agency.AgencySource;
import org.neglectscorecard.ingest.annexa.AnnexAList;
import org.neglectscorecard.ingest.cin.CinCensusXmlReader;
import org.neglectscorecard.ingest.published.ReferenceTable;
import org.neglectscorecard.ingest.cin.CinTable;
import org.neglectscorecard.ingest.ssda903.Ssda903Table;
import org.neglectscorecard.ingest.table.CsvTableReader;
import org.neglectscorecard.ingest.table.TableReader;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.ingest.table.XlsxSheetReader;
import org.neglectscorecard.ingest.table.XlsxWorkbook;
import org.neglectscorecard.reference.LaDirectory;

/**
 * Finds the returns in an input folder and says what each is, by its content (XML root, sheet
 * names, header row), never by its file name. CSV tables that sit together in one folder are one
 * return. Which LA a file is for comes from the file, else from the nearest enclosing folder named
 * by an LA code. Nothing is loaded here.
 */
public class InputScanner {

    public enum Format {
        CIN_CENSUS_XML, CIN_CENSUS_TABLES, ANNEX_A, SSDA903, AGENCY, REFERENCE, UNREADABLE, NOT_RECOGNISED;

        public boolean isLoadable() {
            return this != UNREADABLE && this != NOT_RECOGNISED;
        }
    }

    /**
     * A return found in the input folder.
     *
     * @param displayName where it is, relative to the input folder (a folder, for a CSV table set)
     * @param tables      where each table of the return is (a CSV file or a sheet), by the name of
     *                    its CinTable, AnnexAList, Ssda903Table or AgencySource
     * @param problem     why it cannot be used, for UNREADABLE and NOT_RECOGNISED
     * @param workBytes   how many bytes reading it means (a workbook's sheets uncompressed), for progress
     */
    public record InputFile(String displayName, Format format, String folderLaCode, String checksum, long size,
                            LocalDateTime modified, String path, Map<String, TableSource> tables, String problem,
                            long workBytes) implements Serializable {

        public boolean isLoadable() {
            return format.isLoadable();
        }

        public Map<CinTable, TableSource> cinTables() {
            Map<CinTable, TableSource> out = new EnumMap<>(CinTable.class);
            tables.forEach((k, v) -> out.put(CinTable.valueOf(k), v));
            return out;
        }
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
        Map<Path, Map<CinTable, Path>> tableSets = new TreeMap<>();
        Map<Path, Map<Ssda903Table, Path>> ssda903Sets = new TreeMap<>();
        Map<Path, Charset> charsets = new LinkedHashMap<>();
        Map<Path, String> duplicates = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                recognise(root, file, out, tableSets, ssda903Sets, charsets, duplicates);
            } catch (IOException e) {
                out.add(problem(root, file, Format.UNREADABLE, "could not be read: " + e.getMessage()));
            }
        }
        for (Map.Entry<Path, Map<CinTable, Path>> set : tableSets.entrySet()) {
            out.add(tableSet(root, set.getKey(), set.getValue(), charsets, duplicates.get(set.getKey())));
        }
        for (Map.Entry<Path, Map<Ssda903Table, Path>> set : ssda903Sets.entrySet()) {
            out.add(ssda903Set(root, set.getKey(), set.getValue(), charsets, duplicates.get(set.getKey())));
        }
        out.sort(java.util.Comparator.comparing(InputFile::displayName));
        return out;
    }

    private void recognise(Path root, Path file, List<InputFile> out, Map<Path, Map<CinTable, Path>> tableSets,
                           Map<Path, Map<Ssda903Table, Path>> ssda903Sets, Map<Path, Charset> charsets,
                           Map<Path, String> duplicates) throws IOException {
        if (Files.size(file) == 0) {
            out.add(problem(root, file, Format.NOT_RECOGNISED, "is empty"));
            return;
        }
        byte[] head = head(file);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            out.add(workbook(root, file));
        } else if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11) {
            try {
                XlsxWorkbook.open(file).close();
                out.add(problem(root, file, Format.NOT_RECOGNISED, "is not a recognised return"));
            } catch (UnreadableFileException e) {
                out.add(problem(root, file, Format.UNREADABLE, e.getMessage()));
            }
        } else if (startsLikeXml(head)) {
            out.add(xml(root, file));
        } else {
            Charset charset = charsetOf(file);
            CinTable table;
            Ssda903Table episodes = null;
            AgencySource agency = null;
            ReferenceTable reference = null;
            try (TableReader reader = new CsvTableReader(file, "", charset)) {
                table = CinTable.recognise(reader.header());
                if (table == null) {
                    episodes = Ssda903Table.recognise(reader.header());
                }
                if (table == null && episodes == null) {
                    agency = AgencySource.recognise(reader.header());
                }
                if (table == null && episodes == null && agency == null) {
                    reference = ReferenceTable.recognise(reader.header());
                }
            } catch (UnreadableFileException e) {
                out.add(problem(root, file, Format.UNREADABLE, e.getMessage()));
                return;
            }
            if (reference != null) {
                out.add(new InputFile(display(root, file), Format.REFERENCE, folderLa(root, file), checksum(file), Files.size(file),
                        modified(file), file.toString(), Map.of(reference.name(), TableSource.csv(file, charset)), null, Files.size(file)));
                return;
            }
            if (agency != null) {
                out.add(new InputFile(display(root, file), Format.AGENCY, folderLa(root, file), checksum(file), Files.size(file),
                        modified(file), file.toString(), Map.of(agency.name(), TableSource.csv(file, charset)), null, Files.size(file)));
                return;
            }
            if (episodes != null) {
                Map<Ssda903Table, Path> set = ssda903Sets.computeIfAbsent(file.getParent(), k -> new EnumMap<>(Ssda903Table.class));
                Path earlier = set.putIfAbsent(episodes, file);
                if (earlier != null) {
                    duplicates.merge(file.getParent(), "both " + earlier.getFileName() + " and " + file.getFileName()
                            + " look like the SSDA903 " + episodes.tableName() + " table", (a, b) -> a + "; " + b);
                }
                charsets.put(file, charset);
                return;
            }
            if (table == null) {
                out.add(problem(root, file, Format.NOT_RECOGNISED, "is not a table this program reads (its header row matches no known return)"));
                return;
            }
            Map<CinTable, Path> set = tableSets.computeIfAbsent(file.getParent(), k -> new EnumMap<>(CinTable.class));
            Path earlier = set.putIfAbsent(table, file);
            if (earlier != null) {
                duplicates.merge(file.getParent(), "both " + earlier.getFileName() + " and " + file.getFileName()
                        + " look like the " + table.tableName() + " table", (a, b) -> a + "; " + b);
            }
            charsets.put(file, charset);
        }
    }

    private InputFile workbook(Path root, Path file) throws IOException {
        Map<String, TableSource> cin = new LinkedHashMap<>();
        Map<String, TableSource> annexA = new LinkedHashMap<>();
        Map<String, TableSource> ssda903 = new LinkedHashMap<>();
        Map<String, TableSource> agency = new LinkedHashMap<>();
        Map<String, TableSource> reference = new LinkedHashMap<>();
        Format format;
        Map<String, TableSource> tables;
        long work;
        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            for (String sheet : wb.sheetNames()) {
                try (XlsxSheetReader r = wb.sheet(sheet, sheet)) {
                    TableHeader header = r.header();
                    // Annex A first: its List 6 has headings a CINdetails table has too (CIN Closure Date).
                    AnnexAList list = AnnexAList.recognise(header);
                    CinTable t = list == null ? CinTable.recognise(header) : null;
                    Ssda903Table s903 = t == null && list == null ? Ssda903Table.recognise(header) : null;
                    AgencySource a = t == null && list == null && s903 == null ? AgencySource.recognise(header) : null;
                    ReferenceTable ref = t == null && list == null && s903 == null && a == null ? ReferenceTable.recognise(header) : null;
                    if (t != null) {
                        cin.putIfAbsent(t.name(), TableSource.sheet(file, sheet));
                    } else if (list != null) {
                        annexA.putIfAbsent(list.name(), TableSource.sheet(file, sheet));
                    } else if (s903 != null) {
                        ssda903.putIfAbsent(s903.name(), TableSource.sheet(file, sheet));
                    } else if (a != null) {
                        agency.putIfAbsent(a.name(), TableSource.sheet(file, sheet));
                    } else if (ref != null) {
                        reference.putIfAbsent(ref.name(), TableSource.sheet(file, sheet));
                    }
                }
            }
            // An Annex A's other lists (referrals, section 47s) have headings like census tables': its lists decide.
            if (!annexA.isEmpty()) {
                format = Format.ANNEX_A;
                tables = annexA;
            } else if (cin.containsKey(CinTable.CIN_DETAILS.name()) || cin.containsKey(CinTable.CHILD_PROTECTION_PLANS.name())) {
                format = Format.CIN_CENSUS_TABLES;
                tables = cin;
            } else if (ssda903.containsKey(Ssda903Table.EPISODES.name())) {
                format = Format.SSDA903;
                tables = ssda903;
            } else if (!agency.isEmpty()) {
                format = Format.AGENCY;
                tables = agency;
            } else if (!reference.isEmpty()) {
                format = Format.REFERENCE;
                tables = reference;
            } else {
                return problem(root, file, Format.NOT_RECOGNISED, "is an Excel workbook but not a return this program reads (sheets: "
                        + String.join(", ", wb.sheetNames()) + "). Multi-agency data should follow a template in "
                        + "sample-data/templates/ (the heading row decides what a sheet is)");
            }
            work = wb.sheetBytes(tables.values().stream().map(TableSource::sheet).toList());
        } catch (UnreadableFileException e) {
            return problem(root, file, Format.UNREADABLE, e.getMessage());
        }
        return new InputFile(display(root, file), format, folderLa(root, file), checksum(file),
                Files.size(file), modified(file), file.toString(), tables, null, work);
    }

    private InputFile xml(Path root, Path file) throws IOException {
        String verdict = sniffXml(file);
        if (verdict != null) {
            return problem(root, file, verdict.startsWith("!") ? Format.UNREADABLE : Format.NOT_RECOGNISED,
                    verdict.startsWith("!") ? verdict.substring(1) : verdict);
        }
        return new InputFile(display(root, file), Format.CIN_CENSUS_XML, folderLa(root, file), checksum(file),
                Files.size(file), modified(file), file.toString(), Map.of(), null, Files.size(file));
    }

    /** null for a CIN census return; otherwise why not ("!..." when the file is unreadable). */
    private static String sniffXml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = CinCensusXmlReader.safeFactory().createXMLStreamReader(in);
            int depth = 0;
            String root = null;
            String element = null;
            int seen = 0;
            while (xml.hasNext() && seen < 200) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    return "!declares a DTD or entities; CIN census returns never do, so it was not read (this is how XML attacks work). Export the return again.";
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    seen++;
                    depth++;
                    element = xml.getLocalName();
                    if (root == null) {
                        root = element;
                        if (!"Message".equals(root)) {
                            return "is XML but not a CIN census return (its root element is <" + root + ">)";
                        }
                    }
                    if ("Children".equals(element) || "Child".equals(element)) {
                        return null;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && "Collection".equals(element)) {
                    String text = xml.getText().strip();
                    if (!text.isEmpty()) {
                        return "CIN".equalsIgnoreCase(text) ? null : "is a DfE return, but of collection '" + text + "', not the CIN census";
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    element = null;
                }
            }
            return root == null ? "is not XML this program reads" : null;
        } catch (XMLStreamException e) {
            String m = String.valueOf(e.getMessage());
            return m.contains("was referenced") || m.contains("DOCTYPE")
                    ? "!uses XML entities or a DTD; CIN census returns never do, so it was not read. Export the return again."
                    : "!is not well-formed XML: the file is damaged or was cut short. Export the return again.";
        }
    }

    /** What a set of CSV tables in one folder has in common, whatever the return: one checksum over all its files. */
    private record CsvSet(String display, long size, LocalDateTime modified, String checksum, Map<String, TableSource> tables,
                          String la, String folder) {

        InputFile as(Format format, String problem, long work) {
            return new InputFile(display, format, la, checksum, size, modified, folder, tables, problem, work);
        }
    }

    private CsvSet csvSet(Path root, Path folder, String kind, String checksumPrefix, Map<? extends Enum<?>, Path> set,
                          Map<Path, Charset> charsets) throws IOException {
        String display = root.relativize(folder).toString().replaceAll("\\p{Cntrl}", "?");
        display = (display.isEmpty() ? "." : display) + "/ (" + kind + ")";
        long size = 0;
        LocalDateTime modified = null;
        MessageDigest sha = sha256();
        Map<String, TableSource> tables = new LinkedHashMap<>();
        for (Map.Entry<? extends Enum<?>, Path> e : set.entrySet()) {
            size += Files.size(e.getValue());
            LocalDateTime m = modified(e.getValue());
            modified = modified == null || m.isAfter(modified) ? m : modified;
            sha.update((checksumPrefix + e.getKey().name() + ":" + checksum(e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
            tables.put(e.getKey().name(), TableSource.csv(e.getValue(), charsets.get(e.getValue())));
        }
        return new CsvSet(display, size, modified, HexFormat.of().formatHex(sha.digest()), tables,
                folderLa(root, set.values().iterator().next()), folder.toString());
    }

    private InputFile tableSet(Path root, Path folder, Map<CinTable, Path> set, Map<Path, Charset> charsets, String duplicate)
            throws IOException {
        CsvSet found = csvSet(root, folder, "CIN census tables", "", set, charsets);
        if (duplicate != null) {
            return found.as(Format.UNREADABLE, "holds two files for one table (" + duplicate + "): keep one of each and run again.",
                    found.size());
        }
        if (!set.containsKey(CinTable.CIN_DETAILS) && !set.containsKey(CinTable.CHILD_PROTECTION_PLANS)) {
            return found.as(Format.UNREADABLE,
                    "has CIN census tables but neither CINdetails nor ChildProtectionPlans: put the whole table set in the folder.",
                    found.size());
        }
        long work = set.entrySet().stream().filter(e -> e.getKey().isRead()).mapToLong(e -> {
            try {
                return Files.size(e.getValue());
            } catch (IOException ex) {
                return 0;
            }
        }).sum();
        return found.as(Format.CIN_CENSUS_TABLES, null, work);
    }

    private InputFile ssda903Set(Path root, Path folder, Map<Ssda903Table, Path> set, Map<Path, Charset> charsets, String duplicate)
            throws IOException {
        CsvSet found = csvSet(root, folder, "SSDA903 tables", "903", set, charsets);
        if (duplicate != null) {
            return found.as(Format.UNREADABLE, "holds two files for one table (" + duplicate + "): keep one of each and run again.",
                    found.size());
        }
        if (!set.containsKey(Ssda903Table.EPISODES)) {
            return found.as(Format.UNREADABLE, "has an SSDA903 Header table but no Episodes table: put both in the folder.",
                    found.size());
        }
        return found.as(Format.SSDA903, null, found.size());
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
                file.toString(), Map.of(), display(root, file) + " " + message, size);
    }

    /** The nearest enclosing folder named by a known LA code (3-digit or 9-character). */
    private String folderLa(Path root, Path file) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root.getParent()); dir = dir.getParent()) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (LA_FOLDER.matcher(name).matches() && las.code3(name).isPresent()) {
                return name;
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

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }

    private static boolean startsLikeXml(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    /** UTF-8 if every byte sequence is valid UTF-8, else Windows-1252 (what Excel writes on Windows). */
    public static Charset charsetOf(Path file) throws IOException {
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
