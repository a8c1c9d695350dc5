package org.neglectscorecard.ingest.ssda903;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.ingest.RowRejectedException;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;

/**
 * An episode's LA: its own LA column where it has one, else the folder's. A code that is no
 * English LA rejects the row saying so; it used to pass through and stop the whole load.
 */
class Ssda903RowProcessorTest {

    static final List<String> COLUMNS = List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "DEC", "LA");
    final Ssda903RowProcessor processor = new Ssda903RowProcessor(new Pseudonymiser("0123456789abcdef0123456789abcdef"),
            new LaDirectory());

    SourceRow episode(String la, String folderLa) {
        return new SourceRow(new TableHeader("Episodes", COLUMNS, false), 2,
                new String[] {"C1", "01/05/2025", "S", "C2", "N1", "", la}, folderLa);
    }

    @Test
    void anUnknownLaCodeRejectsTheRowNamingTheCode() {
        RowRejectedException e = catchThrowableOfType(RowRejectedException.class, () -> processor.process(episode("XYZ", "822")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("LA");
            assertThat(p.reason()).startsWith("'XYZ' is not an English local authority");
        });
    }

    @Test
    void theRowsOwnLaThenTheFolders() throws Exception {
        assertThat(processor.process(episode("E06000056", "822")).record().laCode3()).isEqualTo("823");
        assertThat(processor.process(episode("", "822")).record().laCode3()).isEqualTo("822");
        RowRejectedException none = catchThrowableOfType(RowRejectedException.class, () -> processor.process(episode("", null)));
        assertThat(none.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("folder named by the LA"));
    }

    /**
     * Merged extracts name the LA by its name (liia-tools' pan-London SSDA903 episodes have an LA
     * column of "Barking and Dagenham", "Newham", "Sutton"); DfE's own spellings vary ("Bristol,
     * City of"). A name that fits no LA, or more than one, is still refused.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"Barking and Dagenham|301", "Newham|316", "Sutton|319",
            "barking & dagenham|301", "Bristol|801", "City of Bristol|801", "Bristol, City of|801", "Kingston upon Hull|810",
            "St Helens|342", "London Borough of Newham|316", "Luton Borough Council|821", "City of London|201"})
    void anLaGivenByItsName(String name, String code) throws Exception {
        assertThat(processor.process(episode(name, "822")).record().laCode3()).isEqualTo(code);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"London", "Nowhere", "Kingston"})
    void aNameOfNoLaOrOfSeveralIsRefused(String name) {
        RowRejectedException e = catchThrowableOfType(RowRejectedException.class, () -> processor.process(episode(name, "822")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("is not an English local authority"));
    }
}
