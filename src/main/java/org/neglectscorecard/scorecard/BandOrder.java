package org.neglectscorecard.scorecard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order a breakdown's groups are read in: DfE's, from the same reference files the indicators
 * are computed with (age bands by their sort order, ethnic groups as DfE lists them), never as
 * text ("1-4", "10-15", "16+", "5-9"). Groups a list does not know come after, alphabetically; "Not
 * known" and its like come last.
 */
final class BandOrder {

    private static final List<String> LAST = List.of("not known", "not specified", "refused or not obtained", "other");
    private final Map<String, List<String>> orders = new HashMap<>();

    BandOrder() {
        orders.put("age_band", column("age-bands.csv", 0, 3));
        orders.put("ethnicity", column("ethnicity-groups.csv", 1, -1));
        orders.put("gender", List.of("Male", "Female"));
        orders.put("disability", List.of("Disabled", "Not disabled"));
    }

    /** Orders "dimension=group" breakdowns: by dimension as given, then by group in its band order. */
    Comparator<String> breakdowns(List<String> dimensions) {
        return Comparator.comparing((String b) -> {
            int i = dimensions.indexOf(dimension(b));
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(BandOrder::dimension).thenComparing(b -> rank(dimension(b), group(b)))
                .thenComparing(b -> group(b).toLowerCase(Locale.UK));
    }

    int rank(String dimension, String group) {
        String g = group.toLowerCase(Locale.UK);
        int last = LAST.indexOf(g);
        if (last >= 0 && !orders.getOrDefault(dimension, List.of()).contains(group)) {
            return 10_000 + last;
        }
        List<String> order = orders.getOrDefault(dimension, List.of());
        int i = order.indexOf(group);
        return i >= 0 ? i : 1_000;
    }

    static String dimension(String breakdown) {
        int eq = breakdown.indexOf('=');
        return eq < 0 ? breakdown : breakdown.substring(0, eq);
    }

    static String group(String breakdown) {
        int eq = breakdown.indexOf('=');
        return eq < 0 ? "" : breakdown.substring(eq + 1);
    }

    /**
     * A column of a reference file, in file order or by a sort-order column; read from sql/reference in
     * the folder the program runs in when there is one (as the catalogue is), else from the jar's copy.
     */
    private static List<String> column(String file, int column, int sortColumn) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = open("sql/reference/" + file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sortColumn >= 0) {
            rows.sort(Comparator.comparing(r -> Integer.parseInt(r[sortColumn].strip())));
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(r[column].strip()));
        return new ArrayList<>(out);
    }

    private static InputStream open(String path) throws IOException {
        Path local = Path.of(path);
        if (Files.isRegularFile(local)) {
            return Files.newInputStream(local);
        }
        InputStream in = BandOrder.class.getResourceAsStream("/" + path);
        if (in == null) {
            throw new IOException(path + " is missing from the program");
        }
        return in;
    }
}
