package org.neglectscorecard.ingest.agency;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.neglectscorecard.store.schema.DefaultSchema;

/**
 * A partner's log sent twice over the same months (last quarter's export left in the folder beside
 * this quarter's, a year of police figures re-sent in a file of its own) is read as one stream with
 * the other logs of its LA and kind, and would count every repeated row twice, with no sign of it.
 * A row whose key (the one that refuses a row given twice within one file: the audit reference, the
 * practitioner with course and date, the month) a later log of the run also gives is marked
 * {@code repeated_in} that log's return, and the catalogue counts only unmarked rows: the later
 * file's row stands, as a corrected return replaces the one it corrects. Marked afresh by each run
 * from the logs it uses, so a file taken out of the input folder no longer hides any row.
 */
public final class RepeatedLogRows {

    /** One LA's log of one kind used by the run, with what says which of two is the later. */
    public record Log(long returnId, String kind, String la3, String file, LocalDate asAt, LocalDateTime savedAt,
                      LocalDateTime loadedAt, long sourceFileId) {
    }

    /**
     * Rows of one file that a later file repeats, or ({@code byAppointment}) monthly counts of one
     * file for a service and month that {@code laterFile} gives appointment by appointment.
     */
    public record Repeat(String file, String laterFile, String la3, AgencySource source, int rows, boolean byAppointment,
                         int otherValues) {

        Repeat(String file, String laterFile, String la3, AgencySource source, int rows, boolean byAppointment) {
            this(file, laterFile, la3, source, rows, byAppointment, 0);
        }

        /** What the person running the job reads. */
        public String sentence() {
            if (byAppointment) {
                return rows + (rows == 1 ? " monthly count" : " monthly counts") + " of " + file + " (LA " + la3 + ") " + (rows == 1 ? "is" : "are") + " for a service and "
                        + "month " + laterFile + " gives appointment by appointment: the appointments are counted, not those counts "
                        + "(the template asks for one or the other for a service and month, never both). If they are different "
                        + "providers' appointments, put the appointments into monthly counts too.";
            }
            return rows + (rows == 1 ? " row" : " rows") + " of " + file + " (" + source.title().toLowerCase(java.util.Locale.UK)
                    + ", LA " + la3 + ") " + (rows == 1 ? "is" : "are") + " also in " + laterFile + ", the later file: "
                    + (rows == 1 ? "it is" : "they are") + " counted once, as " + laterFile + " gives " + (rows == 1 ? "it" : "them")
                    + ". If the two files are meant to hold different rows, check the "
                    + String.join(", ", source.uniqueKey().stream().map(source::headingOf).toList()) + " in them."
                    + (otherValues == 0 ? "" : otherValues == rows && rows >= 3
                    // Every month given again with other numbers: a correction, or another area's or partner's file (another
                    // police force's, no LA code in it), whose numbers then replaced ours with nothing saying so (a trial).
                    ? " Every one of them has other values in " + laterFile + ": if it is another area's or another partner's "
                    + "file, take it out of the input folder (its values are counted now, not " + file + "'s); if it corrects "
                    + file + ", nothing need be done."
                    : " " + otherValues + " of them " + (otherValues == 1 ? "has" : "have") + " other values in " + laterFile
                    + ", which are the ones counted.");
        }
    }

    /** The later of two logs: by the date it is as at, then when it was saved, then when loaded. */
    static final Comparator<Log> LATER = Comparator.comparing(Log::asAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Log::savedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Log::loadedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Log::sourceFileId);

    private final DSLContext dsl;

    public RepeatedLogRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Marks the rows the run's logs repeat, and says which. */
    public List<Repeat> mark(List<Log> logs) {
        List<Repeat> repeats = new ArrayList<>();
        for (AgencySource source : AgencySource.values()) {
            if (source.uniqueKey().isEmpty()) {
                continue;
            }
            Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(source.table());
            @SuppressWarnings("unchecked")
            Field<Long> repeatedIn = (Field<Long>) table.field("repeated_in");
            @SuppressWarnings("unchecked")
            Field<Long> returnId = (Field<Long>) table.field("return_id");
            List<Log> ofKind = logs.stream().filter(l -> l.kind().equals(source.kind())).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            dsl.update(table).setNull(repeatedIn)
                    .where(returnId.in(ofKind.stream().map(Log::returnId).toList()).and(repeatedIn.isNotNull()))
                    .execute();
            Map<String, List<Log>> byLa = new LinkedHashMap<>();
            ofKind.forEach(l -> byLa.computeIfAbsent(l.la3(), k -> new ArrayList<>()).add(l));
            for (List<Log> la : byLa.values()) {
                if (la.size() < 2) {
                    continue;
                }
                List<Log> newestFirst = la.stream().sorted(LATER.reversed()).toList();
                for (int i = 1; i < newestFirst.size(); i++) {
                    Log older = newestFirst.get(i);
                    // Each row is marked by the latest file repeating it: the newer files are tried first.
                    for (Log later : newestFirst.subList(0, i)) {
                        int rows = markRepeated(table, source, older, later);
                        if (rows > 0) {
                            repeats.add(new Repeat(older.file(), later.file(), older.la3(), source, rows, false,
                                    otherValues(table, older, later)));
                        }
                    }
                }
            }
        }
        repeats.addAll(countsGivenAlsoByAppointment(logs));
        return repeats;
    }

