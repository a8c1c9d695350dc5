package org.neglectscorecard.ingest.agency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
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
import org.neglectscorecard.ingest.WholeFileRules.StoreColumn;
import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.AgencyWriter;
import org.neglectscorecard.store.StoreAccess;
import org.neglectscorecard.store.schema.DefaultSchema;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The partnership's multi-agency data (INPUTS.md B): training, case audits, early help, health,
 * GCP2, police and feedback, each in the project's template as .xlsx or the same columns as CSV,
 * one file (or one workbook of several sheets) per agency. Each source is described once, in
 * {@link AgencySource}; this class says how such files are recognised, read, checked and stored.
 */
public final class MultiAgencyData implements KindOfReturn {

    public static final MultiAgencyData KIND = new MultiAgencyData();

    private MultiAgencyData() {
    }

    @Override
    public ReturnKind kind() {
        return ReturnKind.MULTI_AGENCY;
    }

    @Override
    public String tableOf(TableHeader header) {
        AgencySource s = AgencySource.recognise(header);
        return s == null ? null : s.name();
    }

    /** An early help log without a "Plan end" column would keep every plan it lists open to this day. */
    @Override
    public List<org.neglectscorecard.ingest.WholeFileRules.StoreColumn> endDates() {
        return List.of(new org.neglectscorecard.ingest.WholeFileRules.StoreColumn(
                org.neglectscorecard.store.schema.Tables.EARLY_HELP_PLAN.END_DATE, AgencySource.EARLY_HELP.sheet(), "Plan end",
                "the early help figures at each month end (families with an open plan)"));
    }

    @Override
    public java.util.Optional<String> likeness(TableHeader header) {
        java.util.Optional<String> wide = monthsAcross(header);
        if (wide.isEmpty()) {
            wide = questionsAcross(header);
        }
        return wide.isPresent() ? wide : AgencySource.closest(header);
    }

