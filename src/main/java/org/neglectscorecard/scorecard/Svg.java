package org.neglectscorecard.scorecard;

import java.util.Locale;
import java.util.function.Consumer;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * Inline SVG for the board pack and its web page: drawn with JFreeSVG, given a size, and made
 * accessible: role="img" and aria-label for browsers, a title element, and alt for the PDF renderer,
 * which tags the picture as a figure with that alternative text.
 */
final class Svg {

    private Svg() {
    }

    /**
     * Draws on a canvas of width x height units and returns the SVG element, shown at the given size
     * in CSS pixels. The prefix keeps the ids of one picture's clip paths apart from another's on the
     * same page, and makes the output the same on every run.
     */
    static String draw(String prefix, double width, double height, Consumer<SVGGraphics2D> painter, String alt, double shownWidth,
                       double shownHeight) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Text as outlines: the picture looks the same in every browser and in the PDF, needing no font; its
        // words are in the alt text.
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        g.setDefsKeyPrefix(prefix);
        g.setGeomDoubleConverter(Svg::number);
        g.setTransformDoubleConverter(Svg::number);
        painter.accept(g);
        String svg = g.getSVGElement(prefix + "svg", false, new ViewBox(0, 0, width, height), null, null);
        return accessible(svg, alt, shownWidth, shownHeight);
    }

    /**
     * A coordinate as the SVG gives it: a whole number bare, else to two places, as
     * String.format("%.2f") would write it (half up from the shortest decimal form, a negative
     * rounding to zero keeping its sign), which it was: a quarter of the board pack's drawing time
     * went in parsing that format for every coordinate (JFR, the sample: 52 of 222 samples).
     */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e9) {
            return String.valueOf((long) d);
        }
        if (!Double.isFinite(d)) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        String s = java.math.BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        return d < 0 && s.charAt(0) != '-' ? "-" + s : s;
    }

    /** Adds size, role, label, alt and title to an svg element. */
    static String accessible(String svg, String alt, double width, double height) {
        int tagEnd = svg.indexOf('>');
        String open = svg.substring(0, tagEnd);
        boolean selfClosed = open.endsWith("/");
        if (selfClosed) {
            open = open.substring(0, open.length() - 1);
        }
        String text = escape(alt);
        String attributes = " width=\"" + number(width) + "\" height=\"" + number(height) + "\" role=\"img\" aria-label=\"" + text
                + "\" alt=\"" + text + "\"";
        String rest = selfClosed ? "></svg>" : svg.substring(tagEnd);
        return open + attributes + ">" + "<title>" + text + "</title>" + rest.substring(1);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
