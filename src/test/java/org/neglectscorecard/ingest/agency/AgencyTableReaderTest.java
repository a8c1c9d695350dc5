package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.ingest.table.TableSetReader;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.testing.Rows;

/**
 * A partner's filled-in template: the example row left in is passed over, the rest are read under
 * the source's own table name; a file without a column the source needs is stopped with a message
 * naming the column and the template to copy it from.
 */
class AgencyTableReaderTest {

    static final String HEADINGS = "Practitioner reference,Agency,Agency sector,Course,Single- or multi-agency,Course date,"
            + "Completed,Confidence before,Confidence after,GCP2 licensed";

    @TempDir
    Path dir;

    @Test
    void theExampleRowIsPassedOverAndTheRestAreRead() throws Exception {
        Path file = dir.resolve("training.csv");
        Files.writeString(file, HEADINGS + "\n"
                + "EXAMPLE (delete this row),Example NHS Trust,Health,Multi-agency neglect,Multi-agency,2025-05-14,Y,2,4,N\n"
                + "P1,Trust X,Health,Neglect awareness,Single-agency,2025-05-10,Y,2,4,N\n"
                + "\n"
                + "P2,Force Y,Police,Multi-agency neglect,Multi,2025-06-15,Y,2,3,N\n");
        List<SourceRow> rows = readAll(file);
        assertThat(rows).extracting(r -> r.value("Practitioner reference")).containsExactly("P1", "P2");
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(3, 5);
        assertThat(rows).allSatisfy(r -> assertThat(r.table()).isEqualTo(AgencySource.TRAINING.sheet()));
        assertThat(rows).allSatisfy(r -> assertThat(r.laCode()).isEqualTo("821"));
    }

    @Test
    void aMissingColumnStopsTheFileSayingWhichAndWhereToFindIt() throws Exception {
        Path file = dir.resolve("training.csv");
        Files.writeString(file, HEADINGS.replace(",Course date", "") + "\nP1,Trust X,Health,Neglect awareness,Single-agency,Y,2,4,N\n");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("training.csv").hasMessageContaining("'Course date'")
                .hasMessageContaining("sample-data/templates/" + AgencySource.TRAINING.templateName());
    }

    private static List<SourceRow> readAll(Path file) throws Exception {
        TableSetReader reader = AgencyTableReader.of(List.of(Map.entry(AgencySource.TRAINING, TableSource.csv(file, StandardCharsets.UTF_8))), "821");
        return Rows.readAll(reader);
    }
}
