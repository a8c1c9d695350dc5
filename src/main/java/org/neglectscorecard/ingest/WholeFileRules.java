package org.neglectscorecard.ingest;

import java.util.List;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * What a kind of return checks and works out once its whole file is loaded, as data over the
 * store's (generated) tables, so the store runs every kind's rules the same way.
 *
 * @param duplicates    rows that repeat one already read, by a key within the return
 * @param orphans       rows naming a child or episode the file does not have: kept, but said
 * @param eventDates    the dates that say what months a return covers (never dates of birth)
 * @param neededColumns columns an indicator needs and a file may lack: a return that gives none
 *                      of them is recorded as lacking it, so the indicator is withheld, not zero
 * @param anchors       the store tables holding one record per source row: what "rows loaded" counts
 * @param dating        how a return with no date of its own in it is dated
 */
public record WholeFileRules(List<Duplicate> duplicates, List<Orphan> orphans, List<StoreColumn> eventDates,
                             List<StoreColumn> neededColumns, List<Anchor> anchors, Dating dating) {

    /** Reference data: no returns, no child-level rules; rows counted in their own tables. */
    public static WholeFileRules rowsOnly(List<Anchor> anchors) {
        return new WholeFileRules(List.of(), List.of(), List.of(), List.of(), anchors, Dating.NONE);
    }

    /**
     * A row whose key repeats one already read within its return. The later row is rejected (and
     * taken out of the store), saying at which row the first was; or, when {@code silent}, simply
     * not kept twice (a child is on several Annex A lists: that is no mistake).
     *
     * @param reason what the person reads, with %s where the first row's number goes
     */
    public record Duplicate(Table<?> table, List<Field<?>> key, String fileTable, String fileColumn, String reason,
                            boolean silent, boolean withheld) {

        public static Duplicate rejected(Table<?> table, List<Field<?>> key, String fileTable, String fileColumn,
                                         String reason) {
            return new Duplicate(table, key, fileTable, fileColumn, reason, false, false);
        }

        /** The same, where the offending value is an identifier and is shown as (withheld). */
        public static Duplicate rejectedWithheld(Table<?> table, List<Field<?>> key, String fileTable, String fileColumn,
                                                 String reason) {
            return new Duplicate(table, key, fileTable, fileColumn, reason, false, true);
        }

        public static Duplicate silent(Table<?> table, List<Field<?>> key) {
            return new Duplicate(table, key, null, null, null, true, false);
        }
    }

    /**
     * Rows of {@code table} with no row of {@code parent} in the same return sharing {@code key}.
     *
     * @param reason what the person reads, with %d where the count goes
     */
    public record Orphan(Table<?> table, Table<?> parent, List<String> key, String fileTable, String reason) {
    }

    /**
     * A column of the store and where it comes from in the file, for messages that name what the
     * person sees.
     *
     * @param fileTable  the table as the kind names it (a census table, an Annex A list, an SSDA903 table)
     * @param fileColumn the canonical heading or element: InitialCategoryOfAbuse, Initial Category of Abuse
     * @param neededFor  in words, what goes without it ("the neglect indicators by initial category of abuse")
     */
    public record StoreColumn(TableField<?, ?> field, String fileTable, String fileColumn, String neededFor) {

        public StoreColumn(TableField<?, ?> field, String fileTable, String fileColumn) {
            this(field, fileTable, fileColumn, "the indicators that need it");
        }

        public Table<?> table() {
            return field.getTable();
        }
    }

    /**
     * A store table holding one record for each source row of a file table that was loaded.
     *
     * @param distinct where one source row gives several records (a DfE file's row, one per
     *                 column; a neighbours row, one per neighbour), the fields telling rows apart
     */
    public record Anchor(Table<?> table, String fileTable, List<Field<?>> distinct) {

        public static Anchor of(Table<?> table, String fileTable) {
            return new Anchor(table, fileTable, List.of());
        }
    }

    /** How a return is dated when its file does not say (a header's reference date always wins). */
    public enum Dating {
        /** An annual return (12 months to 31 March): the first 31 March on or after its latest date. */
        ANNUAL,
        /**
         * A snapshot as at a month end (Annex A): the month end of its latest date; covers the six
         * months to it. Ofsted's lists reach back six months ("include those who ceased to be the
         * subject of a child protection plan in the six months before the inspection"): a child
         * whose plan or episode ended before then is not in them, so earlier months would be undercounted.
         */
        SNAPSHOT,
        /** A log (training, audits, ...): the month end of its latest date; covers all of its own dates. */
        LOG,
        /** No returns (reference data). */
        NONE
    }
}
