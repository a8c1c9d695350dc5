package org.neglectscorecard.scorecard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * A line chart of one indicator over the whole history, a line per area, for the workbook and
 * for board papers. The value axis starts at zero so a small change does not look like a large
 * one; a suppressed value is a gap; a lone value is drawn as a point.
 */
public final class TrendChart {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 520;
    private static final Color[] COLOURS = {new Color(0x12436D), new Color(0x28A197), new Color(0x801650),
            new Color(0xF46A25), new Color(0x3D3D3D), new Color(0xA285D1)};
    private static final float[][] DASHES = {null, {10f, 6f}, {3f, 4f}, {14f, 4f, 3f, 4f}, {6f, 3f}, {2f, 2f}};

    private TrendChart() {
    }

    /** @param series values by area name, in the order the lines are drawn and listed */
    public static JFreeChart chart(IndicatorDefinition d, Map<String, List<IndicatorValue>> series) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (Map.Entry<String, List<IndicatorValue>> area : series.entrySet()) {
            TimeSeries s = new TimeSeries(area.getKey());
            for (IndicatorValue v : area.getValue()) {
                Month month = new Month(v.periodEnd().getMonthValue(), v.periodEnd().getYear());
                s.addOrUpdate(month, v.suppressed() ? null : v.value());
            }
            data.addSeries(s);
        }
        DateAxis time = new DateAxis("Month end");
        time.setDateFormatOverride(new SimpleDateFormat("MMM yyyy"));
        NumberAxis value = new NumberAxis(axisLabel(d));
        value.setAutoRangeIncludesZero(true);
        if (d.unit() == IndicatorDefinition.Unit.count) {
            value.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            value.setNumberFormatOverride(new DecimalFormat("#,##0"));
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            float[] dash = DASHES[i % DASHES.length];
            lines.setSeriesStroke(i, dash == null ? new BasicStroke(3f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            lines.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(data, time, value, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBBBBBB));
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(d.title(), new Font("SansSerif", Font.BOLD, 20), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(d.id() + " \u2022 " + (d.polarity() == IndicatorDefinition.Polarity.up
                ? "higher is better" : d.polarity() == IndicatorDefinition.Polarity.down ? "lower is better"
                : "no better direction"), new Font("SansSerif", Font.PLAIN, 14)));
        Font tick = new Font("SansSerif", Font.PLAIN, 14);
        Font label = new Font("SansSerif", Font.PLAIN, 15);
        time.setTickLabelFont(tick);
        time.setLabelFont(label);
        value.setTickLabelFont(tick);
        value.setLabelFont(label);
        chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 15));
        return chart;
    }

    public static byte[] png(JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String axisLabel(IndicatorDefinition d) {
        return switch (d.unit()) {
            case count -> "Number";
            case percent -> "Per cent";
            case rate_per_10k -> "Per 10,000 children";
            case ratio -> "Ratio";
            case mean -> "Mean";
        };
    }

    /** What the chart shows, for people who cannot see it. */
    public static String altText(IndicatorDefinition d, Map<String, List<IndicatorValue>> series) {
        StringBuilder s = new StringBuilder("Line chart of ").append(d.title().toLowerCase()).append(" (")
                .append(axisLabel(d).toLowerCase()).append(") by month");
        for (Map.Entry<String, List<IndicatorValue>> area : series.entrySet()) {
            List<IndicatorValue> values = area.getValue().stream().filter(v -> !v.suppressed()).toList();
            if (values.isEmpty()) {
                continue;
            }
            IndicatorValue first = values.get(0);
            IndicatorValue last = values.get(values.size() - 1);
            s.append("; ").append(area.getKey()).append(": ").append(CsvOutput.plain(first.value())).append(" in ")
                    .append(ScorecardWorkbook.monthName(first.periodEnd())).append(", ").append(CsvOutput.plain(last.value()))
                    .append(" in ").append(ScorecardWorkbook.monthName(last.periodEnd()));
        }
        return s.append('.').toString();
    }
}
