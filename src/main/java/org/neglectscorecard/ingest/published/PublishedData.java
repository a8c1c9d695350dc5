package org.neglectscorecard.ingest.published;

import static org.neglectscorecard.store.schema.Tables.COMMENTARY;
import static org.neglectscorecard.store.schema.Tables.DFE_VALUE;
import static org.neglectscorecard.store.schema.Tables.POPULATION_INPUT;
import static org.neglectscorecard.store.schema.Tables.STAT_NEIGHBOUR;
import static org.neglectscorecard.store.schema.Tables.TARGET;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.ingest.KindOfReturn;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.ReturnKind;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.WholeFileRules;
import org.neglectscorecard.ingest.WholeFileRules.Anchor;
import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.ReferenceWriter;
import org.neglectscorecard.store.StoreAccess;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Published and reference data (INPUTS.md C): DfE's statistics files as downloaded from
 * explore-education-statistics, ONS population in DfE's layout, statistical neighbour groupings,
 * and the partnership's own targets and commentary. Rows the program has no use for (a DfE file's
 * other geographies, a population file's other age groups, notes at a file's foot) are passed
 * over as they are read, not counted as rows.
 */
public final class PublishedData implements KindOfReturn {

    public static final PublishedData KIND = new PublishedData();

    private PublishedData() {
    }

    @Override
    public ReturnKind kind() {
        return ReturnKind.PUBLISHED;
    }

    @Override
    public String tableOf(TableHeader header) {
        ReferenceTable t = ReferenceTable.recognise(header);
        return t == null ? null : t.name();
    }

    /**
     * ONS's own mid-year estimates tables (a column per single year of age, "All ages", a row per
     * area) are what an officer finds first; the program reads DfE's republished layout, so say which.
     */
    @Override
    public java.util.Optional<String> likeness(TableHeader header) {
        long ages = header.names().stream().filter(n -> n != null && n.strip().matches("(Age )?\\d{1,2}\\+?")).count();
        boolean population = header.has("all ages") || ages >= 10
                || header.names().stream().anyMatch(n -> n != null && n.toLowerCase(java.util.Locale.ROOT).contains("population"));
        if (!population || header.has("population_estimate")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("It looks like a table of population estimates: the program reads them in DfE's layout, "
                + "one row per LA and year with the columns time_period, geographic_level, new_la_code, age_group (0 to 17) and "
                + "population_estimate, as in DfE's ons_mid-year_population_estimates file on explore-education-statistics. "
                + "Until then, rates use the ONS estimates the program carries.");
    }

    @Override
    public String tableTitle(String table) {
        return ReferenceTable.valueOf(table).title();
    }

    @Override
    public Layout layout(Set<String> tables, boolean workbook) {
        return Layout.of(Format.REFERENCE);
    }

    @Override
    public ItemStreamReader<SourceRow> reader(InputFile file, LongConsumer bytesRead) {
        List<TableSetReader.Part> parts = new ArrayList<>();
        file.tables().forEach((k, v) -> {
            ReferenceTable t = ReferenceTable.valueOf(k);
            parts.add(new TableSetReader.Part(t.title(), v, t.aliases(), t::missing));
        });
        TableSetReader reader = TableSetReader.of("published", parts, file.folderLaCode(), bytesRead);
        reader.setPassOver(ReferenceRowProcessor::passedOver);
        return reader;
    }

    @Override
    public ItemProcessor<SourceRow, ParsedRow<?>> processor(InputFile file, Pseudonymiser pseudonymiser, LaDirectory las) {
        return KindOfReturn.processing(new ReferenceRowProcessor(Path.of(file.path()).getFileName().toString(), las));
    }

    @Override
    public ItemWriter<ParsedRow<?>> writer(StoreAccess store, long sourceFileId) {
        return KindOfReturn.storing(new ReferenceWriter(store.dsl(), store.rejections(), sourceFileId));
    }

    /** A DfE row is stored as one value per column; a neighbours row as one row per neighbour. */
    private static final WholeFileRules RULES = WholeFileRules.rowsOnly(List.of(
            new Anchor(DFE_VALUE, "DfE published statistics", List.of(DFE_VALUE.FILE_KEY, DFE_VALUE.SOURCE_ROW)),
            new Anchor(STAT_NEIGHBOUR, "Statistical neighbours", List.of(STAT_NEIGHBOUR.SOURCE_ROW)),
            Anchor.of(POPULATION_INPUT, "Population"), Anchor.of(TARGET, "Targets"), Anchor.of(COMMENTARY, "Commentary")));

    @Override
    public WholeFileRules wholeFile() {
        return RULES;
    }
}
