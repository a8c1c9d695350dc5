package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorDefinition;
import org.neglectscorecard.indicators.IndicatorDefinition.Unit;
import org.neglectscorecard.testing.IndicatorsFile;
import org.neglectscorecard.testing.Outsider;
import org.neglectscorecard.testing.SampleRun;

/**
 * The sample partnership's indicators-published.csv, read by an outsider: it works out no withheld
 * figure, and shows no count of 1 to 5 children or families anywhere (value, numerator, denominator,
 * or denominator less numerator).
 */
class PublishedSampleTest {

    static final Catalogue CATALOGUE = Catalogue.load("sql");

    @Test
    void anOutsiderWorksOutNothingWithheldFromTheSamplesPublishedCopy() throws Exception {
        IndicatorsFile full = IndicatorsFile.read(SampleRun.outputs().resolve("indicators.csv"));
        IndicatorsFile published = IndicatorsFile.read(SampleRun.outputs().resolve("indicators-published.csv"));
        assertThat(published.rows()).hasSameSizeAs(full.rows());
        Set<String> members = new HashSet<>();
        Map<Outsider.Cell, Long> truth = new HashMap<>();
        List<Outsider.Seen> seen = new ArrayList<>();
        int withheld = 0;
        for (CSVRecord r : published.rows()) {
            String area = r.get("area_code");
            if (!area.equals(SampleRun.PARTNERSHIP)) {
                members.add(area);
            }
            boolean hidden = "c".equals(r.get("value"));
            withheld += hidden ? 1 : 0;
            assertThat(Boolean.parseBoolean(r.get("suppressed"))).isEqualTo(hidden);
            if (hidden) {
                assertThat(r.get("numerator") + r.get("denominator")).as("nothing printed beside [c]: " + r).isEmpty();
            }
            seen.add(new Outsider.Seen(r.get("indicator_id"), area, LocalDate.parse(r.get("period_end")), r.get("breakdown"),
                    hidden ? null : number(r.get("value")), number(r.get("numerator")), number(r.get("denominator")), null, null));
            CSVRecord t = full.row(r.get("indicator_id"), area, r.get("period_end"), r.get("breakdown"));
            IndicatorDefinition d = CATALOGUE.get(r.get("indicator_id")).orElseThrow();
            LocalDate end = LocalDate.parse(r.get("period_end"));
            if (d.unit() == Unit.count) {
                truth.put(new Outsider.Cell(d.id(), false, area, end, r.get("breakdown")), number(t.get("value")).longValue());
                assertThat(!hidden && small(d.id(), t.get("value"))).as("a small number shown: " + r).isFalse();
            } else if (d.numerator() != null) {
                truth.put(new Outsider.Cell(d.numerator(), false, area, end, r.get("breakdown")), number(t.get("numerator")).longValue());
                assertThat(!hidden && small(d.numerator(), t.get("numerator"))).as("a small numerator shown: " + r).isFalse();
                if (!d.isRate()) {
                    truth.put(new Outsider.Cell(d.denominator(), false, area, end, r.get("breakdown")), number(t.get("denominator")).longValue());
                    assertThat(!hidden && small(d.denominator(), t.get("denominator"))).as("a small denominator shown: " + r).isFalse();
                    assertThat(!hidden && DisclosurePropertyTest.smallComplement(d, number(t.get("numerator")),
                            number(t.get("denominator")))).as("a small number not counted, shown: " + r).isFalse();
                }
            }
        }
        assertThat(withheld).as("the sample has small numbers to withhold").isGreaterThan(100);
        Outsider outsider = new Outsider(CATALOGUE::get, SampleRun.PARTNERSHIP, members).read(seen);
        assertThat(outsider.recovered(truth)).isEmpty();
    }

