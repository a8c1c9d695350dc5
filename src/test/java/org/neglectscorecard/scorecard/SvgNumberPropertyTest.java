package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The SVG's coordinates are written as String.format("%.2f") wrote them before it was replaced
 * for speed: the same text for every value, so the drawings do not change.
 */
class SvgNumberPropertyTest {

    @Property(tries = 20_000)
    void writtenAsTheFormatWroteThem(@ForAll @DoubleRange(min = -1e7, max = 1e7) double d) {
        if (d != Math.rint(d)) {
            assertThat(Svg.number(d)).isEqualTo(String.format(Locale.ROOT, "%.2f", d));
        }
    }

    @Property(tries = 20_000)
    void halvesAndThirdsOfACentToo(@ForAll @DoubleRange(min = -1e4, max = 1e4) double d) {
        double nearHalf = Math.round(d * 200) / 200.0;   // values ending in 5 at the third place, where rounding decides
        if (nearHalf != Math.rint(nearHalf)) {
            assertThat(Svg.number(nearHalf)).isEqualTo(String.format(Locale.ROOT, "%.2f", nearHalf));
        }
    }

    @Example
    void edges() {
        for (double d : new double[] {0.005, 1.005, 2.675, -0.001, -0.005, -1.005, 0.125, 1e-9, -1e-9, 12.5, -12.5}) {
            assertThat(Svg.number(d)).as(String.valueOf(d)).isEqualTo(d == Math.rint(d) ? String.valueOf((long) d)
                    : String.format(Locale.ROOT, "%.2f", d));
        }
        assertThat(Svg.number(3.0)).isEqualTo("3");
        assertThat(Svg.number(-0.001)).isEqualTo("-0.00");
    }
}
