package org.neglectscorecard.scorecard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.List;

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
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/**
 * An indicator's monthly series read as a statistical process control chart (Making Data Count):
 * the values, their mean, the natural process limits, special-cause points marked by shape as well
 * as colour, and the target and England's figure where they are in the series' own terms. The
 * value axis starts at zero so a small change does not look large; a withheld value is a gap; a
 * lone value is drawn as a point. Sized to stay readable pasted at half a page's width.
 */
public final class TrendChart {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 540;
    private static final Color SERIES = new Color(0x12436D);
    private static final Color LIMITS = new Color(0x6F6F6F);
    private static final Color IMPROVEMENT = new Color(0x1F77B4);
    private static final Color CONCERN = new Color(0xE66100);
    private static final Color TARGET = new Color(0xA50F15);
    private static final Color ENGLAND = new Color(0x28A197);

    private TrendChart() {
    }

    /** What the chart holds besides the series, so the workbook can say it under the chart. */
    public record Picture(byte[] png, String altText, String note) {
    }

    public static Picture draw(ScorecardFigures.Line line, List<BenchmarkValue> england) {
        IndicatorDefinition d = line.indicator();
        boolean comparable = !(line.inMonthSeries() && d.unit() == Unit.count);
        boolean englandComparable = comparable && d.unit() != Unit.count;
        TimeSeriesCollection data = new TimeSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        int k = 0;
        TimeSeries values = new TimeSeries(seriesName(line));
        TimeSeries improvement = new TimeSeries(d.polarity() == Polarity.context ? "Special cause: higher" : "Special cause: improvement");
        TimeSeries concern = new TimeSeries(d.polarity() == Polarity.context ? "Special cause: lower" : "Special cause: concern");
        int points = 0;
        int gaps = 0;
        for (int i = 0; i < line.months().size(); i++) {
            Month m = month(line.months().get(i));
            Double v = line.spcValues().get(i);
            values.addOrUpdate(m, v);
            if (v == null) {
                gaps++;
                continue;
            }
            points++;
            if (line.spc() != null && line.spc().special()[i]) {
                boolean good = d.polarity() == Polarity.context ? line.spc().high()[i] : line.spc().high()[i] == (d.polarity() == Polarity.up);
                (good ? improvement : concern).addOrUpdate(m, v);
            }
        }
        data.addSeries(values);
        r.setSeriesPaint(k, SERIES);
        r.setSeriesStroke(k, new BasicStroke(3f));
        r.setSeriesShape(k, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesShapesVisible(k, true);
        k++;
        if (line.spc() != null) {
            k = constant(data, r, k, "Mean", line, line.spc().mean(), LIMITS, new BasicStroke(2f));
            BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f);
            k = constant(data, r, k, "Process limits", line, line.spc().upper(), LIMITS, dashed);
            if (line.spc().lower() > 0 || d.unit() == Unit.count && line.spc().lower() >= 0) {
                k = constant(data, r, k, "Process limits (lower)", line, line.spc().lower(), LIMITS, dashed);
                r.setSeriesVisibleInLegend(k - 1, false);
            }
            k = marks(data, r, k, improvement, IMPROVEMENT, diamond());
            k = marks(data, r, k, concern, CONCERN, triangle());
        }
        if (line.target() != null && comparable) {
            k = constant(data, r, k, "Target", line, line.target().value().doubleValue(), TARGET,
                    new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f));
        }
        if (englandComparable && england != null && !england.isEmpty()) {
            TimeSeries e = new TimeSeries("England (31 March)");
            england.stream().filter(b -> b.england() != null && !b.periodEnd().isBefore(line.months().isEmpty() ? b.periodEnd() : line.months().get(0)))
                    .forEach(b -> e.addOrUpdate(month(b.periodEnd()), b.england()));
            if (e.getItemCount() > 0) {
                data.addSeries(e);
                r.setSeriesPaint(k, ENGLAND);
                r.setSeriesStroke(k, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 3f}, 0f));
                r.setSeriesShape(k, new Rectangle2D.Double(-4, -4, 8, 8));
                r.setSeriesShapesVisible(k, true);
                k++;
            }
        }
        DateAxis time = new DateAxis("Month end");
        time.setDateFormatOverride(new SimpleDateFormat("MMM yyyy"));
        NumberAxis axis = new NumberAxis(axisLabel(line));
        axis.setAutoRangeIncludesZero(true);
        if (d.unit() == Unit.count) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        }
        XYPlot plot = new XYPlot(data, time, axis, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(d.title(), new Font("SansSerif", Font.BOLD, 28), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        String note = note(line, points, gaps, comparable);
        chart.addSubtitle(new TextTitle(line.areaName() + " \u2022 " + better(d) + " \u2022 " + note, new Font("SansSerif", Font.PLAIN, 19)));
        // Large for the picture's size: a board paper pastes it at half a page wide, where 20 pixels is about 6 points.
        Font tick = new Font("SansSerif", Font.PLAIN, 20);
        Font label = new Font("SansSerif", Font.PLAIN, 21);
        time.setTickLabelFont(tick);
        time.setLabelFont(label);
        axis.setTickLabelFont(tick);
        axis.setLabelFont(label);
        chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 19));
        return new Picture(png(chart), altText(line, points), note);
    }

    private static String seriesName(ScorecardFigures.Line line) {
        return line.inMonthSeries() ? (line.indicator().unit() == Unit.count ? "Number in the month" : "In the month") : "Month end";
    }

    private static String note(ScorecardFigures.Line line, int points, int gaps, boolean comparable) {
        StringBuilder s = new StringBuilder();
        if (line.spc() == null) {
            s.append(points < Spc.MIN_POINTS ? "fewer than 15 months: no SPC limits" : "no SPC limits");
        } else {
            s.append("mean and process limits from the data");
        }
        if (line.inMonthSeries()) {
            s.append("; monthly figures (the scorecard shows the 12 months' total)");
        }
        if (gaps > 0) {
            s.append("; gaps are months withheld (1 to 5 children) or without a figure");
        }
        if (!comparable && line.target() != null) {
            s.append("; the target is for the year, so is not drawn on monthly counts");
        }
        return s.toString();
    }

    private static String better(IndicatorDefinition d) {
        return d.polarity() == Polarity.up ? "higher is better" : d.polarity() == Polarity.down ? "lower is better" : "no better direction";
    }

    private static int constant(TimeSeriesCollection data, XYLineAndShapeRenderer r, int k, String name, ScorecardFigures.Line line,
                                double value, Color colour, BasicStroke stroke) {
        TimeSeries s = new TimeSeries(name);
        line.months().forEach(m -> s.addOrUpdate(month(m), value));
        data.addSeries(s);
        r.setSeriesPaint(k, colour);
        r.setSeriesStroke(k, stroke);
        r.setSeriesShapesVisible(k, false);
        return k + 1;
    }

    private static int marks(TimeSeriesCollection data, XYLineAndShapeRenderer r, int k, TimeSeries s, Color colour, Shape shape) {
        if (s.getItemCount() == 0) {
            return k;
        }
        data.addSeries(s);
        r.setSeriesPaint(k, colour);
        r.setSeriesLinesVisible(k, false);
        r.setSeriesShapesVisible(k, true);
        r.setSeriesShape(k, shape);
        return k + 1;
    }

    private static Shape diamond() {
        return new Polygon(new int[] {0, 8, 0, -8}, new int[] {-8, 0, 8, 0}, 4);
    }

    private static Shape triangle() {
        return new Polygon(new int[] {0, 8, -8}, new int[] {-9, 7, 7}, 3);
    }

    private static Month month(LocalDate d) {
        return new Month(d.getMonthValue(), d.getYear());
    }

    public static byte[] png(JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String axisLabel(ScorecardFigures.Line line) {
        IndicatorDefinition d = line.indicator();
        String unit = switch (d.unit()) {
            case count -> "Number";
            case percent -> "Per cent";
            case rate_per_10k -> "Per 10,000 children";
            case ratio -> "Ratio";
            case mean -> "Mean";
        };
        return line.inMonthSeries() ? unit + " in the month" : unit;
    }

    /** What the chart shows, for people who cannot see it. */
    static String altText(ScorecardFigures.Line line, int points) {
        IndicatorDefinition d = line.indicator();
        StringBuilder s = new StringBuilder("Line chart of ").append(d.title().toLowerCase(java.util.Locale.UK)).append(" for ")
                .append(line.areaName()).append(", ").append(axisLabel(line).toLowerCase(java.util.Locale.UK)).append(", by month");
        Double first = null;
        Double last = null;
        LocalDate firstMonth = null;
        LocalDate lastMonth = null;
        for (int i = 0; i < line.months().size(); i++) {
            Double v = line.spcValues().get(i);
            if (v != null) {
                if (first == null) {
                    first = v;
                    firstMonth = line.months().get(i);
                }
                last = v;
                lastMonth = line.months().get(i);
            }
        }
        if (first != null) {
            s.append(": ").append(plain(first)).append(" in ").append(ScorecardWorkbook.monthName(firstMonth)).append(", ")
                    .append(plain(last)).append(" in ").append(ScorecardWorkbook.monthName(lastMonth));
        }
        if (line.spc() != null) {
            s.append("; mean ").append(plain(line.spc().mean())).append(", process limits ").append(plain(Math.max(0, line.spc().lower())))
                    .append(" to ").append(plain(line.spc().upper())).append("; latest month: ").append(line.variation().words());
        } else {
            s.append("; ").append(points).append(" months, too few for SPC limits");
        }
        return s.append('.').toString();
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
