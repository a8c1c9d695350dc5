package org.neglectscorecard.scorecard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.neglectscorecard.indicators.IndicatorDefinition;

/**
 * The short account of a run, printed at the end and saved beside the outputs: what was read,
 * what was rejected, where the workbook is, and which indicators have no value for the period
 * and why.
 */
public final class RunSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private RunSummary() {
    }

    /**
     * The months of the run's figures that the file's missing column leaves without a value, as
     * ranges ("April 2024 to March 2025, and June 2025"): the months the file serves, and for a
     * 12-month figure the year after, less those another return serves. Read from the figures
     * themselves, so what the summary says is what the outputs show.
     */
    static String monthsWithout(List<IndicatorValue> all, List<String> ids, String area, String partnership, LocalDate from,
                                LocalDate to, LocalDate period) {
        if (ids.isEmpty()) {
            return null;
        }
        java.util.Set<LocalDate> valued = new java.util.HashSet<>();
        // Months another member LA has a figure for: a month none has one for (an indicator read only at a return's
        // date, say) was never going to have a value, and is not the column's doing. (The partnership's figure goes
        // with any member's, so it says nothing here.)
        java.util.Set<LocalDate> elsewhere = new java.util.HashSet<>();
        for (IndicatorValue v : all) {
            if (v.indicatorId().equals(ids.get(0)) && v.isHeadline() && v.value() != null && !v.areaCode().equals(partnership)) {
                (v.areaCode().equals(area) ? valued : elsewhere).add(v.periodEnd());
            }
        }
        java.time.YearMonth last = java.time.YearMonth.from(to).plusMonths(11);
        if (last.isAfter(java.time.YearMonth.from(period))) {
            last = java.time.YearMonth.from(period);
        }
        List<String> ranges = new java.util.ArrayList<>();
        java.time.YearMonth start = null;
        java.time.YearMonth previous = null;
        for (java.time.YearMonth m = java.time.YearMonth.from(from); !m.isAfter(last); m = m.plusMonths(1)) {
            boolean gap = !valued.contains(m.atEndOfMonth()) && (elsewhere.isEmpty() || elsewhere.contains(m.atEndOfMonth()));
            if (!gap && !valued.contains(m.atEndOfMonth())) {
                // No area's figure this month: not the column's doing, and a range is not carried across it.
                if (start != null) {
                    ranges.add(range(start, previous));
                    start = null;
                }
                continue;
            }
            if (gap && start == null) {
                start = m;
            }
            if (!gap && start != null) {
                ranges.add(range(start, previous));
                start = null;
            }
            previous = m;
        }
        if (start != null) {
            ranges.add(range(start, previous));
        }
        if (ranges.isEmpty()) {
            return NO_MONTH;
        }
        return ranges.size() == 1 ? ranges.get(0)
                : String.join(", ", ranges.subList(0, ranges.size() - 1)) + " and " + ranges.get(ranges.size() - 1);
    }

    /** What {@link #monthsWithout} says when a file's lack costs no figure: another return serves its months. */
    static final String NO_MONTH = "no month of this run (other returns serve them)";

    private static String range(java.time.YearMonth a, java.time.YearMonth b) {
        return a.equals(b) ? MONTH.format(a) : MONTH.format(a) + " to " + MONTH.format(b);
    }

    /** More inputs than this and the console shows only those that need a look. */
    private static final int CONSOLE_INPUTS = 12;
    private static final java.util.regex.Pattern NEEDS_A_LOOK =
            java.util.regex.Pattern.compile("REJECTED|\\s[1-9][\\d,]* rejected|not used|rejected whole");

    /**
     * The summary as the console shows it at the end of a run. The run has just named each file as
     * it loaded it, so a long inputs table is cut to the files that need a look (rejected whole,
     * rows rejected, not used); run-summary.txt keeps the whole table.
     */
    public static String forConsole(String summary) {
        List<String> lines = summary.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("Inputs (")) {
                out.append(line).append('\n');
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && lines.get(end).startsWith("  ")) {
                end++;
            }
            List<String> table = lines.subList(i + 1, end);
            if (table.size() <= CONSOLE_INPUTS) {
                out.append(line).append('\n');
                table.forEach(l -> out.append(l).append('\n'));
            } else {
                // Worst first: files rejected whole, then those with most rows rejected, so a file half
                // rejected is not lost among a dozen with one row each.
                List<String> look = table.stream().filter(l -> NEEDS_A_LOOK.matcher(l).find())
                        .sorted(java.util.Comparator.comparingLong(RunSummary::weight).reversed()).toList();
                out.append(line, 0, line.length() - 1).append(", each with its counts and date in ").append(OutputWriter.SUMMARY)
                        .append(look.isEmpty() ? "; every file loaded with nothing rejected.\n"
                                : "; " + (look.size() == 1 ? "this one needs" : "these need") + " a look, worst first "
                                + "(details in rejects.csv):\n");
                look.stream().limit(CONSOLE_INPUTS).forEach(l -> out.append(l).append('\n'));
                if (look.size() > CONSOLE_INPUTS) {
                    out.append("  ... and ").append(look.size() - CONSOLE_INPUTS).append(" more (in ").append(OutputWriter.SUMMARY)
                            .append(")\n");
                }
            }
            i = end - 1;
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern ROWS_REJECTED = java.util.regex.Pattern.compile("\\s([\\d,]+) rejected");

    /** How much a line of the inputs table needs a look: a file rejected whole most, then by rows rejected. */
    private static long weight(String line) {
        if (line.contains("REJECTED") || line.contains("rejected whole")) {
            return Long.MAX_VALUE - (line.contains("rejected whole") ? 1 : 0);
        }
        java.util.regex.Matcher m = ROWS_REJECTED.matcher(line);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    /**
     * "28 problems found in the inputs: 13 rows rejected, 15 values left out": the count alone read
     * as rows rejected, where `history` gave 13 of them (a trial).
     */
    static String problemsFound(List<RunInputs.Problem> problems) {
        java.util.Map<String, Long> byOutcome = new java.util.LinkedHashMap<>();
        problems.stream().map(RunInputs.Problem::outcome).sorted().forEach(o -> byOutcome.merge(o, 1L, Long::sum));
        String each = String.join(", ", byOutcome.entrySet().stream().map(e -> String.format("%,d %s", e.getValue(),
                e.getValue() == 1 ? e.getKey() : plural(e.getKey()))).toList());
        return String.format("%,d %s found in the inputs", problems.size(), problems.size() == 1 ? "problem" : "problems")
                + (byOutcome.isEmpty() ? "" : ": " + each);
    }

    /** "row rejected" is "rows rejected", "note" "notes": the first word takes the plural. */
    private static String plural(String outcome) {
        int space = outcome.indexOf(' ');
        String first = space < 0 ? outcome : outcome.substring(0, space);
        return first + "s" + (space < 0 ? "" : outcome.substring(space));
    }

    public static String text(String jobName, String partnershipName, LocalDate period, LocalDate[] span,
                              List<RunInputs.MissingColumn> missing, List<RunInputs.InputSummary> inputs, List<String> messages,
                              List<IndicatorDefinition> published, Set<String> withValueAtPeriod, String outputFolder,
                              String workbookName, List<RunInputs.Problem> problems) {
        StringBuilder s = new StringBuilder();
        s.append("Neglect scorecard: ").append(jobName).append(", month ending ").append(period.format(DAY)).append('\n');
        s.append("Partnership: ").append(partnershipName).append('\n');
        if (span != null) {
            s.append("The data covers ").append(span[0].format(DAY)).append(" to ").append(span[1].format(DAY)).append('\n');
        }
        if (workbookName == null) {
            s.append('\n').append("NO SCORECARD WAS WRITTEN: none of the inputs gave a single figure. Fix the files below "
                    + "(what is wrong with each is in rejects.csv), then run the period again with 'rerun'.\n");
        }
        // A lack another return makes up for (an Annex A with only List 7, beside the census) costs no figure: a note.
        List<RunInputs.MissingColumn> costing = missing.stream().filter(m -> !NO_MONTH.equals(m.months())).toList();
        List<RunInputs.MissingColumn> madeUp = missing.stream().filter(m -> NO_MONTH.equals(m.months())).toList();
        if (!costing.isEmpty()) {
            // First, because these figures are missing, not zero: the person running it must fix a file.
            s.append('\n').append("SOME FIGURES HAVE NO VALUE because a file lacks a column they need, or none of its values can be read (fix the file, then run the period again with 'rerun'):\n");
            for (RunInputs.MissingColumn m : costing) {
                List<String> named = new java.util.ArrayList<>();
                for (int i = 0; i < m.indicators().size(); i++) {
                    String title = i < m.titles().size() ? m.titles().get(i) : m.indicators().get(i);
                    named.add(title.equals(m.indicators().get(i)) ? title : "'" + title + "' (" + m.indicators().get(i) + ")");
                }
                String which = named.size() <= 3 ? String.join(", ", named)
                        : String.join(", ", named.subList(0, 3)) + " and " + (named.size() - 3) + " more built on them";
                s.append("  - ").append(m.file()).append(' ').append(m.lacking())
                        .append(m.fileTable() == null || m.file().contains(m.fileTable()) ? "" : " in " + m.fileTable())
                        .append(": ").append(which).append(named.size() == 1 ? " has" : " have").append(" no value for ")
                        .append(m.areaName()).append(" for ")
                        .append(m.months() != null ? m.months() : MONTH.format(m.from()) + " to " + MONTH.format(m.to())
                                + " (12-month figures for the 11 months after too)")
                        .append(", shown as [x].\n");
            }
        }
        s.append('\n').append("Inputs (").append(inputs.size()).append("):\n");
        int width = inputs.stream().mapToInt(i -> i.displayName().length()).max().orElse(10);
        long rejectedFiles = 0;
        for (RunInputs.InputSummary i : inputs) {
            if ("REJECTED".equals(i.status())) {
                rejectedFiles++;
                s.append(String.format("  %-" + width + "s  REJECTED: %s%n", i.displayName(), i.message()));
            } else {
                String used = i.asAt() == null ? "not used" : "REFERENCE".equals(i.format()) ? "reference data" : "as at " + i.asAt();
                s.append(String.format("  %-" + width + "s  %,9d read %,9d loaded %,7d rejected   %s%n", i.displayName(),
                        i.rowsRead(), i.rowsLoaded(), i.rowsRejected(), used));
            }
        }
        if (rejectedFiles > 0) {
            s.append("  ").append(rejectedFiles).append(rejectedFiles == 1 ? " file was" : " files were")
                    .append(" rejected whole: nothing from ").append(rejectedFiles == 1 ? "it" : "them").append(" was used.\n");
        }
        List<String> notes = new java.util.ArrayList<>(messages);
        for (RunInputs.MissingColumn m : madeUp) {
            notes.add(m.file() + " " + m.lacking() + (m.fileTable() == null || m.file().contains(m.fileTable()) ? "" : " in "
                    + m.fileTable()) + ": no figure is lost, since other returns serve the months it covers for " + m.areaName() + ".");
        }
        if (!notes.isEmpty()) {
            s.append("\nPlease note:\n");
            notes.forEach(m -> s.append("  - ").append(m).append('\n'));
        }
        List<IndicatorDefinition> withoutValue = published.stream().filter(d -> !withValueAtPeriod.contains(d.id())).toList();
        s.append('\n').append(published.size() - withoutValue.size()).append(" of ").append(published.size())
                .append(" indicators have a value for the partnership for ").append(period.format(DAY)).append(".\n");
        // Said by what each lacks, by title: a thin month leaves dozens without a value, which one line
        // per indicator ID made a wall of codes.
        java.util.Map<String, List<String>> bySource = new java.util.LinkedHashMap<>();
        for (IndicatorDefinition d : withoutValue) {
            RunInputs.MissingColumn why = missing.stream().filter(m -> m.indicators().contains(d.id())).findFirst().orElse(null);
            String key = why == null ? "from " + sourceName(d)
                    : why.file() + " " + why.lacking() + ", see the top of this summary";
            bySource.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add("'" + d.title() + "'");
        }
        if (!withoutValue.isEmpty()) {
            s.append("The other ").append(withoutValue.size()).append(withoutValue.size() == 1 ? " has" : " have")
                    .append(" none this month:\n");
        }
        bySource.forEach((key, titles) -> {
            String named = titles.size() <= 4 ? String.join(", ", titles)
                    : String.join(", ", titles.subList(0, 3)) + " and " + (titles.size() - 3) + " more";
            s.append("  - ").append(key).append(" (").append(titles.size()).append("): ").append(named).append(".\n");
        });
        if (bySource.keySet().stream().anyMatch(k -> k.startsWith("from "))) {
            // Why, in general: the summary cannot say which of these it is for each figure.
            s.append("  (A figure has a value for the partnership when its source covers the month for every member LA, or "
                    + "a partnership-wide log does; a figure over a year needs the 12 months to it, a percentage or rate a "
                    + "denominator above zero, and a figure counted since the strategy began has none before it.)\n");
        }
        s.append('\n').append("Outputs in ").append(outputFolder).append(":\n");
        if (workbookName == null) {
            s.append("  rejects.csv  (").append(problemsFound(problems)).append(")\n");
            s.append("  run-summary.txt  (this summary)\n");
            return s.toString();
        }
        s.append("  ").append(workbookName).append("  (the scorecard workbook)\n");
        String pack = workbookName.replaceFirst("^scorecard-", "board-pack-").replaceFirst("\\.xlsx$", "");
        s.append("  ").append(pack).append(".pdf  (the board pack: at most ").append(BoardPack.MAX_PAGES)
                .append(" pages for the board paper, accessible PDF)\n");
        s.append("  ").append(pack).append(".html  (the same board pack as a web page)\n");
        s.append("  indicators.csv  (every value, exact, with a flag where small numbers are withheld)\n");
        s.append("  indicators-published.csv  (the copy to share: small numbers withheld)\n");
        s.append("  benchmarks.csv  (rates and percentages beside England, the region and statistical neighbours, exact)\n");
        s.append("  benchmarks-published.csv  (the copy to share: withheld figures, their ranks and quartiles as c)\n");
        s.append("  rejects.csv  (").append(problemsFound(problems)).append(")\n");
        s.append("  charts/  (a trend chart per indicator, PNG)\n");
        s.append("  run-summary.txt  (this summary)\n");
        return s.toString();
    }

    /** Where an indicator's data comes from, as the catalogue names it, without its template's number or the job file's settings. */
    private static String sourceName(IndicatorDefinition d) {
        String name = java.util.Arrays.stream(d.source().split(";\\s*"))
                .filter(part -> !part.startsWith("job file") && !part.startsWith("ONS "))
                .map(part -> part.replaceAll("\\s*\\(template [A-Z0-9]+\\)", ""))
                .collect(Collectors.joining(", "));
        return name.isBlank() ? d.source() : name;
    }

    public static Set<String> idsWithValue(List<IndicatorValue> values, String area, LocalDate period) {
        return values.stream().filter(v -> v.isHeadline() && v.areaCode().equals(area) && v.periodEnd().equals(period))
                .map(IndicatorValue::indicatorId).collect(Collectors.toSet());
    }
}
