package org.neglectscorecard.ingest.cin;

import static org.neglectscorecard.store.schema.Tables.ASSESSMENT;
import static org.neglectscorecard.store.schema.Tables.CHILD;
import static org.neglectscorecard.store.schema.Tables.CHILD_CHARACTERISTICS;
import static org.neglectscorecard.store.schema.Tables.CIN_EPISODE;
import static org.neglectscorecard.store.schema.Tables.CIN_PLAN;
import static org.neglectscorecard.store.schema.Tables.CP_PLAN;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.ingest.WholeFileRules;
import org.neglectscorecard.ingest.WholeFileRules.Anchor;
import org.neglectscorecard.ingest.WholeFileRules.Duplicate;
import org.neglectscorecard.ingest.WholeFileRules.Orphan;
import org.neglectscorecard.ingest.WholeFileRules.StoreColumn;
import org.neglectscorecard.ingest.table.TableReader;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.ChildLevelWriter;
import org.neglectscorecard.store.StoreAccess;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The children in need census (INPUTS.md A1, A2): DfE's XML, any year from 2017-18, or the same
 * modules as CSV tables sitting together in a folder or as the sheets of one workbook. Each
 * collection year's items and codes are a data file (ingest/cin/cin-census-YYYY-YY.yml); the XML
 * and the tables arrive at one processor as rows of the same tables, so both give the same figures.
 */
public final class CinCensus implements KindOfReturn {

    public static final CinCensus KIND = new CinCensus();

    /** statutory_return.source_kind of a census return. */
    public static final String SOURCE_KIND = "CIN_CENSUS";

    /** Every collection year this program knows, from its data files. */
    public static final CollectionYear.Years YEARS = CollectionYear.Years.load("ingest/cin", "cin-census");

    private CinCensus() {
    }

    @Override
    public ReturnKind kind() {
        return ReturnKind.CIN_CENSUS;
    }

    @Override
    public String tableOf(TableHeader header) {
        CinTable t = CinTable.recognise(header);
        return t == null ? null : t.name();
    }

    @Override
    public java.util.Optional<String> refusal(TableHeader header) {
        List<String> modules = CinTable.modulesIn(header);
        if (modules.size() < 2) {
            return java.util.Optional.empty();
        }
        // Read as any one module, a row per event or per child repeats each plan and episode, or
        // leaves out those on rows of another module: counts that look right and are not.
        return java.util.Optional.of("is one table with the columns of several CIN census modules (" + String.join(", ", modules)
                + "): a 'flat' extract, whose rows cannot be told apart as episodes, assessments and plans. Export the census "
                + "as its XML, or as one table per module (CINdetails, Assessments, CINplanDates, ChildProtectionPlans, ...), "
                + "each row with its LAchildID and CINdetailsID, as DfE's CIN census tables are.");
    }

    @Override
    public boolean tablesSitTogether() {
        return true;
    }

    @Override
    public String tableSetName() {
        return "CIN census tables";
    }

    @Override
    public List<String> tables() {
        return Arrays.stream(CinTable.values()).map(Enum::name).toList();
    }

    @Override
    public String tableTitle(String table) {
        return CinTable.valueOf(table).tableName();
    }

    @Override
    public boolean reads(String table) {
        return CinTable.valueOf(table).isRead();
    }

    @Override
    public Layout layout(Set<String> tables, boolean workbook) {
        if (tables.contains(CinTable.CIN_DETAILS.name()) || tables.contains(CinTable.CHILD_PROTECTION_PLANS.name())) {
            return Layout.of(Format.CIN_CENSUS_TABLES);
        }
        return Layout.unreadable("has CIN census tables but neither CINdetails nor ChildProtectionPlans: put the whole "
                + "table set in the " + (workbook ? "workbook" : "folder") + ".");
    }

    /** The year a table set's Header gives, from its first row: ReferenceDate, else Year. */
    @Override
    public String collectionYear(Map<String, TableSource> tables) {
        TableSource header = tables.get(CinTable.HEADER.name());
        if (header == null) {
            return null;
        }
        try (org.neglectscorecard.ingest.table.Spreadsheet wb = header.isSheet()
                ? org.neglectscorecard.ingest.table.Spreadsheet.open(header.path()) : null;
             TableReader r = header.open(CinTable.HEADER.tableName(), wb, n -> { })) {
            String[] first = r.next();
            if (first == null) {
                return null;
            }
            SourceRow row = new SourceRow(r.header(), r.rowNumber(), first, null);
            return yearOf(row.value("ReferenceDate"), row.value("Year"), row.header().date1904());
        } catch (RuntimeException e) {
            return null;   // an unreadable Header is reported when the return is loaded
        }
    }

