package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.testing.Validate;

/**
 * A partner's log with one required heading in words of its own ("When assessed") is not read, but
 * the person is told which template it looks like and which heading to rename; a table like no
 * template is only said to be no return.
 */
class LooksLikeATemplateTest {

    @TempDir
    Path dir;

    @Test
    void aLogMissingOneHeadingIsToldWhichTemplateAndWhichHeading() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Files.writeString(input.resolve("gcp2.csv"), "Assessment reference,Child reference,When assessed,Agency,Tier,"
                + "Physical care,Safety,Love and care,Esteem\nG1,C1,2025-01-10,Health,Early help,3,2,2,3\n");
        Files.writeString(input.resolve("rota.csv"), "Staff,Team,When,What\nP1,Health,2025-01-01,Neglect\n");
        InputValidator.Report report = Validate.folder(input);
        assertThat(report.files()).filteredOn(f -> f.displayName().equals("gcp2.csv")).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("It looks most like the template for Graded Care Profile 2 "
                        + "assessments (sample-data/templates/gcp2-template.xlsx) but has no column headed 'Assessment date': "
                        + "rename the heading that holds it so, and it will be read"));
        assertThat(report.files()).filteredOn(f -> f.displayName().equals("rota.csv")).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("matches no known return").doesNotContain("looks most like"));
    }
}
