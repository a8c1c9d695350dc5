package org.neglectscorecard.scorecard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.neglectscorecard.benchmark.BenchmarkValue;
import org.neglectscorecard.benchmark.Targets;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.scorecard.ScorecardWorkbook.Content;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

/**
 * The board pack (OUTPUTS.md 2b): what a board paper carries unchanged. A cover with the "at a
 * glance" answers and how to read the icons; the one-page summary (per headline indicator: the
 * figure, a small SPC chart, the icons, target and RAG, England and neighbours with their dates,
 * one sentence); the strategic priorities with their charts and the lead officers' commentary and
 * actions beside them; a note on data and definitions. At most {@link #MAX_PAGES} A4 pages.
 *
 * <p>One HTML template (Thymeleaf) makes both outputs: the accessible web page, written as it is,
 * and the PDF, rendered from it by openhtmltopdf as a tagged PDF (PDF/UA: title, language, reading
 * order from the document, alt text on every chart and icon, text as text in an embedded font).
 * Everything it shows comes from the same {@link ScorecardFigures.Line}s as the workbook, so a
 * withheld figure is [c] and a gap here exactly as there.
 */
public final class BoardPack {

    public static final int MAX_PAGES = 8;
    static final String FONT = "Liberation Sans";
    /** PDFBox's own copy of Liberation Sans (SIL Open Font Licence), embedded in the PDF as PDF/UA requires. */
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] FONT_BYTES = fontBytes();
    private static final DateTimeFormatter PRODUCED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    /** Where the pack was written and how many pages the PDF has. */
    public record Written(Path pdf, Path html, int pages) {
    }

    /**
     * What the last page holds, from the most to the least, tried in turn until the pack fits
     * {@link #MAX_PAGES} pages. Priorities follow one another either way, pages breaking between rows
     * of charts, never through one.
     */
    enum Layout {
        /** With the definitions of the summary's indicators on the last page. */
        FULL_NOTES(true, false),
        /** The definitions stay on the workbook's Notes sheet. */
        SHORT_NOTES(false, false),
        /**
         * And each commentary and action cut to its first sentences, the whole in the workbook's
         * Commentary sheet: a lead officer's 2,000 characters made a ninth page.
         */
        SHORT_COMMENTARY(false, true);

        final boolean definitions;
        final boolean shortCommentary;

        Layout(boolean definitions, boolean shortCommentary) {
            this.definitions = definitions;
            this.shortCommentary = shortCommentary;
        }
    }

    // The view the template reads: records whose accessors it calls.
    public record Pack(String title, String description, String partnership, String period, String produced, String contact,
                       boolean synthetic, String summaryIntro, String summaryNote, List<Headlines.Glance> glance, List<IconKey[]> iconKey,
                       List<String[]> chartKey, List<Group> summary, List<Page> pages, List<String> sources, List<String> method,
                       List<String> suggestions, List<String[]> definitions, String css) {
    }

    public record IconKey(String svg, String words) {
    }

    public record Group(String priority, List<Row> rows) {
    }

    public record Row(String title, boolean added, String brief, String value, String yearAgo, String direction, String spark,
                      String variationIcon, String variationWords, String assuranceIcon, String assuranceWords, String ragIcon,
                      String rag, String target, String england, String englandDate, String neighbours, String neighboursDate) {
    }

    public record Page(List<Section> sections) {
    }

    /** A priority's charts, two to a row; the first row is kept with the priority's heading. */
    public record Section(String priority, List<List<Card>> rows) {

        static Section of(String priority, List<Card> cards) {
            List<List<Card>> rows = new ArrayList<>();
            for (int i = 0; i < cards.size(); i += 2) {
                rows.add(cards.subList(i, Math.min(cards.size(), i + 2)));
            }
            return new Section(priority, rows);
        }

    }

    public record Card(String title, String value, String yearAgo, String direction, String chart, String note,
                       String variationIcon, String variationWords, String assuranceIcon, String assuranceWords, String ragIcon,
                       String target, String compare, String sentence, String commentaryLabel, String commentary, String action) {
    }

    public Written write(Content c, Path folder) throws IOException {
        String base = "board-pack-" + c.partnershipCode() + "-" + c.period();
        Path pdf = folder.resolve(base + ".pdf");
        Path html = folder.resolve(base + ".html");
        String page = null;
        byte[] bytes = null;
        Layout[] layouts = Layout.values();
        for (int i = 0; i < layouts.length && bytes == null; i++) {
            page = html(c, layouts[i]);
            // Laid out once, counted, and drawn only if it fits (the last layout is drawn however long).
            bytes = pdfIfItFits(page, i == layouts.length - 1 ? Integer.MAX_VALUE : MAX_PAGES);
        }
        Files.writeString(html, page, StandardCharsets.UTF_8);
        Files.write(pdf, bytes);
        return new Written(pdf, html, pageCount(bytes));
    }

    /** The pack as an XHTML page, the same for the web page and the PDF. */
    String html(Content c, Layout layout) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("board-pack/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(false);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        Context context = new Context(Locale.UK);
        context.setVariable("pack", pack(c, layout));
        return engine.process("board-pack", context);
    }

    Pack pack(Content c, Layout layout) {
        String title = "Neglect strategy scorecard: board pack";
        String period = c.period().format(Headlines.DAY);
        Map<String, List<BenchmarkValue>> england = new HashMap<>();
        for (BenchmarkValue b : c.benchmarks()) {
            if (b.areaCode().equals(c.partnershipCode())) {
                england.computeIfAbsent(b.indicatorId(), k -> new ArrayList<>()).add(b);
            }
        }
        List<ScorecardFigures.Line> lines = Headlines.lines(c);
        Map<String, List<ScorecardFigures.Line>> byPriority = new LinkedHashMap<>();
        for (ScorecardFigures.Line l : lines) {
            byPriority.computeIfAbsent(l.indicator().priority(), k -> new ArrayList<>()).add(l);
        }
        List<Group> summary = new ArrayList<>();
        int chart = 0;
        for (Map.Entry<String, List<ScorecardFigures.Line>> e : byPriority.entrySet()) {
            List<Row> rows = new ArrayList<>();
            for (ScorecardFigures.Line l : e.getValue()) {
                rows.add(row(c, l, "s" + (chart++) + "_"));
            }
            summary.add(new Group(e.getKey(), rows));
        }
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, List<ScorecardFigures.Line>> e : byPriority.entrySet()) {
            List<Card> cards = new ArrayList<>();
            for (ScorecardFigures.Line l : e.getValue()) {
                cards.add(card(l, england.get(l.indicator().id()), "c" + (chart++) + "_", layout.shortCommentary));
            }
            sections.add(Section.of(e.getKey(), cards));
        }
        List<Page> pages = List.of(new Page(sections));
        List<Page> keyed = pages;
        List<String[]> chartKey = new ArrayList<>();
        for (String[] k : TrendChart.key()) {
            chartKey.add(new String[] {TrendChart.keySvg(k[0], k[1]), k[1]});
        }
        List<IconKey[]> iconKey = new ArrayList<>();
        Icons.Icon[] icons = Icons.Icon.values();
        for (int i = 0; i < icons.length; i += 3) {
            IconKey[] row = new IconKey[3];
            for (int j = 0; j < 3 && i + j < icons.length; j++) {
                row[j] = new IconKey(Icons.svg(icons[i + j], 22), icons[i + j].words());
            }
            iconKey.add(row);
        }
        List<String> suggestions = new ArrayList<>();
        for (ScorecardFigures.Line l : lines) {
            if (l.reading().suggestion() != null) {
                suggestions.add(l.indicator().title() + ": " + l.reading().briefSuggestion() + ".");
            }
        }
        List<String[]> definitions = new ArrayList<>();
        if (layout.definitions) {
            for (ScorecardFigures.Line l : lines) {
                definitions.add(new String[] {l.indicator().title(), l.indicator().definition()});
            }
        }
        String css = css().replace("FOOTER_TEXT", cssString("Neglect scorecard, " + c.partnershipName() + ", month ending " + period));
        String description = "Multi-agency neglect scorecard for " + c.partnershipName() + ", month ending " + period
                + ": headline indicators, statistical process control charts, targets and England's figures.";
        return new Pack(title, description, c.partnershipName(), period, c.produced().format(PRODUCED),
                c.contact() == null ? "the partnership's performance team" : c.contact(), c.syntheticData(),
                "Each headline indicator of the neglect strategy for the month ending " + period + ", by strategic priority"
                        + (lines.stream().anyMatch(Headlines::addedForRedTarget) ? ", with every indicator whose target is red" : "")
                        + ". Figures are the partnership's; the workbook has each local authority's.",
                "This month: the latest figure (for counts 'in the year', the 12 months to the month end), with the direction "
                        + "of travel since a year earlier. Monthly trend: the SPC chart of the monthly figures, the mean and process "
                        + "limits, special-cause months coloured as the icons are. England: DfE's figure, dated (a rate per 10,000 "
                        + "is DfE's count over the population estimates ours use). Member "
                        + "LAs and their neighbours: how many of the partnership's LAs beat their statistical neighbours' mean. "
                        + "[x]: not available; [c]: withheld.",
                Headlines.atAGlance(c), iconKey, chartKey, summary, keyed, sources(c), method(c), suggestions, definitions, css);
    }

    private Row row(Content c, ScorecardFigures.Line l, String id) {
        IndicatorDefinition d = l.indicator();
        Icons.Icon variation = Icons.of(l.variation());
        Icons.Icon assurance = Icons.of(l.assurance());
        Icons.Icon rag = Icons.of(l.rag());
        BenchmarkValue b = l.benchmark();
        boolean englandShown = b != null && b.england() != null && d.unit() != IndicatorDefinition.Unit.count;
        String[] neighbours = Headlines.neighboursCount(c, d);
        return new Row(d.title(), Headlines.addedForRedTarget(l), Sentences.brief(l), value(l.now(), d), "was "
                + value(l.lastYear(), d), l.runningTotal() || l.direction() == null ? "" : l.direction().symbol(), l.months().isEmpty() ? "" : TrendChart.sparkSvg(l, id, 96),
                variation == null ? null : Icons.svg(variation, 15), l.variation().shortWords(),
                assurance == null ? null : Icons.svg(assurance, 15), l.assurance().shortWords(),
                rag == null ? null : Icons.svg(rag, 13), l.rag() == null ? (l.target() == null ? "No target" : "[x]")
                        : l.rag().name().charAt(0) + l.rag().name().substring(1).toLowerCase(Locale.UK),
                l.target() == null ? "" : Sentences.format(d, l.target().value()),
                englandShown ? Sentences.format(d, b.england()) : ScorecardWorkbook.NOT_APPLICABLE.equals(notShown(d)) ? "[z]" : "[x]",
                englandShown ? b.periodEnd().format(Headlines.SHORT) : "",
                neighbours == null ? (d.benchmark() == null || d.polarity() == Polarity.context
                        || d.unit() == IndicatorDefinition.Unit.count ? "[z]" : "[x]") : neighbours[0],
                neighbours == null ? "" : neighbours[1]);
    }

    private static String notShown(IndicatorDefinition d) {
        return d.benchmark() == null || d.unit() == IndicatorDefinition.Unit.count ? ScorecardWorkbook.NOT_APPLICABLE
                : ScorecardWorkbook.NOT_AVAILABLE;
    }

    private static String neighboursOrNull(Content c, IndicatorDefinition d) {
        String n = Headlines.neighbours(c, d);
        return n == null ? null : n + ".";
    }

    /** The most of a commentary or action a card shows when the pack would not otherwise fit. */
    static final int SHORT_TEXT = 280;

    /** Cut at the last sentence (or word) ending within {@link #SHORT_TEXT}, saying where the rest is. */
    static String shortened(String text) {
        if (text == null || text.length() <= SHORT_TEXT) {
            return text;
        }
        String head = text.substring(0, SHORT_TEXT);
        int sentence = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        String cut = sentence > SHORT_TEXT / 3 ? head.substring(0, sentence + 1) : head.substring(0, Math.max(head.lastIndexOf(' '), 1)) + "\u2026";
        return cut + " (In full in the workbook's Commentary sheet.)";
    }

    private Card card(ScorecardFigures.Line l, List<BenchmarkValue> england, String id, boolean shortCommentary) {
        IndicatorDefinition d = l.indicator();
        Icons.Icon variation = Icons.of(l.variation());
        Icons.Icon assurance = Icons.of(l.assurance());
        Icons.Icon rag = Icons.of(l.rag());
        String englandText = Headlines.england(l);
        Targets.Commentary k = l.commentary();
        String label = null;
        if (k != null) {
            boolean thisMonth = !l.months().isEmpty() && k.periodEnd().equals(l.months().get(l.months().size() - 1));
            label = "Lead officer" + (k.owner() == null || k.owner().isBlank() ? "" : ", " + k.owner())
                    + (thisMonth ? ":" : " (" + k.periodEnd().format(Headlines.DAY) + "):");
        }
        return new Card(d.title(), value(l.now(), d), yearAgo(l), direction(l),
                l.months().isEmpty() ? "<p>No figures to chart.</p>" : TrendChart.cardSvg(l, england, id, 318),
                TrendChart.shortNote(l), variation == null ? null : Icons.svg(variation, 16), l.variationWords(),
                assurance == null ? null : Icons.svg(assurance, 16), assuranceWords(l), rag == null ? null : Icons.svg(rag, 14),
                target(l), englandText == null ? null : "England " + englandText,
                Sentences.brief(l), label, k == null ? null : shortCommentary ? shortened(k.commentary()) : k.commentary(),
                k == null || k.action() == null || k.action().isBlank() ? null : shortCommentary ? shortened(k.action()) : k.action());
    }

    private static String value(IndicatorValue v, IndicatorDefinition d) {
        if (v == null) {
            return ScorecardWorkbook.NOT_AVAILABLE;
        }
        if (v.suppressed()) {
            return ScorecardWorkbook.SUPPRESSED;
        }
        return v.value() == null ? ScorecardWorkbook.NOT_AVAILABLE : Sentences.format(d, v.value());
    }

    private static String yearAgo(ScorecardFigures.Line l) {
        return "a year earlier " + value(l.lastYear(), l.indicator());
    }

    private static String direction(ScorecardFigures.Line l) {
        if (l.runningTotal()) {
            return "Running total";
        }
        return l.direction() == null ? "No direction (no figure to compare)" : l.directionText();
    }

    private static String assuranceWords(ScorecardFigures.Line l) {
        return switch (l.assurance()) {
            case NO_TARGET -> null;
            case NOT_ENOUGH_DATA -> l.target() == null ? null : "Assurance: no SPC to judge the target by";
            // This month has no SPC reading (no figure, or withheld) but the process, and so the assurance,
            // is read from the months charted: said so, or it reads as a verdict on a month that has none.
            default -> l.variation() == Spc.Variation.NO_SPC
                    ? "From the months charted: " + Character.toLowerCase(l.assurance().words().charAt(0))
                    + l.assurance().words().substring(1)
                    : l.assurance().words();
        };
    }

    private static String target(ScorecardFigures.Line l) {
        IndicatorDefinition d = l.indicator();
        if (l.target() == null) {
            return d.polarity() == Polarity.context ? "No target (no better direction)" : "No target set";
        }
        String t = "target " + Sentences.format(d, l.target().value());
        return l.rag() == null ? t : l.rag().words().replaceFirst("^\\S+ ", "") + " (" + t + ")";
    }

    private static List<String> sources(Content c) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        Map<String, java.util.TreeSet<java.time.LocalDate>> asAt = new HashMap<>();
        for (RunInputs.InputSummary in : c.inputs()) {
            String kind = SheetWriter.formatName(in.format());
            kinds.merge(kind, 1, Integer::sum);
            asAt.computeIfAbsent(kind, k -> new java.util.TreeSet<>()).addAll(CoverSheet.asAtDates(in.asAt()));
        }
        kinds.forEach((k, n) -> {
            java.util.TreeSet<java.time.LocalDate> dates = asAt.get(k);
            String when = dates.isEmpty() ? "" : dates.size() == 1 ? ", as at " + dates.first().format(Headlines.DAY)
                    : ", as at " + dates.first().format(Headlines.DAY) + " to " + dates.last().format(Headlines.DAY);
            out.add(k + ": " + n + (n == 1 ? " file" : " files") + when + ".");
        });
        out.add("England's and statistical neighbours' figures are DfE's published statistics for 31 March of the year each "
                + "figure says; DfE publishes each year's in the autumn after it.");
        // A rate this month may move when ONS's next estimate is added: said where the board reads "13.5 now".
        c.messages().stream().filter(m -> m.startsWith(org.neglectscorecard.indicators.IndicatorEngine.OlderPopulation.OPENING))
                .forEach(out::add);
        if (c.neighboursFile() != null) {
            out.add("Statistical neighbours: " + c.neighboursFile() + ".");
        }
        return out;
    }

    private static List<String> method(Content c) {
        return List.of(
                "Child protection and children in need figures follow the Department for Education's definitions, so they can be "
                        + "set beside England's. Counts 'in the year' are for the 12 months to the month end; a rate is per 10,000 "
                        + "children aged 0 to 17.",
                "Each chart is an XmR chart of the monthly figures (the figure at the month end, or the number in the month for "
                        + "figures counted over a year), with the mean and the process limits, as NHS England's Making Data Count "
                        + "reads them. A percentage of only a few cases a month is read on a p-chart, whose limits follow each "
                        + "month's number of cases. The mean and limits come from the months before the strategy began when there "
                        + "are 15 or more of them, so later months are judged against the process as it was; otherwise from all the "
                        + "months. The limits are recalculated only from a change point named in the job file.",
                "Special cause: a month outside the limits, 7 months in a row on one side of the mean, 7 months in a row each "
                        + "rising (or each falling), or 2 of 3 months near a limit on the same side. With fewer than 15 months there "
                        + "is no SPC reading. A running total (since the strategy began, licensed to date) only grows: it is read "
                        + "against its target, not as SPC.",
                "Small numbers: [c] marks a figure withheld because " + Sentences.WITHHELD + "; in a chart such a month is a gap.");
    }

    private static String css() {
        try (InputStream in = BoardPack.class.getResourceAsStream("/board-pack/board-pack.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cssString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Renders the page as a tagged PDF (PDF/UA) with the font embedded, loading nothing from outside. */
    public static byte[] pdf(String html) throws IOException {
        return pdfIfItFits(html, Integer.MAX_VALUE);
    }

    /**
     * The PDF if the page lays out to at most {@code maxPages} pages, else null: laying the pages out
     * is enough to count them, and the same layout is then drawn, not laid out a second time.
     */
    static byte[] pdfIfItFits(String html, int maxPages) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument doc = new PDDocument();
             var renderer = builder(html, doc).toStream(out).buildPdfRenderer()) {
            renderer.layout();
            if (renderer.getRootBox().getLayer().getPages().size() > maxPages) {
                return null;
            }
            renderer.createPDF();
            return out.toByteArray();
        }
    }

    private static PdfRendererBuilder builder(String html, PDDocument doc) throws IOException {
        XRLog.setLoggingEnabled(false);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
        // The font is loaded into the document here, not by the renderer, only to turn off PDFBox's
        // glyph substitution (GSUB), which it otherwise applies to every piece of text it draws,
        // compiling regular expressions each time: half the time of drawing the pack (measured with
        // JFR), for text in which Liberation Sans substitutes nothing (the text read back from the PDF
        // is the same either way). The renderer closes the document once it has saved it.
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
        ttf.setEnableGsub(false);
        PDType0Font font = PDType0Font.load(doc, ttf, true);
        builder.usePDDocument(doc);
        for (int weight : new int[] {400, 700}) {
            builder.useFont(new PDFontSupplier(font), FONT, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withProducer("neglect-scorecard");
        builder.withHtmlContent(html, null);
        return builder;
    }

    private static byte[] fontBytes() {
        try (InputStream in = BoardPack.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The board pack's font is missing from the program: " + FONT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }
}
