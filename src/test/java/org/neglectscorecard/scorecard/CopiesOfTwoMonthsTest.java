package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.Main;
import org.neglectscorecard.testing.SampleRun;

/**
 * The copies to share of two months' runs, read together, as a board member keeping last month's
 * papers would: a figure the same in both is withheld in both or in neither. (A fresh-eye trial
 * found February's copy of the sample showing three repeat-plan percentages that March's withheld
 * so that a count of 1 to 5 children could not be worked out, and March's showing four that
 * February's withheld.)
 */
class CopiesOfTwoMonthsTest {

    @TempDir
    Path dir;

    @Test
    void aFigureUnchangedBetweenTwoMonthsCopiesIsWithheldInBothOrNeither() throws Exception {
        assumeTrue(SampleRun.dataDir() != null, "the sample's outputs are another build's (sample.outputs): no database to copy");
        SampleRun.copyDataDir(dir.resolve("data"));
        // February run after March's, on March's database: February's copy must agree with the one already out.
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int status;
        try {
            System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
            status = Main.run("run", "--period", "2026-02-28", "--output", dir.resolve("out").toString(),
                    "--data-dir", dir.resolve("data").toString());
        } finally {
            System.setOut(out);
        }
        String console = said.toString(StandardCharsets.UTF_8);
        assertThat(status).as(console).isZero();
        assertThat(console).contains("figures they could be worked out from, here or with the copy of the run for 31 Mar 2026)");

        Map<String, List<String>> march = figures("2026-03-31");
        Map<String, List<String>> february = figures("2026-02-28");
        int same = 0;
        int withheld = 0;
        List<String> disagree = new ArrayList<>();
        for (var f : february.entrySet()) {
            List<String> m = march.get(f.getKey());
            if (m == null || !m.subList(0, 5).equals(f.getValue().subList(0, 5))) {
                continue;
            }
            same++;
            withheld += "true".equals(f.getValue().get(5)) ? 1 : 0;
            if (!m.subList(5, 7).equals(f.getValue().subList(5, 7))) {
                disagree.add(f.getKey() + " February " + f.getValue().subList(5, 7) + ", March " + m.subList(5, 7));
            }
        }
        assertThat(same).as("most of the history is the same in both").isGreaterThan(february.size() * 9 / 10);
        assertThat(withheld).as("and some of it is withheld").isGreaterThan(100);
        assertThat(disagree).isEmpty();
    }

    /** Each figure of a run: its counts (value, numerator, denominator, in-month) then its verdicts (12-month, in-month). */
    private Map<String, List<String>> figures(String runPeriod) throws Exception {
        Map<String, List<String>> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/scorecard"), "", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT indicator_id, area_code, period_end, breakdown, figure, numerator, denominator,"
                     + " in_month_numerator, in_month_denominator, suppressed, in_month_suppressed FROM indicator_value"
                     + " WHERE run_period = DATE '" + runPeriod + "'")) {
            while (r.next()) {
                List<String> v = new ArrayList<>();
                for (int i = 5; i <= 11; i++) {
                    Object o = r.getObject(i);
                    v.add(o instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(o));
                }
                out.put(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4), v);
            }
        }
        return out;
    }

}
