package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.AGE_BAND;
import static org.neglectscorecard.store.schema.Tables.CALENDAR;
import static org.neglectscorecard.store.schema.Tables.CODE_LABEL;
import static org.neglectscorecard.store.schema.Tables.DAY_CALENDAR;
import static org.neglectscorecard.store.schema.Tables.ETHNICITY_GROUP;
import static org.neglectscorecard.store.schema.Tables.GENDER_CODE;
import static org.neglectscorecard.store.schema.Tables.LA;
import static org.neglectscorecard.store.schema.Tables.POPULATION;
import static org.neglectscorecard.store.schema.Tables.SETTING;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.flywaydb.core.Flyway;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.neglectscorecard.ingest.agency.AgencyCodes;
import org.neglectscorecard.ingest.agency.CodeList;
import org.neglectscorecard.reference.LaDirectory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the database to the schema in sql/schema/ (Flyway migrations) and loads the
 * reference data: LA codes, ONS populations, the calendar and the breakdown mappings. Reference
 * tables are reloaded only when the shipped files change.
 */
public class DatabaseSetup {

    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;
    private static final String BANK_HOLIDAYS = "reference/bank-holidays-england.csv";
    private static final String POPULATION_FILE = "/reference/ons_mid-year_population_estimates_2012_to_2024.csv";

    private final DSLContext dsl;
    private final TransactionTemplate transaction;
    private final String sqlBase;
    private final LaDirectory las;
    private final DataSource dataSource;

    public DatabaseSetup(DataSource dataSource, DSLContext dsl, PlatformTransactionManager transactionManager, String sqlBase,
                         LaDirectory las) {
        this.dataSource = dataSource;
        this.dsl = dsl;
        this.transaction = new TransactionTemplate(transactionManager);
        this.sqlBase = sqlBase;
        this.las = las;
    }

