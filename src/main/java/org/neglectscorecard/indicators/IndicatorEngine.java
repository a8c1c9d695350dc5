package org.neglectscorecard.indicators;

import static org.neglectscorecard.store.schema.Tables.INDICATOR_VALUE;
import static org.neglectscorecard.store.schema.Tables.SUPERSEDED_VALUE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.neglectscorecard.indicators.IndicatorDefinition.Measure;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/**
 * Computes every catalogue entry for every month end a run covers, set-based, in the database:
 * the statements of sql/engine/ filled in with each entry's SQL. Nothing here loops over
 * children; Java only decides which statement runs next.
 */
public class IndicatorEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndicatorEngine.class);

    /** The scratch tables: every statement reads only its own run's and indicator's rows. */
    public static final List<String> WORK_TABLES = List.of("work_value", "work_running", "work_event", "work_event_source", "work_spell", "work_spell_month",
            "work_cover12", "work_assign", "work_partner_month", "work_population", "work_breakdown_month", "month_source");
    /** What an indicator leaves behind that nothing after it reads (derived ones read work_value only). */
    private static final List<String> PER_INDICATOR = List.of("work_running", "work_event", "work_event_source",
            "work_spell", "work_spell_month", "work_cover12", "work_assign", "work_partner_month");

    private final DSLContext dsl;
    private final Catalogue catalogue;
    private final SqlTemplates sql;
    /** Each base entry's own transaction, committed when it is done; null: everything in the caller's. */
    private final org.springframework.transaction.support.TransactionTemplate committed;
    private final int workers;

    /** Every entry one after another, in the caller's transaction. */
    public IndicatorEngine(DSLContext dsl, Catalogue catalogue) {
        this(dsl, catalogue, null, 1);
    }

    /**
     * With more than one worker, the base entries are computed that many at a time, each on a
     * connection of its own (they are independent: each reads the store and writes its own scratch
     * rows), and the values then published in the caller's transaction.
     */
    public IndicatorEngine(DSLContext dsl, Catalogue catalogue, org.springframework.transaction.PlatformTransactionManager transactions,
                           int workers) {
        this.dsl = dsl;
        this.catalogue = catalogue;
        this.sql = new SqlTemplates(catalogue.location());
        this.workers = Math.max(1, workers);
        if (transactions != null && this.workers > 1) {
            committed = new org.springframework.transaction.support.TransactionTemplate(transactions);
            committed.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        } else {
            committed = null;
        }
    }

    /**
     * What to compute: the run (its returns and areas are already in run_scope and run_area), the
     * job and period the values are kept under, and the partnership (null for none).
     */
    public record Request(long runId, String jobName, LocalDate period, String partnershipCode, int members,
                          Parameters parameters, Set<Long> completedRuns) {

        public Request(long runId, String jobName, LocalDate period, String partnershipCode, int members) {
            this(runId, jobName, period, partnershipCode, members, Parameters.DEFAULT, Set.of());
        }
    }

    /**
     * The job file's settings catalogue SQL may use: {@code {strategy_start}} (a DATE literal) and
     * {@code {visiting_standard_days}} (working days). It may also use {@code {run_id}}, filled in by
     * {@link #compute}.
     */
    public record Parameters(LocalDate strategyStart, int visitingStandardDays) {
        public static final Parameters DEFAULT = new Parameters(LocalDate.of(2000, 1, 1), 10);

        String fill(String sql) {
            return sql.replace("{strategy_start}", "DATE '" + strategyStart + "'")
                    .replace("{visiting_standard_days}", Integer.toString(visitingStandardDays));
        }
    }

    /**
     * Computes and publishes into indicator_value, replacing the job and period's earlier values.
     *
     * @return the base entries withheld for the months a return lacking a column they read serves
     */
    public Computed compute(Request r, Consumer<IndicatorDefinition> progress) {
        planForBulk();
        LocalDate purgedBefore = org.neglectscorecard.store.AuditLog.purgedBefore(dsl);
        keepSuperseded(r);
        List<Absent> absent = absent(r.runId());
        dsl.execute("DELETE FROM indicator_value WHERE job_name = ? AND run_period = ?", r.jobName(), r.period());
        Map<String, Object> run = new HashMap<>();
        run.put("run_id", r.runId());
        run.put("period", r.period());
        run.put("first_month", LocalDate.of(1990, 1, 31));
        run.put("partnership", r.partnershipCode());
        run.put("members", r.members());
        run.put("job_name", r.jobName());
        List<IndicatorDefinition> order = catalogue.inComputeOrder();
        List<IndicatorDefinition> bases = order.stream().filter(IndicatorDefinition::isBase).toList();
        Map<String, List<Withheld>> withheldOf = new HashMap<>();
        boolean sideBySide = committed != null && seesOthersCommits();
        if (!sideBySide) {
            prepare(r, run);
            for (IndicatorDefinition d : bases) {
                withheldOf.put(d.id(), computeBase(d, r, run, absent, purgedBefore));
                progress.accept(d);
            }
        } else {
            committed.executeWithoutResult(s -> {
                planForBulk();
                prepare(r, run);
            });
            if (keepsWorkToEnd()) {
                lockWork();
            }
        }
        // The values themselves are written in the step's own transaction: a run stopped part-way leaves
        // the previous ones in place, whatever the scratch tables were left holding.
        List<Withheld> withheld = new java.util.ArrayList<>();
        try {
            if (sideBySide) {
                withheldOf.putAll(basesSideBySide(bases, r, run, absent, purgedBefore, progress));
            }
            for (IndicatorDefinition d : order) {
                Map<String, Object> binds = binds(run, d);
                try {
                    if (d.isBase()) {
                        withheld.addAll(withheldOf.get(d.id()));
                    } else {
                        binds.put("numerator_id", d.numerator());
                        binds.put("denominator_id", d.denominator());
                        exec(d.isRate() ? "rate" : "derived", binds, Map.of());
                    }
                    if (d.publish()) {
                        publish(d, binds, r.parameters());
                    }
                } catch (DataAccessException | org.springframework.dao.DataAccessException e) {
                    throw failed(d, e);
                }
                if (!d.isBase()) {
                    progress.accept(d);
                }
            }
        } catch (RuntimeException e) {
            if (sideBySide) {
                forgetChildLevelWork(r.runId());
            }
            throw e;
        }
        List<OlderPopulation> older = olderPopulation(r.runId());
        clearWorkAtEnd(r);
        return new Computed(withheld, older);
    }

    /** The run's scratch rows from before (a restart) gone, and what every entry reads: which return reports each month, and populations. */
    private void prepare(Request r, Map<String, Object> run) {
        clearWork(r.runId());
        exec("month_source", run, Map.of());
        exec("breakdown_months", run, Map.of());
        exec("population", run, Map.of());
        if (r.partnershipCode() != null) {
            exec("partnership_population", run, Map.of());
        }
    }

    /**
     * Whether this transaction reads what other transactions commit while it runs (READ COMMITTED,
     * the default of H2 and PostgreSQL): the values are published from the scratch rows the
     * workers commit. A database set to a stricter default computes one entry at a time instead.
     */
    private boolean seesOthersCommits() {
        return dsl.connectionResult(c -> c.getTransactionIsolation() <= java.sql.Connection.TRANSACTION_READ_COMMITTED);
    }

    /**
     * H2's lock on each scratch table for the step's transaction, as computing one at a time takes
     * it with its first statements, so that another run's TRUNCATE waits rather than empty them: a
     * DELETE that matches no row (no run is numbered -1) holds the table's shared lock until the
     * transaction ends, and other transactions still insert and delete their own rows beside it.
     */
    private void lockWork() {
        for (String table : WORK_TABLES) {
            dsl.execute("DELETE FROM " + table + " WHERE run_id = -1");
        }
    }

    /**
     * After a failure, the child-level scratch rows the workers committed (records and spells with
     * their children's keys), in a transaction of their own; best effort: a run computing again
     * deletes them first anyway. work_value (counts by LA and month) is the step's to roll back.
     */
    private void forgetChildLevelWork(long runId) {
        try {
            committed.executeWithoutResult(s -> {
                for (String table : WORK_TABLES) {
                    if (!table.equals("work_value")) {
                        dsl.execute("DELETE FROM " + table + " WHERE run_id = ?", runId);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("The scratch rows of run {} are left for its next attempt: {}", runId, rootMessage(e));
        }
    }

    /**
     * The base entries, each on a connection of its own and committed as soon as it is done (they
     * write only their own scratch rows; nothing published yet), as many at a time as the engine
     * has workers. The progress and the reasons for withheld months come back in catalogue order,
     * on the calling thread. The first entry (in that order) that failed is the failure reported,
     * once every entry already started has stopped.
     */
    private Map<String, List<Withheld>> basesSideBySide(List<IndicatorDefinition> bases, Request r, Map<String, Object> run,
                                                        List<Absent> absent, LocalDate purgedBefore,
                                                        Consumer<IndicatorDefinition> progress) {
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "indicators-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Map<String, List<Withheld>> out = new HashMap<>();
        try {
            List<java.util.concurrent.Future<List<Withheld>>> futures = new java.util.ArrayList<>();
            for (IndicatorDefinition d : bases) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        return null;
                    }
                    try {
                        return committed.execute(s -> {
                            planForBulk();
                            return computeBase(d, r, run, absent, purgedBefore);
                        });
                    } catch (RuntimeException e) {
                        stop.set(true);
                        throw e;
                    }
                }));
            }
            RuntimeException failure = null;
            for (int i = 0; i < bases.size(); i++) {
                try {
                    List<Withheld> w = futures.get(i).get();
                    if (failure == null && w != null) {
                        out.put(bases.get(i).id(), w);
                        progress.accept(bases.get(i));
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                    throw new IllegalStateException("Interrupted while computing the indicators", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return out;
        } finally {
            // Every task has ended by now, unless this thread was interrupted (Ctrl-C): then what is running
            // is asked to stop, and given a moment, so that no statement of this run outlives it by much.
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Object> binds(Map<String, Object> run, IndicatorDefinition d) {
        Map<String, Object> binds = new HashMap<>(run);
        binds.put("indicator_id", d.id());
        return binds;
    }

    /**
     * An error the entry's SQL made (SQLSTATE class 42: a name or syntax the database does not
     * know; 22: a value it could not convert; 21 and 0A: a subquery of more than one row, a
     * feature the database lacks) is the catalogue's, said with the entry and its file, without
     * the database's exception as its cause, which would take a value of the rows to the log.
     * Anything else (an index out of step, a lock timeout, the database closing) goes on as it
     * came, to be handled where the run handles it.
     */
    private static RuntimeException failed(IndicatorDefinition d, RuntimeException e) {
        if (!catalogues(e)) {
            return e;
        }
        return new Catalogue.CatalogueException(d.file() + ", indicator " + d.id() + ": its SQL failed in the database: " + withoutValues(e));
    }

    private static boolean catalogues(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                return state.startsWith("42") || state.startsWith("22") || state.startsWith("21") || state.startsWith("0A");
            }
        }
        return false;
    }

    /**
     * The database's reason, except that where it is about a value of the rows a statement read
     * (SQLSTATE class 22, a data exception: "cannot parse "..." as a date") the values it quotes are
     * left out: they can be a child's, and the console and the log hold none.
     */
    static String withoutValues(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("22")) {
                String m = (s.getMessage() == null ? "" : s.getMessage().lines().findFirst().orElse(""))
                        .replaceAll(";\\s*SQL statement:.*$", "").replaceAll("\"[^\"]*\"", "\"...\"").replaceAll("'[^']*'", "'...'");
                String what = switch (s.getSQLState()) {
                    case "22007", "22008" -> "a date or time in the rows it reads could not be read";
                    case "22012" -> "a division by zero";
                    case "22003" -> "a number out of range";
                    case "22001" -> "a text too long for its column";
                    default -> "a value in the rows it reads could not be converted or used";
                };
                return what + " (SQLSTATE " + s.getSQLState() + ": " + m.strip()
                        + "; the value is not shown, as it can be a child's)";
            }
        }
        return rootMessage(e);
    }

    /**
     * What a run computed besides the values.
     *
     * @param withheld        the base entries withheld for the months a return lacking a column they read serves
     * @param olderPopulation the months whose rates use an older population estimate than DfE would
     */
    public record Computed(List<Withheld> withheld, List<OlderPopulation> olderPopulation) {
    }

    /** Months (from, to) whose rates use the mid-year estimate {@code midYear}, not that of the year before their 31 March. */
    public record OlderPopulation(LocalDate from, LocalDate to, int midYear) {

        /** How the note on it begins: the board pack repeats it beside the figures it is about. */
        public static final String OPENING = "Rates per 10,000 children for ";

        /**
         * INDICATORS.md: a rate uses the estimate for the year before its 31 March, or the latest
         * published, flagged in the notes. Said, with what will change, so a rate that moves when the
         * estimate comes out is not taken for a change in the children.
         */
        public String note() {
            java.time.format.DateTimeFormatter month = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
            String months = from.equals(to) ? from.format(month) : from.format(month) + " to " + to.format(month);
            int dueFrom = due(from);
            int dueTo = due(to);
            String due = dueFrom == dueTo ? "mid-" + dueTo : "mid-" + dueFrom + " to mid-" + dueTo;
            return OPENING + months + " use ONS's mid-" + midYear + " estimate of children aged 0 to 17, the latest the program "
                    + "has: DfE uses " + due + " for these months. The rates will move a little once that estimate is added "
                    + "(ONS's figures in DfE's population layout, put in the input folder).";
        }

        /** The mid-year DfE uses for a month: the calendar year before the 31 March ending its reporting year. */
        private static int due(LocalDate month) {
            return (month.getMonthValue() >= 4 ? month.getYear() + 1 : month.getYear()) - 1;
        }
    }

    /** The months whose population is the latest estimate there is in place of the one due (population.sql flags them). */
    private List<OlderPopulation> olderPopulation(long runId) {
        var p = org.neglectscorecard.store.schema.Tables.WORK_POPULATION;
        var c = org.neglectscorecard.store.schema.Tables.CALENDAR;
        return dsl.select(DSL.min(c.MONTH_END), DSL.max(c.MONTH_END), p.MID_YEAR).from(p).join(c).on(c.MONTH_SEQ.eq(p.MONTH_SEQ))
                .where(p.RUN_ID.eq(runId).and(p.LATEST_INSTEAD.isTrue()))
                .groupBy(p.MID_YEAR).orderBy(p.MID_YEAR)
                .fetch(x -> new OlderPopulation(x.value1(), x.value2(), x.value3()));
    }

    /**
     * PostgreSQL plans each statement from statistics, and the work tables have none that help:
     * each indicator fills and empties them inside the one transaction computing the run, so they
     * always look empty (or full of another indicator's rows) and the planner picks nested loops,
     * which on an indicator's 50,000 events took minutes a statement (EXPLAIN: "rows=1" everywhere,
     * an anti-join re-reading every event per event). Every statement here reads a whole
     * indicator's rows, so hash and merge joins are right for all of them, and sorts for the
     * window functions fit in memory. Both settings last until the transaction ends (SET LOCAL).
     */
    private void planForBulk() {
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            dsl.execute("SET LOCAL enable_nestloop = off");
            dsl.execute("SET LOCAL work_mem = '64MB'");
        }
    }

    /** A column a return of the run lacks, as absent_column records it, with the stream the return is part of. */
    /**
     * @param coverTo    the last day the return covers
     * @param fromMonths whether from..to are the months a log's rows are dated in (absent_column's
     *                   month_from and month_to), not every month the return serves
     */
    public record Absent(long streamId, String sourceKind, String storeTable, String storeColumn, String file, String fileTable,
                         String fileColumn, String area, LocalDate from, LocalDate to, LocalDate coverTo, boolean fromMonths) {

        /** The same, to the end of what the return covers. */
        Absent toCoverEnd() {
            return new Absent(streamId, sourceKind, storeTable, storeColumn, file, fileTable, fileColumn, area, from, coverTo, coverTo,
                    fromMonths);
        }
    }

    /** An indicator withheld for the months a return serves, because the return lacks a column its SQL reads. */
    public record Withheld(String indicatorId, Absent absent) {
    }

    private java.util.List<Absent> absent(long runId) {
        var a = org.neglectscorecard.store.schema.Tables.ABSENT_COLUMN;
        var scope = org.neglectscorecard.store.schema.Tables.RUN_SCOPE;
        var file = org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
        // A log's unreadable values withhold their own months only (month_from to month_to), within what the return covers.
        return dsl.selectDistinct(scope.STREAM_ID, scope.SOURCE_KIND, a.STORE_TABLE, a.STORE_COLUMN, file.DISPLAY_NAME, a.FILE_TABLE,
                        a.FILE_COLUMN, scope.LA_CODE9, scope.COVER_FROM, scope.COVER_TO, a.MONTH_FROM, a.MONTH_TO)
                .from(a).join(scope).on(scope.RETURN_ID.eq(a.RETURN_ID).and(scope.RUN_ID.eq(runId)))
                .join(file).on(file.SOURCE_FILE_ID.eq(a.SOURCE_FILE_ID))
                .orderBy(file.DISPLAY_NAME, a.FILE_COLUMN, scope.STREAM_ID, a.MONTH_FROM)
                .fetch(x -> new Absent(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), x.value6(), x.value7(),
                        x.value8(), later(x.value9(), x.value11()), earlier(x.value10(), x.value12()), x.value10(), x.value11() != null))
                .stream().filter(x -> x.from() == null || x.to() == null || !x.from().isAfter(x.to())).toList();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /**
     * A base entry whose SQL reads a column (or table) that one of the run's returns lacks has no
     * value for the months that return serves: its SQL names the table and the column.
     */
    private void withholdWhereAbsent(IndicatorDefinition d, List<Absent> absent, List<Withheld> withheld, Map<String, Object> binds,
                                     String entrySql) {
        String sqlText = entrySql.toLowerCase(Locale.ROOT);
        java.util.Set<String> months = new java.util.TreeSet<>();
        for (Absent a : absent) {
            // A kind of return the entry is not computed from has no value for it either way (an Annex A
            // carries no assessments): its missing list is not why, and is not said as the reason.
            boolean serves = d.sources().isEmpty() || d.sources().contains(a.sourceKind());
            if (serves && mentions(sqlText, a.storeTable()) && mentions(sqlText, a.storeColumn())) {
                if (a.fromMonths() && d.measure() == Measure.open_at_month_end) {
                    // A record of a log stays open after the month it is dated in (a GCP2 licence, an early help plan): every
                    // month end from then on would count it, so each goes without a value, not only the month's own.
                    a = a.toCoverEnd();
                }
                // Every month the file has a day of: a log dated by its latest row (10 March) adds its rows to March's figure.
                months.add("a.return_id = " + a.streamId() + " AND a.month_seq BETWEEN " + monthSeq(a.from()) + " AND " + monthSeq(a.to()));
                withheld.add(new Withheld(d.id(), a));
            }
        }
        if (!months.isEmpty()) {
            exec("withhold_absent", binds, Map.of("absent_months", months.stream().map(m -> "(" + m + ")").collect(Collectors.joining(" OR ")),
                    "window", d.measure() == Measure.in_year ? "11" : "0"));
        }
    }

    /** The month a day is in, numbered as month_seq is (year * 12 + month - 1). */
    private static int monthSeq(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    /** The multi-agency logs purge thins row by row (Purge.LOG_ROW_DATES): their returns keep covering the months it emptied. */
    private static final List<String> PURGED_BY_ROW = List.of("training_record", "case_audit", "early_help_plan",
            "health_appointment", "gcp2_assessment", "feedback_response");

    /**
     * An entry counted from a log purge has thinned has no value for the months that would count
     * deleted rows: a month end before the cut-off (a plan ended before it is gone), a 12-month
     * figure whose months reach before the first whole month after it, and a count since the
     * strategy began when it began before the cut-off.
     */
    private void withholdWherePurged(IndicatorDefinition d, Request r, LocalDate purgedBefore, Map<String, Object> binds,
                                     String entrySql) {
        if (purgedBefore == null) {
            return;
        }
        String sqlText = entrySql.toLowerCase(Locale.ROOT);
        if (PURGED_BY_ROW.stream().noneMatch(t -> mentions(sqlText, t))) {
            return;
        }
        LocalDate firstWhole = purgedBefore.getDayOfMonth() == 1 ? purgedBefore : purgedBefore.withDayOfMonth(1).plusMonths(1);
        LocalDate keepFrom;
        if (d.countsSinceStrategyStart() && r.parameters().strategyStart().isBefore(purgedBefore)) {
            keepFrom = LocalDate.of(9999, 12, 31);
        } else if (d.measure() == Measure.in_year) {
            keepFrom = firstWhole.plusMonths(11).withDayOfMonth(firstWhole.plusMonths(11).lengthOfMonth());
        } else {
            keepFrom = purgedBefore;
        }
        Map<String, Object> b = new HashMap<>(binds);
        b.put("keep_from", keepFrom);
        exec("withhold_purged", b, Map.of());
    }

    private static boolean mentions(String sql, String name) {
        return java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\\b")
                .matcher(sql).find();
    }

    /**
     * The period run again: the headline figures an earlier run of it computed are kept, so this
     * run can list every month that moved. A restart of this same run (its values are its own, or
     * were rolled back) keeps what was kept before.
     */
    private void keepSuperseded(Request r) {
        var v = INDICATOR_VALUE;
        var earlier = v.JOB_NAME.eq(r.jobName()).and(v.RUN_PERIOD.eq(r.period())).and(v.BREAKDOWN.eq("all"))
                .and(v.RUN_ID.isNull().or(v.RUN_ID.ne(r.runId())));
        if (!dsl.fetchExists(v, earlier)) {
            return;
        }
        var s = SUPERSEDED_VALUE;
        dsl.deleteFrom(s).where(s.JOB_NAME.eq(r.jobName()).and(s.RUN_PERIOD.eq(r.period()))).execute();
        dsl.insertInto(s, s.JOB_NAME, s.RUN_PERIOD, s.RUN_ID, s.INDICATOR_ID, s.AREA_CODE, s.AREA_NAME, s.PERIOD_END, s.FIGURE,
                        s.SUPPRESSED)
                .select(dsl.select(v.JOB_NAME, v.RUN_PERIOD, v.RUN_ID, v.INDICATOR_ID, v.AREA_CODE, v.AREA_NAME, v.PERIOD_END,
                        v.FIGURE, v.SUPPRESSED).from(v).where(earlier))
                .execute();
        keepReplaced(r);
    }

    /**
     * The copy to share the earlier run of this period published, every figure with its counts and
     * verdicts (replaced_value), for this run's disclosure control to stay consistent with: a board
     * may have it. Kept under the run that computed it, with the copies back to the latest one a
     * completed run published, in case the earlier run did not finish (and so published nothing).
     */
    private void keepReplaced(Request r) {
        var v = INDICATOR_VALUE;
        var k = org.neglectscorecard.store.schema.Tables.REPLACED_VALUE;
        var previous = v.JOB_NAME.eq(r.jobName()).and(v.RUN_PERIOD.eq(r.period())).and(v.RUN_ID.isNotNull())
                .and(v.RUN_ID.ne(r.runId()));
        Long run = dsl.select(DSL.max(v.RUN_ID)).from(v).where(previous).fetchOne(0, Long.class);
        var period = k.JOB_NAME.eq(r.jobName()).and(k.RUN_PERIOD.eq(r.period()));
        if (run == null || dsl.fetchExists(k, period.and(k.RUN_ID.eq(run)))) {
            return;
        }
        dsl.insertInto(k, k.JOB_NAME, k.RUN_PERIOD, k.RUN_ID, k.INDICATOR_ID, k.AREA_CODE, k.PERIOD_END, k.BREAKDOWN, k.FIGURE,
                        k.NUMERATOR, k.DENOMINATOR, k.IN_MONTH_NUMERATOR, k.IN_MONTH_DENOMINATOR, k.SUPPRESSED, k.IN_MONTH_SUPPRESSED)
                .select(dsl.select(v.JOB_NAME, v.RUN_PERIOD, v.RUN_ID, v.INDICATOR_ID, v.AREA_CODE, v.PERIOD_END, v.BREAKDOWN, v.FIGURE,
                        v.NUMERATOR, v.DENOMINATOR, v.IN_MONTH_NUMERATOR, v.IN_MONTH_DENOMINATOR, v.SUPPRESSED, v.IN_MONTH_SUPPRESSED)
                        .from(v).where(previous.and(v.RUN_ID.eq(run))))
                .execute();
        // Older copies than the latest a completed run published are not needed (each run was kept consistent with the one
        // before it); the copies of runs stopped since are kept with it, as they published nothing.
        List<Long> kept = dsl.selectDistinct(k.RUN_ID).from(k).where(period).fetch(k.RUN_ID);
        List<Long> older = olderThanLatestPublished(kept, r.completedRuns());
        if (!older.isEmpty()) {
            dsl.deleteFrom(k).where(period.and(k.RUN_ID.in(older))).execute();
        }
    }

    /**
     * Of a period's kept copies (by the runs that computed them), those no reader can hold beside
     * this run's: older than the latest a completed run published. The copies of runs that stopped
     * after it published nothing, and stay with it; with no completed run among them, all stay.
     */
    static List<Long> olderThanLatestPublished(java.util.Collection<Long> kept, java.util.Set<Long> completedRuns) {
        Long latest = kept.stream().filter(completedRuns::contains).max(Long::compare).orElse(null);
        return latest == null ? List.of() : kept.stream().filter(run -> run < latest).sorted().toList();
    }

    /** A base entry's series into the scratch tables (work_value), withheld where a return lacks what it reads; the reasons returned. */
    private List<Withheld> computeBase(IndicatorDefinition d, Request r, Map<String, Object> run, List<Absent> absent,
                                       LocalDate purgedBefore) {
        try {
            List<Withheld> withheld = new java.util.ArrayList<>();
            Map<String, Object> binds = binds(run, d);
            Map<String, String> text = new HashMap<>();
            text.put("sources", d.sources().stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ")));
            text.put("source_order", sourceOrder(d));
            String entrySql = r.parameters().fill(d.sql()).replace("{run_id}", Long.toString(r.runId()));
            Set<String> columns = columnsOf(d, entrySql);
            text.put("indicator_sql", normalised(d, entrySql, columns));
            exec("assign", binds, text);
            if (d.measure() == Measure.open_at_month_end) {
                // An entry's spells are kept only for its breakdowns: otherwise writing and deleting
                // them took longer than counting them (national extract, by JFR).
                SqlTemplates.Statement spells = sql.statement("spells", binds, text);
                if (d.breakdowns().isEmpty()) {
                    exec("spell_months", binds, text, Map.of("spells", spells));
                } else {
                    exec("open_spells", binds, text, Map.of("spells", spells));
                    exec("spell_months", binds, text, Map.of("spells", sql.statement("stored_spells", binds, text)));
                }
                exec("open_running", binds, text);
                exec("open_values", binds, text);
            } else {
                text.put("distinct", d.distinct() ? "1 = 1" : "1 = 0");
                text.put("counted", columns.contains("counted") ? "s.counted" : "1");
                text.put("weight", columns.contains("weight") ? "s.weight" : "1");
                text.put("attribute", columns.contains("attribute") ? "s.attribute" : "CAST(NULL AS VARCHAR(100))");
                text.put("in_month_count", d.distinct() ? "COUNT(DISTINCT e.subject_key)" : "SUM(e.weight)");
                exec("cover12", binds, text);
                exec("event_source", binds, text);
                exec("events", binds, text);
                exec("event_running", binds, text);
                exec("event_values", binds, text);
            }
            for (String id : d.breakdowns()) {
                BreakdownDimension dim = catalogue.dimension(id);
                Map<String, Object> b = new HashMap<>(binds);
                b.put("dimension", dim.id());
                boolean open = d.measure() == Measure.open_at_month_end;
                Map<String, String> t = new HashMap<>(text);
                t.put("label", dim.labelAt(open ? "o.month_end" : "e.event_date", open ? "o.attribute" : "e.attribute"));
                exec(open ? "open_breakdown" : "event_breakdown", b, t);
            }
            withholdWhereAbsent(d, absent, withheld, binds, entrySql);
            withholdWherePurged(d, r, purgedBefore, binds, entrySql);
            if (r.partnershipCode() != null) {
                exec("partnership_months", binds, Map.of());
                exec("partnership", binds, Map.of());
            }
            if (!keepsWorkToEnd()) {
                clearIndicator(r.runId(), d.id());
            }
            return withheld;
        } catch (DataAccessException | org.springframework.dao.DataAccessException e) {
            throw failed(d, e);
        }
    }

    private void publish(IndicatorDefinition d, Map<String, Object> binds, Parameters parameters) {
        Map<String, Object> b = new HashMap<>(binds);
        b.put("unit", d.unit().name());
        Map<String, String> text = new HashMap<>();
        // A figure counted since the strategy began has no value for a month before it began: not a zero
        // (a chart of "trained since the strategy began" drew a line of zeros across the years before).
        boolean sinceStart = d.countsSinceStrategyStart() || (d.numerator() != null
                && catalogue.get(d.numerator()).map(IndicatorDefinition::countsSinceStrategyStart).orElse(false));
        text.put("from", sinceStart ? "AND c.month_end >= " + parameters.fill("{strategy_start}") : "");
        if (d.unit() == Unit.count) {
            text.put("value", "v.numerator");
            text.put("numerator", "CAST(NULL AS DECIMAL(20, 4))");
            text.put("denominator", "CAST(NULL AS DECIMAL(20, 4))");
            text.put("in_month", "v.in_month_numerator");
            text.put("in_month_denominator", "CAST(NULL AS DECIMAL(20, 4))");
            text.put("has_denominator", "");
            text.put("suppressed", d.counts().isPeople() ? "CASE WHEN v.numerator BETWEEN 1 AND 5 THEN TRUE ELSE FALSE END" : "FALSE");
        } else {
            String scale = switch (d.unit()) {
                case percent -> " * 100";
                case rate_per_10k -> " * 10000";
                default -> "";
            };
            text.put("value", ratio("v.numerator", "v.denominator", scale, d.decimals()));
            text.put("numerator", "v.numerator");
            text.put("denominator", "v.denominator");
            text.put("in_month", "CASE WHEN v.in_month_denominator > 0 THEN "
                    + ratio("v.in_month_numerator", "v.in_month_denominator", scale, d.decimals()) + " END");
            text.put("in_month_denominator", "v.in_month_denominator");
            text.put("has_denominator", "AND v.denominator > 0");
            boolean numeratorPeople = catalogue.get(d.numerator()).map(n -> n.counts().isPeople()).orElse(false);
            boolean denominatorPeople = !d.isRate() && catalogue.get(d.denominator()).map(n -> n.counts().isPeople()).orElse(false);
            String rule = (numeratorPeople ? "v.numerator BETWEEN 1 AND 5" : "1 = 0")
                    + " OR " + (denominatorPeople ? "v.denominator BETWEEN 1 AND 5" : "1 = 0");
            text.put("suppressed", "CASE WHEN " + rule + " THEN TRUE ELSE FALSE END");
        }
        exec("publish", b, text);
    }

    /** Exact to the catalogue's decimals, half up, on both databases. */
    private static String ratio(String numerator, String denominator, String scale, int decimals) {
        return "ROUND(CAST(" + numerator + " AS DECIMAL(30, 10))" + scale + " / CAST(" + denominator
                + " AS DECIMAL(30, 10)), " + decimals + ")";
    }

    /** The entry's sources in the order it lists them: the first is preferred where an LA sends several for a month. */
    private static String sourceOrder(IndicatorDefinition d) {
        StringBuilder s = new StringBuilder("CASE m.source_kind");
        int i = 1;
        for (String kind : d.sources()) {
            s.append(" WHEN '").append(kind).append("' THEN ").append(i++);
        }
        return s.append(" ELSE ").append(i).append(" END").toString();
    }

    /** The entry's SQL wrapped to the columns the engine reads, checking it has them. */
    private String normalised(IndicatorDefinition d, String entrySql, Set<String> columns) {
        List<String> required = d.measure() == Measure.open_at_month_end
                ? List.of("return_id", "subject_key", "start_date", "end_date")
                : List.of("return_id", "subject_key", "event_date");
        for (String c : required) {
            if (!columns.contains(c)) {
                throw new Catalogue.CatalogueException(d.file() + ", indicator " + d.id() + ": its SQL must return a column "
                        + c + " (an " + d.measure() + " entry returns " + String.join(", ", required) + ")");
            }
        }
        for (String b : d.breakdowns()) {
            BreakdownDimension dim = catalogue.dimension(b);
            if (dim.readsChild() && !columns.contains("child_key")) {
                throw new Catalogue.CatalogueException(d.file() + ", indicator " + d.id()
                        + ": breakdown " + b + " reads the child's profile, so the entry must return the child's child_key");
            }
            if (!dim.readsChild() && !columns.contains("attribute")) {
                throw new Catalogue.CatalogueException(d.file() + ", indicator " + d.id()
                        + ": breakdown " + b + " reads the record's own attribute, so the entry must return a column 'attribute'");
            }
        }
        String childKey = columns.contains("child_key") ? "q.child_key" : "CAST(NULL AS VARCHAR(32))";
        String dates = d.measure() == Measure.open_at_month_end ? "q.start_date, q.end_date" : "q.event_date";
        if (columns.contains("weight") && (d.distinct() || d.measure() == Measure.open_at_month_end)) {
            throw new Catalogue.CatalogueException(d.file() + ", indicator " + d.id() + ": only an in_year entry without"
                    + " 'distinct' may return a weight (a distinct count counts each subject once)");
        }
        String counted = columns.contains("counted") ? ", q.counted" : "";
        String weight = columns.contains("weight") ? ", CAST(q.weight AS DECIMAL(20, 4)) AS weight" : "";
        String attribute = columns.contains("attribute") ? ", CAST(q.attribute AS VARCHAR(100)) AS attribute"
                : ", CAST(NULL AS VARCHAR(100)) AS attribute";
        return "SELECT q.return_id, q.subject_key, " + childKey + " AS child_key, " + dates + counted + weight + attribute
                + " FROM (" + entrySql + ") q";
    }

    private Set<String> columnsOf(IndicatorDefinition d, String entrySql) {
        try {
            Field<?>[] fields = dsl.resultQuery("SELECT * FROM (" + entrySql + ") s WHERE 1 = 0").fetch().fields();
            return java.util.Arrays.stream(fields).map(f -> f.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        } catch (DataAccessException | org.springframework.dao.DataAccessException e) {
            if (!catalogues(e)) {
                throw e;
            }
            throw new Catalogue.CatalogueException(d.file() + ", indicator " + d.id() + ": its SQL does not run: " + withoutValues(e));
        }
    }

    private void exec(String template, Map<String, Object> binds, Map<String, String> text) {
        exec(template, binds, text, Map.of());
    }

    private void exec(String template, Map<String, Object> binds, Map<String, String> text, Map<String, SqlTemplates.Statement> nested) {
        SqlTemplates.Statement s = sql.statement(template, binds, text, nested);
        long started = System.nanoTime();
        if (LOG.isTraceEnabled()) {
            // The plan the database chose, with its row counts (EXPLAIN ANALYZE runs the statement).
            LOG.trace("{} {} plan:\n{}", binds.get("indicator_id"), template,
                    dsl.fetch("EXPLAIN ANALYZE " + s.sql(), s.binds()).format(org.jooq.TXTFormat.DEFAULT.maxColWidth(100000)));
            LOG.debug("{} {}: planned in {} ms", binds.get("indicator_id"), template, (System.nanoTime() - started) / 1_000_000);
            return;
        }
        int rows = dsl.execute(s.sql(), s.binds());
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} rows in {} ms", binds.get("indicator_id"), template, rows, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Done with as soon as the indicator is, so the scratch tables stay small (PostgreSQL: see keepsWorkToEnd). */
    private void clearIndicator(long runId, String indicatorId) {
        for (String table : PER_INDICATOR) {
            dsl.execute("DELETE FROM " + table + " WHERE run_id = ? AND indicator_id = ?", runId, indicatorId);
        }
    }

    public void clearWork(long runId) {
        for (String table : WORK_TABLES) {
            dsl.execute("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
    }

    /**
     * Whether an indicator's scratch rows stay until the run's end, when the tables are emptied at
     * once: on H2, where deleting rows costs as much as writing them and every row written or
     * deleted is visited again when the step commits. Side by side on the national extract
     * (65 LAs; two runs each, alternating): computeIndicators 60.1 and 66.5 s deleting each
     * indicator's rows and the rest at the end, 52.1 and 47.2 s keeping them and emptying the tables
     * at the end, the same figures. Every statement reads its own indicator's rows only.
     */
    private boolean keepsWorkToEnd() {
        return dsl.dialect().family() == org.jooq.SQLDialect.H2;
    }

    /**
     * The run's scratch rows, once it is done with them. On H2 the tables are emptied with TRUNCATE,
     * which commits the step's transaction (a step stopped after it is computed again from the start,
     * as any is: indicator_value is replaced and the copies kept as before). Another run's rows are
     * never taken: not while another job holds its run lock (it may be computing; a lock left by a
     * process that died also means deleting, which is only slower), nor with H2's locking off
     * (LOCK_MODE=0), on which the rest depends: a run computing holds a lock on every scratch table
     * in its step's transaction, from before its first entry is computed (clearWork) until the step
     * commits (its workers' own transactions lock rows, not tables, and leave that lock alone), so
     * TRUNCATE, which waits for the table to itself, gives up after H2's lock timeout (2 s) and this
     * run's rows are deleted one by one instead.
     */
    private void clearWorkAtEnd(Request r) {
        if (keepsWorkToEnd() && aloneWithLocking(r.jobName())) {
            try {
                for (String table : WORK_TABLES) {
                    dsl.execute("TRUNCATE TABLE " + table);
                }
                return;
            } catch (DataAccessException | org.springframework.dao.DataAccessException e) {
                LOG.debug("Another run is using the scratch tables ({}): this run's rows are deleted instead", rootMessage(e));
            }
        }
        clearWork(r.runId());
    }

    private boolean aloneWithLocking(String jobName) {
        // H2 lists a setting only where it is not the default (LOCK_MODE 3).
        String lockMode = dsl.fetchOptional("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'LOCK_MODE'")
                .map(rec -> rec.get(0, String.class)).orElse("3");
        var lock = org.neglectscorecard.store.schema.Tables.RUN_LOCK;
        return !"0".equals(lockMode.strip()) && !dsl.fetchExists(lock, lock.JOB_NAME.ne(jobName));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.toString() : m.lines().findFirst().orElse(m);
    }
}