    /** Sheets that show our figure beside DfE's (Benchmarks, Reconciliation) withhold it where indicators.csv does. */
    /**
     * A partnership's percentage is formed from its LAs' summed numerators and denominators
     * (INDICATORS.md), breakdown by breakdown, and each LA with a group in the denominator has a row
     * for it, 0 where none is counted: an LA's 0 of 1 was missing beside the partnership's 1 of 2.
     */
    @Test
    void aPartnershipsPercentagesAreItsLasSummedRowsGroupByGroup() throws Exception {
        IndicatorsFile full = IndicatorsFile.read(SampleRun.outputs().resolve("indicators.csv"));
        Map<String, long[]> summed = new HashMap<>();
        Map<String, long[]> partnership = new HashMap<>();
        for (CSVRecord r : full.rows()) {
            if (!"CLA_START_N1_PCT".equals(r.get("indicator_id"))) {
                continue;
            }
            String key = r.get("period_end") + "|" + r.get("breakdown");
            long[] nd = {Long.parseLong(r.get("numerator")), Long.parseLong(r.get("denominator"))};
            if (r.get("area_code").equals(SampleRun.PARTNERSHIP)) {
                partnership.put(key, nd);
            } else {
                summed.merge(key, nd, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        assertThat(partnership).isNotEmpty();
        partnership.forEach((key, nd) -> assertThat(summed.get(key)).as(key).containsExactly(nd[0], nd[1]));
        assertThat(full.value("CLA_START_N1_PCT", "E06000055", "2021-03-31", "ethnicity=Refused or not obtained")).isEqualTo("0.0");
    }

    @Test
    void theWorkbookShowsNoWithheldFigureBesideDfesFigures() throws Exception {
        IndicatorsFile full = IndicatorsFile.read(SampleRun.outputs().resolve("indicators.csv"));
        Map<String, Boolean> withheld = new HashMap<>();
        for (CSVRecord r : full.rows()) {
            if ("all".equals(r.get("breakdown"))) {
                withheld.put(r.get("indicator_id") + "|" + r.get("area_name") + "|" + r.get("period_end"),
                        Boolean.parseBoolean(r.get("suppressed")));
            }
        }
        Path book = SampleRun.outputs().resolve("scorecard-" + SampleRun.PARTNERSHIP + "-" + SampleRun.PERIOD + ".xlsx");
        try (var in = java.nio.file.Files.newInputStream(book); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            for (String sheet : List.of("Benchmarks", "Reconciliation")) {
                var table = wb.getSheet(sheet).getTables().get(0);
                int first = table.getStartCellReference().getRow();
                for (int i = first + 1; i <= table.getEndCellReference().getRow(); i++) {
                    var row = wb.getSheet(sheet).getRow(i);
                    String key = row.getCell(0).getStringCellValue() + "|" + row.getCell(2).getStringCellValue() + "|"
                            + row.getCell(3).getStringCellValue();
                    var ours = row.getCell(4);
                    if (Boolean.TRUE.equals(withheld.get(key))) {
                        assertThat(ours.getCellType()).as(sheet + " " + key).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                        assertThat(ours.getStringCellValue()).as(sheet + " " + key).isEqualTo("[c]");
                    }
                }
            }
        }
    }

    /**
     * An LA's withheld percentage is not ranked where it may leave the partnership: with every other
     * LA's figure public at DfE, the rank gives back the one count out of its published denominator
     * that ranks there (a fresh-eye reader recovered Luton's 5 of 30 children who started to be
     * looked after for another reason from benchmarks.csv's 83.3 and from the Year on year sheet's
     * rank 131 of 150).
     */
    @Test
    void aWithheldFigureIsNeitherShownNorRankedInTheCopiesToShare() throws Exception {
        IndicatorsFile full = IndicatorsFile.read(SampleRun.outputs().resolve("indicators.csv"));
        Set<String> withheldHeadlines = new HashSet<>();
        Map<String, String> nameOf = new HashMap<>();
        for (CSVRecord r : full.rows()) {
            nameOf.put(r.get("area_code"), r.get("area_name"));
            if ("all".equals(r.get("breakdown")) && Boolean.parseBoolean(r.get("suppressed"))) {
                withheldHeadlines.add(r.get("indicator_id") + "|" + r.get("area_code") + "|" + r.get("period_end"));
            }
        }
        List<String> exact = java.nio.file.Files.readAllLines(SampleRun.outputs().resolve("benchmarks.csv"));
        List<String> shared = java.nio.file.Files.readAllLines(SampleRun.outputs().resolve("benchmarks-published.csv"));
        assertThat(shared).hasSameSizeAs(exact);
        assertThat(shared.get(0)).isEqualTo(exact.get(0));
        int ranksWithheld = 0;
        for (int i = 1; i < exact.size(); i++) {
            String[] e = exact.get(i).split(",", -1);
            String[] p = shared.get(i).split(",", -1);
            if (withheldHeadlines.contains(e[0] + "|" + e[1] + "|" + e[2])) {
                assertThat(p[3]).as(shared.get(i)).isEqualTo("c");
                assertThat(p[8]).as(shared.get(i)).isIn("c", "");
                assertThat(p[10]).as(shared.get(i)).isIn("c", "");
                ranksWithheld += "c".equals(p[8]) ? 1 : 0;
                assertThat(String.join(",", java.util.Arrays.copyOfRange(p, 4, 8)))
                        .isEqualTo(String.join(",", java.util.Arrays.copyOfRange(e, 4, 8)));
            } else {
                assertThat(shared.get(i)).isEqualTo(exact.get(i));
            }
        }
        assertThat(ranksWithheld).as("the sample has ranked LA figures that are withheld").isGreaterThan(0);

        Set<String> withheldByName = new HashSet<>();
        withheldHeadlines.forEach(k -> {
            String[] x = k.split("\\|");
            withheldByName.add(x[0] + "|" + nameOf.get(x[1]) + "|" + x[2]);
        });
        Path book = SampleRun.outputs().resolve("scorecard-" + SampleRun.PARTNERSHIP + "-" + SampleRun.PERIOD + ".xlsx");
        int yearOnYearRanksWithheld = 0;
        try (var in = java.nio.file.Files.newInputStream(book); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = wb.getSheet("Year on year");
            var table = sheet.getTables().get(0);
            for (int i = table.getStartCellReference().getRow() + 1; i <= table.getEndCellReference().getRow(); i++) {
                var row = sheet.getRow(i);
                String key = row.getCell(0).getStringCellValue() + "|" + row.getCell(2).getStringCellValue() + "|"
                        + row.getCell(3).getStringCellValue();
                if (withheldByName.contains(key)) {
                    var rank = row.getCell(11);
                    assertThat(rank.getCellType()).as("Year on year, rank of " + key)
                            .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                    yearOnYearRanksWithheld += "[c]".equals(rank.getStringCellValue()) ? 1 : 0;
                }
            }
        }
        assertThat(yearOnYearRanksWithheld).as("withheld LA figures the Year on year sheet would have ranked").isGreaterThan(0);

        // Nor is it said beside England's ("England's figure was 57.6% at 31 March 2022, when Bedford's was 84.8%"),
        // in the workbook's sentences or the board pack.
        String words;
        try (var zip = new java.util.zip.ZipFile(book.toFile())) {
            words = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8).replace("&apos;", "'");
        }
        Path pack = SampleRun.outputs().resolve("board-pack-" + SampleRun.PARTNERSHIP + "-" + SampleRun.PERIOD + ".html");
        words += java.nio.file.Files.readString(pack).replace("&#39;", "'");
        int sentencesChecked = 0;
        for (int i = 1; i < exact.size(); i++) {
            String[] e = exact.get(i).split(",", -1);
            if (withheldHeadlines.contains(e[0] + "|" + e[1] + "|" + e[2]) && !e[3].isEmpty() && e[0].endsWith("_PCT")) {
                assertThat(words).doesNotContain("when " + nameOf.get(e[1]) + "'s was " + e[3] + "%");
                sentencesChecked++;
            }
        }
        assertThat(sentencesChecked).isGreaterThan(0);
        assertThat(words).as("the sentences the check reads are there").contains("England's figure was");
    }

    /**
     * Protecting the few leaves the partnership's monthly charts of plans started drawn: in the sample
     * no month of them is 1 to 5 children, and the sums that gave away an LA's withheld counts were
     * once broken by withholding the cheapest cell near them (a partnership's month, which takes the
     * whole chart with it) rather than a cell the working out used (an LA's 12-month figure).
     */
    @Test
    void thePartnershipsMonthlyChartsOfPlansStartedAreDrawn() throws Exception {
        Path book = SampleRun.outputs().resolve("scorecard-" + SampleRun.PARTNERSHIP + "-" + SampleRun.PERIOD + ".xlsx");
        Map<String, String> readings = new HashMap<>();
        try (var in = java.nio.file.Files.newInputStream(book); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var trends = wb.getSheet("Trends");
            String chart = null;
            for (var row : trends) {
                for (var cell : row) {
                    if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                        continue;
                    }
                    String text = cell.getStringCellValue();
                    var id = java.util.regex.Pattern.compile("\\(([A-Z0-9_]+)\\), ").matcher(text);
                    if (id.find()) {
                        chart = id.group(1);
                    } else if (text.startsWith("Latest month:") && chart != null) {
                        readings.put(chart, text);
                    }
                }
            }
        }
        for (String id : List.of("CPP_START", "CPP_START_NEG_INIT", "CPP_START_NEG_INIT_PCT", "CPP_START_NEG_LATEST",
                "CPP_START_NEG_LATEST_PCT", "EH_TO_CP_NEG_RATIO")) {
            assertThat(readings.get(id)).as(id).isNotNull().doesNotContain("the figure is withheld");
        }
    }

    private static boolean small(String series, String value) {
        boolean people = CATALOGUE.get(series).map(x -> x.counts().isPeople()).orElse(false);
        BigDecimal v = number(value);
        return people && v != null && v.signum() > 0 && v.compareTo(BigDecimal.valueOf(DisclosureControl.SMALL)) <= 0;
    }

    private static BigDecimal number(String s) {
        return s == null || s.isEmpty() || "c".equals(s) ? null : new BigDecimal(s);
    }
}
