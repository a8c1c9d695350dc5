package org.neglectscorecard.ingest.ssda903;

import static org.neglectscorecard.store.schema.Tables.CHILD;
import static org.neglectscorecard.store.schema.Tables.CHILD_CHARACTERISTICS;
import static org.neglectscorecard.store.schema.Tables.CLA_EPISODE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.neglectscorecard.ingest.CollectionYear;
import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.ingest.KindOfReturn;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.ReturnKind;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.WholeFileRules;
import org.neglectscorecard.ingest.WholeFileRules.Anchor;
import org.neglectscorecard.ingest.WholeFileRules.Duplicate;
import org.neglectscorecard.ingest.WholeFileRules.Orphan;
import org.neglectscorecard.ingest.WholeFileRules.StoreColumn;
import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.ChildLevelWriter;
import org.neglectscorecard.store.StoreAccess;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The SSDA903 return of children looked after (INPUTS.md A4): its Header and Episodes tables as
 * CSV files sitting together in a folder (UTF-8 with or without a byte-order mark, or
 * Windows-1252; dates dd/mm/yyyy), or as sheets of one workbook. Each collection year's items and
 * codes are a data file (ingest/ssda903/ssda903-YYYY-YY.yml): SEX went from 1/2 to M/F/U in 2024-25.
 */
public final class Ssda903 implements KindOfReturn {

    public static final Ssda903 KIND = new Ssda903();

    /** statutory_return.source_kind of an SSDA903 return. */
    public static final String SOURCE_KIND = "SSDA903";

    /** Every collection year this program knows, from its data files. */
    public static final CollectionYear.Years YEARS = CollectionYear.Years.load("ingest/ssda903", "ssda903");

    private Ssda903() {
    }

    @Override
    public java.util.Optional<String> passedOver(TableHeader header) {
        return java.util.Optional.ofNullable(Ssda903Table.otherTable(header)).map(t -> "the SSDA903 return's " + t + " table");
    }

    @Override
    public ReturnKind kind() {
        return ReturnKind.SSDA903;
    }

    @Override
    public String tableOf(TableHeader header) {
        Ssda903Table t = Ssda903Table.recognise(header);
        return t == null ? null : t.name();
    }

    @Override
    public boolean tablesSitTogether() {
        return true;
    }

    @Override
    public String tableSetName() {
        return "SSDA903 tables";
    }

    @Override
    public String checksumPrefix() {
        return "903";
    }

    @Override
    public List<String> tables() {
        return Arrays.stream(Ssda903Table.values()).map(Enum::name).toList();
    }

    @Override
    public String tableTitle(String table) {
        return Ssda903Table.valueOf(table).tableName();
    }

    @Override
    public Layout layout(Set<String> tables, boolean workbook) {
        if (tables.contains(Ssda903Table.EPISODES.name())) {
            return Layout.of(Format.SSDA903);
        }
        return Layout.unreadable("has an SSDA903 Header table but no Episodes table: put both in the "
                + (workbook ? "workbook" : "folder") + ".");
    }

    /**
     * The XML LAs' case-management systems export for DfE (root EXPSSDA903) is an SSDA903 return
     * too, known by its root element (read without resolving DTDs or entities). It names no LA:
     * the folder it sits in does.
     */
    @Override
    public XmlVerdict xml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = org.neglectscorecard.ingest.SafeXml.factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    return new XmlVerdict(null, "declares a DTD or entities; SSDA903 returns never do, so it was not read "
                            + "(this is how XML attacks work). Export the return again.", true, null);
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return Ssda903XmlReader.ROOT.equals(xml.getLocalName()) ? new XmlVerdict(Format.SSDA903, null, false, null)
                            : XmlVerdict.NOT_MINE;
                }
            }
            return XmlVerdict.NOT_MINE;
        } catch (XMLStreamException | IOException e) {
            return XmlVerdict.NOT_MINE;   // not well-formed from its first element: the CIN census says so, or no kind
        }
    }

    @Override
    public ItemStreamReader<SourceRow> reader(InputFile file, LongConsumer bytesRead) {
        if (file.tables().isEmpty()) {
            Ssda903XmlReader xml = new Ssda903XmlReader(Path.of(file.path()), file.displayName(), file.folderLaCode());
            xml.setBytesRead(bytesRead);
            return xml;
        }
        List<TableSetReader.Part> parts = new ArrayList<>();
        for (Ssda903Table t : Ssda903Table.values()) {
            if (file.tables().containsKey(t.name())) {
                parts.add(new TableSetReader.Part(t.tableName(), file.tables().get(t.name()), t.aliases(), t::missing));
            }
        }
        return TableSetReader.of("ssda903", parts, file.folderLaCode(), bytesRead);
    }

    @Override
    public ItemProcessor<SourceRow, ParsedRow<?>> processor(InputFile file, Pseudonymiser pseudonymiser, LaDirectory las) {
        return KindOfReturn.processing(new Ssda903RowProcessor(pseudonymiser, las));
    }

    @Override
    public ItemWriter<ParsedRow<?>> writer(StoreAccess store, long sourceFileId) {
        return KindOfReturn.storing(new ChildLevelWriter(store, sourceFileId, SOURCE_KIND));
    }

    private static final WholeFileRules RULES = new WholeFileRules(
            List.of(
                    Duplicate.silent(CHILD_CHARACTERISTICS, List.of(CHILD_CHARACTERISTICS.CHILD_KEY)),
                    Duplicate.rejectedWithheld(CHILD, List.of(CHILD.CHILD_KEY), "Header", "CHILD",
                            "This child is already listed at row %s: only that row is used"),
                    Duplicate.rejected(CLA_EPISODE, List.of(CLA_EPISODE.CHILD_KEY, CLA_EPISODE.START_DATE), "Episodes", "DECOM",
                            "This child already has an episode starting the same day at row %s: only that row is used")),
            List.of(new Orphan(CLA_EPISODE, CHILD, List.of("child_key"), "Episodes", "%d Episodes rows name a CHILD who is not "
                    + "in the Header table: they are counted, but left out of breakdowns by age and gender")),
            List.of(new StoreColumn(CLA_EPISODE.START_DATE, "Episodes", "DECOM"), new StoreColumn(CLA_EPISODE.END_DATE, "Episodes", "DEC")),
            List.of(new StoreColumn(CLA_EPISODE.CATEGORY_OF_NEED, "Episodes", "CIN", "the looked-after starts by category of need (N1, abuse or neglect)"),
                    new StoreColumn(CLA_EPISODE.LEGAL_STATUS, "Episodes", "LS", "the looked-after starts (short breaks, V3 and V4, cannot be left out)")),
            List.of(Anchor.of(CHILD, "Header"), Anchor.of(CLA_EPISODE, "Episodes")),
            WholeFileRules.Dating.ANNUAL);

    @Override
    public WholeFileRules wholeFile() {
        return RULES;
    }
}
