package org.neglectscorecard.ingest.cin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.neglectscorecard.ingest.CollectionYear;
import org.neglectscorecard.ingest.FileNotes;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.ingest.Values;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams a CIN census XML return (DfE schema, any year from 2017/18) and yields its modules as
 * rows of the census tables, so the national file is read in constant memory. DTDs and external
 * entities are refused outright: a return never has them, and they are how XML attacks work.
 * Each row carries its line in the file; episodes are numbered within their child.
 */
public class CinCensusXmlReader extends AbstractItemCountingItemStreamItemReader<SourceRow> implements FileNotes {

    /** A value longer than this is junk; the row is rejected rather than the memory spent. */
    static final int MAX_VALUE_CHARS = 2_000;

    private static final Map<String, CinTable> MODULES = Map.of(
            "ChildIdentifiers", CinTable.CHILD_IDENTIFIERS,
            "ChildCharacteristics", CinTable.CHILD_CHARACTERISTICS,
            "CINdetails", CinTable.CIN_DETAILS,
            "Assessments", CinTable.ASSESSMENTS,
            "CINPlanDates", CinTable.CIN_PLAN_DATES,
            "ChildProtectionPlans", CinTable.CHILD_PROTECTION_PLANS);

    /** Within <Child> and each block: the elements some collection year's census has (ingest/cin/*.yml). */
    private static final Map<String, Set<String>> KNOWN = known();

    private final Path file;
    private final String displayName;
    private final String folderLaCode;
    private final CollectionYear year;
    /** Elements no year of the census has, passed over: where first seen and how often. */
    private final Map<String, Unknown> unknown = new LinkedHashMap<>();
    private final Map<CinTable, TableHeader> headers = new EnumMap<>(CinTable.class);

    private InputStream in;
    private java.util.function.LongConsumer bytesRead = n -> { };
    private XMLStreamReader xml;
    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<Module> open = new ArrayDeque<>();
    private final Deque<SourceRow> ready = new ArrayDeque<>();
    private final Map<String, String> header = new HashMap<>();
    private int headerLine;
    /** The line each of the header's items starts on. */
    private final Map<String, Integer> headerLines = new HashMap<>();
    private String headerLa;
    private String childId;
    private int episodeNumber;
    private String episodeRef;
    /** The modules of the <Child> being read: emitted at its end, when its LAchildID is known wherever it came. */
    private final List<Module> childModules = new ArrayList<>();
    /**
     * Each child's episodes so far in the file, by referral date: a child's episodes given as two <Child> blocks
     * (two extracts appended) are numbered on, not both "1"; the same episode given twice keeps its number.
     */
    private final Map<String, Episodes> episodesOf = new HashMap<>();

    /** A child's episodes numbered so far, and those of them with a referral date by it. */
    private static final class Episodes {
        int count;
        final Map<String, Integer> byReferral = new HashMap<>();

        int number(String referral) {
            return referral == null ? ++count : byReferral.computeIfAbsent(referral, k -> ++count);
        }
    }
    private StringBuilder text;

    /** A module being read: its table, where it started, and the values seen so far. */
    private static final class Module {
        final CinTable table;
        final int line;
        final int depth;
        final Map<String, String> values = new HashMap<>();
        final Map<String, List<String>> lists = new HashMap<>();
        /** The line each value's element starts on (a list's: its first item's). */
        final Map<String, Integer> lines = new HashMap<>();

        Module(CinTable table, int line, int depth) {
            this.table = table;
            this.line = line;
            this.depth = depth;
        }
    }

    public CinCensusXmlReader(Path file, String displayName, String folderLaCode) {
        this(file, displayName, folderLaCode, null);
    }

    /** @param year the collection year the header gives, or null */
    public CinCensusXmlReader(Path file, String displayName, String folderLaCode, CollectionYear year) {
        this.file = file;
        this.displayName = displayName;
        this.folderLaCode = folderLaCode;
        this.year = year;
        for (CinTable t : CinTable.values()) {
            headers.put(t, t.canonicalHeader());
        }
        setName("cinCensusXml");
    }

    /** Told as the file is read, for a progress bar. */
    public void setBytesRead(java.util.function.LongConsumer bytesRead) {
        this.bytesRead = bytesRead;
    }

