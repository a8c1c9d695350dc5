package org.neglectscorecard.ingest.ssda903;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.ingest.SafeXml;
import org.neglectscorecard.ingest.table.CountingInputStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams an SSDA903 return as the XML LAs' systems export for DfE (root {@code EXPSSDA903}, one
 * {@code CHILD} each with its {@code HEADER} and {@code EPISODE}s, directly or in a wrapper such as
 * {@code EPISODES}; dates dd/mm/yyyy) and yields
 * the same Header and Episodes rows as the CSV tables, so both forms go through one processor.
 * Only the items an indicator or breakdown uses are taken: no UPN, postcode, placement, mother's
 * details, reviews or missing episodes. DTDs and external entities are refused.
 */
public class Ssda903XmlReader extends AbstractItemCountingItemStreamItemReader<SourceRow> {

    /** The root element that says a file is an SSDA903 return. */
    public static final String ROOT = "EXPSSDA903";

    private static final int MAX_VALUE_CHARS = 2_000;
    private static final List<String> HEADER_ITEMS = List.of("CHILD", "SEX", "DOB", "ETHNIC");
    private static final List<String> EPISODE_ITEMS = List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "DEC");

    private final Path file;
    private final String displayName;
    private final String folderLaCode;
    private final TableHeader header = new TableHeader(Ssda903Table.HEADER.tableName(), HEADER_ITEMS, false);
    private final TableHeader episodes = new TableHeader(Ssda903Table.EPISODES.tableName(), EPISODE_ITEMS, false);
    private java.util.function.LongConsumer bytesRead = n -> { };
    private InputStream in;
    private XMLStreamReader xml;
    private final Deque<String> path = new ArrayDeque<>();
    private final Map<String, String> values = new HashMap<>();
    /** The line each value of the block is on, so a problem with one is placed there. */
    private final Map<String, Integer> lines = new HashMap<>();
    private StringBuilder text;
    private String childId;
    private int blockLine;
    /** How deep the HEADER or EPISODE being read is (3 directly under its CHILD), or 0 outside one. */
    private int block;

    public Ssda903XmlReader(Path file, String displayName, String folderLaCode) {
        this.file = file;
        this.displayName = displayName;
        this.folderLaCode = folderLaCode;
        setName("ssda903Xml");
    }

    public void setBytesRead(java.util.function.LongConsumer bytesRead) {
        this.bytesRead = bytesRead;
    }

    @Override
    protected void doOpen() throws Exception {
        in = new CountingInputStream(Files.newInputStream(file), bytesRead);
        try {
            xml = SafeXml.factory().createXMLStreamReader(in);
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
            while (xml.hasNext()) {
                SourceRow row = step(xml.next());
                if (row != null) {
                    return row;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    private SourceRow step(int event) {
        switch (event) {
            case XMLStreamConstants.DTD -> throw new UnreadableFileException(displayName + " declares a DTD or entities; "
                    + "SSDA903 returns never do, so it was not read (this is how XML attacks work). Export the return again.");
            case XMLStreamConstants.START_ELEMENT -> {
                String name = xml.getLocalName();
                if (path.isEmpty() && !ROOT.equals(name)) {
                    throw new UnreadableFileException(displayName + " is XML but not an SSDA903 return (its first element is <"
                            + name + ">, not <" + ROOT + ">).");
                }
                path.push(name);
                text = new StringBuilder();
                if ("CHILD".equals(name) && path.size() == 2) {
                    childId = null;
                    block = 0;
                } else if (block == 0 && ("HEADER".equals(name) || "EPISODE".equals(name)) && path.size() >= 3) {
                    // Directly under the CHILD, or in a wrapper of its own (<EPISODES><EPISODE>) as some exports nest them.
                    block = path.size();
                    values.clear();
                    lines.clear();
                    blockLine = xml.getLocation().getLineNumber();
                } else if (block > 0 && path.size() == block + 1) {
                    lines.putIfAbsent(name, xml.getLocation().getLineNumber());
                }
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (text != null && text.length() <= MAX_VALUE_CHARS) {
                    text.append(xml.getText());
                }
            }
            case XMLStreamConstants.END_ELEMENT -> {
                String name = path.pop();
                String value = text == null ? null : text.toString().strip();
                text = null;
                if (block > 0 && path.size() == block) {
                    values.put(name, value);
                } else if (block > 0 && path.size() == block - 1) {
                    block = 0;
                    if ("HEADER".equals(name)) {
                        childId = values.get("CHILDID");
                        values.put("CHILD", childId);
                        return row(header, HEADER_ITEMS);
                    }
                    values.put("CHILD", childId);
                    return row(episodes, EPISODE_ITEMS);
                }
            }
            default -> {
            }
        }
        return null;
    }

    private SourceRow row(TableHeader table, List<String> items) {
        String[] row = new String[items.size()];
        int[] at = new int[items.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = values.get(items.get(i));
            at[i] = lines.getOrDefault(items.get(i), 0);
        }
        return new SourceRow(table, blockLine, row, folderLaCode, at);
    }

    private UnreadableFileException unreadable(XMLStreamException e) {
        return SafeXml.unreadable(displayName, "SSDA903 returns", e);
    }
}
