package org.neglectscorecard.scorecard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.neglectscorecard.benchmark.Targets;

/**
 * The scorecard's one visual language, drawn by the program (no copied images), the same in the
 * workbook, the charts, the board pack and its web page:
 * <ul>
 * <li>Making Data Count's variation icons: a ring with a run of dots; special cause marked H (high)
 * or L (low) with its last dots raised or lowered, blue for improvement, orange for concern,
 * purple where there is no better direction, grey for common cause;</li>
 * <li>its assurance icons: P (the target is met every month: pass) in blue, F (missed every month:
 * fail) in orange, ? (hit and miss) in grey;</li>
 * <li>RAG against target as a filled disc with a tick (green), ! (amber) or a cross (red).</li>
 * </ul>
 * Direction of travel is never an icon: it is a triangle (up, down) or = in the text, so no symbol
 * means two things. Every icon has words: {@link Icon#words()} is its alt text and is written beside it.
 */
public final class Icons {

    /** Improvement (Making Data Count's blue, darkened to 3:1 contrast on white or more). */
    public static final Color IMPROVEMENT = new Color(0x005EB8);
    /** Concern (Making Data Count's orange, darkened likewise). */
    public static final Color CONCERN = new Color(0xC55A00);
    /** Special cause with no better direction. */
    public static final Color NEITHER = new Color(0x490092);
    /** Common cause, and hit and miss. */
    public static final Color COMMON = new Color(0x6F6F6F);
    public static final Color GREEN = new Color(0x007A3D);
    public static final Color AMBER = new Color(0xFFB81C);
    public static final Color RED = new Color(0xC8102E);
    public static final Color INK = new Color(0x212B32);

    /** Every icon the scorecard draws. */
    public enum Icon {
        VARIATION_IMPROVEMENT_HIGH("Variation: special cause, improvement, high", IMPROVEMENT, "H", 1),
        VARIATION_IMPROVEMENT_LOW("Variation: special cause, improvement, low", IMPROVEMENT, "L", -1),
        VARIATION_CONCERN_HIGH("Variation: special cause, concern, high", CONCERN, "H", 1),
        VARIATION_CONCERN_LOW("Variation: special cause, concern, low", CONCERN, "L", -1),
        VARIATION_NEITHER_HIGH("Variation: special cause, higher, no better direction", NEITHER, "H", 1),
        VARIATION_NEITHER_LOW("Variation: special cause, lower, no better direction", NEITHER, "L", -1),
        VARIATION_COMMON("Variation: common cause, the usual ups and downs", COMMON, null, 0),
        ASSURANCE_PASS("Assurance: the target is met every month (pass)", IMPROVEMENT, "P", 0),
        ASSURANCE_FAIL("Assurance: the target is missed every month (fail)", CONCERN, "F", 0),
        ASSURANCE_HIT_AND_MISS("Assurance: the target is met or missed by chance (hit and miss)", COMMON, "?", 0),
        RAG_GREEN("Green: on target", GREEN, null, 0),
        RAG_AMBER("Amber: near target", AMBER, null, 0),
        RAG_RED("Red: off target", RED, null, 0);

        private final String words;
        private final Color colour;
        private final String letter;
        private final int side;

        Icon(String words, Color colour, String letter, int side) {
            this.words = words;
            this.colour = colour;
            this.letter = letter;
            this.side = side;
        }

        /** What the icon says, as alt text and as the words beside it. */
        public String words() {
            return words;
        }

        public Color colour() {
            return colour;
        }

        public String fileName() {
            return name().toLowerCase(java.util.Locale.UK).replace('_', '-');
        }

        boolean variation() {
            return name().startsWith("VARIATION");
        }

        boolean rag() {
            return name().startsWith("RAG");
        }
    }

    private Icons() {
    }

    /** The variation icon for a reading, or null where there is no SPC (no icon: the words say why). */
    public static Icon of(Spc.Variation v) {
        return switch (v) {
            case IMPROVEMENT_HIGH -> Icon.VARIATION_IMPROVEMENT_HIGH;
            case IMPROVEMENT_LOW -> Icon.VARIATION_IMPROVEMENT_LOW;
            case CONCERN_HIGH -> Icon.VARIATION_CONCERN_HIGH;
            case CONCERN_LOW -> Icon.VARIATION_CONCERN_LOW;
            case NEITHER_HIGH -> Icon.VARIATION_NEITHER_HIGH;
            case NEITHER_LOW -> Icon.VARIATION_NEITHER_LOW;
            case COMMON_CAUSE -> Icon.VARIATION_COMMON;
            default -> null;
        };
    }

