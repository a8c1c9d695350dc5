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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
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
 * Brings the database to the schema in sql/schema/ (every statement is idempotent) and loads the
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

    public DatabaseSetup(DSLContext dsl, PlatformTransactionManager transactionManager, String sqlBase, LaDirectory las) {
        this.dsl = dsl;
        this.transaction = new TransactionTemplate(transactionManager);
        this.sqlBase = sqlBase;
        this.las = las;
    }

    public void run() {
        String schemaFile = dsl.dialect().family() == SQLDialect.POSTGRES ? "postgresql.sql" : "h2.sql";
        String ddl = read(sqlBase + "schema/" + schemaFile);
        checkColumns();   // before any change, so an out-of-date database is left exactly as it was
        for (String statement : statements(ddl)) {
            dsl.execute(statement);
        }
        String version = referenceVersion();
        String current = dsl.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.NAME.eq("reference_version")).fetchOne(SETTING.SETTING_VALUE);
        if (!version.equals(current)) {
            transaction.executeWithoutResult(s -> loadReference(version));
        }
    }

    /**
     * The DDL only creates what is missing, so a table made by an earlier version of the
     * program can lack a column this one reads. Adding it would leave it empty for the files
     * already loaded and the indicators silently wrong, so the run stops and says what to do.
     */
    private void checkColumns() {
        java.util.Set<String> present = new java.util.HashSet<>();
        dsl.fetch("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()")
                .forEach(r -> present.add((r.get(0, String.class) + "." + r.get(1, String.class)).toLowerCase(java.util.Locale.ROOT)));
        List<String> missing = new java.util.ArrayList<>();
        java.util.Set<String> tables = new java.util.HashSet<>();
        present.forEach(c -> tables.add(c.substring(0, c.indexOf('.'))));
        for (org.jooq.Table<?> table : org.neglectscorecard.store.schema.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (!tables.contains(table.getName().toLowerCase(java.util.Locale.ROOT))) {
                continue;   // a table not made yet: the DDL makes it whole
            }
            for (org.jooq.Field<?> field : table.fields()) {
                String name = (table.getName() + "." + field.getName()).toLowerCase(java.util.Locale.ROOT);
                if (!present.contains(name)) {
                    missing.add(name);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new SchemaOutOfDateException("The database was made by an earlier version of this program and lacks "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? " and "
                    + (missing.size() - 5) + " more" : "") + ". Nothing in it was changed. Move the database folder aside "
                    + "(or, for PostgreSQL, give the program a new empty database) and run again: everything is rebuilt "
                    + "from the input files. Keep the old folder while you need its run history and audit log.");
        }
    }

    /** The database's tables do not match the program's: said plainly, with what to do. */
    public static class SchemaOutOfDateException extends RuntimeException {
        public SchemaOutOfDateException(String message) {
            super(message);
        }
    }

    /** Statements end with ';' at a line end, except inside a $$-quoted block (PostgreSQL DO blocks). */
    static List<String> statements(String ddl) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (String line : ddl.split("\n")) {
            String l = line.strip();
            if (!quoted && (l.startsWith("--") || l.isEmpty())) {
                continue;
            }
            int comment = quoted ? -1 : line.indexOf("--");
            String code = comment >= 0 ? line.substring(0, comment) : line;
            int dollars = code.split("\\$\\$", -1).length - 1;
            if (dollars % 2 == 1) {
                quoted = !quoted;
            }
            current.append(code).append('\n');
            if (!quoted && code.strip().endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
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
