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
            return "no month of this run (other returns serve them)";
        }
        return ranges.size() == 1 ? ranges.get(0)
                : String.join(", ", ranges.subList(0, ranges.size() - 1)) + " and " + ranges.get(ranges.size() - 1);
    }

    private static String range(java.time.YearMonth a, java.time.YearMonth b) {
        return a.equals(b) ? MONTH.format(a) : MONTH.format(a) + " to " + MONTH.format(b);
    }

    public static String text(String jobName, String partnershipName, LocalDate period, LocalDate[] span,
                              List<RunInputs.MissingColumn> missing, List<RunInputs.InputSummary> inputs, List<String> messages,
                              List<IndicatorDefinition> published, Set<String> withValueAtPeriod, String outputFolder,
                              String workbookName, long problems) {
        StringBuilder s = new StringBuilder();
        s.append("Neglect scorecard: ").append(jobName).append(", month ending ").append(period.format(DAY)).append('\n');
        s.append("Partnership: ").append(partnershipName).append('\n');
        if (span != null) {
            s.append("The data covers ").append(span[0].format(DAY)).append(" to ").append(span[1].format(DAY)).append('\n');
        }
        if (!missing.isEmpty()) {
            // First, because these figures are missing, not zero: the person running it must fix a file.
            s.append('\n').append("SOME FIGURES HAVE NO VALUE because a file lacks a column they need (fix the file, then run the period again with 'rerun'):\n");
            for (RunInputs.MissingColumn m : missing) {
                List<String> named = new java.util.ArrayList<>();
                for (int i = 0; i < m.indicators().size(); i++) {
                    String title = i < m.titles().size() ? m.titles().get(i) : m.indicators().get(i);
                    named.add(title.equals(m.indicators().get(i)) ? title : "'" + title + "' (" + m.indicators().get(i) + ")");
                }
                String which = named.size() <= 3 ? String.join(", ", named)
                        : String.join(", ", named.subList(0, 3)) + " and " + (named.size() - 3) + " more built on them";
                s.append("  - ").append(m.file()).append(" has no ").append(m.fileColumn())
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
        if (!messages.isEmpty()) {
            s.append("\nPlease note:\n");
            messages.forEach(m -> s.append("  - ").append(m).append('\n'));
        }
        List<IndicatorDefinition> withoutValue = published.stream().filter(d -> !withValueAtPeriod.contains(d.id())).toList();
        s.append('\n').append(published.size() - withoutValue.size()).append(" of ").append(published.size())
                .append(" indicators have a value for the partnership for ").append(period.format(DAY)).append(".\n");
        for (IndicatorDefinition d : withoutValue) {
            RunInputs.MissingColumn why = missing.stream().filter(m -> m.indicators().contains(d.id())).findFirst().orElse(null);
            s.append("  - ").append(d.id()).append(": no value. ").append(why == null ? "It needs " + needs(d)
                    : why.file() + " has no " + why.fileColumn() + " (see the top of this summary)").append(".\n");
        }
        s.append('\n').append("Outputs in ").append(outputFolder).append(":\n");
        s.append("  ").append(workbookName).append("  (the scorecard workbook)\n");
        String pack = workbookName.replaceFirst("^scorecard-", "board-pack-").replaceFirst("\\.xlsx$", "");
        s.append("  ").append(pack).append(".pdf  (the board pack: at most ").append(BoardPack.MAX_PAGES)
                .append(" pages for the board paper, accessible PDF)\n");
        s.append("  ").append(pack).append(".html  (the same board pack as a web page)\n");
        s.append("  indicators.csv  (every value, exact, with a flag where small numbers are withheld)\n");
        s.append("  indicators-published.csv  (the copy to share: small numbers withheld)\n");
        s.append("  benchmarks.csv  (rates and percentages beside England, the region and statistical neighbours)\n");
        s.append("  rejects.csv  (").append(problems).append(problems == 1 ? " problem" : " problems").append(" found in the inputs)\n");
        s.append("  charts/  (a trend chart per indicator, PNG)\n");
        s.append("  run-summary.txt  (this summary)\n");
        return s.toString();
    }

    private static String needs(IndicatorDefinition d) {
        String sources = d.source();
        return d.measure() == IndicatorDefinition.Measure.in_year
                ? "12 months of data to the period from every area (" + sources + ")"
                : "data covering the period from every member LA (" + sources + ")" + (d.isBase() ? "" : ", and a denominator above zero");
    }

    public static Set<String> idsWithValue(List<IndicatorValue> values, String area, LocalDate period) {
        return values.stream().filter(v -> v.isHeadline() && v.areaCode().equals(area) && v.periodEnd().equals(period))
                .map(IndicatorValue::indicatorId).collect(Collectors.toSet());
    }
}
