package org.neglectscorecard.ingest.cin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.ingest.table.TableSource;
import org.neglectscorecard.testing.Rows;

/**
 * Which LA each row of a CIN census table set is for: the row's own LEA column first, then the
 * Header table's (read first, whatever order the files are in), then the folder the set sits in.
 */
class CinCensusTableReaderTest {

    @TempDir
    Path dir;

    @Test
    void aRowsOwnLeaThenTheHeadersThenTheFolders() throws Exception {
        Map<CinTable, TableSource> tables = new EnumMap<>(CinTable.class);
        tables.put(CinTable.CHILD_IDENTIFIERS, csv("ChildIdentifiers.csv",
                "LAchildID,PersonBirthDate,GenderCurrent,LEA\nA,2015-01-01,1,822\nB,2015-01-01,1,\n"));
        tables.put(CinTable.HEADER, csv("Header.csv", "Collection,Year,ReferenceDate,LEA\nCIN,2022,2022-03-31,213\n"));
        List<SourceRow> rows = readAll(new CinCensusTableReader(tables, "821"));
        assertThat(rows).extracting(SourceRow::table).containsExactly("Header", "ChildIdentifiers", "ChildIdentifiers");
        assertThat(rows).extracting(SourceRow::laCode).containsExactly("213", "822", "213");

        Map<CinTable, TableSource> noHeader = new EnumMap<>(CinTable.class);
        noHeader.put(CinTable.CHILD_IDENTIFIERS, tables.get(CinTable.CHILD_IDENTIFIERS));
        assertThat(readAll(new CinCensusTableReader(noHeader, "821"))).extracting(SourceRow::laCode).containsExactly("822", "821");
    }

    @Test
    void aTableWithoutAColumnItNeedsStopsTheReturnNamingIt() throws Exception {
        Map<CinTable, TableSource> tables = new EnumMap<>(CinTable.class);
        tables.put(CinTable.HEADER, csv("Header.csv", "Collection,Year,LEA\nCIN,2022,213\n"));
        assertThatThrownBy(() -> readAll(new CinCensusTableReader(tables, null))).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("Header.csv").hasMessageContaining("has no 'ReferenceDate' column");
    }

    private TableSource csv(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return TableSource.csv(file, StandardCharsets.UTF_8);
    }

    private static List<SourceRow> readAll(CinCensusTableReader reader) throws Exception {
        return Rows.readAll(reader);
    }
}
