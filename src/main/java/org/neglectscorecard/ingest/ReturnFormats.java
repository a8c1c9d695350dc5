package org.neglectscorecard.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.ingest.agency.AgencyRowProcessor;
import org.neglectscorecard.ingest.agency.AgencySource;
import org.neglectscorecard.ingest.agency.AgencyTableReader;
import org.neglectscorecard.ingest.annexa.AnnexAList;
import org.neglectscorecard.ingest.annexa.AnnexARowProcessor;
import org.neglectscorecard.ingest.cin.CinCensusRowProcessor;
import org.neglectscorecard.ingest.cin.CinCensusTableReader;
import org.neglectscorecard.ingest.cin.CinCensusXmlReader;
import org.neglectscorecard.ingest.published.ReferenceRowProcessor;
import org.neglectscorecard.ingest.published.ReferenceTable;
import org.neglectscorecard.ingest.ssda903.Ssda903RowProcessor;
import org.neglectscorecard.ingest.ssda903.Ssda903Table;
import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Where each kind of input file is read: the one place that says, for a format the scanner
 * recognised, which reader yields its rows and which processor checks them. A new source format
 * is a new case here and its reader and processor beside it.
 */
public final class ReturnFormats {

    private ReturnFormats() {
    }

    /** The rows of a file, as its format's reader yields them; bytesRead hears of progress. */
    public static ItemStreamReader<SourceRow> reader(InputFile f, LongConsumer bytesRead) {
        return switch (f.format()) {
            case CIN_CENSUS_XML -> {
                CinCensusXmlReader xml = new CinCensusXmlReader(Path.of(f.path()), f.displayName(), f.folderLaCode());
                xml.setBytesRead(bytesRead);
                yield xml;
            }
            case CIN_CENSUS_TABLES -> {
                CinCensusTableReader tables = new CinCensusTableReader(f.cinTables(), f.folderLaCode());
                tables.setBytesRead(bytesRead);
                yield tables;
            }
            case ANNEX_A -> {
                List<TableSetReader.Part> parts = new ArrayList<>();
                for (AnnexAList list : AnnexAList.values()) {
                    if (f.tables().containsKey(list.name())) {
                        parts.add(new TableSetReader.Part(list.sheetName(), f.tables().get(list.name()), list.aliases(), list::missing));
                    }
                }
                TableSetReader reader = new TableSetReader(parts, f.folderLaCode());
                reader.setBytesRead(bytesRead);
                yield reader;
            }
            case SSDA903 -> {
                List<TableSetReader.Part> parts = new ArrayList<>();
                for (Ssda903Table t : Ssda903Table.values()) {
                    if (f.tables().containsKey(t.name())) {
                        parts.add(new TableSetReader.Part(t.tableName(), f.tables().get(t.name()), t.aliases(), t::missing));
                    }
                }
                TableSetReader reader = new TableSetReader(parts, f.folderLaCode());
                reader.setBytesRead(bytesRead);
                yield reader;
            }
            case AGENCY -> {
                Map<AgencySource, org.neglectscorecard.ingest.table.TableSource> tables = new EnumMap<>(AgencySource.class);
                f.tables().forEach((k, v) -> tables.put(AgencySource.valueOf(k), v));
                TableSetReader reader = AgencyTableReader.of(tables, f.folderLaCode());
                reader.setBytesRead(bytesRead);
                yield reader;
            }
            case REFERENCE -> {
                List<TableSetReader.Part> parts = new ArrayList<>();
                f.tables().forEach((k, v) -> {
                    ReferenceTable t = ReferenceTable.valueOf(k);
                    parts.add(new TableSetReader.Part(t.title(), v, t.aliases(), t::missing));
                });
                TableSetReader reader = new TableSetReader(parts, f.folderLaCode());
                reader.setBytesRead(bytesRead);
                yield reader;
            }
            default -> throw new IllegalStateException(f.displayName() + " is not a loadable file");
        };
    }

    /** The processor that checks a format's rows and turns them into records for the store. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ItemProcessor<SourceRow, ParsedRow<?>> processor(InputFile f, Pseudonymiser pseudonymiser, LaDirectory las) {
        ItemProcessor p = switch (f.format()) {
            case CIN_CENSUS_XML, CIN_CENSUS_TABLES -> new CinCensusRowProcessor(pseudonymiser, las);
            case ANNEX_A -> new AnnexARowProcessor(pseudonymiser, las);
            case SSDA903 -> new Ssda903RowProcessor(pseudonymiser, las);
            case AGENCY -> new AgencyRowProcessor(pseudonymiser, las);
            case REFERENCE -> new ReferenceRowProcessor(Path.of(f.path()).getFileName().toString(), las);
            default -> throw new IllegalStateException(f.displayName() + " is not a loadable file");
        };
        return p;
    }

    /** The kind of return a children's social care file is (the catalogue's sources), or null for other data. */
    public static String sourceKind(InputScanner.Format format) {
        return switch (format) {
            case CIN_CENSUS_XML, CIN_CENSUS_TABLES -> "CIN_CENSUS";
            case ANNEX_A -> "ANNEX_A";
            case SSDA903 -> "SSDA903";
            default -> null;
        };
    }
}
