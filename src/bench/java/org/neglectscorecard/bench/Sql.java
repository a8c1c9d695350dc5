package org.neglectscorecard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs SQL against a database and prints the rows, tab-separated: for reading plans (EXPLAIN) and
 * what a server is doing while the benchmark runs.
 *
 * Usage: Sql JDBC_URL USER PASSWORD SQL...
 */
public final class Sql {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]); Statement s = c.createStatement()) {
            for (int i = 3; i < args.length; i++) {
                if (!s.execute(args[i])) {
                    continue;
                }
                try (ResultSet r = s.getResultSet()) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int k = 1; k <= n; k++) {
                            line.append(k > 1 ? "\t" : "").append(r.getString(k));
                        }
                        System.out.println(line);
                    }
                }
            }
        }
    }
}
