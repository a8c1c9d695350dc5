package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.SampleRun;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sample's board pack read back as a reader, a screen reader and a validator would: at most 8
 * A4 pages; the text is text, 9 pt or larger, in embedded fonts; a tagged PDF with title, language
 * and alt text on every figure; PDF/UA-1 by veraPDF; the same words in the web page beside it; and
 * its figures are the ones indicators.csv holds.
 */
class BoardPackTest {

    static final String NAME = "board-pack-" + SampleRun.PARTNERSHIP + "-" + SampleRun.PERIOD;
    static byte[] pdf;
    static PDDocument doc;
    static String text;
    static Path folder;

    @BeforeAll
    static void read() throws IOException {
        folder = SampleRun.folder();
        pdf = Files.readAllBytes(folder.resolve(NAME + ".pdf"));
        doc = Loader.loadPDF(pdf);
        text = new PDFTextStripper().getText(doc);
    }

    @AfterAll
    static void close() throws IOException {
        doc.close();
    }

    @Test
    void atMostEightA4PagesWithCoverSummaryPrioritiesAndNotes() {
        assertThat(doc.getNumberOfPages()).isBetween(4, BoardPack.MAX_PAGES);
        for (PDPage page : doc.getPages()) {
            float w = page.getMediaBox().getWidth();
            float h = page.getMediaBox().getHeight();
            // A4 is 595 x 842 points, portrait or (the summary) landscape.
            assertThat(Math.min(w, h)).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(Math.max(w, h)).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
        }
        assertThat(text).contains("At a glance").contains("Is neglect rising or falling?").contains("Which targets are red?")
                .contains("How do we compare with England?").contains("Summary: month ending 31 March 2026")
                .contains("About the data and definitions").contains("Synthetic sample data");
        // The cover's "Is it real change" lines keep SPC an acronym (they read "no spc needs 15" before).
        assertThat(text).doesNotContain("no spc").doesNotContain("(spc ");
        // England's rate of neglect plans is worked out from DfE's count (DfE prints no rate by category): said, never "published".
        assertThat(flat(text)).containsPattern("per 10,000 children: [\\d.]+ against England's [\\d.]+ at 31 March \\d{4} "
                + "\\(DfE's count over the same population estimates as ours\\)").doesNotContain("published figure");
        // And that this year's rates use last year's population estimate, so may move: said in the pack too.
        assertThat(flat(text)).contains("Rates per 10,000 children for Apr 2025 to Mar 2026 use ONS's mid-2024 estimate");
        for (String priority : List.of("Knowing our problem", "Right help at the right time", "Seen and heard",
                "A skilled and confident workforce", "Quality of practice", "Health and wellbeing", "Voice of children and families")) {
            assertThat(text).contains(priority);
        }
        // The lead officers' commentary and action sit beside the indicator they speak of.
        assertThat(flat(text)).contains("Roll out the neglect pathway in Bedford and Central Bedfordshire by September.");
    }