    /**
     * A monthly summary as performance reports lay it out, a column per month and a row per
     * measure: the monthly sources read a row per month, so say how to turn it round rather than
     * only that it is not a table this program reads.
     */
    static java.util.Optional<String> monthsAcross(TableHeader header) {
        List<String> months = new java.util.ArrayList<>();
        for (String h : header.names()) {
            try {
                if (h != null && !h.isBlank() && !h.strip().matches("\\d{1,4}") && org.neglectscorecard.ingest.Values.month(h).isPresent()) {
                    months.add(h.strip());
                }
            } catch (org.neglectscorecard.ingest.Values.BadValue e) {
                // not a month
            }
        }
        if (months.size() < 3) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Its headings are months (" + String.join(", ", months.subList(0, 3)) + ", ...): the months run "
                + "across the columns. Turn it round (in Excel: copy, then Paste Special, Transpose) so each month is a row, with "
                + "the headings of its template: police, Month, " + heading(AgencySource.POLICE, 1) + ", " + heading(AgencySource.POLICE, 2)
                + " (sample-data/templates/" + AgencySource.POLICE.templateName() + "); health, Month, Service, "
                + heading(AgencySource.HEALTH_MONTHLY, 2) + ", " + heading(AgencySource.HEALTH_MONTHLY, 3)
                + " (sample-data/templates/" + AgencySource.HEALTH_MONTHLY.templateName() + ")");
    }

    /**
     * A survey export as Microsoft Forms and SmartSurvey write it, a column per question and a row per
     * respondent: the feedback source reads a row per answer, so say how to turn it so.
     */
    static java.util.Optional<String> questionsAcross(TableHeader header) {
        // "Whole family plan?" is a template's heading asked as a question (an early help export), not a survey's.
        java.util.Set<String> headings = new java.util.HashSet<>();
        for (AgencySource s : AgencySource.values()) {
            for (AgencyColumn c : s.columns()) {
                headings.add(org.neglectscorecard.ingest.Values.squash(c.heading()));
                c.aliases().forEach(a -> headings.add(org.neglectscorecard.ingest.Values.squash(a)));
            }
        }
        List<String> questions = header.names().stream().filter(h -> h != null
                && !headings.contains(org.neglectscorecard.ingest.Values.squash(h)) && (h.strip().endsWith("?")
                || h.strip().toLowerCase(java.util.Locale.ROOT).matches("(i |i'|my |how |did |do |were |was |overall|please rate|to what extent).*")
                && h.strip().length() > 12)).toList();
        if (questions.size() < 2) {
            return java.util.Optional.empty();
        }
        List<AgencyColumn> columns = AgencySource.FEEDBACK.columns();
        return java.util.Optional.of("Its headings are survey questions (" + String.join("; ", questions.subList(0, 2))
                + (questions.size() > 2 ? "; ..." : "") + "), one column each, as a survey tool exports them: feedback is read a "
                + "row per answer. Turn the question columns into rows (in Excel: Data, From Table/Range, select the question "
                + "columns, Transform, Unpivot Columns) and head them " + columns.stream().filter(c -> c.type() != AgencyColumn.Type.LA)
                .map(AgencyColumn::heading).collect(java.util.stream.Collectors.joining(", "))
                + " (sample-data/templates/" + AgencySource.FEEDBACK.templateName() + "); the answers' words, such as Strongly agree, are read as scores");
    }

    private static String heading(AgencySource source, int column) {
        return source.columns().get(column).heading();
    }

    @Override
    public String nearestTable(TableHeader header) {
        AgencySource s = AgencySource.nearest(header);
        return s == null ? null : s.name();
    }

    @Override
    public String tableTitle(String table) {
        return AgencySource.valueOf(org.neglectscorecard.ingest.InputScanner.tableOfKey(table)).sheet();
    }

    @Override
    public Layout layout(Set<String> tables, boolean workbook) {
        return Layout.of(Format.AGENCY);
    }

    @Override
    public ItemStreamReader<SourceRow> reader(InputFile file, LongConsumer bytesRead) {
        List<Map.Entry<AgencySource, TableSource>> tables = new java.util.ArrayList<>();
        file.tables().forEach((k, v) -> tables.add(Map.entry(AgencySource.valueOf(org.neglectscorecard.ingest.InputScanner.tableOfKey(k)), v)));
        TableSetReader reader = AgencyTableReader.of(tables, file.folderLaCode());
        reader.setBytesRead(bytesRead);
        return reader;
    }

    @Override
    public ItemProcessor<SourceRow, ParsedRow<?>> processor(InputFile file, Pseudonymiser pseudonymiser, LaDirectory las) {
        return KindOfReturn.processing(new AgencyRowProcessor(pseudonymiser, las));
    }

    @Override
    public ItemWriter<ParsedRow<?>> writer(StoreAccess store, long sourceFileId) {
        return KindOfReturn.storing(new AgencyWriter(store.dsl(), store.returns(), store.rejections(), sourceFileId));
    }

    /**
     * Columns a partner may leave out of its file (the template marks them optional) that an
     * indicator needs: a file that gives none of them leaves that indicator without a value for
     * the months it serves, never at zero.
     */
    private static final Map<String, String> NEEDED = Map.of(
            "confidence_before", "the indicators of practitioners' confidence before and after training",
            "confidence_after", "the indicators of practitioners' confidence after training",
            "gcp2_licensed", "the indicator of practitioners licensed to use GCP2",
            "grade", "the indicators of audits graded good or better",
            "plan_clear", "the audit judgement indicators",
            "impact_evidenced", "the audit judgement indicators",
            "tools_used_well", "the audit judgement indicators",
            "voice_captured", "the audit judgement indicators");

    private static final WholeFileRules RULES = rules();

    /** A row given twice (the same audit, assessment, plan or month) would count twice; each source's dates say what it covers. */
    private static WholeFileRules rules() {
        List<Duplicate> duplicates = new ArrayList<>();
        List<StoreColumn> dates = new ArrayList<>();
        List<StoreColumn> needed = new ArrayList<>();
        List<Anchor> anchors = new ArrayList<>();
        for (AgencySource source : AgencySource.values()) {
            Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(source.table());
            anchors.add(Anchor.of(table, source.sheet()));
            for (AgencyColumn c : source.columns()) {
                if (!c.required() && c.dbColumn() != null && NEEDED.containsKey(c.dbColumn())) {
                    needed.add(new StoreColumn((TableField<?, ?>) table.field(c.dbColumn()), source.sheet(), c.heading(),
                            NEEDED.get(c.dbColumn())));
                }
            }
            for (String c : source.dateColumns()) {
                dates.add(new StoreColumn((TableField<?, ?>) table.field(c), source.sheet(), source.headingOf(c)));
            }
            if (source.uniqueKey().isEmpty()) {
                continue;
            }
            List<Field<?>> key = new ArrayList<>();
            key.add(table.field("la_code3"));
            source.uniqueKey().forEach(k -> key.add(table.field(k)));
            duplicates.add(Duplicate.rejected(table, key, source.sheet(), source.headingOf(source.uniqueKey().get(0)),
                    source.repeatedKeyReason()));
        }
        return new WholeFileRules(duplicates, List.of(), dates, needed, anchors, WholeFileRules.Dating.LOG);
    }


    @Override
    public WholeFileRules wholeFile() {
        return RULES;
    }
}
