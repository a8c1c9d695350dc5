package org.neglectscorecard.scorecard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;

/**
 * An indicator's monthly series read as a statistical process control chart (Making Data Count):
 * the values, the mean and the process limits (stepped where a p-chart's limits follow each
 * month's number of cases, or where a change point recalculates them), special-cause months
 * marked by shape as well as colour in the icons' colours, and the target and England's figure
 * where they are in the series' own terms. The value axis starts at zero so a small change does
 * not look large; a withheld value is a gap, said in the note under the chart. A running total
 * has no SPC: it is drawn against its target.
 *
 * <p>Three sizes from one drawing: the full chart (workbook and charts/ folder, as PNG, titled,
 * with its legend and icons), the card (board pack, as SVG, under an HTML heading with an HTML
 * key), and the spark (the board pack's summary: the line, limits and special months only).
 */
public final class TrendChart {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 540;
    public static final int CARD_WIDTH = 600;
    public static final int CARD_HEIGHT = 250;
    public static final int SPARK_WIDTH = 240;
    public static final int SPARK_HEIGHT = 60;
    static final Color SERIES = new Color(0x6F6F6F);
    static final Color MEAN = new Color(0x212B32);
    static final Color LIMITS = new Color(0x8A8A8A);
    static final Color TARGET = new Color(0xC8102E);
    static final Color ENGLAND = new Color(0x00796B);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f);

    enum Style { FULL, CARD, SPARK }

    private TrendChart() {
    }

    /** What the chart holds besides the series, so the workbook and the board pack can say it beside the chart. */
    public record Picture(byte[] png, String altText, String note) {
    }

    /** The full chart as a PNG, with its alt text and note. */
    public static Picture draw(ScorecardFigures.Line line, List<BenchmarkValue> england) {
        JFreeChart chart = chart(line, england, Style.FULL);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        drawIcons(g, line, WIDTH - 132, 10, 56);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return new Picture(out.toByteArray(), altText(line), note(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The card-sized chart as inline SVG, shown at the given width in CSS pixels, for the board pack. */
    public static String cardSvg(ScorecardFigures.Line line, List<BenchmarkValue> england, String id, double shownWidth) {
        JFreeChart chart = chart(line, england, Style.CARD);
        return Svg.draw(id, CARD_WIDTH, CARD_HEIGHT, g -> chart.draw(g, new Rectangle2D.Double(0, 0, CARD_WIDTH, CARD_HEIGHT)),
                altText(line), shownWidth, shownWidth * CARD_HEIGHT / CARD_WIDTH);
    }

    /** The small SPC chart of the board pack's summary, as inline SVG. */
    public static String sparkSvg(ScorecardFigures.Line line, String id, double shownWidth) {
        JFreeChart chart = chart(line, null, Style.SPARK);
        return Svg.draw(id, SPARK_WIDTH, SPARK_HEIGHT, g -> chart.draw(g, new Rectangle2D.Double(0, 0, SPARK_WIDTH, SPARK_HEIGHT)),
                altText(line), shownWidth, shownWidth * SPARK_HEIGHT / SPARK_WIDTH);
    }

    static void drawIcons(Graphics2D g, ScorecardFigures.Line line, double x, double y, double size) {
        Icons.Icon variation = Icons.of(line.variation());
        Icons.Icon assurance = Icons.of(line.assurance());
        if (variation != null) {
            Icons.draw(g, variation, x, y, size);
        }
        if (assurance != null) {
            Icons.draw(g, assurance, x + size + 8, y, size);
        }
    }

    static JFreeChart chart(ScorecardFigures.Line line, List<BenchmarkValue> england, Style style) {
        IndicatorDefinition d = line.indicator();
        boolean comparable = !(line.inMonthSeries() && d.unit() == Unit.count);
        boolean englandComparable = comparable && d.unit() != Unit.count && style != Style.SPARK;
        Spc.Result spc = line.spc();
        float scale = style == Style.SPARK ? 0.7f : 1f;
        XYPlot plot = new XYPlot();
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        LegendItemCollection legend = new LegendItemCollection();

        // 0: mean, limits and target, stepped so that a p-chart's or a change point's limits show where they move.
        TimeSeriesCollection lines = new TimeSeriesCollection();
        // Steps only where the limits move (a p-chart, a change point); otherwise straight lines drawn as one path each,
        // which keeps the SVG small.
        boolean moving = spc != null && (varies(spc.centre()) || varies(spc.upperLimits()) || varies(spc.lowerLimits()));
        XYLineAndShapeRenderer steps = moving ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        steps.setDrawSeriesLineAsPath(!moving);
        steps.setDefaultSeriesVisibleInLegend(false);
        int k = 0;
        if (spc != null) {
            k = perPoint(lines, steps, k, "Mean", line, spc.centre(), MEAN, new BasicStroke(2f * scale));
            k = perPoint(lines, steps, k, "Process limits", line, spc.upperLimits(), LIMITS, scaled(DASHED, scale));
            double[] lower = spc.lowerLimits();
            boolean lowerShown = false;
            for (double v : lower) {
                lowerShown |= !Double.isNaN(v) && v > 0;
            }
            if (lowerShown || d.unit() == Unit.mean) {
                k = perPoint(lines, steps, k, "Lower process limit", line, lower, LIMITS, scaled(DASHED, scale));
            }
            legend.add(legendLine("Mean", MEAN, new BasicStroke(2f)));
            legend.add(legendLine("Process limits", LIMITS, DASHED));
        }
        if (line.target() != null && comparable) {
            double[] t = new double[line.months().size()];
            java.util.Arrays.fill(t, line.target().value().doubleValue());
            perPoint(lines, steps, k, "Target", line, t, TARGET, scaled(DOTTED, scale));
            legend.add(legendLine("Target", TARGET, DOTTED));
        }
        plot.setDataset(0, lines);
        plot.setRenderer(0, steps);

        // 1: England at each 31 March.
        if (englandComparable && england != null && !england.isEmpty()) {
            TimeSeries e = new TimeSeries("England (31 March)");
            england.stream().filter(b -> b.england() != null && !line.months().isEmpty() && !b.periodEnd().isBefore(line.months().get(0)))
                    .forEach(b -> e.addOrUpdate(month(b.periodEnd()), b.england()));
            if (e.getItemCount() > 0) {
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
                r.setSeriesPaint(0, ENGLAND);
                r.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 3f}, 0f));
                r.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
                r.setSeriesShapesVisible(0, true);
                plot.setDataset(1, new TimeSeriesCollection(e));
                plot.setRenderer(1, r);
                LegendItem item = new LegendItem("England (31 March)", null, null, null, new Rectangle2D.Double(-4, -4, 8, 8), ENGLAND,
                        new BasicStroke(2f), ENGLAND);
                legend.add(item);
            }
        }

        // 2: the values, a gap where a month is withheld or has no figure.
        TimeSeries values = new TimeSeries(seriesName(line));
        TimeSeries improvement = new TimeSeries("Special cause: improvement");
        TimeSeries concern = new TimeSeries("Special cause: concern");
        TimeSeries neither = new TimeSeries("Special cause: no better direction");
        for (int i = 0; i < line.months().size(); i++) {
            Month m = month(line.months().get(i));
            Double v = line.spcValues().get(i);
            values.addOrUpdate(m, v);
            if (v != null && spc != null && spc.special()[i]) {
                boolean high = spc.high()[i];
                TimeSeries mark = d.polarity() == Polarity.context ? neither
                        : high == (d.polarity() == Polarity.up) ? improvement : concern;
                mark.addOrUpdate(m, v);
            }
        }
        XYLineAndShapeRenderer valueRenderer = new XYLineAndShapeRenderer();
        valueRenderer.setDrawSeriesLineAsPath(true);
        valueRenderer.setSeriesPaint(0, SERIES);
        valueRenderer.setSeriesStroke(0, new BasicStroke(2.5f * scale));
        double dot = style == Style.SPARK ? 2.5 : 3.5;
        valueRenderer.setSeriesShape(0, new Ellipse2D.Double(-dot, -dot, 2 * dot, 2 * dot));
        valueRenderer.setSeriesShapesVisible(0, style != Style.SPARK);
        plot.setDataset(2, new TimeSeriesCollection(values));
        plot.setRenderer(2, valueRenderer);
        LegendItemCollection ordered = new LegendItemCollection();
        ordered.add(legendLine(seriesName(line), SERIES, new BasicStroke(2.5f)));
        ordered.addAll(legend);
        legend = ordered;

        // 3: special-cause months, by shape and colour.
        TimeSeriesCollection marks = new TimeSeriesCollection();
        XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
        double size = style == Style.SPARK ? 5 : 8;
        int m = 0;
        m = marks(marks, markRenderer, m, improvement, Icons.IMPROVEMENT, diamond(size), legend);
        m = marks(marks, markRenderer, m, concern, Icons.CONCERN, triangle(size), legend);
        marks(marks, markRenderer, m, neither, Icons.NEITHER, square(size), legend);
        plot.setDataset(3, marks);
        plot.setRenderer(3, markRenderer);

        DateAxis time = new DateAxis(style == Style.FULL ? "Month end" : null);
        time.setDateFormatOverride(new SimpleDateFormat("MMM yyyy", Locale.UK));
        NumberAxis axis = new NumberAxis(style == Style.FULL ? axisLabel(line) : null);
        axis.setAutoRangeIncludesZero(true);
        if (d.unit() == Unit.count) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        } else if (d.unit() == Unit.percent) {
            // The unit on the axis itself: a card chart has no axis label, and "60" read as a count.
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.#'%'"));
        }
        plot.setDomainAxis(time);
        plot.setRangeAxis(axis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(style != Style.SPARK);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        plot.setDomainGridlinesVisible(false);
        plot.setFixedLegendItems(legend);
        if (style == Style.SPARK) {
            time.setVisible(false);
            axis.setVisible(false);
            plot.setRangeGridlinesVisible(false);
            plot.setInsets(new RectangleInsets(2, 2, 2, 2));
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
        JFreeChart chart = new JFreeChart(style == Style.FULL ? d.title() : null, new Font(Font.SANS_SERIF, Font.BOLD, 28), plot,
                style == Style.FULL);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(style == Style.SPARK ? RectangleInsets.ZERO_INSETS : new RectangleInsets(4, 4, 4, 8));
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
        time.setTickLabelFont(tick);
        axis.setTickLabelFont(tick);
        if (style == Style.FULL) {
            // Room on the right of the title for the variation and assurance icons.
            chart.getTitle().setPadding(new RectangleInsets(4, 8, 4, 140));
            chart.addSubtitle(new TextTitle(line.areaName() + " \u2022 " + better(d), new Font(Font.SANS_SERIF, Font.PLAIN, 19)));
            Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 21);
            time.setLabelFont(label);
            axis.setLabelFont(label);
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        }
        return chart;
    }

    private static BasicStroke scaled(BasicStroke s, float scale) {
        return scale == 1f ? s : new BasicStroke(s.getLineWidth() * scale, s.getEndCap(), s.getLineJoin(), s.getMiterLimit(),
                s.getDashArray(), s.getDashPhase());
    }

    private static LegendItem legendLine(String label, Color colour, BasicStroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-12, 0, 12, 0), stroke, colour);
        return item;
    }

    /** The key the board pack prints as text beside its charts: the same marks, in words. */
    static List<String[]> key() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"series", "Monthly figure (a gap: withheld to protect the children concerned, or no figure)"});
        out.add(new String[] {"mean", "Mean"});
        out.add(new String[] {"limits", "Process limits"});
        out.add(new String[] {"improvement", "Special cause: improvement"});
        out.add(new String[] {"concern", "Special cause: concern"});
        out.add(new String[] {"neither", "Special cause: no better direction"});
        out.add(new String[] {"target", "Target"});
        out.add(new String[] {"england", "England (31 March)"});
        return out;
    }

    /** A small picture of one mark of the key, as SVG, described by its words. */
    static String keySvg(String kind, String words) {
        return Svg.draw("k" + kind, 48, 20, g -> {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            switch (kind) {
                case "series" -> {
                    g.setColor(SERIES);
                    g.setStroke(new BasicStroke(2.5f));
                    g.drawLine(2, 10, 46, 10);
                    g.fill(new Ellipse2D.Double(20, 6.5, 7, 7));
                }
                case "mean" -> stroke(g, MEAN, new BasicStroke(2f));
                case "limits" -> stroke(g, LIMITS, DASHED);
                case "target" -> stroke(g, TARGET, DOTTED);
                case "england" -> {
                    stroke(g, ENGLAND, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 3f}, 0f));
                    g.fill(new Rectangle2D.Double(20, 6, 8, 8));
                }
                case "improvement" -> fillAt(g, Icons.IMPROVEMENT, diamond(8));
                case "concern" -> fillAt(g, Icons.CONCERN, triangle(8));
                default -> fillAt(g, Icons.NEITHER, square(8));
            }
        }, "Key: " + words, 36, 15);
    }

    private static void stroke(Graphics2D g, Color c, BasicStroke s) {
        g.setColor(c);
        g.setStroke(s);
        g.drawLine(2, 10, 46, 10);
    }

    private static void fillAt(Graphics2D g, Color c, Shape s) {
        g.setColor(c);
        g.translate(24, 10);
        g.fill(s);
    }

    private static String seriesName(ScorecardFigures.Line line) {
        return line.inMonthSeries() ? (line.indicator().unit() == Unit.count ? "Number in the month" : "In the month") : "Month end";
    }

    /** What the reader needs under the chart: where the limits come from, gaps, and a suggested change point. */
    static String note(ScorecardFigures.Line line) {
        List<String> parts = new ArrayList<>();
        ScorecardFigures.Reading r = line.reading();
        if (line.spc() == null) {
            String why = "no SPC: " + (r.noSpcReason() == null ? "too few months" : r.noSpcReason());
            // Not twice: the line's own words, printed before this note, may say it already ("No SPC: fewer than 15 months ...").
            if (!line.variationWords().toLowerCase(java.util.Locale.ROOT).contains(why.toLowerCase(java.util.Locale.ROOT))) {
                parts.add(why);
            }
        } else {
            parts.add((line.spc().chart() == Spc.Chart.P ? "p-chart: " : "") + "mean and process limits from " + r.basis());
        }
        if (line.inMonthSeries()) {
            parts.add("monthly figures (the scorecard shows the 12 months' total)");
        }
        if (line.spcValues().stream().anyMatch(v -> v == null)) {
            parts.add("gaps are months withheld to protect the children concerned, or without a figure");
        }
        if (line.target() != null && line.inMonthSeries() && line.indicator().unit() == Unit.count) {
            parts.add("the target is for the year, so is not drawn on monthly counts");
        }
        if (r.suggestion() != null) {
            parts.add(r.suggestion());
        }
        if (parts.isEmpty()) {
            return "";
        }
        String s = String.join("; ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    /** The note under a board-pack chart: where the limits come from, and gaps. Suggestions go on the notes page. */
    static String shortNote(ScorecardFigures.Line line) {
        ScorecardFigures.Reading r = line.reading();
        StringBuilder s = new StringBuilder();
        if (line.spc() == null) {
            s.append("No SPC limits.");
        } else {
            String basis = r.basis().replaceFirst("; a p-chart.*", "");
            basis = basis.replaceFirst("^the months before the strategy began, (.*?)(;|$)", "$1 (before the strategy)$2")
                    .replaceFirst("^all the months[^,]*, ", "all months, ").replace(" (a change point in the job file)", "");
            s.append(line.spc().chart() == Spc.Chart.P ? "p-chart; limits" : "Limits").append(" from ").append(basis).append('.');
        }
        if (line.inMonthSeries()) {
            s.append(" Monthly figures.");
        }
        if (line.spcValues().stream().anyMatch(v -> v == null)) {
            s.append(" Gaps: withheld or no figure.");
        }
        return s.toString();
    }

    private static String better(IndicatorDefinition d) {
        return d.polarity() == Polarity.up ? "higher is better" : d.polarity() == Polarity.down ? "lower is better" : "no better direction";
    }

    private static boolean varies(double[] values) {
        double first = Double.NaN;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                return true;
            }
        }
        return false;
    }

    private static int perPoint(TimeSeriesCollection data, XYLineAndShapeRenderer r, int k, String name, ScorecardFigures.Line line,
                                double[] values, Color colour, BasicStroke stroke) {
        TimeSeries s = new TimeSeries(name);
        for (int i = 0; i < line.months().size(); i++) {
            s.addOrUpdate(month(line.months().get(i)), Double.isNaN(values[i]) ? null : values[i]);
        }
        data.addSeries(s);
        r.setSeriesPaint(k, colour);
        r.setSeriesStroke(k, stroke);
        return k + 1;
    }

    private static int marks(TimeSeriesCollection data, XYLineAndShapeRenderer r, int k, TimeSeries s, Color colour, Shape shape,
                             LegendItemCollection legend) {
        if (s.getItemCount() == 0) {
            return k;
        }
        data.addSeries(s);
        r.setSeriesPaint(k, colour);
        r.setSeriesShape(k, shape);
        legend.add(new LegendItem((String) s.getKey(), null, null, null, shape, colour));
        return k + 1;
    }

    private static Shape diamond(double s) {
        int h = (int) Math.round(s);
        return new Polygon(new int[] {0, h, 0, -h}, new int[] {-h, 0, h, 0}, 4);
    }

    private static Shape triangle(double s) {
        int h = (int) Math.round(s);
        return new Polygon(new int[] {0, h, -h}, new int[] {-h - 1, h - 1, h - 1}, 3);
    }

    private static Shape square(double s) {
        double h = s * 0.8;
        return new Rectangle2D.Double(-h, -h, 2 * h, 2 * h);
    }

    private static Month month(LocalDate d) {
        return new Month(d.getMonthValue(), d.getYear());
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
    static String altText(ScorecardFigures.Line line) {
        IndicatorDefinition d = line.indicator();
        StringBuilder s = new StringBuilder(line.spc() == null ? "Line chart of " : "SPC chart of ")
                .append(d.title().toLowerCase(Locale.UK)).append(" for ").append(line.areaName()).append(", ")
                .append(axisLabel(line).toLowerCase(Locale.UK)).append(", by month");
        Double first = null;
        Double last = null;
        LocalDate firstMonth = null;
        LocalDate lastMonth = null;
        int points = 0;
        for (int i = 0; i < line.months().size(); i++) {
            Double v = line.spcValues().get(i);
            if (v != null) {
                points++;
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
                    .append(" to ").append(plain(line.spc().upper()));
            if (line.spc().chart() == Spc.Chart.P) {
                s.append(" (this month's; they follow each month's number of cases)");
            }
            int special = line.spc().specialCount();
            s.append("; ").append(special).append(special == 1 ? " month" : " months").append(" special cause");
            s.append("; latest month: ").append(line.variationWords().toLowerCase(Locale.UK));
        } else {
            s.append("; ").append(points).append(" months; ").append(line.variationWords().toLowerCase(Locale.UK));
        }
        if (line.target() != null && !(line.inMonthSeries() && d.unit() == Unit.count)) {
            s.append("; target ").append(plain(line.target().value().doubleValue()));
        }
        return s.append('.').toString();
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