    /** The collection year of a header's ReferenceDate (else its Year), or null if neither can be read. */
    static String yearOf(String referenceDate, String year, boolean date1904) {
        try {
            LocalDate date = Values.date(referenceDate, date1904).orElse(null);
            if (date == null && year != null && year.strip().matches("\\d{4}")) {
                date = LocalDate.of(Integer.parseInt(year.strip()), 3, 31);
            }
            CollectionYear y = YEARS.forDate(date);
            return y == null ? null : y.year();
        } catch (Values.BadValue e) {
            return null;
        }
    }

    /**
     * A census XML file is known by its root element (Message) and its collection (CIN), read from
     * its first elements without resolving DTDs or entities; its header gives the collection year.
     */
    @Override
    public XmlVerdict xml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = org.neglectscorecard.ingest.SafeXml.factory().createXMLStreamReader(in);
            String root = null;
            String element = null;
            String reference = null;
            String year = null;
            int seen = 0;
            while (xml.hasNext() && seen < 200) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    return unreadable("declares a DTD or entities; CIN census returns never do, so it was not read "
                            + "(this is how XML attacks work). Export the return again.");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    seen++;
                    element = xml.getLocalName();
                    if (root == null) {
                        root = element;
                        if (!"Message".equals(root)) {
                            return XmlVerdict.NOT_MINE;
                        }
                    }
                    if ("Children".equals(element) || "Child".equals(element)) {
                        break;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && element != null) {
                    String text = xml.getText().strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    switch (element) {
                        case "Collection" -> {
                            if (!"CIN".equalsIgnoreCase(text)) {
                                return new XmlVerdict(null, "is a DfE return, but of collection '" + text
                                        + "', not the CIN census", false, null);
                            }
                        }
                        case "ReferenceDate" -> reference = text;
                        case "Year" -> year = text;
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    element = null;
                }
            }
            if (root == null) {
                return XmlVerdict.NOT_MINE;
            }
            return new XmlVerdict(Format.CIN_CENSUS_XML, null, false, yearOf(reference, year, false));
        } catch (XMLStreamException e) {
            String m = String.valueOf(e.getMessage());
            return unreadable(m.contains("was referenced") || m.contains("DOCTYPE")
                    ? "uses XML entities or a DTD; CIN census returns never do, so it was not read. Export the return again."
                    : "is not well-formed XML: the file is damaged or was cut short. Export the return again.");
        } catch (IOException e) {
            return unreadable("could not be read: " + e.getMessage());
        }
    }

    private static XmlVerdict unreadable(String problem) {
        return new XmlVerdict(null, problem, true, null);
    }

    /** The year a return's header gives, or null (a table set with no Header): then any year's codes are read. */
    static CollectionYear year(InputFile file) {
        return file.collectionYear() == null ? null : YEARS.named(file.collectionYear());
    }

    @Override
    public ItemStreamReader<SourceRow> reader(InputFile file, LongConsumer bytesRead) {
        if (file.format() == Format.CIN_CENSUS_XML) {
            CinCensusXmlReader xml = new CinCensusXmlReader(Path.of(file.path()), file.displayName(), file.folderLaCode(), year(file));
            xml.setBytesRead(bytesRead);
            return xml;
        }
        Map<CinTable, TableSource> tables = new java.util.EnumMap<>(CinTable.class);
        file.tables().forEach((k, v) -> tables.put(CinTable.valueOf(k), v));
        CinCensusTableReader reader = new CinCensusTableReader(tables, file.folderLaCode());
        reader.setBytesRead(bytesRead);
        return reader;
    }

    @Override
    public ItemProcessor<SourceRow, ParsedRow<?>> processor(InputFile file, Pseudonymiser pseudonymiser, LaDirectory las) {
        return KindOfReturn.processing(new CinCensusRowProcessor(pseudonymiser, las, year(file), file.folderLaCode()));
    }

    @Override
    public ItemWriter<ParsedRow<?>> writer(StoreAccess store, long sourceFileId) {
        return KindOfReturn.storing(new ChildLevelWriter(store, sourceFileId, SOURCE_KIND));
    }

    private static final WholeFileRules RULES = new WholeFileRules(
            List.of(
                    Duplicate.rejectedWithheld(CHILD, List.of(CHILD.CHILD_KEY), "ChildIdentifiers", "LAchildID",
                            "This child is already listed at row %s: only that row is used"),
                    Duplicate.rejectedWithheld(CHILD_CHARACTERISTICS, List.of(CHILD_CHARACTERISTICS.CHILD_KEY), "ChildCharacteristics",
                            "LAchildID", "This child's characteristics are already given at row %s: only that row is used"),
                    Duplicate.rejected(CIN_EPISODE, List.of(CIN_EPISODE.CHILD_KEY, CIN_EPISODE.EPISODE_REF), "CINdetails",
                            "CINdetailsID", "This child already has an episode with this CINdetailsID at row %s: only that row is used"),
                    Duplicate.rejected(CIN_EPISODE, List.of(CIN_EPISODE.CHILD_KEY, CIN_EPISODE.REFERRAL_DATE), "CINdetails",
                            "CINreferralDate", "This child already has an episode with the same referral date at row %s: only that row is used"),
                    Duplicate.rejected(CIN_PLAN, List.of(CIN_PLAN.CHILD_KEY, CIN_PLAN.START_DATE), "CINplanDates",
                            "CINPlanStartDate", "This child already has a CIN plan starting the same day at row %s: only that row is used"),
                    Duplicate.rejected(CP_PLAN, List.of(CP_PLAN.CHILD_KEY, CP_PLAN.START_DATE), "ChildProtectionPlans",
                            "CPPstartDate", "This child already has a child protection plan starting the same day at row %s: only that row is used")),
            List.of(
                    new Orphan(CIN_EPISODE, CHILD, List.of("child_key"), "CINdetails", "%d CINdetails rows name a child who is "
                            + "not in ChildIdentifiers: they are counted, but left out of breakdowns by age and gender"),
                    new Orphan(CP_PLAN, CHILD, List.of("child_key"), "ChildProtectionPlans", "%d ChildProtectionPlans rows name "
                            + "a child who is not in ChildIdentifiers: they are counted, but left out of breakdowns by age and gender"),
                    new Orphan(CP_PLAN, CIN_EPISODE, List.of("child_key", "episode_ref"), "ChildProtectionPlans", "%d "
                            + "ChildProtectionPlans rows name a CINdetailsID that is not in CINdetails: the plans are counted"),
                    new Orphan(CIN_PLAN, CIN_EPISODE, List.of("child_key", "episode_ref"), "CINplanDates", "%d CINplanDates rows "
                            + "name a CINdetailsID that is not in CINdetails: the plans are counted, but cannot be linked to the episode's assessments"),
                    new Orphan(ASSESSMENT, CIN_EPISODE, List.of("child_key", "episode_ref"), "Assessments", "%d Assessments rows "
                            + "name a CINdetailsID that is not in CINdetails: they are counted, but cannot be linked to a CIN plan")),
            List.of(
                    new StoreColumn(CIN_EPISODE.REFERRAL_DATE, "CINdetails", "CINreferralDate"),
                    new StoreColumn(CIN_EPISODE.CLOSURE_DATE, "CINdetails", "CINclosureDate"),
                    new StoreColumn(ASSESSMENT.AUTHORISED_DATE, "Assessments", "AssessmentAuthorisationDate"),
                    new StoreColumn(CIN_PLAN.START_DATE, "CINplanDates", "CINPlanStartDate"),
                    new StoreColumn(CIN_PLAN.END_DATE, "CINplanDates", "CINPlanEndDate"),
                    new StoreColumn(CP_PLAN.START_DATE, "ChildProtectionPlans", "CPPstartDate"),
                    new StoreColumn(CP_PLAN.END_DATE, "ChildProtectionPlans", "CPPendDate")),
            List.of(
                    new StoreColumn(CP_PLAN.INITIAL_CATEGORY, "ChildProtectionPlans", "InitialCategoryOfAbuse", "the neglect indicators by initial category of abuse"),
                    new StoreColumn(CP_PLAN.LATEST_CATEGORY, "ChildProtectionPlans", "LatestCategoryOfAbuse", "the neglect indicators by latest category of abuse"),
                    new StoreColumn(CP_PLAN.PREVIOUS_PLANS, "ChildProtectionPlans", "NumberOfPreviousCPP", "the repeat child protection plan indicators"),
                    new StoreColumn(CIN_EPISODE.PRIMARY_NEED, "CINdetails", "PrimaryNeedCode", "the children in need indicators by primary need (N1, abuse or neglect)"),
                    new StoreColumn(ASSESSMENT.FACTORS, "Assessments", "AssessmentFactors", "the indicators of neglect identified at assessment (factor 16A)")),
            List.of(Anchor.of(CHILD, "ChildIdentifiers"), Anchor.of(CHILD_CHARACTERISTICS, "ChildCharacteristics"),
                    Anchor.of(CIN_EPISODE, "CINdetails"), Anchor.of(ASSESSMENT, "Assessments"), Anchor.of(CIN_PLAN, "CINplanDates"),
                    Anchor.of(CP_PLAN, "ChildProtectionPlans")),
            WholeFileRules.Dating.ANNUAL);

    @Override
    public WholeFileRules wholeFile() {
        return RULES;
    }

    /** A census's tables as CSV or sheets (XML's elements are per record, and a record without one is open). */
    @Override
    public List<StoreColumn> endDates() {
        return END_DATES;
    }

    private static final List<StoreColumn> END_DATES = List.of(
            new StoreColumn(CIN_EPISODE.CLOSURE_DATE, "CINdetails", "CINclosureDate", "the children in need figures at each month end"),
            new StoreColumn(CIN_PLAN.END_DATE, "CINplanDates", "CINPlanEndDate", "the children on a CIN plan at each month end"),
            new StoreColumn(CP_PLAN.END_DATE, "ChildProtectionPlans", "CPPendDate",
                    "the child protection figures (children on a plan at each month end, and those read with them)"));

    /**
     * A return of 50 or more CIN episodes is a whole LA's (the smallest LAs send over a hundred a
     * year): one without a single assessment, CIN plan or child protection plan was exported
     * without that block (an XML with no CINPlanDates elements, a table file of headings only).
     */
    @Override
    public Expected expectedTables(InputFile file) {
        return new Expected(new StoreColumn(CIN_EPISODE.REFERRAL_DATE, "CINdetails", "CINreferralDate"), 50, List.of(
                new StoreColumn(ASSESSMENT.AUTHORISED_DATE, "Assessments", "AssessmentAuthorisationDate", "the assessment indicators"),
                new StoreColumn(CIN_PLAN.START_DATE, "CINplanDates", "CINPlanStartDate", "the CIN plan indicators"),
                new StoreColumn(CP_PLAN.START_DATE, "ChildProtectionPlans", "CPPstartDate", "the child protection indicators")));
    }

    @Override
    public String notCollected(InputFile file, StoreColumn table) {
        CollectionYear y = year(file);
        if (y == null || !"CINplanDates".equals(table.fileTable()) || y.blocks().containsKey("CINPlanDates")) {
            return null;
        }
        return "DfE first collected CIN plan dates in the " + YEARS.firstYearWith("CINPlanDates") + " census, so a "
                + y.year() + " return has none: nothing to add";
    }

    /**
     * Whole tables the indicators need that this return does not have: a table set without one of
     * them, or a year whose census had no such block (CIN plan dates before 2021-22). Recorded only
     * if the return indeed stored none of them.
     */
    @Override
    public List<StoreColumn> absentTables(InputFile file) {
        List<StoreColumn> out = new ArrayList<>();
        List<StoreColumn> tables = List.of(
                new StoreColumn(CIN_EPISODE.REFERRAL_DATE, "CINdetails", "CINreferralDate", "the children in need indicators"),
                new StoreColumn(ASSESSMENT.AUTHORISED_DATE, "Assessments", "AssessmentAuthorisationDate", "the assessment indicators"),
                new StoreColumn(CIN_PLAN.START_DATE, "CINplanDates", "CINPlanStartDate", "the CIN plan indicators"),
                new StoreColumn(CP_PLAN.START_DATE, "ChildProtectionPlans", "CPPstartDate", "the child protection indicators"));
        if (file.format() == Format.CIN_CENSUS_TABLES) {
            Map<String, CinTable> byName = Map.of("CINdetails", CinTable.CIN_DETAILS, "Assessments", CinTable.ASSESSMENTS,
                    "CINplanDates", CinTable.CIN_PLAN_DATES, "ChildProtectionPlans", CinTable.CHILD_PROTECTION_PLANS);
            tables.stream().filter(t -> !file.tables().containsKey(byName.get(t.fileTable()).name())).forEach(out::add);
        } else {
            CollectionYear y = year(file);
            if (y != null && !y.blocks().containsKey("CINPlanDates")) {
                out.add(tables.get(2));
            }
        }
        return out;
    }
}
