package org.neglectscorecard.ingest;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.LongConsumer;

import org.neglectscorecard.ingest.InputScanner.Format;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.StoreAccess;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * One kind of return, whole: how its files are recognised (by their headings or XML, never their
 * names), read, checked row by row and stored, and the rules that need the whole file. A new kind
 * is a new package with one of these; a new year's layout is a data file its package reads.
 */
public interface KindOfReturn {

    ReturnKind kind();

    /**
     * Which of this kind's tables a heading row belongs to, by the set of headings in it, or null.
     * The name returned is the kind's own (an enum constant's name), used as the table's key.
     */
    String tableOf(TableHeader header);

    /**
     * Whether a heading row is one this kind knows, even for a table it does not read (an Annex A
     * workbook's List 1 to 5 and 9 to 11): used to find the heading row under a title.
     */
    default boolean knowsHeadings(TableHeader header) {
        return tableOf(header) != null;
    }

    /**
     * For a table no kind reads: which of this kind's layouts it looks most like, and what it lacks,
     * in words for the person to act on (the file is still not used); else empty.
     */
    default java.util.Optional<String> likeness(TableHeader header) {
        return java.util.Optional.empty();
    }

    /**
     * For a heading row this kind does not read: the name of its return's table it is, when it is one no
     * figure uses (an SSDA903's reviews), so that it is said to be passed over, not "no known return".
     */
    default java.util.Optional<String> passedOver(TableHeader header) {
        return java.util.Optional.empty();
    }

    /**
     * For a heading row this kind knows ({@link #tableOf} named a table): why the table cannot be
     * read as it stands, when its headings show that reading it as that table would give wrong
     * figures; the file is then refused whole with these words. Empty: read it.
     */
    default java.util.Optional<String> refusal(TableHeader header) {
        return java.util.Optional.empty();
    }

    /**
     * The table a header row was meant to be, where no kind knows it outright: most of one table's
     * required headings, a few missing or misspelt. The file is then read as that table, and
     * rejected naming what is missing, rather than passed over as not a return. Null: none.
     */
    default String nearestTable(TableHeader header) {
        return null;
    }

    /** Whether this kind's CSV tables sit together in a folder as one return (the CIN census, SSDA903). */
    default boolean tablesSitTogether() {
        return false;
    }

    /** How reports name a folder of this kind's CSV tables: "CIN census tables". */
    default String tableSetName() {
        return kind().name();
    }

    /**
     * What a set of this kind's tables found together (the sheets of one workbook, or the CSV
     * files of one folder) is: a return of some format, or why it cannot be read or used.
     */
    Layout layout(Set<String> tables, boolean workbook);

    /** What a set of tables is. Exactly one of format and problem is set. */
    record Layout(Format format, String problem, boolean unreadable) {

        public static Layout of(Format format) {
            return new Layout(format, null, false);
        }

        /** Tables of this kind that cannot be read as a return (a CIN table set with neither CINdetails nor plans). */
        public static Layout unreadable(String problem) {
            return new Layout(null, problem, true);
        }

        /** Tables of this kind with nothing in them the program reads. */
        public static Layout notUsed(String problem) {
            return new Layout(null, problem, false);
        }
    }

    /** What this kind makes of an XML file: {@link XmlVerdict#NOT_MINE} for one it does not read. */
    default XmlVerdict xml(Path file) {
        return XmlVerdict.NOT_MINE;
    }

    /** What a kind makes of an XML file: a return of some format (and year), or why it cannot be used. */
    record XmlVerdict(Format format, String problem, boolean unreadable, String collectionYear) {
        public static final XmlVerdict NOT_MINE = new XmlVerdict(null, null, false, null);
    }

    /** This kind's tables, in the order a set of them is read and checksummed. */
    default java.util.List<String> tables() {
        return java.util.List.of();
    }

    /** How a person calls one of this kind's tables, and the name its rows carry ("ChildProtectionPlans", "List 7"). */
    default String tableTitle(String table) {
        return table;
    }

    /** Whether a table is read at all (the census's Section47 is not: data minimisation). */
    default boolean reads(String table) {
        return true;
    }

    /** Goes before each table's name in a CSV table set's checksum (unchanged, so files loaded before are known). */
    default String checksumPrefix() {
        return "";
    }

    /** The collection year a return's own header gives ("2021-22"), or null. */
    default String collectionYear(java.util.Map<String, org.neglectscorecard.ingest.table.TableSource> tables) {
        return null;
    }

    /** The rows of a return, as its tables (or XML) hold them; bytesRead hears of progress. */
    ItemStreamReader<SourceRow> reader(InputFile file, LongConsumer bytesRead);

    /** Checks each row and turns it into records for the store, or rejects it with every reason found. */
    ItemProcessor<SourceRow, ParsedRow<?>> processor(InputFile file, Pseudonymiser pseudonymiser, LaDirectory las);

    /** Stores checked records, in the chunk's transaction. */
    ItemWriter<ParsedRow<?>> writer(StoreAccess store, long sourceFileId);

    /** A kind's own processor, as the load step takes it. */
    static ItemProcessor<SourceRow, ParsedRow<?>> processing(ItemProcessor<SourceRow, ? extends ParsedRow<?>> processor) {
        return processor::process;
    }

    /** A kind's own writer, as the load step takes it: every record it is given is of its kind. */
    @SuppressWarnings("unchecked")
    static <T> ItemWriter<ParsedRow<?>> storing(ItemWriter<ParsedRow<T>> writer) {
        return chunk -> writer.write((org.springframework.batch.infrastructure.item.Chunk<ParsedRow<T>>)
                (org.springframework.batch.infrastructure.item.Chunk<?>) chunk);
    }

