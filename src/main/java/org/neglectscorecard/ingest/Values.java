package org.neglectscorecard.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values the way real returns write them: ISO and UK dates, Excel serial dates, IDs exported
 * as numbers ("1234.0"), flags as true/false/Y/N/1/0, codes with labels ("a) Neglect",
 * "N1 - Abuse or neglect"). Each parser returns empty for a blank value and throws
 * {@link BadValue} with a reason a person can act on for a value it cannot read.
 */
public final class Values {

    /** Dates before this are typing errors in a children's social care return. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** Dates after this are typing errors too (the 9999-12-31 "open" convention included). */
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_DASH = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    /**
     * An XML date-time, with or without its offset from UTC ("2025-07-04T00:00:00+01:00", as systems in summer time
     * write it; a whole census so written was refused), or an xs:date with one ("2025-07-04+01:00"): the date as written.
     */
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?|Z|[+-]\\d{2}:\\d{2})");
    /** A day-first date with its time, as systems export appointments: "02/04/2025 14:30", "02/04/2025 9:30 AM". */
    private static final Pattern UK_DATE_TIME = Pattern.compile("(\\d{1,2}/\\d{1,2}/\\d{4}),?\\s+" + Values.TIME);
    /** Excel's serial day number, with the time of day as its fraction where the cell held one (45758.4375). */
    private static final Pattern SERIAL = Pattern.compile("\\d{4,6}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** Day 0 of a workbook saved with Excel's 1904 date system (old Excel for Mac's default): 1,462 days later. */
    private static final LocalDate EXCEL_1904_EPOCH = LocalDate.of(1904, 1, 1);
    private static final Pattern NUMERIC_ID = Pattern.compile("(\\d+)\\.0+");
    private static final Pattern ALL_DIGITS = Pattern.compile("\\d+");
    /** 24/04/17: a spreadsheet's short date, the year in two digits. */
    private static final Pattern SHORT_YEAR = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{2})");
    /** 24-Apr-2017, 24 Apr 17, 24-April-2017: a spreadsheet date format with the month named. */
    private static final Pattern NAMED_MONTH_DATE = Pattern.compile("(\\d{1,2})[\\s-/]+([A-Za-z]{3,9})[\\s-/]+(\\d{2}|\\d{4})(?:,?\\s+"
            + Values.TIME + ")?");
    /** A time of day after a date: 14:30, 14:30:05, 9.30, 9:30 AM, 9:30pm. */
    private static final String TIME = "\\d{1,2}[:.]\\d{2}([:.]\\d{2}(\\.\\d+)?)?(\\s*[AaPp]\\.?[Mm]\\.?)?";
    /** "Tue 15/04/2025", "Tuesday, 15 April 2025": the day's name before a date says nothing more. */
    private static final Pattern WEEKDAY = Pattern.compile("^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?,?\\s+",
            Pattern.CASE_INSENSITIVE);
    /**
     * A two-digit year below this is 20yy, else 19yy: Excel's own rule (Windows' default
     * two-digit-year window, 1930 to 2029), so a date reads as the spreadsheet that wrote it meant.
     */
    private static final int TWO_DIGIT_YEAR_PIVOT = 30;
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([A-Za-z0-9]{1,4})\\s*[-:)\\u2013.]\\s*.*$");

    private Values() {
    }

    /** A value that cannot be read; the message says what was expected. */
    public static final class BadValue extends RuntimeException {
        public BadValue(String reason) {
            super(reason);
        }
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static Optional<String> text(String value) {
        return isBlank(value) ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * What people and database exports write in a date cell for "no date": an open plan's end date
     * is "N/A" to the person typing it, and NULL to a SQL Server export. Read as a blank cell.
     */
    private static final java.util.Set<String> NO_DATE = java.util.Set.of("n/a", "na", "n.a.", "n.a", "not applicable",
            "null", "none", "-", "--");

    private static final Pattern ORDINAL_DAY = Pattern.compile("^(\\d{1,2})(?:st|nd|rd|th)(?=[\\s-])", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOTTED = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.(\\d{2}|\\d{4})");
    private static final Pattern YEAR_FIRST_SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

    /** A date cell that gives no date: blank, or one of the words written for none. */
    public static boolean isNoDate(String value) {
        return isBlank(value) || NO_DATE.contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A date as ISO yyyy-MM-dd, dd/MM/yyyy, dd/MM/yy (a spreadsheet's short date: years 30 to 99
     * are 19yy, 00 to 29 are 20yy, as Excel reads them), 24-Apr-2017, an ISO date-time, or an
     * Excel serial day number.
     */
    public static Optional<LocalDate> date(String value) {
        return date(value, false);
    }

    /**
     * As {@link #date(String)}, a serial number counted from 1904 where {@code date1904}: a workbook
     * saved with Excel's 1904 date system, where 44652 is 2026-04-02, not 2022-04-01.
     */
    public static Optional<LocalDate> date(String value, boolean date1904) {
        if (isNoDate(value)) {
            return Optional.empty();
        }
        LocalDate parsed = plainIso(value.strip());
        if (parsed != null) {
            return plausible(parsed);
        }
        // Forms people type that say the same date: "14th May 2024", "14.05.2024", "2024/05/14".
        Matcher weekday = WEEKDAY.matcher(value.strip());
        String dayName = weekday.lookingAt() ? weekday.group().replaceAll("[^A-Za-z]", "") : null;
        String v = ORDINAL_DAY.matcher(weekday.replaceFirst("")).replaceFirst("$1");
        if (DOTTED.matcher(v).matches()) {
            v = v.replace('.', '/');
        }
        Matcher yearFirst = YEAR_FIRST_SLASHED.matcher(v);
        if (yearFirst.matches()) {
            v = yearFirst.group(1) + "-" + (yearFirst.group(2).length() == 1 ? "0" : "") + yearFirst.group(2) + "-"
                    + (yearFirst.group(3).length() == 1 ? "0" : "") + yearFirst.group(3);
        }
        Matcher dt = ISO_DATE_TIME.matcher(v);
        Matcher ukdt = UK_DATE_TIME.matcher(v);
        try {
            if (v.length() == 10 && v.charAt(4) == '-') {
                parsed = LocalDate.parse(v, ISO);
            } else if (dt.matches()) {
                parsed = LocalDate.parse(dt.group(1), ISO);
            } else if (ukdt.matches()) {
                parsed = LocalDate.parse(ukdt.group(1), UK);
            } else if (SHORT_YEAR.matcher(v).matches()) {
                Matcher m = SHORT_YEAR.matcher(v);
                m.matches();
                parsed = LocalDate.of(fullYear(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            } else if (NAMED_MONTH_DATE.matcher(v).matches()) {
                Matcher m = NAMED_MONTH_DATE.matcher(v);
                m.matches();
                int month = monthNumber(m.group(2));
                if (month == 0) {
                    throw new BadValue("is not a date: write dates as yyyy-mm-dd or dd/mm/yyyy");
                }
                parsed = LocalDate.of(fullYear(m.group(3)), month, Integer.parseInt(m.group(1)));
            } else if (v.indexOf('/') > 0) {
                parsed = LocalDate.parse(v, UK);
            } else if (v.indexOf('-') > 0 && v.length() <= 10 && Character.isDigit(v.charAt(0)) && v.charAt(1) != '-' && v.indexOf('-') <= 2) {
                parsed = LocalDate.parse(v, UK_DASH);
            } else if (SERIAL.matcher(v).matches()) {
                double serial = Double.parseDouble(v);
                parsed = (date1904 ? EXCEL_1904_EPOCH : EXCEL_EPOCH).plusDays((long) serial);
            }
        } catch (java.time.DateTimeException e) {
            String us = monthFirst(v);
            throw new BadValue(us != null ? "is not a real date written day first; " + MONTH_FIRST + " it would be " + us
                    + ": export the dates as dd/mm/yyyy or yyyy-mm-dd" : "is not a real date: write dates as yyyy-mm-dd or dd/mm/yyyy");
        }
        if (parsed == null) {
            throw new BadValue("is not a date: write dates as yyyy-mm-dd or dd/mm/yyyy");
        }
        if (dayName != null && !sameDay(dayName, parsed)) {
            // "Sun 05/04/2025": the 5th of April is a Saturday, the 4th of May a Sunday: the date is month first.
            String us = monthFirst(v);
            boolean monthFirst = us != null && sameDay(dayName, LocalDate.parse(us, DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)));
            throw new BadValue(monthFirst ? "names a day that only fits the date read " + MONTH_FIRST + " (" + us
                    + "): export the dates as dd/mm/yyyy or yyyy-mm-dd"
                    : "names a day of the week that is not the date's (" + parsed.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL,
                    Locale.UK) + "): check the date");
        }
        return plausible(parsed);
    }

    private static boolean sameDay(String name, LocalDate date) {
        return date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT)
                .startsWith(name.toLowerCase(Locale.ROOT).substring(0, 3));
    }

    private static Optional<LocalDate> plausible(LocalDate parsed) {
        if (parsed.isBefore(EARLIEST_DATE) || parsed.isAfter(LATEST_DATE)) {
            throw new BadValue("is not a plausible date (before 1900 or after 2100): check the year");
        }
        return Optional.of(parsed);
    }

    /**
     * A real date written exactly yyyy-mm-dd (as census XML and most exports write every date), read
     * without the formatter and the patterns below, which were most of the cost of reading a date;
     * null for anything else, which the full reading then takes (and explains when it is wrong).
     */
    private static LocalDate plainIso(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern FRACTIONAL_SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");

    /**
     * A date and time as real systems write it, or empty if it cannot be read (never an error: a
     * header's DateTime only orders versions of a return): ISO with or without seconds, fraction
     * and offset ("2022-05-23T11:14:05.123+01:00", "...Z": a time with an offset is taken in this
     * machine's time zone, as files' saved times are; an offset no ISO parser reads, "+0100" or
     * " BST", is left off), "2022-05-23 11:14[:05]", "23/05/2022 11:14[:05]", a date alone (its
     * start), and, from a spreadsheet, Excel's serial number with the time as its fraction
     * (44704.468113, to the nearest second).
     */
    public static Optional<java.time.LocalDateTime> dateTime(String value, boolean fromSpreadsheet) {
        return dateTime(value, fromSpreadsheet, false);
    }

    /** As {@link #dateTime(String, boolean)}, a serial number counted from 1904 where {@code date1904}. */
    public static Optional<java.time.LocalDateTime> dateTime(String value, boolean fromSpreadsheet, boolean date1904) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        String t = value.strip();
        java.time.LocalDateTime made = null;
        try {
            made = java.time.OffsetDateTime.parse(t.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
        } catch (java.time.DateTimeException e) {
            made = localDateTime(t, fromSpreadsheet, date1904);
        }
        return made == null || made.getYear() < 1990 || made.getYear() > 2100 ? Optional.empty() : Optional.of(made.withNano(0));
    }

    private static java.time.LocalDateTime localDateTime(String t, boolean fromSpreadsheet, boolean date1904) {
        try {
            if (t.length() == 10 && t.charAt(4) == '-') {
                return LocalDate.parse(t, ISO).atStartOfDay();
            }
            if (t.length() > 10 && t.charAt(4) == '-') {
                try {
                    return java.time.LocalDateTime.parse(t.replace(' ', 'T'));
                } catch (java.time.DateTimeException e) {
                    return t.length() > 19 ? java.time.LocalDateTime.parse(t.substring(0, 19).replace(' ', 'T')) : null;
                }
            }
            if (t.indexOf('/') > 0) {
                return t.indexOf(':') > 0 ? java.time.LocalDateTime.parse(t.replaceAll("\\s+", " "), UK_TIME)
                        : LocalDate.parse(t, UK).atStartOfDay();
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        if (fromSpreadsheet && FRACTIONAL_SERIAL.matcher(t).matches()) {
            java.math.BigDecimal serial = new java.math.BigDecimal(t);
            long days = serial.longValue();
            long seconds = serial.subtract(java.math.BigDecimal.valueOf(days)).multiply(java.math.BigDecimal.valueOf(86_400))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValue();
            return (date1904 ? EXCEL_1904_EPOCH : EXCEL_EPOCH).plusDays(days).atStartOfDay().plusSeconds(seconds);
        }
        return null;
    }

    /** Said of a date that reads only month first, so a file's dates in that order can be told (LoadCompletion). */
    public static final String MONTH_FIRST = "month first (US style)";
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(,?\\s+" + TIME + ")?");

    /** The date a day-first impossible value would be, read month first ("13 April 2025" for 04/13/2025), or null. */
    private static String monthFirst(String v) {
        Matcher m = SLASHED.matcher(v);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(fullYear(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return d.format(DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.UK));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * Whether so many rows read only month first that the file's dates, or some of them, are in that
     * order: 3 rows or more, or a tenth of the file. Then the rows whose day is 12 or less cannot be
     * told apart, in a file written month first or in one whose rows were pasted together from a
     * day-first and a month-first export (200 rows, then 20 appended month first: 14 read only month
     * first, 6 read swapped). One or two in a long file are typing slips, each only its row's problem.
     */
    public static boolean monthFirstFile(long rowsMonthFirst, long rowsRead) {
        return rowsMonthFirst >= 3 || rowsMonthFirst >= 1 && rowsMonthFirst * 10 >= rowsRead;
    }

    /** Why such a file is rejected, with one of its dates as the example (unless withheld). */
    public static String monthFirstMessage(long rows, String value, String column, Integer row) {
        return "The dates in this file are written month first (US style), all or some of them: " + rows
                + (rows == 1 ? " row has a date" : " rows have dates") + " that read only that way ("
                + (value != null && !value.startsWith("(") ? value : "for example") + " in " + column + ", row " + row
                + "), and the rows whose day is 12 or less could be read with day and month swapped. Nothing from it is used. "
                + "Export the dates as dd/mm/yyyy or yyyy-mm-dd and run again.";
    }

    /** Why a file none of whose rows could be used is rejected whole: how many rows, and the first few reasons. */
    public static String everyRowRejectedMessage(long rows, List<String> reasons) {
        return "None of the " + rows + " rows of this file could be used, so nothing from it is counted. "
                + (reasons.isEmpty() ? "" : (reasons.size() == 1 ? "The reason: " : "Reasons found: ")
                + String.join("; ", reasons) + (reasons.get(reasons.size() - 1).endsWith(".") ? "" : ".") + " ")
                + "Correct the file and run again.";
    }

    /** A year written in two digits or four: 17 is 2017, 98 is 1998 (see {@link #TWO_DIGIT_YEAR_PIVOT}). */
    private static int fullYear(String digits) {
        int y = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return y;
        }
        return y < TWO_DIGIT_YEAR_PIVOT ? 2000 + y : 1900 + y;
    }

    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/](\\d{1,2})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[-/](\\d{4})");
    private static final Pattern NAMED_MONTH = Pattern.compile("([A-Za-z]{3,9})[\\s-]+(\\d{4})");
    /** Excel's "mmm-yy" month format as text ("Apr-25"): a month column is months, so 25 is the year. */
    private static final Pattern NAMED_MONTH_SHORT_YEAR = Pattern.compile("([A-Za-z]{3,9})[\\s-]+(\\d{2})");

    /**
     * A calendar month, as its last day: 2025-04, 04/2025, April 2025, Apr-2025, Apr-25, or any date in
     * the month (an Excel month formatted as a date arrives as its first day).
     */
    public static Optional<LocalDate> month(String value) {
        return month(value, false);
    }

    /** As {@link #month(String)}, a serial number counted from 1904 where {@code date1904} (see {@link #date(String, boolean)}). */
    public static Optional<LocalDate> month(String value, boolean date1904) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        String v = value.strip();
        Matcher ym = YEAR_MONTH.matcher(v);
        Matcher my = MONTH_YEAR.matcher(v);
        Matcher named = NAMED_MONTH.matcher(v);
        Matcher namedShort = NAMED_MONTH_SHORT_YEAR.matcher(v);
        int year;
        int month;
        if (ym.matches()) {
            year = Integer.parseInt(ym.group(1));
            month = Integer.parseInt(ym.group(2));
        } else if (my.matches()) {
            year = Integer.parseInt(my.group(2));
            month = Integer.parseInt(my.group(1));
        } else if (named.matches()) {
            year = Integer.parseInt(named.group(2));
            month = monthNumber(named.group(1));
        } else if (namedShort.matches() && monthNumber(namedShort.group(1)) > 0) {
            year = fullYear(namedShort.group(2));
            month = monthNumber(namedShort.group(1));
        } else {
            try {
                Optional<LocalDate> day = date(v, date1904);
                String us = day.isPresent() ? firstOfMonthWrittenMonthFirst(v, day.get()) : null;
                if (us != null) {
                    // "04/01/2025" for April: day first it is 4 January, no date a month is written as.
                    throw new BadValue("is a date where the month goes; read day first it is " + day.get().format(
                            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)) + ", but a month is written as its first or last day: "
                            + MONTH_FIRST + " it would be " + us + ". Write months as yyyy-mm (e.g. 2025-04), or dates day first");
                }
                return day.map(d -> d.withDayOfMonth(d.lengthOfMonth()));
            } catch (BadValue e) {
                if (e.getMessage() != null && e.getMessage().contains(MONTH_FIRST)) {
                    throw e;
                }
                throw new BadValue("is not a month: write months as yyyy-mm (e.g. 2025-04) or April 2025");
            }
        }
        if (month < 1 || month > 12 || year < EARLIEST_DATE.getYear() || year > LATEST_DATE.getYear()) {
            throw new BadValue("is not a month: write months as yyyy-mm (e.g. 2025-04) or April 2025");
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return Optional.of(first.withDayOfMonth(first.lengthOfMonth()));
    }

    /**
     * For a month written as a date: the first of a month that reads only month first ("04/01/2025",
     * the 4th of January day first, is the 1st of April month first), as words, or null. A month
     * written as a date is its first day (or its last), so a day-first reading that is neither,
     * where the month-first one is the first, is a month-first export (as Power BI and US systems write).
     */
    private static String firstOfMonthWrittenMonthFirst(String v, LocalDate dayFirst) {
        Matcher m = SLASHED.matcher(v);
        if (!m.matches() || dayFirst.getDayOfMonth() == 1 || dayFirst.getDayOfMonth() == dayFirst.lengthOfMonth()
                || dayFirst.getMonthValue() != 1) {
            return null;
        }
        return monthFirst(v);
    }

    private static int monthNumber(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (n.startsWith(months[i]) && (n.length() == 3 || java.time.Month.of(i + 1).name().toLowerCase(Locale.ROOT).startsWith(n)
                    || "sept".equals(n))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** true/false, Y/N, Yes/No, 1/0. */
    public static Optional<Boolean> flag(String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            // A tick or cross is how a spreadsheet's checklist says yes or no.
            case "true", "y", "yes", "1", "1.0", "t", "\u2713", "\u2714", "\u2611" -> Optional.of(true);
            case "false", "n", "no", "0", "0.0", "f", "\u2717", "\u2718", "\u2612" -> Optional.of(false);
            default -> throw new BadValue("is not a yes/no value: use Y or N (or true/false, 1/0)");
        };
    }

    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.0+)?");

    /**
     * A whole number, allowing the "3.0" form spreadsheets export and their thousands separators
     * ("1,000"). Not a score with its label ("4 - Agree"): forms number their scales both ways, and
     * "4 - Disagree" on a scale running from strongly agree would be read as agreeing.
     */
    public static Optional<Integer> wholeNumber(String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        try {
            String v = value.strip();
            // Excel's thousands format, as a CSV saved from it writes it: "1,000" (never "1,0", which is no number).
            BigDecimal number = new BigDecimal(GROUPED.matcher(v).matches() ? v.replace(",", "") : v);
            return Optional.of(number.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadValue("is not a whole number");
        }
    }

    /** What exports and people write where an identifier is missing: a database's NULL, Excel's #N/A from a failed lookup. */
    private static final java.util.Set<String> NOT_AN_ID = java.util.Set.of("null", "n/a", "na", "#n/a", "#ref!", "#value!",
            "#name?", "unknown", "not known", "none", "-", "--");

    /**
     * An identifier as the case-management system wrote it, undoing a spreadsheet's number
     * formatting ("1234.0" and "001234" are "1234"), in capitals: "bed10022" in one table and "BED10022" in
     * another (a table retyped, or exported by another report) are one child, where read as written
     * the child's assessments were linked to no episode and counted apart from them.
     */
    public static Optional<String> identifier(String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        String v = value.strip();
        if (NOT_AN_ID.contains(v.toLowerCase(Locale.ROOT))) {
            // Every row so written would be one child (or practitioner, or family) to the counts.
            throw new BadValue("is '" + v + "', which names no one: every row needs its own identifier (rows without one "
                    + "cannot be counted, and all of them would count as one)");
        }
        Matcher numeric = NUMERIC_ID.matcher(v);
        if (numeric.matches()) {
            v = numeric.group(1);
        }
        if (ALL_DIGITS.matcher(v).matches() && v.length() <= 100) {
            // A number's leading zeros are lost to a spreadsheet ("0010022" opened in Excel is 10022): one child
            // either way, where read as written a year's plans were counted again beside the next year's.
            return Optional.of(v.replaceFirst("^0+(?=\\d)", ""));
        }
        int listed = listedIdentifiers(v);
        if (listed > 1) {
            // A course's attendees in one cell ("P11367; P10206; P10871"): read as it stands it is one person.
            throw new BadValue("holds " + listed + " references in one cell: give each its own row (as written, they would all "
                    + "count as one)");
        }
        if (v.length() > 100) {
            throw new BadValue("is too long for an identifier (more than 100 characters)");
        }
        return Optional.of(v.toUpperCase(Locale.ROOT));
    }

    /**
     * How many identifiers a cell lists, separated by semicolons, line breaks or commas, each
     * a reference with a digit and a letter in it ("P11367; P10206"): 1 for a single identifier, and
     * for anything else ("123,456" is a number Excel wrote with its thousands separator; "Smith, Jo"
     * is no list of references).
     */
    static int listedIdentifiers(String v) {
        // Most identifiers have no separator at all: nothing to split (the splits were 6% of loading a national extract).
        if (v.indexOf(';') < 0 && v.indexOf(',') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return 1;
        }
        // Semicolons and line breaks separate nothing else in a reference: any references so listed ("11367; 10206", NHS
        // numbers "485 777 3456; 943 476 5919").
        List<String> listed = java.util.Arrays.stream(v.split("\\s*[;\\r\\n]+\\s*")).filter(p -> !p.isEmpty()).toList();
        if (listed.size() > 1 && listed.stream().allMatch(p -> ONE_IDENTIFIER.matcher(p).matches() && p.chars().anyMatch(Character::isDigit))) {
            return listed.size();
        }
        // A comma is also Excel's thousands separator: references each with a letter and a digit ("P11367, P10206").
        List<String> parts = java.util.Arrays.stream(v.split("\\s*,\\s*")).filter(p -> !p.isEmpty()).toList();
        return parts.size() > 1 && parts.stream().allMatch(p -> ONE_IDENTIFIER.matcher(p).matches() && p.indexOf(' ') < 0
                && p.chars().anyMatch(Character::isDigit) && p.chars().anyMatch(Character::isLetter)) ? parts.size() : 1;
    }

    private static final Pattern ONE_IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.\\- ]{1,40}");

    /**
     * The code at the front of a value that may carry its label: "N1 - Abuse or neglect" is N1,
     * "a) Neglect" is "a" (callers that accept labels map those themselves), "NEG" is NEG.
     */
    public static String leadingCode(String value) {
        String v = value.strip();
        Matcher m = LEADING_CODE.matcher(v);
        return (m.matches() ? m.group(1) : v).toUpperCase(Locale.ROOT);
    }

    /** Lower case, letters and digits only: how headers and labels are compared. */
    public static String squash(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