    /**
     * A service's month given both as appointments (one row each) and as a monthly count would be
     * counted twice: the template asks for one or the other. The count is left out for a month and
     * service the LA's appointments give, and the appointments counted.
     */
    private List<Repeat> countsGivenAlsoByAppointment(List<Log> logs) {
        var m = org.neglectscorecard.store.schema.Tables.HEALTH_MONTHLY;
        var a = org.neglectscorecard.store.schema.Tables.HEALTH_APPOINTMENT;
        List<Repeat> out = new ArrayList<>();
        List<Log> health = logs.stream().filter(l -> l.kind().equals(AgencySource.HEALTH_MONTHLY.kind())).toList();
        for (Log counts : health) {
            for (Log rows : health) {
                if (!rows.la3().equals(counts.la3())) {
                    continue;
                }
                int left = dsl.update(m).set(m.REPEATED_IN, rows.returnId())
                        .where(m.RETURN_ID.eq(counts.returnId()).and(m.REPEATED_IN.isNull()))
                        .and(exists(selectOne().from(a).where(a.RETURN_ID.eq(rows.returnId()).and(a.LA_CODE3.eq(m.LA_CODE3))
                                .and(a.SERVICE.eq(m.SERVICE)).and(org.jooq.impl.DSL.year(a.APPOINTMENT_DATE).eq(org.jooq.impl.DSL.year(m.MONTH_END)))
                                .and(org.jooq.impl.DSL.month(a.APPOINTMENT_DATE).eq(org.jooq.impl.DSL.month(m.MONTH_END))))))
                        .execute();
                if (left > 0) {
                    out.add(new Repeat(counts.file(), rows.file(), counts.la3(), AgencySource.HEALTH_MONTHLY, left, true));
                }
            }
        }
        return out;
    }

    /** A log table, and the same table as the later log's rows, with the columns both statements read. */
    private record Rows(Table<?> table, Table<?> later, Field<Long> repeatedIn, Field<Long> returnId, Field<Long> laterReturnId) {

        @SuppressWarnings("unchecked")
        static Rows of(Table<?> table) {
            Table<?> later = table.as("later_row");
            return new Rows(table, later, (Field<Long>) table.field("repeated_in"), (Field<Long>) table.field("return_id"),
                    (Field<Long>) later.field("return_id"));
        }

        /**
         * The later log's row and this one are for the same LA and give the same values in these
         * columns (two blanks the same only where blanksAlike: a key left blank matches nothing).
         */
        Condition same(java.util.Collection<String> columns, boolean blanksAlike) {
            Condition same = sameValue(later.field("la_code3"), table.field("la_code3"));
            for (String c : columns) {
                @SuppressWarnings("unchecked")
                Field<Object> mine = (Field<Object>) table.field(c);
                same = same.and(blanksAlike ? mine.isNotDistinctFrom(later.field(c)) : sameValue(later.field(c), mine));
            }
            return same;
        }
    }

    /** Of the older log's rows the later one repeats, how many it gives with another value in a column beside the key. */
    private int otherValues(Table<?> table, Log older, Log later) {
        Rows r = Rows.of(table);
        List<String> values = java.util.Arrays.stream(table.fields()).map(Field::getName)
                .filter(n -> !java.util.Set.of("row_id", "return_id", "source_row", "repeated_in", "la_code3").contains(n)).toList();
        return dsl.fetchCount(table, r.returnId().eq(older.returnId()).and(r.repeatedIn().eq(later.returnId()))
                .andNotExists(selectOne().from(r.later()).where(r.laterReturnId().eq(later.returnId()).and(r.same(values, true)))));
    }

    private int markRepeated(Table<?> table, AgencySource source, Log older, Log later) {
        Rows r = Rows.of(table);
        return dsl.update(table).set(r.repeatedIn(), later.returnId())
                .where(r.returnId().eq(older.returnId()).and(r.repeatedIn().isNull())
                        .and(exists(selectOne().from(r.later()).where(r.laterReturnId().eq(later.returnId())
                                .and(r.same(source.uniqueKey(), false))))))
                .execute();
    }

    @SuppressWarnings("unchecked")
    private static Condition sameValue(Field<?> a, Field<?> b) {
        return ((Field<Object>) a).eq((Field<Object>) b);
    }

}
