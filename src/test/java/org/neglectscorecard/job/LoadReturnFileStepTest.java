package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputScanner.InputFile;
import org.neglectscorecard.store.LoadCompletion;
import org.neglectscorecard.store.SourceFiles;
import org.neglectscorecard.testing.TestApp;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neglectscorecard.testing.Database;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;

/**
 * The file-loading step alone, on a table set with broken rows beside good ones
 * (src/test/resources/fixtures/cin-tables-broken, whose README lists each problem): read, write
 * and skip counts, and every rejection located and explained.
 */
@ParameterizedClass
@EnumSource(Database.class)
class LoadReturnFileStepTest {

    @Parameter
    Database database;

    @TempDir
    Path dir;

    /**
     * Rows loaded are counted in the store, never worked out as read minus rejected: a row that
     * went missing between reading and storing (here, taken out behind the loader's back) shows
     * as read = loaded + rejected failing, and is said.
     */
    @Test
    void rowsLoadedAreCountedInTheStoreSoARowLostOnTheWayIsCaught() throws Exception {
        try (TestApp app = TestApp.start(database, dir.resolve("data-lost"))) {
            Loaded loaded = loadFixture(app);
            DSLContext dsl = app.bean(DSLContext.class);
            assertThat(dsl.execute("DELETE FROM cp_plan")).isEqualTo(2);
            LoadCompletion.Outcome outcome = app.bean(LoadCompletion.class).complete(loaded.id(), loaded.file());
            assertThat(outcome.rowsRead()).isEqualTo(17);
            assertThat(outcome.rowsRejected()).isEqualTo(5);      // the duplicate plan is gone too: nothing to reject
            assertThat(outcome.rowsLoaded()).isEqualTo(10);
            assertThat(outcome.rowsRead()).isNotEqualTo(outcome.rowsLoaded() + outcome.rowsRejected());
            assertThat(dsl.fetchValue("SELECT reason FROM rejection WHERE source_file_id = ? AND outcome = 'note' AND reason LIKE '%neither%'",
                    loaded.id())).asString().startsWith("2 rows were read but are neither stored nor rejected");
        }
    }

    private record Loaded(InputFile file, long id) {
    }

