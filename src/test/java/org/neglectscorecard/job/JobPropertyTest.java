package org.neglectscorecard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jooq.DSLContext;
import org.neglectscorecard.testing.TestApp;

/**
 * The real job on random, messy table sets: it never crashes, and every row of every file is
 * loaded or rejected with a reason (rows read = loaded + rejected). Few tries: each is a whole run.
 */
class JobPropertyTest {

    private static Path dir;
    private static TestApp app;
    private static final AtomicInteger RUN = new AtomicInteger();

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("job-property");
        app = TestApp.start(dir.resolve("data"));
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Provide
    Arbitrary<String> value() {
        return Arbitraries.oneOf(Arbitraries.of("SECRET-ID-1", "SECRET-ID-2", "1", "2", "2021-05-01", "2021-13-45", "",
                        "NEG", "a) Neglect", "EMO", "N1", "n9", "31/03/2022", "44300", "=cmd", "WBRI", "16A", "zz", "9999-12-31"),
                Arbitraries.strings().ofMaxLength(8));
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        return value().list().ofMinSize(1).ofMaxSize(8).list().ofMaxSize(12);
    }

    @Property(tries = 6)
    void theJobNeverCrashesAndEveryRowIsLoadedOrRejected(@ForAll("rows") List<List<String>> children,
                                                         @ForAll("rows") List<List<String>> episodes,
                                                         @ForAll("rows") List<List<String>> plans) throws Exception {
        int n = RUN.incrementAndGet();
        Path input = dir.resolve("in" + n + "/213");
        Files.createDirectories(input);
        Files.writeString(input.resolve("Header.csv"), "Collection,Year,ReferenceDate,LEA\nCIN,2022,2022-03-31,213\n");
        write(input.resolve("ChildIdentifiers.csv"), "LAchildID,PersonBirthDate,GenderCurrent,UPN,Sex,LEA,Extra1,Extra2", children);
        write(input.resolve("CINdetails.csv"), "LAchildID,CINdetailsID,CINreferralDate,PrimaryNeedCode,CINclosureDate,ReferralNFA,LEA,X", episodes);
        write(input.resolve("ChildProtectionPlans.csv"), "LAchildID,CINdetailsID,CPPstartDate,CPPendDate,InitialCategoryOfAbuse,"
                + "LatestCategoryOfAbuse,NumberOfPreviousCPP,LEA", plans);
        Path job = TestApp.jobFile(dir.resolve("jobs"), "prop" + n, "p" + n, List.of("213"));
        var result = app.run(job, LocalDate.of(2022, 3, 31), dir.resolve("in" + n), dir.resolve("out"), false);
        assertThat(result.ok()).as(result.message()).isTrue();
        app.bean(DSLContext.class).fetch("SELECT s.rows_read, s.rows_loaded, s.rows_rejected FROM source_file s "
                        + "JOIN run_input i ON i.source_file_id = s.source_file_id WHERE i.run_id = ?", result.runId())
                .forEach(r -> assertThat(r.get(0, Integer.class)).isEqualTo(r.get(1, Integer.class) + r.get(2, Integer.class)));
        assertThat(Files.readString(dir.resolve("out/p" + n + "/2022-03-31/rejects.csv"))).doesNotContain("SECRET-ID");
    }

    private static void write(Path file, String header, List<List<String>> rows) throws Exception {
        StringBuilder s = new StringBuilder(header).append('\n');
        for (List<String> row : rows) {
            s.append(String.join(",", row.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList())).append('\n');
        }
        Files.writeString(file, s);
    }
}