    @Test
    void theSummaryShowsEachHeadlineFigureAsIndicatorsCsvHoldsIt() throws IOException {
        IndicatorsFile indicators = IndicatorsFile.read(folder.resolve("indicators.csv"));
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(2);
        stripper.setEndPage(3);
        String summary = flat(stripper.getText(doc));
        int checked = 0;
        for (CSVRecord r : indicators.rows()) {
            if (!r.get("area_code").equals(SampleRun.PARTNERSHIP) || !r.get("period_end").equals("2026-03-31")
                    || !r.get("breakdown").equals("all")) {
                continue;
            }
            String id = r.get("indicator_id");
            if (!List.of("CPP_OPEN_NEG_INIT", "CPP_OPEN_NEG_INIT_PCT", "CIN_OPEN_N1_PCT", "TRAIN_NEG_CUM", "WNB_ALL_PCT").contains(id)) {
                continue;
            }
            String shown = r.get("suppressed").equals("true") ? "[c]" : r.get("value") + (r.get("unit").equals("percent") ? "%" : "");
            assertThat(summary).as(id).contains(shown);
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void taggedWithTitleLanguageAndAltTextOnEveryFigure() {
        var catalog = doc.getDocumentCatalog();
        assertThat(catalog.getLanguage()).isEqualTo("en-GB");
        assertThat(catalog.getMarkInfo()).isNotNull();
        assertThat(catalog.getMarkInfo().isMarked()).isTrue();
        assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
        assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Neglect strategy scorecard: board pack");
        assertThat(catalog.getStructureTreeRoot()).isNotNull();
        List<PDStructureElement> figures = new ArrayList<>();
        List<String> types = new ArrayList<>();
        walk(catalog.getStructureTreeRoot(), figures, types);
        assertThat(types).contains("H1", "H2", "H3", "P", "Table", "TH", "TD", "L", "LI");
        // Every chart (a spark on the summary, a card per indicator) and every icon is a figure with words.
        assertThat(figures).hasSizeGreaterThan(2 * 16);
        for (PDStructureElement f : figures) {
            assertThat(f.getAlternateDescription()).as("a figure without alt text").isNotBlank();
        }
        List<String> alts = figures.stream().map(PDStructureElement::getAlternateDescription).toList();
        assertThat(alts).anyMatch(a -> a.startsWith("SPC chart of share of children on a plan, initial category neglect"));
        assertThat(alts).anyMatch(a -> a.startsWith("Variation: special cause"));
        assertThat(alts).anyMatch(a -> a.startsWith("Assurance: "));
    }

    @Test
    void textIsTextAtNinePointsOrMoreInEmbeddedFonts() throws IOException {
        List<Float> sizes = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String s, List<TextPosition> positions) throws IOException {
                for (TextPosition p : positions) {
                    if (!p.getUnicode().isBlank()) {
                        sizes.add(p.getFontSizeInPt());
                    }
                }
                super.writeString(s, positions);
            }
        };
        stripper.getText(doc);
        assertThat(sizes).hasSizeGreaterThan(5000);
        assertThat(sizes.stream().min(Float::compare).orElseThrow()).isGreaterThanOrEqualTo(8.95f);
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    void pdfUaOneAsVeraPdfChecksIt() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        // The PDF/UA-1 rules ship inside veraPDF's core jar: read from there, so the check needs no network.
        ValidationProfile profile;
        try (InputStream in = ValidationProfile.class.getResourceAsStream("/org/verapdf/pdfa/validation/PDFUA-1.xml")) {
            profile = Profiles.profileFromXml(in);
        }
        assertThat(profile.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFUA_1);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(profile, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().limit(20).toList();
            assertThat(failed).as("PDF/UA-1 failures").isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }

    @Test
    void theSamePackIsAnAccessibleWebPageBesideIt() throws Exception {
        Path html = folder.resolve(NAME + ".html");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Document d;
        try (InputStream in = Files.newInputStream(html)) {
            d = f.newDocumentBuilder().parse(in);
        }
        Element root = d.getDocumentElement();
        assertThat(root.getAttribute("lang")).isEqualTo("en-GB");
        assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Neglect strategy scorecard: board pack");
        NodeList svgs = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isGreaterThan(2 * 16);
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            assertThat(svg.getAttribute("aria-label")).isNotBlank();
        }
        // Nothing is fetched from elsewhere: the page works offline and leaks nothing when opened.
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<script");
        // The web page and the PDF say the same: every heading of the one is text in the other.
        NodeList headings = d.getElementsByTagName("h3");
        assertThat(headings.getLength()).isGreaterThan(16);
        String pdfText = flat(text);
        for (int i = 0; i < headings.getLength(); i++) {
            assertThat(pdfText).contains(flat(headings.item(i).getTextContent()));
        }
    }

    static void walk(PDStructureNode node, List<PDStructureElement> figures, List<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                types.add(e.getStructureType());
                if ("Figure".equals(e.getStructureType())) {
                    figures.add(e);
                }
                walk(e, figures, types);
            }
        }
    }

    /** Text with line breaks and runs of spaces made single spaces, as words wrap differently in the PDF. */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