    @Override
    protected void doOpen() throws Exception {
        in = new org.neglectscorecard.ingest.table.CountingInputStream(Files.newInputStream(file), bytesRead);
        try {
            xml = org.neglectscorecard.ingest.SafeXml.factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    @Override
    protected void doClose() throws IOException, XMLStreamException {
        if (xml != null) {
            xml.close();
        }
        if (in != null) {
            in.close();
        }
    }

    @Override
    protected SourceRow doRead() {
        try {
            while (ready.isEmpty() && xml.hasNext()) {
                step(xml.next());
            }
            return ready.poll();
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    private void step(int event) {
        switch (event) {
            case XMLStreamConstants.DTD -> throw new UnreadableFileException(displayName
                    + " declares a DTD or entities; CIN census returns never do, so it was not read (this is how"
                    + " XML attacks work). Export the return again from the case-management system.");
            case XMLStreamConstants.START_ELEMENT -> start(xml.getLocalName());
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (text != null && text.length() <= MAX_VALUE_CHARS) {
                    text.append(xml.getText());
                }
            }
            case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
            default -> {
            }
        }
    }

    private void start(String name) {
        if (path.isEmpty() && !"Message".equals(name)) {
            throw new UnreadableFileException(displayName + " is XML but not a CIN census return (its first element is <"
                    + name + ">, not <Message>).");
        }
        int line = xml.getLocation().getLineNumber();
        String parent = path.peek();
        Set<String> known = parent == null ? null : KNOWN.get(parent);
        if (known != null && !known.contains(name) && path.contains("Children")) {
            unknown.computeIfAbsent(parent + "/" + name, k -> new Unknown(parent, name, line)).times++;
        }
        path.push(name);
        Module within = open.peek();
        if (within != null && path.size() == within.depth + 1) {
            within.lines.putIfAbsent(name, line);
        } else if (within != null && path.size() == within.depth + 2 && ("Disability".equals(name) || "AssessmentFactors".equals(name))) {
            within.lines.putIfAbsent(name, line);
        }
        text = new StringBuilder();
        if (path.contains("Header")) {
            headerLines.putIfAbsent(name, line);
        }
        if ("Header".equals(name) && path.size() == 2) {
            headerLine = line;
        } else if ("Child".equals(name)) {
            childId = null;
            episodeNumber = 0;
            episodeRef = null;
        } else if ("CINdetails".equals(name)) {
            episodeNumber++;
            episodeRef = Integer.toString(episodeNumber);
        }
        CinTable module = MODULES.get(name);
        if (module != null && path.contains("Child")) {
            open.push(new Module(module, line, path.size()));
        }
    }

    private void end(String name) {
        String value = text == null ? null : text.toString();
        text = null;
        int depth = path.size();
        path.pop();
        if (path.contains("Header")) {
            header.put(name, value == null ? null : value.strip());
            return;
        }
        if ("Header".equals(name)) {
            emitHeader();
            return;
        }
        Module current = open.peek();
        if (current != null && depth == current.depth && MODULES.get(name) == current.table) {
            open.pop();
            if (current.table == CinTable.CHILD_IDENTIFIERS) {
                childId = current.values.get("LAchildID");
            }
            if (current.table != CinTable.CHILD_IDENTIFIERS && current.table != CinTable.CHILD_CHARACTERISTICS) {
                current.values.put("CINdetailsID", episodeRef);
            }
            childModules.add(current);
            return;
        }
        if ("Child".equals(name)) {
            emitChild();
            return;
        }
        if (current != null && depth == current.depth + 1) {
            current.values.put(name, tooLong(value) ? value.substring(0, MAX_VALUE_CHARS) + "\u2026" : value);
        } else if (current != null && depth == current.depth + 2 && ("Disability".equals(name) || "AssessmentFactors".equals(name))) {
            current.lists.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null ? "" : value.strip());
        }
    }

    private void emitHeader() {
        TableHeader h = headers.get(CinTable.HEADER);
        // A header naming another LA than the folder is said where the header is processed (CinCensusRowProcessor), for XML and tables alike.
        headerLa = Values.text(header.get("LEA")).orElse(null);
        String[] columns = {"Collection", "Year", "ReferenceDate", "LEA", "DateTime"};
        String[] values = new String[columns.length];
        // Each value's own line, so a note about the LEA points at <LEA>, not at <Header>.
        int[] lines = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = header.get(columns[i]);
            lines[i] = headerLines.getOrDefault(columns[i], headerLine);
        }
        ready.add(new SourceRow(h, headerLine, values, laCode(), lines));
    }

    /**
     * A <Child>'s rows, in the order its modules ended, each with the child's LAchildID (a system writing
     * ChildCharacteristics before ChildIdentifiers lost every child's ethnicity and disabilities, "LAchildID is
     * empty") and its episode numbered for the child across the file.
     */
    /** A child's blocks numbered as one whose LAchildID is read as the same ("ab1" and "AB1", "0123" and "123"). */
    private static String sameChild(String childId) {
        try {
            return Values.identifier(childId).orElse(childId);
        } catch (Values.BadValue e) {
            return childId;   // said when the row is checked
        }
    }

    private void emitChild() {
        Map<String, String> numbered = new HashMap<>();
        Episodes episodes = childId == null ? new Episodes() : episodesOf.computeIfAbsent(sameChild(childId), k -> new Episodes());
        // Two episodes of one block with the same referral date are two numbers, so the repeat is said as a repeated
        // referral date (the file has no CINdetailsID to blame); only an episode given again in another block keeps its.
        java.util.Set<String> inBlock = new java.util.HashSet<>();
        for (Module m : childModules) {
            if (m.table == CinTable.CIN_DETAILS) {
                String referral = Values.text(m.values.get("CINreferralDate")).filter(inBlock::add).orElse(null);
                numbered.put(m.values.get("CINdetailsID"), Integer.toString(episodes.number(referral)));
            }
        }
        for (Module m : childModules) {
            String local = m.values.get("CINdetailsID");
            if (local != null && numbered.containsKey(local)) {
                m.values.put("CINdetailsID", numbered.get(local));
            }
            emit(m);
        }
        childModules.clear();
    }

    private void emit(Module m) {
        m.values.put("LAchildID", childId);
        if (m.lists.containsKey("Disability")) {
            m.values.put("Disabilities", String.join(",", m.lists.get("Disability")));
        }
        if (m.lists.containsKey("AssessmentFactors")) {
            m.values.put("AssessmentFactors", String.join(",", m.lists.get("AssessmentFactors")));
        }
        TableHeader h = headers.get(m.table);
        String[] values = new String[h.size()];
        int[] lines = new int[h.size()];
        for (int i = 0; i < h.size(); i++) {
            values[i] = m.values.get(h.names().get(i));
            // A list's problems are placed at its first item (<Disability>), not its wrapper (<Disabilities>).
            String column = h.names().get(i);
            lines[i] = m.lines.getOrDefault("Disabilities".equals(column) ? "Disability" : column, m.lines.getOrDefault(column, 0));
        }
        ready.add(new SourceRow(h, m.line, values, laCode(), lines));
    }

    private String laCode() {
        return headerLa != null ? headerLa : folderLaCode;
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_VALUE_CHARS;
    }

    /** An element passed over: its block, its name, the line it was first seen on, how often. */
    private static final class Unknown {
        final String block;
        final String element;
        final int line;
        int times;

        Unknown(String block, String element, int line) {
            this.block = block;
            this.element = element;
            this.line = line;
        }
    }

    /** Elements no collection year's census has, each once: passed over, never a failure. */
    @Override
    public List<Rejection> notes() {
        String years = CinCensus.YEARS.all().get(0).year() + " to " + CinCensus.YEARS.all().get(CinCensus.YEARS.all().size() - 1).year();
        List<Rejection> out = new ArrayList<>();
        for (Unknown u : unknown.values()) {
            out.add(new Rejection(u.block, u.line, u.element, null, null, "<" + u.element + "> is not part of the CIN census "
                    + "as this program knows it (" + years + (year == null ? "" : "; this return is for " + year.year())
                    + "): it was passed over" + (u.times > 1 ? ", " + u.times + " times in this file" : "")
                    + ". Nothing else in the return is affected."));
        }
        return out;
    }

    private static Map<String, Set<String>> known() {
        Map<String, Set<String>> out = new HashMap<>();
        out.put("Child", new HashSet<>(List.of("ChildIdentifiers", "ChildCharacteristics", "CINdetails")));
        for (CollectionYear y : CinCensus.YEARS.all()) {
            y.blocks().forEach((block, items) -> out.computeIfAbsent(block, k -> new HashSet<>()).addAll(items));
            y.renamed().forEach((from, to) -> out.values().forEach(set -> {
                if (set.contains(to)) {
                    set.add(from);
                }
            }));
        }
        out.get("CINdetails").addAll(List.of("Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"));
        return out;
    }

    private UnreadableFileException unreadable(XMLStreamException e) {
        return org.neglectscorecard.ingest.SafeXml.unreadable(displayName, "CIN census returns", e);
    }
}