    private Loaded loadFixture(TestApp app) throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/cin-tables-broken").toURI());
        List<InputFile> found = app.bean(InputScanner.class).scan(fixture);
        InputFile file = found.get(0);
        long id = app.bean(SourceFiles.class).register(file.checksum(), file.format().name(), file.displayName(),
                file.folderLaCode(), file.size(), file.modified()).getSourceFileId();
        JobOperatorTestUtils batch = new JobOperatorTestUtils(app.bean(JobOperator.class), app.bean(JobRepository.class));
        batch.setJob(app.bean(Job.class));
        ExecutionContext jobContext = new ExecutionContext();
        jobContext.put(CheckInputsTasklet.TO_LOAD, new java.util.ArrayList<>(List.of(file)));
        JobExecution execution = batch.startStep("loadReturns", batch.getUniqueJobParameters(), jobContext);
        assertThat(execution.getStepExecutions()).allMatch(s -> s.getStatus() == BatchStatus.COMPLETED);
        return new Loaded(file, id);
    }

    @Test
    void brokenRowsAreRejectedWithTheirPlaceAndGoodOnesLoaded() throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/cin-tables-broken").toURI());
        try (TestApp app = TestApp.start(database, dir.resolve("data"))) {
            List<InputFile> found = app.bean(InputScanner.class).scan(fixture);
            assertThat(found).extracting(InputFile::format).containsExactly(InputScanner.Format.CIN_CENSUS_TABLES);
            InputFile file = found.get(0);
            long id = app.bean(SourceFiles.class).register(file.checksum(), file.format().name(), file.displayName(),
                    file.folderLaCode(), file.size(), file.modified()).getSourceFileId();

            JobOperatorTestUtils batch = new JobOperatorTestUtils(app.bean(JobOperator.class), app.bean(JobRepository.class));
            batch.setJob(app.bean(Job.class));
            // The files to load, as the checkInputs step leaves them for the partitioned load step.
            ExecutionContext jobContext = new ExecutionContext();
            jobContext.put(CheckInputsTasklet.TO_LOAD, new java.util.ArrayList<>(List.of(file)));
            JobExecution execution = batch.startStep("loadReturns", batch.getUniqueJobParameters(), jobContext);

            StepExecution step = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().startsWith("loadReturnFile:")).findFirst().orElseThrow();
            assertThat(step.getStatus()).as(step.getFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(step.getReadCount()).isEqualTo(17);        // blank trailing row not counted
            assertThat(step.getProcessSkipCount()).isEqualTo(5);
            assertThat(step.getWriteCount()).isEqualTo(12);

            LoadCompletion.Outcome outcome = app.bean(LoadCompletion.class).complete(id, file);
            assertThat(outcome.status()).isEqualTo(SourceFiles.LOADED);
            assertThat(outcome.rowsRead()).isEqualTo(17);
            assertThat(outcome.rowsRejected()).isEqualTo(6);      // and the duplicate plan
            assertThat(outcome.rowsLoaded()).isEqualTo(11);

            DSLContext dsl = app.bean(DSLContext.class);
            List<String> problems = dsl.fetch("SELECT sheet, row_number, column_name, value_shown, outcome, reason FROM rejection "
                            + "WHERE source_file_id = ? ORDER BY sheet, row_number, column_name", id)
                    .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4));
            // Each problem names the CSV file it is in (its path in the input folder), not only the folder.
            assertThat(problems).containsExactlyInAnyOrder(
                    "ChildIdentifiers.csv|4|LA Child ID|null|row rejected",
                    "ChildIdentifiers.csv|5|person_birth_date|(withheld)|value left out",
                    "ChildCharacteristics.csv|4|Ethnicity|XXXX|value left out",
                    "CINdetails.csv|4|CINreferralDate|(withheld)|row rejected",  // words in a date column could be a name
                    "CINdetails.csv|5|CINclosureDate|2021-07-01|row rejected",
                    "ChildProtectionPlans.csv|3|CPPendDate|2021-06-01|row rejected",
                    "ChildProtectionPlans.csv|4|CPPstartDate|null|row rejected",
                    "ChildProtectionPlans.csv|5|CPPstartDate|null|row rejected",
                    // The set has no Assessments or CINplanDates file: what needs them is withheld, never zero.
                    "Assessments|null|null|null|note",
                    "CINplanDates|null|null|null|note");
            assertThat(dsl.fetch("SELECT store_table, store_column, file_table, file_column FROM absent_column "
                    + "WHERE source_file_id = ? ORDER BY store_table", id).map(r -> r.intoList().toString()))
                    .containsExactly("[assessment, authorised_date, Assessments, AssessmentAuthorisationDate]",
                            "[cin_plan, start_date, CINplanDates, CINPlanStartDate]");
            assertThat(dsl.fetchValue("SELECT reason FROM rejection WHERE source_file_id = ? AND sheet = 'CINdetails.csv' AND row_number = 5", id))
                    .asString().contains("closes (2021-07-01) before its referral date (2021-07-23)");
            assertThat(dsl.fetchValue("SELECT reason FROM rejection WHERE source_file_id = ? AND sheet = 'ChildProtectionPlans.csv' AND row_number = 4", id))
                    .asString().contains("already has a child protection plan starting the same day at row 2");

            // "1002.0" and "1002" are one child: characteristics join the identifiers.
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM child_profile WHERE ethnicity = 'APKN' AND birth_date = DATE '2016-01-31'")).isEqualTo(1L);
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM child_profile WHERE gender = '2'")).isEqualTo(2L);
            List<LocalDate> referrals = dsl.fetch("SELECT referral_date FROM cin_episode ORDER BY referral_date")
                    .map(r -> r.get(0, LocalDate.class));
            assertThat(referrals).containsExactly(LocalDate.of(2021, 5, 1), LocalDate.of(2021, 6, 15));
            Record plan = dsl.fetchOne("SELECT initial_category, latest_category, previous_plans FROM cp_plan");
            assertThat(plan.intoArray()).containsExactly("NEG", "NEG", 0);
            // No identifier is stored anywhere: only keyed hashes.
            assertThat(dsl.fetchValue("SELECT COUNT(*) FROM child WHERE child_key IN ('C1', '1002', 'C5')")).isEqualTo(0L);
        }
    }
}
