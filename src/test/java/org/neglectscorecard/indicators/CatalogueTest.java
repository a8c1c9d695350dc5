package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue in sql/indicators is complete, consistent, and its mistakes are explained. */
class CatalogueTest {

    @TempDir
    Path dir;

    @Test
    void everyCpAndCinIndicatorOfTheSpecIsInTheCatalogue() {
        Catalogue c = Catalogue.load("sql");
        assertThat(c.indicators()).extracting(IndicatorDefinition::id).contains("CPP_OPEN", "CPP_OPEN_RATE",
                "CPP_OPEN_NEG_INIT", "CPP_OPEN_NEG_INIT_PCT", "CPP_OPEN_NEG_LATEST", "CPP_OPEN_NEG_LATEST_PCT",
                "CPP_OPEN_NEG_INIT_RATE", "CPP_START", "CPP_START_NEG_INIT", "CPP_START_NEG_INIT_PCT",
                "CPP_START_NEG_LATEST", "CPP_START_NEG_LATEST_PCT", "CPP_START_NEG_REPEAT_PCT", "CPP_OPEN_NEG_2YR",
                "CINP_OPEN", "CINP_OPEN_NEG", "CINP_OPEN_NEG_PCT", "CIN_OPEN_N1", "CIN_OPEN_N1_PCT", "ASSESS_NEG",
                "ASSESS_NEG_PCT");
        assertThat(c.get("CPP_OPEN_NEG_INIT").orElseThrow().breakdowns()).containsExactly("age_band", "gender", "ethnicity", "disability");
    }

    @Test
    void derivedIndicatorsComeAfterWhatTheyDeriveFrom() {
        List<IndicatorDefinition> order = Catalogue.load("sql").inComputeOrder();
        Set<String> done = new HashSet<>();
        for (IndicatorDefinition d : order) {
            if (!d.isBase()) {
                assertThat(done).contains(d.numerator());
                if (!d.isRate()) {
                    assertThat(done).contains(d.denominator());
                }
            }
            done.add(d.id());
        }
    }

    @Test
    void aMistakeNamesTheFileAndTheIndicator() throws Exception {
        Files.createDirectories(dir.resolve("indicators"));
        Files.writeString(dir.resolve("indicators/90-ours.yml"), """
                indicators:
                  - id: OUR_ONE
                    title: Ours
                    priority: Ours
                    source: ours
                    sources: [CIN_CENSUS]
                    polarity: sideways
                    unit: count
                    decimals: 0
                    counts: children
                    definition: ours
                    measure: in_year
                    sql: SELECT 1
                """);
        assertThatThrownBy(() -> Catalogue.loadFrom(dir.toUri().toString()))
                .hasMessageContaining("90-ours.yml").hasMessageContaining("OUR_ONE").hasMessageContaining("polarity")
                .hasMessageContaining("sideways");
    }

    @Test
    void aDerivedIndicatorMustNameIndicatorsThatExist() throws Exception {
        Files.createDirectories(dir.resolve("indicators"));
        Files.writeString(dir.resolve("indicators/90-ours.yml"), """
                indicators:
                  - id: OUR_PCT
                    title: Ours
                    priority: Ours
                    source: ours
                    polarity: up
                    unit: percent
                    decimals: 1
                    counts: none
                    definition: ours
                    measure: percent
                    numerator: NOT_THERE
                    denominator: CPP_OPEN
                """);
        assertThatThrownBy(() -> Catalogue.loadFrom(dir.toUri().toString())).hasMessageContaining("NOT_THERE is not in the catalogue");
    }
}
