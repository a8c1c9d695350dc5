package org.neglectscorecard.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

/** A cell reference's column, read by hand, is the column POI reads; beyond Excel's last it is refused. */
class CellColumnTest {

    @Test
    void theColumnIsPoisColumn() {
        for (String ref : new String[] {"A1", "Z9", "AA1", "AZ10", "BA2", "ZZ3", "AAA4", "XFD1048576", "ab3", "$C$7"}) {
            assertThat(XlsxSheetReader.column(ref)).as(ref).isEqualTo(new CellReference(ref).getCol());
        }
        assertThat(XlsxSheetReader.column("XFE1")).isEqualTo(16_384);   // refused by the reader: beyond column XFD
        assertThat(XlsxSheetReader.column("ABCD1")).isEqualTo(-1);
    }
}