    /** The assurance icon, or null where there is no target or no SPC to judge it by. */
    public static Icon of(Spc.Assurance a) {
        return switch (a) {
            case CONSISTENTLY_MET -> Icon.ASSURANCE_PASS;
            case CONSISTENTLY_MISSED -> Icon.ASSURANCE_FAIL;
            case EITHER_WAY -> Icon.ASSURANCE_HIT_AND_MISS;
            default -> null;
        };
    }

    public static Icon of(Targets.Rag rag) {
        if (rag == null) {
            return null;
        }
        return switch (rag) {
            case GREEN -> Icon.RAG_GREEN;
            case AMBER -> Icon.RAG_AMBER;
            case RED -> Icon.RAG_RED;
        };
    }

    /** Draws the icon in the square (x, y, size). */
    public static void draw(Graphics2D g, Icon icon, double x, double y, double size) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.translate(x, y);
            g2.scale(size / 100.0, size / 100.0);
            if (icon.rag()) {
                rag(g2, icon);
            } else {
                ring(g2, icon);
            }
        } finally {
            g2.dispose();
        }
    }

    /** On a 100 x 100 square: a white disc with a coloured ring, then dots and a letter, or a letter alone. */
    private static void ring(Graphics2D g, Icon icon) {
        Ellipse2D disc = new Ellipse2D.Double(6, 6, 88, 88);
        g.setColor(Color.WHITE);
        g.fill(disc);
        g.setColor(icon.colour());
        g.setStroke(new BasicStroke(8f));
        g.draw(disc);
        if (icon.variation()) {
            // Common cause: a row of dots wandering about a level; special cause: the last three step away, H or L above.
            double[] common = {0, -5, 3, -4, 5, -3, 2};
            for (int i = 0; i < 7; i++) {
                double dx = 26 + i * 8;
                double dy = icon.letter == null ? 52 + common[i] : 66 + common[i] / 2;
                if (icon.side != 0 && i >= 4) {
                    dy -= icon.side * (i - 3) * 4.5;
                }
                g.setColor(icon.side != 0 && i >= 4 ? icon.colour() : COMMON);
                g.fill(new Ellipse2D.Double(dx - 4, dy - 4, 8, 8));
            }
            if (icon.letter != null) {
                g.setColor(icon.colour());
                g.fill(letter(icon.letter, 50, 34, 26));
            }
        } else {
            g.setColor(icon.colour());
            g.fill(letter(icon.letter, 50, 50, 52));
        }
    }

    private static void rag(Graphics2D g, Icon icon) {
        Ellipse2D disc = new Ellipse2D.Double(4, 4, 92, 92);
        g.setColor(icon.colour());
        g.fill(disc);
        g.setStroke(new BasicStroke(13f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        switch (icon) {
            case RAG_GREEN -> {
                g.setColor(Color.WHITE);
                Path2D tick = new Path2D.Double();
                tick.moveTo(28, 52);
                tick.lineTo(44, 68);
                tick.lineTo(73, 35);
                g.draw(tick);
            }
            case RAG_AMBER -> {
                g.setColor(INK);
                g.draw(new java.awt.geom.Line2D.Double(50, 24, 50, 58));
                g.fill(new Ellipse2D.Double(43, 68, 14, 14));
            }
            default -> {
                g.setColor(Color.WHITE);
                g.draw(new java.awt.geom.Line2D.Double(32, 32, 68, 68));
                g.draw(new java.awt.geom.Line2D.Double(68, 32, 32, 68));
            }
        }
    }

    /** A letter as an outline centred on (cx, cy) with the given cap height: the same shape whatever fonts a reader has. */
    private static Shape letter(String text, double cx, double cy, double capHeight) {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 100);
        GlyphVector gv = font.createGlyphVector(new FontRenderContext(null, true, true), text);
        Shape outline = gv.getOutline();
        Rectangle2D b = outline.getBounds2D();
        double scale = capHeight / b.getHeight();
        AffineTransform t = new AffineTransform();
        t.translate(cx - b.getCenterX() * scale, cy - b.getCenterY() * scale);
        t.scale(scale, scale);
        return t.createTransformedShape(outline);
    }

    /** The icon as a PNG, size pixels square (for the workbook). */
    public static byte[] png(Icon icon, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        draw(g, icon, 0, 0, size);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The icon as an inline SVG element of the given size in CSS pixels, with its words as alt text. */
    public static String svg(Icon icon, double size) {
        SVGGraphics2D g = new SVGGraphics2D(100, 100);
        g.setGeomDoubleConverter(Svg::number);
        g.setTransformDoubleConverter(Svg::number);
        draw(g, icon, 0, 0, 100);
        String svg = g.getSVGElement(null, false, new ViewBox(0, 0, 100, 100), null, null);
        return Svg.accessible(svg, icon.words(), size, size);
    }
}
