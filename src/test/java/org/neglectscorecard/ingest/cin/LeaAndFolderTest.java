package org.neglectscorecard.ingest.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.ingest.InputValidator;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.testing.Validate;

/**
 * A census given as CSV tables whose Header names another LA (822, Bedford) than the folder it sits
 * in is said, as the XML census's was: the children count for the header's LA. The folder may be
 * named by the LA's 3-digit code, its 9-character code or its name. Only the XML reader said it,
 * and only for a folder named by a 3-digit code.
 */
class LeaAndFolderTest {

    private static final Path CENSUS = Path.of("src/test/resources/fixtures/cin-tables-lea-822");

    @TempDir
    Path dir;

    @Test
    void aTableCensusInAFolderNamedForAnotherLaIsSaidHoweverTheFolderNamesIt() throws Exception {
        Path input = dir.resolve("input");
        List<String> folders = List.of("821/2022-23", "E06000032/2022-23", "Luton/2022-23", "Bedford/2022-23", "E06000055/2022-23");
        for (String folder : folders) {
            Files.createDirectories(input.resolve(folder));
            for (String table : List.of("Header.csv", "ChildIdentifiers.csv", "CINdetails.csv", "ChildProtectionPlans.csv")) {
                Files.copy(CENSUS.resolve(table), input.resolve(folder).resolve(table));
            }
            // Each made at another minute, so none is taken for a copy of another.
            Path header = input.resolve(folder).resolve("Header.csv");
            Files.writeString(header, Files.readString(header).replace("10:00:00", "10:0" + folders.indexOf(folder) + ":00"));
        }
        InputValidator.Report report = Validate.folder(input);
        Map<String, List<String>> notes = report.problems().stream().filter(p -> p.outcome().equals("note"))
                .collect(Collectors.groupingBy(p -> p.file().substring(0, p.file().indexOf('/')),
                        Collectors.mapping(p -> p.rejection().reason(), Collectors.toList())));

        String said = "The return's header says LEA 822 (Bedford), but it sits in the folder of LA 821 (Luton)";
        assertThat(notes.get("821")).anySatisfy(n -> assertThat(n).startsWith(said + ": the header is used, so its children "
                + "count for 822. If the return is 821's, check its header (or export it again); if it is 822's, move it to "
                + "that LA's folder."));
        assertThat(notes.get("E06000032")).anySatisfy(n -> assertThat(n).startsWith(said + ": the header is used"));
        assertThat(notes.get("Luton")).anySatisfy(n -> assertThat(n).startsWith(said + ": the header is used"));
        // In its own LA's folder, by name or by code, nothing is said.
        assertThat(notes.getOrDefault("Bedford", List.of())).noneSatisfy(n -> assertThat(n).contains("folder of LA"));
        assertThat(notes.getOrDefault("E06000055", List.of())).noneSatisfy(n -> assertThat(n).contains("folder of LA"));
        // The rows are loaded, for 822.
        assertThat(report.files()).filteredOn(f -> f.displayName().startsWith("Luton")).singleElement()
                .satisfies(f -> assertThat(f.rowsLoaded()).isEqualTo(4));
    }

    /** A folder named by an LA's name is that LA's; a name two LAs have had, or an ended LA's, is no LA's on its own. */
    @Test
    void aFolderNamedByAnLasName() throws Exception {
        Path input = dir.resolve("input");
        for (String folder : List.of("Luton Borough Council", "Dorset", "Bournemouth", "reports")) {
            Files.createDirectories(input.resolve(folder));
            Files.writeString(input.resolve(folder).resolve("police.csv"), "Month,Neglect offences,With earlier neglect concerns\n"
                    + "2025-01," + folder.length() + ",1\n");
        }
        Map<String, String> la = new java.util.TreeMap<>();
        new InputScanner(new LaDirectory()).scan(input)
                .forEach(f -> la.put(f.displayName(), String.valueOf(f.folderLaCode())));
        assertThat(la).containsExactly(Map.entry("Bournemouth/police.csv", "null"), Map.entry("Dorset/police.csv", "null"),
                Map.entry("Luton Borough Council/police.csv", "821"), Map.entry("reports/police.csv", "null"));
    }
}
