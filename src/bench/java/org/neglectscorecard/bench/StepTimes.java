package org.neglectscorecard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The latest job execution's step times, read from Spring Batch's own tables (H2 or PostgreSQL):
 * one line per step ("step NAME SECONDS", the files' partitions summed as loadReturnFile), then
 * "step job SECONDS" for the job as a whole.
 *
 * Usage: StepTimes JDBC_URL [USER PASSWORD]
 */
public final class StepTimes {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args.length > 1 ? args[1] : "", args.length > 2 ? args[2] : "");
             Statement s = c.createStatement()) {
            long job;
            double jobSeconds;
            try (ResultSet r = s.executeQuery("SELECT job_execution_id, start_time, end_time FROM batch_job_execution "
                    + "ORDER BY job_execution_id DESC")) {
                r.next();
                job = r.getLong(1);
                jobSeconds = seconds(r.getTimestamp(2), r.getTimestamp(3));
            }
            Map<String, Double> steps = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT step_name, start_time, end_time FROM batch_step_execution "
                    + "WHERE job_execution_id = " + job + " ORDER BY step_execution_id")) {
                while (r.next()) {
                    String name = r.getString(1).startsWith("loadReturnFile") ? "loadReturnFile" : r.getString(1);
                    steps.merge(name, seconds(r.getTimestamp(2), r.getTimestamp(3)), Double::sum);
                }
            }
            steps.forEach((name, t) -> System.out.printf(Locale.ROOT, "step %s %.3f%n", name, t));
            System.out.printf(Locale.ROOT, "step job %.3f%n", jobSeconds);
        }
    }

    private static double seconds(Timestamp from, Timestamp to) {
        return from == null || to == null ? 0 : (to.getTime() - from.getTime()) / 1000.0;
    }
}
