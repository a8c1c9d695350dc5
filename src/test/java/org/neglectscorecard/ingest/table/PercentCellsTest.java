package org.neglectscorecard.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A cell shown as a percentage is read as the person sees it: Excel keeps 40% as 0.4. */
class PercentCellsTest {

    @Test
    void aPercentFormatIsOneWithAPercentSignOutsideQuotesAndEscapes() {
        assertThat(XlsxSheetReader.isPercentFormat("0%")).isTrue();
        assertThat(XlsxSheetReader.isPercentFormat("0.0%")).isTrue();
        assertThat(XlsxSheetReader.isPercentFormat("#,##0.00%;[Red]-#,##0.00%")).isTrue();
        assertThat(XlsxSheetReader.isPercentFormat("0\"%\"")).isFalse();   // a literal sign after a plain number
        assertThat(XlsxSheetReader.isPercentFormat("0\\%")).isFalse();
        assertThat(XlsxSheetReader.isPercentFormat("General")).isFalse();
        assertThat(XlsxSheetReader.isPercentFormat(null)).isFalse();
    }

    @Test
    void aPercentageIsItsFractionTimesAHundred() {
        assertThat(XlsxSheetReader.percent(new BigDecimal("0.4"))).isEqualTo("40%");
        assertThat(XlsxSheetReader.percent(new BigDecimal("0.125"))).isEqualTo("12.5%");
        assertThat(XlsxSheetReader.percent(new BigDecimal("1"))).isEqualTo("100%");
        assertThat(XlsxSheetReader.percent(new BigDecimal("0.95499999999999996"))).isEqualTo("95.5%");   // as the file keeps 95.5%
    }
}
