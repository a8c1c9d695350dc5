package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A date written yyyy-mm-dd is read (by the quick path for plain ISO dates) exactly as Java's
 * strict ISO formatter reads it: the same date, or refused where there is no such day or the year
 * is not plausible.
 */
class IsoDatePropertyTest {

    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Property(tries = 3000)
    void aPlainIsoDateIsTheFormattersDate(@ForAll @IntRange(min = 1890, max = 2110) int year,
                                          @ForAll @IntRange(min = 0, max = 19) int month,
                                          @ForAll @IntRange(min = 0, max = 39) int day) {
        String written = String.format("%04d-%02d-%02d", year, month, day);
        LocalDate expected;
        try {
            expected = LocalDate.parse(written, STRICT);
        } catch (DateTimeException e) {
            expected = null;
        }
        if (expected != null && !expected.isBefore(Values.EARLIEST_DATE) && !expected.isAfter(Values.LATEST_DATE)) {
            assertThat(Values.date(written)).contains(expected);
            assertThat(Values.date(" " + written + " ")).contains(expected);
        } else {
            assertThatThrownBy(() -> Values.date(written)).as(written).isInstanceOf(Values.BadValue.class);
        }
    }
}