    public void run() {
        migrate();
        String version = referenceVersion();
        String current = dsl.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.NAME.eq("reference_version")).fetchOne(SETTING.SETTING_VALUE);
        if (!version.equals(current)) {
            transaction.executeWithoutResult(s -> loadReference(version));
        }
    }

    /**
     * Brings the schema up to date with Flyway (sql/schema/common, and the vendor's folder where
     * H2 and PostgreSQL need different SQL). A database made by release 0.1, before migrations,
     * already has version 1's tables and its run history: it is marked as being at version 1 and
     * migrated from there, keeping everything in it.
     */
    private void migrate() {
        String vendor = dsl.dialect().family() == SQLDialect.POSTGRES ? "postgresql" : "h2";
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS + "common", MIGRATIONS + vendor)
                .baselineVersion("1")
                .baselineDescription("schema made by release 0.1, before migrations")
                .load();
        // Only a database without Flyway's table is one of release 0.1: a first migration cut short
        // (a kill, a power cut) leaves the table, and version 1 is then simply run again.
        java.util.Set<String> present = present(dsl, null);
        boolean migrated = present.stream().anyMatch(c -> c.startsWith(flyway.getConfiguration().getTable().toLowerCase(java.util.Locale.ROOT) + "."));
        // (Version 1's tables are only worked out, in an in-memory database, when they may be needed.)
        if (!migrated) {
            present.retainAll(V1_TABLES.get());
        }
        if (!migrated && !present.isEmpty()) {
            checkVersion1(flyway);
            flyway.baseline();
        }
        flyway.migrate();
    }

    private static final String MIGRATIONS = "classpath:sql/schema/";
    /**
     * The version of the newest migration in sql/schema/ (common and vendor folders alike): a
     * database whose history has it applied is up to date, which a read-only command can then tell
     * without scanning the class path for migrations (0.4 s of its 2). SchemaVersionTest keeps it
     * equal to the newest file's.
     */
    public static final String SCHEMA_VERSION = "19";

    /**
     * Release 0.1 made its tables with CREATE TABLE IF NOT EXISTS, so a database made by an even
     * earlier build can have version 1's tables without all their columns. Migrating it would leave
     * those columns empty for the files already loaded and the indicators silently wrong, so it is
     * left exactly as it was and the run stops saying what to do.
     */
    private void checkVersion1(Flyway flyway) {
        java.util.Set<String> present = present(dsl, null);
        java.util.Set<String> tables = new java.util.HashSet<>();
        present.forEach(c -> tables.add(c.substring(0, c.indexOf('.'))));
        List<String> missing = V1_TABLES.get().stream()
                .filter(c -> tables.contains(c.substring(0, c.indexOf('.'))) && !present.contains(c))
                .sorted().toList();
        if (!missing.isEmpty()) {
            throw new SchemaOutOfDateException("The database was made by an earlier version of this program and lacks "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? " and "
                    + (missing.size() - 5) + " more" : "") + ". Nothing in it was changed. Move the database folder aside "
                    + "(or, for PostgreSQL, give the program a new empty database) and run again: everything is rebuilt "
                    + "from the input files. Keep the old folder while you need its run history and audit log.");
        }
    }

    /** Version 1's tables and columns, as its migration makes them in an empty in-memory database. */
    private static final java.util.function.Supplier<java.util.Set<String>> V1_TABLES = memoise(() -> {
        org.h2.jdbcx.JdbcDataSource memory = new org.h2.jdbcx.JdbcDataSource();
        memory.setURL("jdbc:h2:mem:version1-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=0");
        try (java.sql.Connection keepOpen = memory.getConnection()) {
            Flyway.configure(DatabaseSetup.class.getClassLoader()).dataSource(memory)
                    .locations(MIGRATIONS + "common", MIGRATIONS + "h2").target("1").load().migrate();
            return present(org.jooq.impl.DSL.using(keepOpen, SQLDialect.H2), null);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    });

    /** table.column of every column in the current schema (lower case); with a filter, only those in it. */
    private static java.util.Set<String> present(DSLContext dsl, java.util.Set<String> only) {
        java.util.Set<String> out = new java.util.HashSet<>();
        dsl.fetch("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()")
                .forEach(r -> out.add((r.get(0, String.class) + "." + r.get(1, String.class)).toLowerCase(java.util.Locale.ROOT)));
        if (only != null) {
            out.retainAll(only);
        }
        return out;
    }

    private static <T> java.util.function.Supplier<T> memoise(java.util.function.Supplier<T> supplier) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** The database's tables do not match the program's: said plainly, with what to do. */
    public static class SchemaOutOfDateException extends RuntimeException {
        public SchemaOutOfDateException(String message) {
            super(message);
        }
    }

    private void loadReference(String version) {
        dsl.deleteFrom(LA).execute();
        BatchBindStep la = dsl.batch(dsl.insertInto(LA, LA.LA_CODE3, LA.LA_CODE9, LA.LA_NAME, LA.REGION_CODE,
                LA.REGION_NAME, LA.FIRST_YEAR, LA.LAST_YEAR).values((String) null, null, null, null, null, null, null));
        las.all().forEach(x -> la.bind(x.code3(), x.code9(), x.name(), x.regionCode(), x.regionName(), x.firstYear(), x.lastYear()));
        la.execute();

        dsl.deleteFrom(POPULATION).execute();
        BatchBindStep pop = dsl.batch(dsl.insertInto(POPULATION, POPULATION.LA_CODE9, POPULATION.MID_YEAR,
                POPULATION.CHILDREN_0_17).values((String) null, null, null));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CSVRecord r : csv("classpath:" + POPULATION_FILE.substring(1))) {
            String level = r.get("geographic_level");
            String code = switch (level) {
                case "National" -> r.get("country_code");
                case "Regional" -> r.get("region_code");
                case "Local authority" -> r.get("new_la_code");
                default -> null;
            };
            String estimate = r.get("population_estimate").strip();
            if (code == null || code.isBlank() || !estimate.matches("\\d+") || !seen.add(code + "/" + r.get("time_period"))) {
                continue;
            }
            pop.bind(code, Integer.parseInt(r.get("time_period").substring(0, 4)), Integer.parseInt(estimate));
        }
        pop.execute();

        dsl.deleteFrom(CALENDAR).execute();
        BatchBindStep cal = dsl.batch(dsl.insertInto(CALENDAR, CALENDAR.MONTH_SEQ, CALENDAR.MONTH_END,
                CALENDAR.YEAR_TO_MARCH).values((Integer) null, null, null));
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            for (int m = 1; m <= 12; m++) {
                LocalDate end = YearMonth.of(y, m).atEndOfMonth();
                cal.bind(monthSeq(end), end, m <= 3 ? y : y + 1);
            }
        }
        cal.execute();

        loadDays();

        dsl.deleteFrom(CODE_LABEL).execute();
        BatchBindStep labels = dsl.batch(dsl.insertInto(CODE_LABEL, CODE_LABEL.LIST_NAME, CODE_LABEL.CODE, CODE_LABEL.LABEL)
                .values((String) null, null, null));
        for (CodeList list : AgencyCodes.ALL) {
            list.codes().forEach(c -> labels.bind(list.name(), c.code(), c.label()));
        }
        labels.execute();

        dsl.deleteFrom(ETHNICITY_GROUP).execute();
        for (CSVRecord r : csv(sqlBase + "reference/ethnicity-groups.csv")) {
            dsl.insertInto(ETHNICITY_GROUP, ETHNICITY_GROUP.CODE, ETHNICITY_GROUP.GROUP_NAME).values(r.get("code"), r.get("group_name")).execute();
        }
        dsl.deleteFrom(GENDER_CODE).execute();
        for (CSVRecord r : csv(sqlBase + "reference/gender-codes.csv")) {
            dsl.insertInto(GENDER_CODE, GENDER_CODE.CODE, GENDER_CODE.LABEL).values(r.get("code"), r.get("label")).execute();
        }
        dsl.deleteFrom(AGE_BAND).execute();
        for (CSVRecord r : csv(sqlBase + "reference/age-bands.csv")) {
            dsl.insertInto(AGE_BAND, AGE_BAND.LABEL, AGE_BAND.MIN_AGE, AGE_BAND.MAX_AGE, AGE_BAND.SORT_ORDER)
                    .values(r.get("label"), Integer.parseInt(r.get("min_age")), Integer.parseInt(r.get("max_age")),
                            Integer.parseInt(r.get("sort_order"))).execute();
        }
        dsl.deleteFrom(SETTING).where(SETTING.NAME.eq("reference_version")).execute();
        dsl.insertInto(SETTING, SETTING.NAME, SETTING.SETTING_VALUE).values("reference_version", version).execute();
    }

    /** Every day of the bank holiday file's years, numbering the working days. */
    private void loadDays() {
        java.util.Set<LocalDate> holidays = new java.util.HashSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (CSVRecord r : csv(sqlBase + BANK_HOLIDAYS)) {
            LocalDate d = LocalDate.parse(r.get("date").strip());
            holidays.add(d);
            first = Math.min(first, d.getYear());
            last = Math.max(last, d.getYear());
        }
        dsl.deleteFrom(DAY_CALENDAR).execute();
        BatchBindStep days = dsl.batch(dsl.insertInto(DAY_CALENDAR, DAY_CALENDAR.CALENDAR_DAY, DAY_CALENDAR.WORKING, DAY_CALENDAR.WORKING_SEQ)
                .values((LocalDate) null, null, null));
        int seq = 0;
        for (LocalDate d = LocalDate.of(first, 1, 1); d.getYear() <= last; d = d.plusDays(1)) {
            boolean working = d.getDayOfWeek().getValue() <= 5 && !holidays.contains(d);
            seq += working ? 1 : 0;
            days.bind(d, working, seq);
        }
        days.execute();
    }

    /** year * 12 + month - 1: consecutive months differ by one. */
    public static int monthSeq(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    private String referenceVersion() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String location : List.of("classpath:reference/la-codes.csv", "classpath:" + POPULATION_FILE.substring(1),
                    sqlBase + "reference/ethnicity-groups.csv", sqlBase + "reference/gender-codes.csv",
                    sqlBase + "reference/age-bands.csv", sqlBase + BANK_HOLIDAYS)) {
                sha.update(read(location).getBytes(StandardCharsets.UTF_8));
            }
            sha.update(("calendar " + FIRST_YEAR + "-" + LAST_YEAR).getBytes(StandardCharsets.UTF_8));
            for (CodeList list : AgencyCodes.ALL) {
                list.codes().forEach(c -> sha.update((list.name() + c.code() + c.label()).getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> csv(String location) {
        Resource r = new DefaultResourceLoader().getResource(location);
        try (InputStream in = BOMInputStream.builder().setInputStream(r.getInputStream()).get()) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data " + location + " could not be read", e);
        }
    }

    private static String read(String location) {
        Resource r = new DefaultResourceLoader().getResource(location);
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(location + " could not be read", e);
        }
    }
}
