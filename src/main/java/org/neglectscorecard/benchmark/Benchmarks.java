package org.neglectscorecard.benchmark;

import static org.neglectscorecard.store.schema.Tables.BENCHMARK_VALUE;
import static org.neglectscorecard.store.schema.Tables.DFE_VALUE;
import static org.neglectscorecard.store.schema.Tables.INDICATOR_VALUE;
import static org.neglectscorecard.store.schema.Tables.LA;
import static org.neglectscorecard.store.schema.Tables.POPULATION;
import static org.neglectscorecard.store.schema.Tables.RUN_AREA;
import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;
import static org.neglectscorecard.store.schema.Tables.STAT_NEIGHBOUR;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.neglectscorecard.indicators.BenchmarkSpec;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Polarity;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.ingest.InputScanner;

/**
 * Sets each LA's figures beside DfE's published ones (OUTPUTS.md 1b): England, its region, the
 * mean of its statistical neighbours that have a value, and its rank and quartile among all LAs,
 * at each 31 March DfE has published, for every indicator whose catalogue entry names a DfE
 * counterpart. Published figures are formed from DfE's own columns exactly as ours are (summed
 * numerator over summed denominator, half up, to the indicator's decimals); a value DfE
 * suppressed or did not give is missing, never zero. A partnership of several LAs is set beside
 * England only. Counts are kept too, for the reconciliation of our figures with DfE's.
 */
public class Benchmarks {

    private static final Pattern YEAR_IN_NAME = Pattern.compile("(19|20)\\d{2}");

    private final DSLContext dsl;
    private final Catalogue catalogue;

    public Benchmarks(DSLContext dsl, Catalogue catalogue) {
        this.dsl = dsl;
        this.catalogue = catalogue;
    }

    /** A published figure for one area and year. */
    private record Published(String level, String area, String oldLa, BigDecimal value) {
    }

