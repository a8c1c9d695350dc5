package org.neglectscorecard.ingest.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator.Report;
import org.neglectscorecard.sample.CensusReturnWriter;
import org.neglectscorecard.testing.ReturnBuilder;
import org.neglectscorecard.testing.Validate;

/**
 * A census of a year before DfE collected CIN plan dates (2021-22) has none, rightly: it is said as
 * nothing to add, never as a column to add before the run (which made 'validate' end "some figures
 * would have no value", exit 3, for a correct return).
 */
class NotYetCollectedTest {

    @TempDir
    Path dir;

    @Test
    void aCensusFromBeforeCinPlanDatesIsNotToldToAddThem() throws Exception {
        var census = new ReturnBuilder("821", LocalDate.of(2019, 3, 31));
        census.child("A").episode("2018-05-01", null, "N1").cpp("2018-06-01", null, "NEG", "NEG", 0).end().done();
        CensusReturnWriter.writeXml(census.build(), dir.resolve("input/821/census.xml"));

        Report report = Validate.folder(dir.resolve("input"));

        assertThat(report.problems()).extracting(p -> p.rejection().reason())
                .anyMatch(r -> r.contains("has no CINplanDates (DfE first collected CIN plan dates in the 2021-22 census, so a 2018-19 "
                        + "return has none: nothing to add): the CIN plan indicators have no value"))
                .noneMatch(r -> r.contains("will have no value"));
    }
}
