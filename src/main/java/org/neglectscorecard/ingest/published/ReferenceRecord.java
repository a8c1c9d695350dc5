package org.neglectscorecard.ingest.published;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A row of reference data, read and checked. */
public sealed interface ReferenceRecord {

    int sourceRow();

    /** One value of a DfE file: null value with the symbol DfE wrote instead (c, x, z, u, k, :, ..). */
    record Cell(String column, BigDecimal value, String symbol) {
    }

    /**
     * A row of a DfE published file.
     *
     * @param fileKey    the file's name without its years (d4_cpps_at31march_by_category_of_abuse)
     * @param timePeriod the year the reporting year ends in
     * @param filters    the row's descriptive values, "column=value|column=value", in file order
     */
    record DfeRow(String fileKey, int timePeriod, String level, String areaCode, String oldLaCode, String filters,
                  List<Cell> cells, int sourceRow) implements ReferenceRecord {
    }

    record Neighbours(String laCode3, List<String> neighbours, int sourceRow) implements ReferenceRecord {
    }

    /** @param sex 'M' or 'F' for a file giving children by sex, null for all children */
    record Population(String laCode9, int midYear, int children, String sex, int sourceRow) implements ReferenceRecord {
    }

    record Target(String indicatorId, String areaCode, LocalDate periodEnd, BigDecimal target, BigDecimal amberTolerance,
                  int sourceRow) implements ReferenceRecord {
    }

    record Commentary(String indicatorId, LocalDate periodEnd, String commentary, String action, String owner,
                      int sourceRow) implements ReferenceRecord {
    }
}
