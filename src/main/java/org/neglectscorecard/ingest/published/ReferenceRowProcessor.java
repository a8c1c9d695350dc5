package org.neglectscorecard.ingest.published;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.RowCheck;
import org.neglectscorecard.ingest.RowCheck.Shown;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.Values;
import org.neglectscorecard.reference.LaDirectory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads reference data rows. DfE files are read as downloaded: a column holding a number or one of
 * DfE's symbols is a value (a symbol is kept as what it means, never as zero); any other column
 * that is not the row's geography describes the row (category, characteristic, ...), so files of
 * any layout, wide or long, are read alike.
 */
public class ReferenceRowProcessor implements ItemProcessor<SourceRow, ParsedRow<ReferenceRecord>> {

    /** DfE's symbols for values it does not give: suppressed, not available, not applicable, low reliability, less than half. */
    public static final Set<String> SYMBOLS = Set.of("c", "x", "z", "u", "k", ":", "..", "low");
    private static final Set<String> GEOGRAPHY = Set.of("time_period", "time_identifier", "geographic_level", "country_code",
            "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "lad_code", "lad_name",
            "pcon_code", "pcon_name");
    /** A figure, with or without thousands separators ("64,390": the file re-saved by Excel). */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+|[1-9]\\d{0,2}(,\\d{3})+)(\\.\\d+)?");
    private static final Pattern YEARS_IN_NAME = Pattern.compile("(_\\d{4})?(_to_\\d{4})?$");

    private final String fileKey;
    private final LaDirectory las;

    /** @param fileName the file's name as downloaded: DfE's name without its years identifies the file */
    public ReferenceRowProcessor(String fileName, LaDirectory las) {
        this.fileKey = fileKey(fileName);
        this.las = las;
    }

    public static String fileKey(String fileName) {
        String base = fileName.replaceFirst("\\.[A-Za-z]+$", "");
        return YEARS_IN_NAME.matcher(base).replaceFirst("").toLowerCase(Locale.ROOT);
    }

    /**
     * Rows that hold nothing this program uses, passed over as they are read and not counted: a
     * DfE file's geographies other than England, regions and LAs; a population file's other levels,
     * age groups and missing estimates ('x' for an LA before a merger: never zero); a neighbours
     * file's notes and blank lines at its foot, and LAs it gives no neighbours for.
     */
    public static boolean passedOver(SourceRow row) {
        ReferenceTable table = ReferenceTable.byTitle(row.table());
        String level = Values.text(row.value("geographic_level")).orElse("");
        return switch (table) {
            case DFE_PUBLISHED -> !Set.of("National", "Regional", "Local authority").contains(level);
            case POPULATION -> !"Local authority".equals(level)
                    || !Values.text(row.value("age_group")).orElse("0 to 17").contains("0 to 17")
                    || SYMBOLS.contains(Values.text(row.value("population_estimate")).orElse("").toLowerCase(Locale.ROOT));
            case STAT_NEIGHBOURS -> {
                String la = Values.text(row.value("LA num")).or(() -> Values.text(row.value("old_la_code"))).orElse(null);
                boolean any = false;
                for (int k = 1; k <= 10; k++) {
                    // A code, or an LA's name (a groupings file kept with names): read by the processor, which knows the LAs.
                    any |= Values.text(row.value("SN" + k)).orElse("").matches("\\d{3}|.*\\p{L}.*");
                }
                yield la == null || !la.matches("\\d{3}") || !any;
            }
            default -> false;
        };
    }

    @Override
    public ParsedRow<ReferenceRecord> process(SourceRow row) {
        ReferenceTable table = ReferenceTable.byTitle(row.table());
        RowCheck check = new RowCheck(row);
        return switch (table) {
            case DFE_PUBLISHED -> dfe(row, check);
            case POPULATION -> population(row, check);
            case STAT_NEIGHBOURS -> neighbours(row, check);
            case TARGETS -> target(row, check);
            case COMMENTARY -> commentary(row, check);
        };
    }

    /** Null (the row is passed over) for geographies other than England, regions and LAs. */
    private ParsedRow<ReferenceRecord> dfe(SourceRow row, RowCheck check) {
        String level = Values.text(row.value("geographic_level")).orElse("");
        String area = switch (level) {
            case "National" -> row.value("country_code");
            case "Regional" -> row.value("region_code");
            case "Local authority" -> row.value("new_la_code");
            default -> null;
        };
        if (area == null) {
            return null;
        }
        Integer year = year(check);
        List<ReferenceRecord.Cell> cells = new ArrayList<>();
        StringBuilder filters = new StringBuilder();
        List<String> names = row.header().names();
        for (int i = 0; i < names.size() && i < row.values().length; i++) {
            String name = names.get(i).strip().replace("\uFEFF", "");
            if (GEOGRAPHY.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String v = row.values()[i] == null ? "" : row.values()[i].strip();
            if (NUMBER.matcher(v).matches()) {
                cells.add(new ReferenceRecord.Cell(name, new BigDecimal(v.replace(",", "")), null));
            } else if (SYMBOLS.contains(v.toLowerCase(Locale.ROOT))) {
                cells.add(new ReferenceRecord.Cell(name, null, v));
            } else if (!v.isEmpty()) {
                filters.append(filters.length() == 0 ? "" : "|").append(name).append('=').append(v);
            }
        }
        if (cells.isEmpty()) {
            check.fail(null, null, "This row gives no figure (every value column is blank), so there is nothing to keep: "
                    + "download the file again from explore-education-statistics");
        }
        String old = Values.text(row.value("old_la_code")).orElse(null);
        return check.result(new ReferenceRecord.DfeRow(fileKey, year == null ? 0 : year, level, Values.text(area).orElse(null),
                old == null || old.length() > 3 ? null : old, filters.length() > 400 ? filters.substring(0, 400) : filters.toString(),
                cells, row.rowNumber()));
    }

    /** 2022 is the year to 31 March 2022; so is 202122. */
    private static Integer year(RowCheck check) {
        String v = Values.text(check.row().value("time_period")).orElse("");
        if (v.matches("\\d{4}")) {
            return Integer.parseInt(v);
        }
        if (v.matches("\\d{6}")) {
            return 2000 + Integer.parseInt(v.substring(4));
        }
        check.fail("time_period", Rejection.shown(v), "is not a year (2022) or a reporting year (202122)");
        return null;
    }

    private ParsedRow<ReferenceRecord> population(SourceRow row, RowCheck check) {
        if (!"Local authority".equals(Values.text(row.value("geographic_level")).orElse(""))) {
            return null;
        }
        String group = Values.text(row.value("age_group")).orElse("");
        if (!group.isEmpty() && !group.contains("0 to 17")) {
            return null;
        }
        String estimate = Values.text(row.value("population_estimate")).orElse("");
        if (SYMBOLS.contains(estimate.toLowerCase(Locale.ROOT))) {
            return null;   // no estimate for that LA that year (e.g. 'x' for an LA before a merger): nothing to load, and never zero
        }
        String sex = sex(row);
        if (NOT_A_SEX.equals(sex)) {
            return null;   // "Unknown", "Not stated": a part of the children, never all of them
        }
        if (sex != null && !notedSex) {
            notedSex = true;
            check.note(sexColumn(row), row.value(sexColumn(row)).strip(),
                    "This file gives children by sex: for each LA and year its Total row is used, or Male and Female added "
                    + "together where it has none. (Said once for this file, at its first such row.)");
        }
        Integer year = year(check);
        String code = Values.text(row.value("new_la_code")).orElse(null);
        Integer children = check.parse("population_estimate", true, Shown.VALUE, v -> Values.wholeNumber(v).orElse(null));
        if (code == null) {
            check.fail("new_la_code", null, "new_la_code is empty: every LA row needs one");
        }
        return check.result(new ReferenceRecord.Population(code, year == null ? 0 : year, children == null ? 0 : children, sex,
                row.rowNumber()));
    }

    private static final String NOT_A_SEX = "?";
    private boolean notedSex;

    /**
     * 'M', 'F', null for all children (no sex column, or Total), or {@link #NOT_A_SEX} for a part
     * that is neither (Unknown).
     */
    private static String sexColumn(SourceRow row) {
        return row.header().has("sex") ? "sex" : "gender";
    }

    private static String sex(SourceRow row) {
        String v = Values.text(row.value(sexColumn(row))).orElse("").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "total", "all", "all persons", "persons", "people", "both", "both sexes", "all children" -> null;
            case "male", "males", "m", "boys", "boy" -> "M";
            case "female", "females", "f", "girls", "girl" -> "F";
            default -> NOT_A_SEX;
        };
    }

    /** Read by position: the 2021 file repeats its "SNP" heading after every neighbour. */
    private ParsedRow<ReferenceRecord> neighbours(SourceRow row, RowCheck check) {
        String la = Values.text(row.value("LA num")).or(() -> Values.text(row.value("old_la_code"))).orElse(null);
        if (la == null || !la.matches("\\d{3}")) {
            return null;   // notes and blank lines at the foot of the file
        }
        List<String> neighbours = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            String n = Values.text(row.value("SN" + k)).orElse(null);
            if (n != null && n.matches("\\d{3}")) {
                neighbours.add(n);
            } else if (n != null) {
                // An LA's name ("Bedford", "Luton Borough Council") or 9-character code is that LA's 3-digit code.
                Optional<String> code = las.code3(n);
                Optional<RowCheck.LaName> named = code.isPresent() ? Optional.empty() : RowCheck.laByName(las, n, null, null);
                if (code.isEmpty() && named.isPresent() && named.get().code3() != null) {
                    code = Optional.of(named.get().code3());
                }
                if (code.isPresent()) {
                    neighbours.add(code.get());
                } else {
                    // A name two LAs have had (Dorset) says which it could be; anything else is no LA.
                    // Shown as written: a neighbours file holds LAs, never a child's details.
                    check.leaveOut("SN" + k, n, named.map(RowCheck.LaName::problem)
                            .orElse("'" + n + "' is not an LA's code or name") + ", so this neighbour is left out");
                }
            }
        }
        return check.result(new ReferenceRecord.Neighbours(la, neighbours, row.rowNumber()));
    }

    private ParsedRow<ReferenceRecord> target(SourceRow row, RowCheck check) {
        String id = indicatorId(check);
        String area = area(check);
        LocalDate period = monthEnd(check);
        BigDecimal target = check.parse("target", true, Shown.VALUE, ReferenceRowProcessor::decimal);
        if (target == null && Values.isBlank(row.value("target"))) {
            check.fail("target", null, "target is empty: every row needs one");
        }
        BigDecimal tolerance = check.parse("amber_tolerance", true, Shown.VALUE, ReferenceRowProcessor::decimal);
        if (tolerance != null && tolerance.signum() < 0) {
            check.fail("amber_tolerance", tolerance.toPlainString(), "a tolerance is how far off target still counts as amber: it cannot be negative");
        }
        return check.result(new ReferenceRecord.Target(id == null ? null : id.toUpperCase(Locale.ROOT), area, period, target,
                tolerance == null ? BigDecimal.ZERO : tolerance, row.rowNumber()));
    }

    private ParsedRow<ReferenceRecord> commentary(SourceRow row, RowCheck check) {
        String id = indicatorId(check);
        LocalDate period = monthEnd(check);
        return check.result(new ReferenceRecord.Commentary(id == null ? null : id.toUpperCase(Locale.ROOT), period,
                cut(row.value("commentary"), 2000), cut(row.value("action"), 2000), cut(row.value("owner"), 200), row.rowNumber()));
    }

    /** The longest indicator id or title the store keeps (an id is short; a title typed in its place is read too). */
    static final int MAX_ID = 200;
    /** The longest area the store keeps: a 9-character code, a partnership's id or an LA's name. */
    static final int MAX_AREA = 40;

    private static String indicatorId(RowCheck check) {
        String id = check.required("indicator_id", Shown.VALUE);
        if (id != null && id.length() > MAX_ID) {
            check.fail("indicator_id", Rejection.shown(id), "is neither an indicator id nor a title (the ids are the first "
                    + "column of indicators.csv, for example CPP_OPEN_NEG_INIT_PCT)");
            return null;
        }
        return id;
    }

    /** An LA by either code (stored as the 9-character code), or the partnership's id as written. */
    private String area(RowCheck check) {
        String v = check.required("area_code", Shown.VALUE);
        if (v == null) {
            return null;
        }
        if (v.length() > MAX_AREA) {
            check.fail("area_code", Rejection.shown(v), "is not an area this program knows: give an LA's code (821 or "
                    + "E06000032) or name, or the partnership's id");
            return null;
        }
        String code = v.replaceFirst("\\.0+$", "");
        if (code.matches("\\d{3}")) {
            return las.code3(code).flatMap(las::current).map(LaDirectory.La::code9).orElse(code);
        }
        return code;
    }

    /** Targets and commentary are for a month end: a date inside the month means its end. */
    private static LocalDate monthEnd(RowCheck check) {
        LocalDate d = check.date("period_end", true, Shown.VALUE);
        if (d == null && Values.isBlank(check.row().value("period_end"))) {
            check.fail("period_end", null, "period_end is empty: every row needs the month end it is for");
        }
        return d == null ? null : d.withDayOfMonth(d.lengthOfMonth());
    }

    private static BigDecimal decimal(String v) {
        if (Values.isBlank(v)) {
            return null;
        }
        // As people type them: "90 %", "12.5%", "1,000".
        String n = v.strip().replaceFirst("\\s*%$", "");
        if (!NUMBER.matcher(n).matches()) {
            throw new Values.BadValue("is not a number: write it as digits, such as 90, 12.5 or 1000 (a percentage with or "
                    + "without its %)");
        }
        return new BigDecimal(n.replace(",", ""));
    }

    private static String cut(String v, int max) {
        return Values.text(v).map(s -> s.length() > max ? s.substring(0, max) : s).orElse(null);
    }
}
