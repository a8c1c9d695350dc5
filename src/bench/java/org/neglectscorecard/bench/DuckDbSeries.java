package org.neglectscorecard.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the job's indicator computation is measured against: DuckDB computing the core child
 * protection series (children on a plan at the month end, and with neglect as the initial
 * category; plans started in the 12 months to it, with neglect, and in the month) for every LA and
 * month end, straight from the national extract's CSV tables (one folder per census year, an LEA
 * column), each month end taken from the return that reported it (the earliest whose year covers
 * it). Reading the files is part of its time, as loading is part of the job's.
 *
 * Usage: DuckDbSeries DIR   (prints "duckdb SECONDS ROWS" and the sum of the series, as a check)
 */
public final class DuckDbSeries {

    public static void main(String[] args) throws Exception {
        String dir = Path.of(args[0]).toAbsolutePath().toString().replace("'", "''");
        long started = System.nanoTime();
        long rows = 0;
        long sum = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE hdr AS SELECT regexp_extract(filename, '(.*)/[^/]*$', 1) AS folder, "
                    + "CAST(ReferenceDate AS DATE) AS ref FROM read_csv('" + dir + "/**/Header.csv', filename = true, header = true)");
            s.execute("CREATE TABLE cpp AS SELECT regexp_extract(filename, '(.*)/[^/]*$', 1) AS folder, LEA AS la, "
                    + "LAchildID AS child, CAST(CPPstartDate AS DATE) AS s, TRY_CAST(CPPendDate AS DATE) AS e, "
                    + "InitialCategoryOfAbuse AS init FROM read_csv('" + dir + "/**/ChildProtectionPlans.csv', filename = true, "
                    + "header = true, all_varchar = true)");
            s.execute("CREATE TABLE months AS SELECT r.folder, r.la, r.ref, "
                    + "CAST(date_trunc('month', r.ref) - to_months(CAST(k AS INTEGER)) + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS me "
                    + "FROM (SELECT DISTINCT c.folder, c.la, h.ref FROM cpp c JOIN hdr h USING (folder)) r, range(12) t(k)");
            s.execute("CREATE TABLE assign AS SELECT la, me, arg_min(folder, ref) AS folder FROM months GROUP BY la, me");
            try (ResultSet r = s.executeQuery("SELECT a.la, a.me, "
                    + "count(DISTINCT c.child) FILTER (WHERE c.s <= a.me AND (c.e IS NULL OR c.e > a.me)) AS open, "
                    + "count(DISTINCT c.child) FILTER (WHERE c.s <= a.me AND (c.e IS NULL OR c.e > a.me) AND c.init = 'NEG') AS open_neg, "
                    + "count(*) FILTER (WHERE c.s > a.me - INTERVAL 12 MONTH AND c.s <= a.me) AS starts12, "
                    + "count(*) FILTER (WHERE c.s > a.me - INTERVAL 12 MONTH AND c.s <= a.me AND c.init = 'NEG') AS starts12_neg, "
                    + "count(*) FILTER (WHERE date_trunc('month', c.s) = date_trunc('month', a.me)) AS starts_month "
                    + "FROM assign a JOIN cpp c ON c.folder = a.folder AND c.la = a.la GROUP BY a.la, a.me ORDER BY 1, 2")) {
                while (r.next()) {
                    rows++;
                    for (int i = 3; i <= 7; i++) {
                        sum += r.getLong(i);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "duckdb %.3f %d %d%n", (System.nanoTime() - started) / 1e9, rows, sum);
    }
}
