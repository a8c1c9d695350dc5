package org.neglectscorecard.scorecard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as every output writes it: UTF-8, "\n" line ends, numbers plain, and any text that a
 * spreadsheet would run as a formula (=, +, -, @ at the start) made inert with a leading quote.
 */
public final class CsvOutput {

    private CsvOutput() {
    }

    public static CSVPrinter open(Path file, String... header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(header).get());
    }

    /** Text from anywhere outside this program: never executable in a spreadsheet. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** A number at the indicator's decimals, plainly: no separators, '.' for decimals. */
    public static String number(BigDecimal value, int decimals) {
        return value == null ? "" : value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A count or population, or an exact decimal without trailing zeros. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
