package org.neglectscorecard.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * English local authorities: the DfE 3-digit code, the 9-character ONS codes DfE's published files
 * have used for it and the name. Built from the old_la_code/new_la_code columns of those files
 * (src/main/resources/reference/la-codes.csv). The 3-digit code is the LA's identity: an LA's
 * figures form one series whatever its 9-character code was at the time (Buckinghamshire's changed
 * in 2020, North Yorkshire's and Somerset's in 2023), labelled with its current code. An LA that
 * split or merged has a new 3-digit code, so its series ends and the new LAs' begin.
 * <p>
 * Where an LA (or its 9-character code) began or ended within the years the program covers, the
 * file says when ({@code valid_from}, {@code valid_to}: the first and last day, blank for "before"
 * and "still"), and, for an LA that ended, the LAs that took it over ({@code replaced_by}): Dorset
 * 835, Bournemouth 837 and Poole 836 on 31 March 2019 (Dorset 838, Bournemouth, Christchurch and
 * Poole 839), Buckinghamshire's code in 2020, Northamptonshire 928 in 2021 (940, 941), Cumbria 909
 * in 2023 (942, 943), North Yorkshire's and Somerset's codes in 2023. A name two LAs have had
 * (Dorset) is told apart by the date a row is for.
 */
@Component
public class LaDirectory {

    /**
     * @param validFrom  the first day the LA had this code pair, or null if before the years covered
     * @param validTo    the last day, or null if it still has it
     * @param replacedBy the 3-digit codes of the LAs that took the LA over the day after {@code validTo}
     */
    public record La(String code3, String code9, String name, String regionCode, String regionName, int firstYear,
                     int lastYear, LocalDate validFrom, LocalDate validTo, List<String> replacedBy) {

        public boolean validOn(LocalDate date) {
            return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
        }
    }

    private final List<La> all = new ArrayList<>();

    public LaDirectory() {
        try (InputStream in = LaDirectory.class.getResourceAsStream("/reference/la-codes.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/la-codes.csv is missing from the build");
            }
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                all.add(new La(r.get("old_la_code"), r.get("new_la_code"), r.get("la_name"), r.get("region_code"),
                        r.get("region_name"), Integer.parseInt(r.get("first_year")), Integer.parseInt(r.get("last_year")),
                        day(r.get("valid_from")), day(r.get("valid_to")),
                        r.get("replaced_by").isBlank() ? List.of() : List.of(r.get("replaced_by").strip().split("\\s+"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate day(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }

    public List<La> all() {
        return List.copyOf(all);
    }

    /** The 3-digit code for a 3-digit or 9-character code (or "821.0" from a spreadsheet). */
    public Optional<String> code3(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase();
        if (c.endsWith(".0")) {
            c = c.substring(0, c.length() - 2);
        }
        String wanted = c;
        if (c.length() == 9) {
            return all.stream().filter(la -> la.code9().equals(wanted)).map(La::code3).findFirst();
        }
        return all.stream().anyMatch(la -> la.code3().equals(wanted)) ? Optional.of(wanted) : Optional.empty();
    }

    /**
     * The LA as its series is labelled: the 9-character code in use most recently (for an LA that
     * no longer exists, the last it had), whatever year the data is for.
     */
    public Optional<La> current(String code3) {
        return all.stream().filter(la -> la.code3().equals(code3))
                .max(Comparator.comparingInt(La::lastYear).thenComparingInt(La::firstYear));
    }

    /**
     * The LA as known in the reporting year ending 31 March {@code year}: among the codes DfE has
     * used for it that year, the one in use longest afterwards.
     */
    public Optional<La> inYear(String code3, int year) {
        List<La> candidates = all.stream().filter(la -> la.code3().equals(code3)).toList();
        Comparator<La> newest = Comparator.comparingInt(La::lastYear).thenComparingInt(La::firstYear);
        Optional<La> covering = candidates.stream()
                .filter(la -> la.firstYear() <= year && year <= la.lastYear())
                .max(newest);
        return covering.isPresent() ? covering : candidates.stream().max(newest);
    }

    /** Whether the LA existed on the date (under any of its codes). */
    public boolean existsOn(String code3, LocalDate date) {
        return all.stream().anyMatch(la -> la.code3().equals(code3) && la.validOn(date));
    }

    /** The day the LA began, if it began within the years covered (Dorset 838: 1 April 2019). */
    public Optional<LocalDate> began(String code3) {
        List<La> rows = all.stream().filter(la -> la.code3().equals(code3)).toList();
        return rows.isEmpty() || rows.stream().anyMatch(la -> la.validFrom() == null) ? Optional.empty()
                : rows.stream().map(La::validFrom).min(Comparator.naturalOrder());
    }

    /** The last day of an LA that no longer exists (Dorset 835: 31 March 2019). */
    public Optional<LocalDate> ended(String code3) {
        List<La> rows = all.stream().filter(la -> la.code3().equals(code3)).toList();
        return rows.isEmpty() || rows.stream().anyMatch(la -> la.validTo() == null) ? Optional.empty()
                : rows.stream().map(La::validTo).max(Comparator.naturalOrder());
    }

    /** The LAs that took over an LA that ended (Northamptonshire 928: 940 and 941), else none. */
    public List<String> replacedBy(String code3) {
        return all.stream().filter(la -> la.code3().equals(code3)).flatMap(la -> la.replacedBy().stream()).distinct().toList();
    }
}