    /**
     * @param neighboursFile the groupings file the job file names (its path in the input folder), or null for the latest
     * @return how many benchmark rows were written
     */
    public int compute(long runId, String jobName, LocalDate period, String partnershipId, String neighboursFile) {
        dsl.deleteFrom(BENCHMARK_VALUE).where(BENCHMARK_VALUE.JOB_NAME.eq(jobName).and(BENCHMARK_VALUE.RUN_PERIOD.eq(period))).execute();
        Map<String, List<String>> neighbours = neighbours(runId, neighboursFile);
        Map<String, String[]> las = new HashMap<>();   // area code -> [3-digit code, region code]
        for (Record r : dsl.select(RUN_AREA.AREA_CODE, RUN_AREA.LA_CODE3, RUN_AREA.IS_PARTNERSHIP).from(RUN_AREA)
                .where(RUN_AREA.RUN_ID.eq(runId)).fetch()) {
            if (!r.get(RUN_AREA.IS_PARTNERSHIP)) {
                String region = dsl.select(LA.REGION_CODE).from(LA).where(LA.LA_CODE9.eq(r.get(RUN_AREA.AREA_CODE)))
                        .limit(1).fetchOne(LA.REGION_CODE);
                las.put(r.get(RUN_AREA.AREA_CODE), new String[] {r.get(RUN_AREA.LA_CODE3), region});
            }
        }
        // The run's DfE files as values and each file's latest year, once for every indicator: as a subquery
        // per indicator, H2 read the whole of each file's rows again each time (JFR: 2.6 of the sample's 5.4 s).
        DfeFiles files = dfeFiles(runId);
        List<Long> runFiles = files.runFiles();
        Map<Long, Integer> release = files.release();
        Map<String, List<Long>> standingFor = byContent(runId, files.keyOf()).standing();
        int written = 0;
        for (IndicatorDefinition d : catalogue.indicators()) {
            if (d.benchmark() == null || !d.publish()) {
                continue;
            }
            Map<Integer, List<Published>> byYear = published(runFiles, release, standingFor, d);
            for (Record ours : dsl.select(INDICATOR_VALUE.AREA_CODE, INDICATOR_VALUE.PERIOD_END, INDICATOR_VALUE.FIGURE)
                    .from(INDICATOR_VALUE)
                    .where(INDICATOR_VALUE.JOB_NAME.eq(jobName).and(INDICATOR_VALUE.RUN_PERIOD.eq(period))
                            .and(INDICATOR_VALUE.INDICATOR_ID.eq(d.id())).and(INDICATOR_VALUE.BREAKDOWN.eq("all")))
                    .fetch()) {
                LocalDate end = ours.get(INDICATOR_VALUE.PERIOD_END);
                if (end.getMonthValue() != 3 || end.getDayOfMonth() != 31) {
                    continue;
                }
                List<Published> year = byYear.get(end.getYear());
                if (year == null || year.isEmpty()) {
                    continue;
                }
                String area = ours.get(INDICATOR_VALUE.AREA_CODE);
                BigDecimal figure = ours.get(INDICATOR_VALUE.FIGURE);
                BigDecimal england = year.stream().filter(p -> p.level().equals("National")).map(Published::value)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                String[] la = las.get(area);
                if (la == null) {
                    if (area.equals(partnershipId)) {
                        insert(jobName, period, d, area, end, figure, england, null, null, null, null, null, null, null);
                        written++;
                    }
                    continue;
                }
                BigDecimal region = year.stream().filter(p -> p.level().equals("Regional") && p.area().equals(la[1]))
                        .map(Published::value).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                Map<String, BigDecimal> laValues = new HashMap<>();
                year.stream().filter(p -> p.level().equals("Local authority") && p.oldLa() != null && p.value() != null)
                        .forEach(p -> laValues.put(p.oldLa(), p.value()));
                BigDecimal own = laValues.get(la[0]);
                List<BigDecimal> sns = neighbours.getOrDefault(la[0], List.of()).stream().map(laValues::get)
                        .filter(java.util.Objects::nonNull).toList();
                BigDecimal snMean = sns.isEmpty() ? null : sns.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(sns.size()), d.decimals(), RoundingMode.HALF_UP);
                Integer rank = null;
                Integer rankOf = null;
                String quartile = null;
                // Ranked only among other LAs' figures: alone, "1 of 1" and quartile A read as best in England (a trial's
                // newer release had no LA rows). A quartile needs four LAs at least.
                boolean others = laValues.keySet().stream().anyMatch(code -> !code.equals(la[0]));
                if (d.unit() != Unit.count && d.polarity() != Polarity.context && figure != null && others) {
                    List<BigDecimal> field = new ArrayList<>();
                    laValues.forEach((code, v) -> {
                        if (!code.equals(la[0])) {
                            field.add(v);
                        }
                    });
                    field.add(figure);
                    rankOf = field.size();
                    long better = field.stream().filter(v -> d.polarity() == Polarity.down ? v.compareTo(figure) < 0
                            : v.compareTo(figure) > 0).count();
                    rank = (int) better + 1;
                    quartile = rankOf < 4 ? null : String.valueOf((char) ('A' + Math.min(3, (rank - 1) * 4 / rankOf)));
                }
                insert(jobName, period, d, area, end, figure, england, region, snMean, sns.isEmpty() ? null : sns.size(),
                        rank, rankOf, quartile, own);
                written++;
            }
        }
        return written;
    }

    private void insert(String job, LocalDate period, IndicatorDefinition d, String area, LocalDate end, BigDecimal figure,
                        BigDecimal england, BigDecimal region, BigDecimal snMean, Integer snCount, Integer rank, Integer rankOf,
                        String quartile, BigDecimal published) {
        dsl.insertInto(BENCHMARK_VALUE).set(BENCHMARK_VALUE.JOB_NAME, job).set(BENCHMARK_VALUE.RUN_PERIOD, period)
                .set(BENCHMARK_VALUE.INDICATOR_ID, d.id()).set(BENCHMARK_VALUE.AREA_CODE, area).set(BENCHMARK_VALUE.PERIOD_END, end)
                .set(BENCHMARK_VALUE.FIGURE, figure).set(BENCHMARK_VALUE.ENGLAND, england).set(BENCHMARK_VALUE.REGION, region)
                .set(BENCHMARK_VALUE.SN_MEAN, snMean).set(BENCHMARK_VALUE.SN_COUNT, snCount).set(BENCHMARK_VALUE.RANK_NO, rank)
                .set(BENCHMARK_VALUE.RANK_OF, rankOf).set(BENCHMARK_VALUE.QUARTILE, quartile).set(BENCHMARK_VALUE.PUBLISHED, published)
                .execute();
    }

    /**
     * DfE's figure for every area and year, from the run's copy of the file (of two releases of one
     * file, the later gives the years both have).
     */
    private Map<Integer, List<Published>> published(List<Long> runFiles, Map<Long, Integer> release,
                                                   Map<String, List<Long>> standingFor, IndicatorDefinition d) {
        BenchmarkSpec spec = d.benchmark();
        List<BenchmarkSpec.Column> columns = new ArrayList<>();
        for (BenchmarkSpec.Column c : new BenchmarkSpec.Column[] {spec.value(), spec.numerator(), spec.denominator()}) {
            if (c != null && !c.isPopulation()) {
                columns.add(c);
            }
        }
        Map<String, BigDecimal[]> cells = new HashMap<>();   // year|level|area|oldLa|file -> [value, numerator, denominator]
        Map<String, boolean[]> given = new HashMap<>();       // the same: which of them the file has a row for (a symbol too)
        // A file repeats the same few filter combinations on thousands of rows: each is parsed once.
        Map<BenchmarkSpec.Column, Map<String, Boolean>> matched = new HashMap<>();
        List<Record> rows = new ArrayList<>();
        // One column at a time: H2 finds "file_key = ? AND column_name = ?" in the index, where with "column_name IN (...)"
        // it read every row of the file (a DfE file holds 10 to 90 columns; a benchmark reads one or two).
        for (String column : columns.stream().map(BenchmarkSpec.Column::name).distinct().toList()) {
            rows.addAll(dsl.select(DFE_VALUE.SOURCE_FILE_ID, DFE_VALUE.TIME_PERIOD, DFE_VALUE.GEOGRAPHIC_LEVEL, DFE_VALUE.AREA_CODE,
                            DFE_VALUE.OLD_LA_CODE, DFE_VALUE.FILTERS, DFE_VALUE.COLUMN_NAME, DFE_VALUE.AMOUNT)
                    .from(DFE_VALUE)
                    .where(DFE_VALUE.FILE_KEY.in(spec.files())
                            .or(DFE_VALUE.SOURCE_FILE_ID.in(spec.files().stream()
                                    .flatMap(f -> standingFor.getOrDefault(f, List.<Long>of()).stream()).toList()))
                            .and(DFE_VALUE.COLUMN_NAME.eq(column))
                            .and(DFE_VALUE.SOURCE_FILE_ID.in(runFiles)))
                    .fetch());
        }
        for (Record r : rows) {
            long file = r.get(DFE_VALUE.SOURCE_FILE_ID);
            int year = r.get(DFE_VALUE.TIME_PERIOD);
            // An LA is its 3-digit code: releases label the same LA and year with different 9-character codes.
            boolean la = r.get(DFE_VALUE.OLD_LA_CODE) != null;
            String key = year + "|" + r.get(DFE_VALUE.GEOGRAPHIC_LEVEL) + "|" + (la ? "" : r.get(DFE_VALUE.AREA_CODE)) + "|"
                    + r.get(DFE_VALUE.OLD_LA_CODE);
            BigDecimal[] slot = cells.computeIfAbsent(key + "|" + file, k -> new BigDecimal[3]);
            boolean[] has = given.computeIfAbsent(key + "|" + file, k -> new boolean[3]);
            String column = r.get(DFE_VALUE.COLUMN_NAME);
            String filters = r.get(DFE_VALUE.FILTERS);
            BigDecimal amount = r.get(DFE_VALUE.AMOUNT);
            if (spec.value() != null && spec.value().name().equals(column) && matches(matched, spec.value(), filters)) {
                slot[0] = amount;
                has[0] = true;
            }
            if (spec.numerator() != null && spec.numerator().name().equals(column) && matches(matched, spec.numerator(), filters)) {
                slot[1] = amount;
                has[1] = true;
            }
            if (spec.denominator() != null && !spec.denominator().isPopulation() && spec.denominator().name().equals(column)
                    && matches(matched, spec.denominator(), filters)) {
                slot[2] = amount;
                has[2] = true;
            }
        }
        // Of two releases of one file, the later gives the years both have, where it has the rows the benchmark reads: a
        // later release that words a filter otherwise, or lacks the column, left England blank for every year (a trial).
        // A figure it gives as a symbol (c, x, z) is its word on that figure, and stands.
        Map<String, Long> fileOf = new HashMap<>();
        cells.keySet().stream().sorted().forEach(cell -> {
            int cut = cell.lastIndexOf('|');
            String key = cell.substring(0, cut);
            long file = Long.parseLong(cell.substring(cut + 1));
            boolean[] has = given.get(cell);
            boolean complete = spec.value() != null ? has[0]
                    : has[1] && (spec.denominator().isPopulation() || has[2]);
            if (!complete) {
                return;
            }
            Long best = fileOf.get(key);
            if (best == null || release.get(file) > release.get(best) || release.get(file).equals(release.get(best)) && file > best) {
                fileOf.put(key, file);
            }
        });
        Map<Integer, List<Published>> out = new HashMap<>();
        cells.forEach((key, v) -> {
            String[] k = key.split("\\|", -1);
            long file = Long.parseLong(k[4]);
            String cellKey = k[0] + "|" + k[1] + "|" + k[2] + "|" + k[3];
            if (!Long.valueOf(file).equals(fileOf.get(cellKey))) {
                return;
            }
            int year = Integer.parseInt(k[0]);
            String oldLa = "null".equals(k[3]) ? null : k[3];
            BigDecimal value = spec.value() != null ? v[0] : ratio(d, v[1], spec.denominator().isPopulation()
                    ? population(k[2], oldLa, year) : v[2]);
            out.computeIfAbsent(year, y -> new ArrayList<>()).add(new Published(k[1], k[2], oldLa, value));
        });
        out.values().forEach(l -> l.sort(Comparator.comparing(Published::level).thenComparing(p -> String.valueOf(p.area()))
                .thenComparing(p -> String.valueOf(p.oldLa()))));
        return out;
    }

    /**
     * DfE files known by their content where their name is not DfE's ("download (3).csv", as a browser
     * saves a second download): such a file stands for the one file the catalogue's benchmarks read
     * whose benchmark columns it has, every one of them, when the run has no file of that name, and
     * only when it gives one row per year and area (no breakdown by age or sex, whose rows would each
     * fill the same figure). Only where those columns are named outright: a column chosen by its
     * filters ("number where characteristic = Total") is a name too many files share. {@code unread}
     * are such files that stand for none; {@code standing} gives each stand-in by the file it stands for.
     */
    record ByContent(Map<String, List<Long>> standing, List<Long> unread) {
    }

    /** The run's input files, and of its DfE files each one's latest year (its release) and its name without years. */
    record DfeFiles(List<Long> runFiles, Map<Long, Integer> release, Map<Long, String> keyOf) {
    }

    private DfeFiles dfeFiles(long runId) {
        List<Long> runFiles = dsl.select(RUN_INPUT.SOURCE_FILE_ID).from(RUN_INPUT).where(RUN_INPUT.RUN_ID.eq(runId))
                .fetch(RUN_INPUT.SOURCE_FILE_ID);
        Map<Long, Integer> release = new HashMap<>();
        Map<Long, String> keyOf = new HashMap<>();
        List<Long> reference = dsl.select(SOURCE_FILE.SOURCE_FILE_ID).from(SOURCE_FILE)
                .where(SOURCE_FILE.SOURCE_FILE_ID.in(runFiles).and(SOURCE_FILE.FORMAT.eq(InputScanner.Format.REFERENCE.name())))
                .fetch(SOURCE_FILE.SOURCE_FILE_ID);
        for (long file : reference) {
            // The file's newest row, first in the index (source_file_id, time_period DESC): its name is the same on every row.
            dsl.select(DFE_VALUE.TIME_PERIOD, DFE_VALUE.FILE_KEY).from(DFE_VALUE).where(DFE_VALUE.SOURCE_FILE_ID.eq(file))
                    .orderBy(DFE_VALUE.SOURCE_FILE_ID, DFE_VALUE.TIME_PERIOD.desc()).limit(1)
                    .fetchOptional().ifPresent(r -> {
                        release.put(file, r.value1());
                        keyOf.put(file, r.value2());
                    });
        }
        return new DfeFiles(runFiles, release, keyOf);
    }

    private ByContent byContent(long runId, Map<Long, String> keyOf) {
        Map<String, java.util.Set<String>> columnsOfFile = new HashMap<>();   // catalogue file -> columns its benchmarks read
        java.util.Set<String> filtered = new java.util.HashSet<>();
        for (IndicatorDefinition d : catalogue.indicators()) {
            BenchmarkSpec spec = d.benchmark();
            if (spec == null) {
                continue;
            }
            for (String file : spec.files()) {
                for (BenchmarkSpec.Column c : new BenchmarkSpec.Column[] {spec.value(), spec.numerator(), spec.denominator()}) {
                    if (c != null && !c.isPopulation()) {
                        columnsOfFile.computeIfAbsent(file, f -> new java.util.HashSet<>()).add(c.name());
                        if (!c.where().isEmpty()) {
                            filtered.add(file);
                        }
                    }
                }
            }
        }
        List<Long> notOurs = keyOf.entrySet().stream().filter(e -> !columnsOfFile.containsKey(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
        if (notOurs.isEmpty()) {
            return new ByContent(Map.of(), List.of());
        }
        // Named as DfE names its files (ending in the years they cover): another of DfE's files, never a stand-in.
        java.util.Set<Long> dfeNamed = new java.util.HashSet<>();
        dsl.select(RUN_INPUT.SOURCE_FILE_ID, RUN_INPUT.DISPLAY_NAME).from(RUN_INPUT)
                .where(RUN_INPUT.RUN_ID.eq(runId).and(RUN_INPUT.SOURCE_FILE_ID.in(notOurs)))
                .forEach(r -> {
                    if (DFE_NAME.matcher(r.value2()).matches()) {
                        dfeNamed.add(r.value1());
                    }
                });
        List<Long> unknown = notOurs.stream().filter(id -> !dfeNamed.contains(id)).toList();
        if (unknown.isEmpty()) {
            return new ByContent(Map.of(), List.of());
        }
        Map<Long, Integer> filterSets = new HashMap<>();
        dsl.select(DFE_VALUE.SOURCE_FILE_ID, org.jooq.impl.DSL.countDistinct(DFE_VALUE.FILTERS)).from(DFE_VALUE)
                .where(DFE_VALUE.SOURCE_FILE_ID.in(unknown)).groupBy(DFE_VALUE.SOURCE_FILE_ID)
                .forEach(r -> filterSets.put(r.value1(), r.value2()));
        Map<Long, java.util.Set<String>> has = new HashMap<>();
        dsl.selectDistinct(DFE_VALUE.SOURCE_FILE_ID, DFE_VALUE.COLUMN_NAME).from(DFE_VALUE).where(DFE_VALUE.SOURCE_FILE_ID.in(unknown))
                .forEach(r -> has.computeIfAbsent(r.value1(), f -> new java.util.HashSet<>()).add(r.value2()));
        Map<String, List<Long>> standing = new HashMap<>();
        List<Long> unread = new ArrayList<>();
        for (long file : unknown) {
            java.util.Set<String> columns = has.getOrDefault(file, java.util.Set.of());
            List<String> fits = columnsOfFile.entrySet().stream().filter(e -> !filtered.contains(e.getKey()))
                    .filter(e -> columns.containsAll(e.getValue())).map(Map.Entry::getKey).toList();
            // d4's columns include the one read of d1 (CPP_At31): a file with all of d4's is d4, the one it fits most
            // closely. Beside a file under DfE's name for it, it is another release of that file: the later gives the years
            // both have (a newer release saved as "download (3).csv" was passed over for the older one, and its years lost).
            List<String> closest = fits.stream().filter(f -> fits.stream().allMatch(o -> columnsOfFile.get(f).containsAll(
                    columnsOfFile.get(o)))).toList();
            if (closest.size() == 1 && filterSets.getOrDefault(file, 0) <= 1 && sameColumnsAsNamed(file, closest.get(0), columns, keyOf)) {
                standing.computeIfAbsent(closest.get(0), f -> new ArrayList<>()).add(file);
            } else {
                unread.add(file);
            }
        }
        return new ByContent(standing, unread);
    }

    /**
     * Beside a file under DfE's name, a renamed one is another release of it only if it has every
     * column that one has: the benchmark's own columns alone ("Neglect") could be another of DfE's
     * files, which would then replace the named one's figures.
     */
    private boolean sameColumnsAsNamed(long file, String key, java.util.Set<String> columns, Map<Long, String> keyOf) {
        List<Long> named = keyOf.entrySet().stream().filter(e -> key.equals(e.getValue()) && e.getKey() != file).map(Map.Entry::getKey)
                .toList();
        if (named.isEmpty()) {
            return true;
        }
        java.util.Set<String> theirs = new java.util.HashSet<>(dsl.selectDistinct(DFE_VALUE.COLUMN_NAME).from(DFE_VALUE)
                .where(DFE_VALUE.SOURCE_FILE_ID.in(named)).fetch(DFE_VALUE.COLUMN_NAME));
        return columns.containsAll(theirs);
    }

    /**
     * What the run summary says of the run's DfE files saved under a name that is not DfE's (not ending
     * in the years they cover): each one read as a DfE file by its columns, and each no benchmark reads
     * (its columns say which file it is only by filters, or it is no file any benchmark reads), so a
     * renamed download is neither used nor left out without a word.
     */
    public List<String> notRead(long runId) {
        ByContent found = byContent(runId, dfeFiles(runId).keyOf());
        Map<Long, String> standsFor = new HashMap<>();
        found.standing().forEach((file, ids) -> ids.forEach(id -> standsFor.put(id, file)));
        if (found.unread().isEmpty() && standsFor.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (var r : dsl.select(RUN_INPUT.SOURCE_FILE_ID, RUN_INPUT.DISPLAY_NAME).from(RUN_INPUT)
                .where(RUN_INPUT.RUN_ID.eq(runId)).orderBy(RUN_INPUT.DISPLAY_NAME).fetch()) {
            String name = r.value2();
            if (standsFor.containsKey(r.value1())) {
                out.add(name + " is read as DfE's " + standsFor.get(r.value1()) + " file, whose columns it has: save it under DfE's "
                        + "name to make that plain to whoever reads the folder.");
            } else if (found.unread().contains(r.value1())) {
                out.add(name + " holds DfE published statistics, but no benchmark reads it: the benchmarks find DfE's files by "
                        + "the names DfE gives them (d4_cpps_at31march_by_category_of_abuse_2013_to_2022.csv), or by their columns. "
                        + "If it is one of those files saved under another name, save it under DfE's name and run again.");
            }
        }
        return out;
    }

    /**
     * A note when England's newest figure the scorecard compares with is more than two years before
     * the month reported (the sample's 2022 files beside March 2026): the comparison is dated, but a
     * board reading "England, 31 March 2022" on this year's paper should be told there are newer.
     */
    public java.util.Optional<String> dated(String jobName, LocalDate period) {
        Map<String, LocalDate> latest = new java.util.TreeMap<>();
        dsl.select(BENCHMARK_VALUE.INDICATOR_ID, org.jooq.impl.DSL.max(BENCHMARK_VALUE.PERIOD_END)).from(BENCHMARK_VALUE)
                .where(BENCHMARK_VALUE.JOB_NAME.eq(jobName).and(BENCHMARK_VALUE.RUN_PERIOD.eq(period))
                        .and(BENCHMARK_VALUE.ENGLAND.isNotNull()))
                .groupBy(BENCHMARK_VALUE.INDICATOR_ID)
                .forEach(r -> latest.put(r.value1(), r.value2()));
        List<LocalDate> dated = latest.values().stream().filter(d -> d.isBefore(period.minusYears(2))).sorted().toList();
        if (dated.isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate newest = dated.get(dated.size() - 1);
        long years = java.time.temporal.ChronoUnit.YEARS.between(newest, period);
        return java.util.Optional.of("For " + dated.size() + " of the " + latest.size() + " indicators compared with England, the "
                + "newest DfE figure among the inputs is " + years + " or more years before this month (the year to 31 March "
                + newest.getYear() + (dated.get(0).equals(newest) ? "" : " or earlier") + "). For a current comparison, download "
                + "the latest release of each DfE file from explore-education-statistics.service.gov.uk into the input folder.");
    }

    /**
     * The run's files named as DfE names its files whose file no benchmark reads (d3_cpps_subsequent_plan,
     * England's own national_cla_started_... file): loaded, and used for nothing, which a person who
     * put one in to compare with England should hear, with the files the benchmarks do read.
     */
    public List<String> notBenchmarked(long runId) {
        java.util.Set<String> read = new java.util.TreeSet<>();
        for (IndicatorDefinition d : catalogue.indicators()) {
            if (d.benchmark() != null) {
                read.addAll(d.benchmark().files());
            }
        }
        Map<Long, String> keyOf = dfeFiles(runId).keyOf();
        List<String> out = new ArrayList<>();
        for (var r : dsl.select(RUN_INPUT.SOURCE_FILE_ID, RUN_INPUT.DISPLAY_NAME).from(RUN_INPUT)
                .where(RUN_INPUT.RUN_ID.eq(runId)).orderBy(RUN_INPUT.DISPLAY_NAME).fetch()) {
            String key = keyOf.get(r.value1());
            if (key != null && !read.contains(key) && DFE_NAME.matcher(r.value2()).matches()) {
                out.add(r.value2() + " is DfE's " + key + " file, which no benchmark reads, so nothing in the scorecard comes "
                        + "from it. The benchmarks read DfE's " + String.join(", ", read) + " files (each name followed by the "
                        + "years it covers, as DfE names them).");
            }
        }
        return out;
    }

    private static final Pattern DFE_NAME = Pattern.compile("(?i).*_\\d{4}(_to_\\d{4})?\\.csv");

    private static boolean matches(Map<BenchmarkSpec.Column, Map<String, Boolean>> matched, BenchmarkSpec.Column column, String filters) {
        return matched.computeIfAbsent(column, c -> new HashMap<>()).computeIfAbsent(filters, column::matches);
    }

    private BigDecimal ratio(IndicatorDefinition d, BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        BigDecimal scale = switch (d.unit()) {
            case percent -> BigDecimal.valueOf(100);
            case rate_per_10k -> BigDecimal.valueOf(10_000);
            default -> BigDecimal.ONE;
        };
        return numerator.multiply(scale).divide(denominator, d.decimals(), RoundingMode.HALF_UP);
    }

    /**
     * Children aged 0 to 17 at the mid-year before the year's 31 March, as our rates use: for an LA
     * by its 3-digit code (whatever 9-character code the population file gave it that year), for
     * England or a region by its code.
     */
    private BigDecimal population(String area, String code3, int year) {
        Integer n;
        if (code3 != null) {
            n = dsl.select(org.jooq.impl.DSL.max(POPULATION.CHILDREN_0_17)).from(POPULATION).join(LA).on(LA.LA_CODE9.eq(POPULATION.LA_CODE9))
                    .where(LA.LA_CODE3.eq(code3).and(POPULATION.MID_YEAR.eq(year - 1))).fetchOne(0, Integer.class);
        } else if (area != null && !area.isEmpty()) {
            n = dsl.select(POPULATION.CHILDREN_0_17).from(POPULATION)
                    .where(POPULATION.LA_CODE9.eq(area).and(POPULATION.MID_YEAR.eq(year - 1))).fetchOne(POPULATION.CHILDREN_0_17);
        } else {
            n = null;
        }
        return n == null ? null : BigDecimal.valueOf(n);
    }

    /** Each LA's neighbours from the groupings file the job names, else the latest (by the year in its name). */
    private Map<String, List<String>> neighbours(long runId, String named) {
        List<Record> files = dsl.selectDistinct(STAT_NEIGHBOUR.SOURCE_FILE_ID, RUN_INPUT.DISPLAY_NAME).from(STAT_NEIGHBOUR)
                .join(RUN_INPUT).on(RUN_INPUT.SOURCE_FILE_ID.eq(STAT_NEIGHBOUR.SOURCE_FILE_ID).and(RUN_INPUT.RUN_ID.eq(runId)))
                .fetch().stream().map(r -> (Record) r).toList();
        Optional<Record> chosen = named != null
                ? files.stream().filter(r -> r.get(RUN_INPUT.DISPLAY_NAME).replace('\\', '/').equals(named.replace('\\', '/'))).findFirst()
                : files.stream().max(Comparator.comparingInt((Record r) -> yearIn(r.get(RUN_INPUT.DISPLAY_NAME)))
                        .thenComparing(r -> r.get(RUN_INPUT.DISPLAY_NAME)));
        Map<String, List<String>> out = new HashMap<>();
        chosen.ifPresent(f -> dsl.select(STAT_NEIGHBOUR.LA_CODE3, STAT_NEIGHBOUR.NEIGHBOUR3).from(STAT_NEIGHBOUR)
                .where(STAT_NEIGHBOUR.SOURCE_FILE_ID.eq(f.get(STAT_NEIGHBOUR.SOURCE_FILE_ID)))
                .orderBy(STAT_NEIGHBOUR.LA_CODE3, STAT_NEIGHBOUR.RANK_NO)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2())));
        return out;
    }

    /** The run's benchmarks, in indicators.csv order. */
    public java.util.List<BenchmarkValue> of(String jobName, LocalDate period) {
        return dsl.selectFrom(BENCHMARK_VALUE)
                .where(BENCHMARK_VALUE.JOB_NAME.eq(jobName).and(BENCHMARK_VALUE.RUN_PERIOD.eq(period)))
                .orderBy(BENCHMARK_VALUE.INDICATOR_ID, BENCHMARK_VALUE.AREA_CODE, BENCHMARK_VALUE.PERIOD_END)
                .fetch(r -> new BenchmarkValue(r.getIndicatorId(), r.getAreaCode(), r.getPeriodEnd(), r.getFigure(), r.getEngland(),
                        r.getRegion(), r.getSnMean(), r.getSnCount(), r.getRankNo(), r.getRankOf(), r.getQuartile(), r.getPublished()));
    }

    /** Which groupings file was used, for the notes: its name, or null. */
    public String neighboursFileUsed(long runId, String named) {
        var files = dsl.selectDistinct(RUN_INPUT.DISPLAY_NAME).from(STAT_NEIGHBOUR)
                .join(RUN_INPUT).on(RUN_INPUT.SOURCE_FILE_ID.eq(STAT_NEIGHBOUR.SOURCE_FILE_ID).and(RUN_INPUT.RUN_ID.eq(runId)))
                .fetch(RUN_INPUT.DISPLAY_NAME);
        if (named != null) {
            return files.stream().filter(f -> f.replace('\\', '/').equals(named.replace('\\', '/'))).findFirst().orElse(null);
        }
        return files.stream().max(Comparator.comparingInt(Benchmarks::yearIn).thenComparing(f -> f)).orElse(null);
    }

    private static int yearIn(String name) {
        Matcher m = YEAR_IN_NAME.matcher(name);
        int year = 0;
        while (m.find()) {
            year = Math.max(year, Integer.parseInt(m.group()));
        }
        return year;
    }

}