    /** The checks and facts that need the whole file: duplicates, orphans, dates, columns the indicators need. */
    WholeFileRules wholeFile();

    /**
     * Why a return cannot have one of its {@link #absentTables} where that is no fault of the file (DfE
     * did not collect the item in the return's year), or null. With a reason, the table is said as
     * nothing to add, and a check before the run does not count it as something to put right.
     */
    default String notCollected(InputFile file, WholeFileRules.StoreColumn table) {
        return null;
    }

    /**
     * Whole tables the indicators need that a return of this layout does not have at all (a CIN
     * table set without its ChildProtectionPlans file; an Annex A without List 7; a census year
     * before CIN plan dates were collected), each as the key column the table would have filled.
     * The store records one only where the return indeed stored none of the table's rows.
     */
    default java.util.List<WholeFileRules.StoreColumn> absentTables(InputFile file) {
        return java.util.List.of();
    }

    /**
     * Tables every whole LA's return has rows in, beside the main table that says the return is a
     * whole LA's ({@code atLeast} rows or more in it): where such a return stores none of one, its
     * export left that block out (a system that does not map it), and counting it would give a
     * zero for a figure that was never sent. Null where the layout has no such tables.
     */
    default Expected expectedTables(InputFile file) {
        return null;
    }

    /** See {@link #expectedTables}. */
    record Expected(WholeFileRules.StoreColumn main, int atLeast, java.util.List<WholeFileRules.StoreColumn> tables) {
    }

    /**
     * The end dates (a plan's, an episode's) without which every record of its table would look
     * open to this day. A table whose headings lack one has it recorded as absent, so the figures
     * that need it have no value for the months the return serves, instead of counting every plan
     * ever listed as open. A blank cell is an open record; only a missing heading is absent.
     */
    default java.util.List<WholeFileRules.StoreColumn> endDates() {
        return java.util.List.of();
    }

    /** Of {@link #endDates()}, each whose table was read (headings by table, as its rows name it) without the heading, with what to say. */
    /**
     * A column indicators need that a table lacks while it has headings nothing is read from: one of
     * them is likely that column in other words ("Date of last CP visit"), where the absence alone
     * was said ("has no Date of the Last Statutory Visit") and left the person to guess (a trial).
     * Said as a note naming those headings; what the absence withholds is said apart, as before.
     */
    default void neededNotHeaded(String fileShown, java.util.Map<String, TableHeader> headings,
                                 java.util.Map<String, java.util.List<String>> notRead, java.util.function.Consumer<Rejection> note) {
        for (WholeFileRules.StoreColumn c : wholeFile().neededColumns()) {
            TableHeader header = headings.get(c.fileTable());
            // Those sharing a word with the column, most first (an Ofsted List 7 has seven headings nothing reads: its
            // workers, teams and review dates are no visit date), at most three.
            java.util.Set<String> words = words(c.fileColumn());
            java.util.List<String> unread = notRead.getOrDefault(c.fileTable(), java.util.List.of()).stream()
                    .filter(h -> words(h).stream().anyMatch(words::contains))
                    .sorted(java.util.Comparator.comparingLong((String h) -> -words(h).stream().filter(words::contains).count()))
                    .limit(3).toList();
            if (header != null && !header.has(c.fileColumn()) && !unread.isEmpty()) {
                String where = header.isSpreadsheet() ? fileShown + " (" + header.where() + ")" : header.where();
                note.accept(new Rejection(header.where(), null, c.fileColumn(), null, null, where + " has no '" + c.fileColumn()
                        + "' column (needed for " + c.neededFor() + "), and nothing is read from its heading" + (unread.size() == 1
                        ? " '" + unread.get(0) + "'. If it is that column" : "s '" + String.join("', '", unread)
                        + "'. If one of them is that column") + ", give it the heading '" + c.fileColumn() + "' and run again."));
            }
        }
    }

    /** Tables of a file its reader set aside for a column they lack, each recorded absent as the kind knows it. */
    default void setAsideTables(java.util.List<String> tables,
                                java.util.function.BiConsumer<WholeFileRules.StoreColumn, Rejection> absent) {
    }

    /** A heading's words that say something: lower case, without "of", "the" and the like. */
    private static java.util.Set<String> words(String heading) {
        // CamelCase split into its words (InitialCategoryOfAbuse); words most headings have ("date", "child") say nothing.
        java.util.Set<String> out = new java.util.HashSet<>(java.util.Arrays.asList(heading.replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.UK).split("[^a-z0-9]+")));
        out.removeAll(java.util.Set.of("", "of", "the", "a", "an", "to", "in", "at", "was", "is", "for", "and", "or", "y", "n",
                "date", "child", "children", "number", "code", "id", "last", "latest", "months"));
        return out;
    }

    default void endDatesNotHeaded(String fileShown, java.util.Map<String, TableHeader> headings,
                                   java.util.function.BiConsumer<WholeFileRules.StoreColumn, Rejection> absent) {
        for (WholeFileRules.StoreColumn c : endDates()) {
            TableHeader header = headings.get(c.fileTable());
            if (header != null && !header.has(c.fileColumn())) {
                String where = header.isSpreadsheet() ? fileShown + " (" + header.where() + ")" : header.where();
                absent.accept(c, new Rejection(header.where(), null, c.fileColumn(), null, null, where + " has no "
                        + c.fileColumn() + " column: without it every record would look open to this day, so "
                        + c.neededFor() + " will have no value for the months this return serves (never a guess). Add the "
                        + "column, blank where still open, and load the file again."));
            }
        }
    }
}
