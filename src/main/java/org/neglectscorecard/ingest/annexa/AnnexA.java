package org.neglectscorecard.ingest.annexa;

import static org.neglectscorecard.store.schema.Tables.CHILD;
import static org.neglectscorecard.store.schema.Tables.CHILD_CHARACTERISTICS;
import static org.neglectscorecard.store.schema.Tables.CIN_EPISODE;
import static org.neglectscorecard.store.schema.Tables.CLA_EPISODE;
import static org.neglectscorecard.store.schema.Tables.CP_PLAN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.ingest.KindOfReturn;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.ReturnKind;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.ingest.WholeFileRules;
import org.neglectscorecard.ingest.WholeFileRules.Anchor;
import org.neglectscorecard.ingest.WholeFileRules.Duplicate;
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
 * Ofsted's Annex A (INPUTS.md A3), in the layouts LAs send: Ofsted's own template (front, FAQ,
 * guidance and code-list sheets, a title row above each list's headings, sheets named "List_1"),
 * LAs' own exports (headings on row 1, sheets "List 1" or "List 1 Contacts"), the 2023/24 List 9,
 * as .xlsx or the old .xls. A list is found by its set of headings, never by its sheet's name; Lists
 * 6, 7 and 8 are read (children in need, child protection, children looked after). Lists exported
 * as CSV files sitting together in one folder are one return too.
 */
public final class AnnexA implements KindOfReturn {

    public static final AnnexA KIND = new AnnexA();

    /** statutory_return.source_kind of an Annex A. */
    public static final String SOURCE_KIND = "ANNEX_A";

    private AnnexA() {
    }

    @Override
    public ReturnKind kind() {
        return ReturnKind.ANNEX_A;
    }

    @Override
    public String tableOf(TableHeader header) {
        AnnexAList list = AnnexAList.recognise(header);
        return list == null ? null : list.name();
    }

    /** Every list of the workbook is known, read or not: its headings are found under its title, and it is nobody else's. */
    @Override
    public boolean knowsHeadings(TableHeader header) {
        return tableOf(header) != null || AnnexAList.otherList(header) != null;
    }

    @Override
    public boolean tablesSitTogether() {
        return true;
    }

    @Override
    public String tableSetName() {
        return "Annex A lists";
    }

    @Override
    public String checksumPrefix() {
        return "annexa:";
    }

    @Override
    public List<String> tables() {
        return Arrays.stream(AnnexAList.values()).map(Enum::name).toList();
    }

    @Override
    public String tableTitle(String table) {
        return AnnexAList.valueOf(table).sheetName();
    }

    @Override
    public Layout layout(Set<String> tables, boolean workbook) {
        if (tables.isEmpty()) {
            return Layout.notUsed("is an Ofsted Annex A " + (workbook ? "workbook" : "list") + ", but has none of Lists 6, 7 and 8, "
                    + "the lists this program reads (children in need, child protection, children looked after)");
        }
        return Layout.of(Format.ANNEX_A);
    }

    @Override
    public ItemStreamReader<SourceRow> reader(InputFile file, LongConsumer bytesRead) {
        List<TableSetReader.Part> parts = new ArrayList<>();
        for (AnnexAList list : AnnexAList.values()) {
            if (file.tables().containsKey(list.name())) {
                parts.add(new TableSetReader.Part(list.sheetName(), file.tables().get(list.name()), list.aliases(), list::missing)
                        .aloneIfUnreadable());
            }
        }
        return TableSetReader.of("annexA", parts, file.folderLaCode(), bytesRead);
    }

    @Override
    public ItemProcessor<SourceRow, ParsedRow<?>> processor(InputFile file, Pseudonymiser pseudonymiser, LaDirectory las) {
        return KindOfReturn.processing(new AnnexARowProcessor(pseudonymiser, las));
    }

    @Override
    public ItemWriter<ParsedRow<?>> writer(StoreAccess store, long sourceFileId) {
        return KindOfReturn.storing(new ChildLevelWriter(store, sourceFileId, SOURCE_KIND));
    }

    /** A child is on several lists, and on a list once per plan or episode: only plans and episodes given twice are mistakes. */
    private static final WholeFileRules RULES = new WholeFileRules(
            List.of(
                    Duplicate.silent(CHILD, List.of(CHILD.CHILD_KEY)),
                    Duplicate.silent(CHILD_CHARACTERISTICS, List.of(CHILD_CHARACTERISTICS.CHILD_KEY)),
                    Duplicate.rejected(CIN_EPISODE, List.of(CIN_EPISODE.CHILD_KEY, CIN_EPISODE.REFERRAL_DATE), "List 6",
                            "CIN Start Date", "This child already has an episode with the same CIN start date at row %s: only that row is used"),
                    Duplicate.rejected(CP_PLAN, List.of(CP_PLAN.CHILD_KEY, CP_PLAN.START_DATE), "List 7",
                            "Child Protection Plan Start Date", "This child already has a child protection plan starting the same day "
                                    + "at row %s: only that row is used"),
                    Duplicate.rejected(CLA_EPISODE, List.of(CLA_EPISODE.CHILD_KEY, CLA_EPISODE.START_DATE), "List 8",
                            "Date Started to be Looked After", "This child already has a period of care starting the same day at "
                                    + "row %s: only that row is used")),
            List.of(),
            List.of(
                    new StoreColumn(CIN_EPISODE.REFERRAL_DATE, "List 6", "CIN Start Date"),
                    new StoreColumn(CIN_EPISODE.CLOSURE_DATE, "List 6", "CIN Closure Date"),
                    new StoreColumn(CP_PLAN.START_DATE, "List 7", "Child Protection Plan Start Date"),
                    new StoreColumn(CP_PLAN.END_DATE, "List 7", "Child Protection Plan End Date"),
                    new StoreColumn(CP_PLAN.LAST_VISIT_DATE, "List 7", "Date of the Last Statutory Visit", "the indicator of visits within the visiting standard"),
                    new StoreColumn(CLA_EPISODE.START_DATE, "List 8", "Date Started to be Looked After"),
                    new StoreColumn(CLA_EPISODE.END_DATE, "List 8", "Date Ceased to be Looked After")),
            List.of(
                    new StoreColumn(CP_PLAN.INITIAL_CATEGORY, "List 7", "Initial Category of Abuse", "the neglect indicators by initial category of abuse"),
                    new StoreColumn(CP_PLAN.LATEST_CATEGORY, "List 7", "Latest Category of Abuse", "the neglect indicators by latest category of abuse"),
                    new StoreColumn(CP_PLAN.PREVIOUS_PLANS, "List 7", "Number of Previous Child Protection Plans", "the repeat child protection plan indicators"),
                    new StoreColumn(CP_PLAN.LAST_VISIT_DATE, "List 7", "Date of the Last Statutory Visit", "the indicator of visits within the visiting standard"),
                    new StoreColumn(CP_PLAN.SEEN_ALONE, "List 7", "Was the Child Seen Alone?", "the indicator of children seen alone"),
                    new StoreColumn(CIN_EPISODE.PRIMARY_NEED, "List 6", "Primary Need Code", "the children in need indicators by primary need (N1, abuse or neglect)"),
                    new StoreColumn(CLA_EPISODE.CATEGORY_OF_NEED, "List 8", "Child's Category of Need", "the looked-after starts by category of need (N1, abuse or neglect)"),
                    new StoreColumn(CLA_EPISODE.LEGAL_STATUS, "List 8", "Child's Legal Status", "the looked-after starts (short breaks, V3 and V4, cannot be left out)")),
            List.of(Anchor.of(CIN_EPISODE, "List 6"), Anchor.of(CP_PLAN, "List 7"), Anchor.of(CLA_EPISODE, "List 8")),
            WholeFileRules.Dating.SNAPSHOT);

    @Override
    public WholeFileRules wholeFile() {
        return RULES;
    }

    @Override
    public List<StoreColumn> endDates() {
        return END_DATES;
    }

    private static final List<StoreColumn> END_DATES = List.of(
            new StoreColumn(CIN_EPISODE.CLOSURE_DATE, "List 6", "CIN Closure Date", "the children in need figures at each month end"),
            new StoreColumn(CP_PLAN.END_DATE, "List 7", "Child Protection Plan End Date",
                    "the child protection figures (children on a plan at each month end, and those read with them)"));

    /** A list the workbook lacks leaves what it holds unknown for the months the workbook serves, not zero. */
    @Override
    public List<StoreColumn> absentTables(InputFile file) {
        return LISTS.stream().filter(c -> !file.tables().containsKey(listOf(c).name())).toList();
    }

    /** A list set aside for a heading it lacks (its workbook's other lists read): its figures have no value, never a zero. */
    @Override
    public void setAsideTables(List<String> tables, java.util.function.BiConsumer<StoreColumn, Rejection> absent) {
        for (StoreColumn c : LISTS) {
            if (tables.contains(c.fileTable())) {
                absent.accept(c, new Rejection(c.fileTable(), null, c.fileColumn(), null, null, c.fileTable() + " was not read, "
                        + "for the heading it lacks (said above): " + c.neededFor() + " will have no value for the months this "
                        + "return serves (never a zero)."));
            }
        }
    }

    /** Each list the program reads, as the column it cannot do without. */
    private static final List<StoreColumn> LISTS = List.of(
            new StoreColumn(CIN_EPISODE.REFERRAL_DATE, "List 6", "CIN Start Date", "the children in need indicators"),
            new StoreColumn(CP_PLAN.START_DATE, "List 7", "Child Protection Plan Start Date", "the child protection indicators"),
            new StoreColumn(CLA_EPISODE.START_DATE, "List 8", "Date Started to be Looked After", "the looked-after starts"));

    private static AnnexAList listOf(StoreColumn c) {
        return java.util.Arrays.stream(AnnexAList.values()).filter(l -> l.sheetName().equals(c.fileTable())).findFirst().orElseThrow();
    }
}
