package org.neglectscorecard.ingest.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.TableHeader;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;

/**
 * The census header's Source DateTime, which says which of two versions of a return was made later,
 * as real systems write it. It was read as ISO only: any other form silently fell back to the
 * file's saved time (which a copy resets). Now each form is read, and one that cannot be is said.
 */
class HeaderDateTimeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-05-23T11:14:05|2022-05-23T11:14:05",
            "2022-05-23T11:14|2022-05-23T11:14:00",
            "2022-05-23T11:14:05.1234567|2022-05-23T11:14:05",
            "2022-05-23 11:14:05|2022-05-23T11:14:05",
            "2022-05-23 11:14|2022-05-23T11:14:00",
            "23/05/2022 11:14:05|2022-05-23T11:14:05",
            "23/05/2022 11:14|2022-05-23T11:14:00",
            "3/5/2022 9:05|2022-05-03T09:05:00",
            "23/05/2022|2022-05-23T00:00:00",
            "2022-05-23|2022-05-23T00:00:00",
            // An offset or zone written as no ISO parser reads it: the time as written (as before these forms were added).
            "2022-05-23T11:14:05+0100|2022-05-23T11:14:05",
            "2022-05-23T11:14:05 BST|2022-05-23T11:14:05"})
    void eachFormRealSystemsWriteIsRead(String written, String expected) {
        assertThat(CinCensusRowProcessor.made(written, false, false)).isEqualTo(LocalDateTime.parse(expected));
    }

    /** A time with an offset is the same moment in this machine's time zone, as the files' saved times are. */
    @ParameterizedTest
    @ValueSource(strings = {"2022-05-23T10:14:05Z", "2022-05-23T11:14:05+01:00", "2022-05-23T11:14:05.250+01:00",
            "2022-05-23 11:14:05+01:00"})
    void anOffsetOrZIsTheSameMomentHere(String written) {
        LocalDateTime here = OffsetDateTime.parse("2022-05-23T10:14:05Z").atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        assertThat(CinCensusRowProcessor.made(written, false, false)).isEqualTo(here);
    }

    /** Excel's serial number (days from 30 December 1899, the fraction the time), from a sheet only. */
    @Test
    void anExcelSerialDateTimeFromASpreadsheet() {
        assertThat(CinCensusRowProcessor.made("44704.468113425924", true, false)).isEqualTo(LocalDateTime.of(2022, 5, 23, 11, 14, 5));
        assertThat(CinCensusRowProcessor.made("44704", true, false)).isEqualTo(LocalDateTime.of(2022, 5, 23, 0, 0));
        // From a workbook saved with Excel's 1904 date system, the same number is four years and a day later.
        assertThat(CinCensusRowProcessor.made("44704.5", true, true)).isEqualTo(LocalDateTime.of(2026, 5, 24, 12, 0));
        assertThat(CinCensus.yearOf("44650", null, true)).as("31 March 2026 in 1904 counting").isEqualTo(CinCensus.yearOf("2026-03-31", null, false));
        assertThat(CinCensus.yearOf("44650", null, false)).isEqualTo(CinCensus.yearOf("2022-03-30", null, false));
        assertThat(CinCensusRowProcessor.made("44704.468113425924", false, false)).as("a number in a CSV or XML is no date").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "31/02/2022 10:00", "2022-13-01T10:00", "05/23/2022 11:14", "1", "20220523111405"})
    void anythingElseIsNone(String written) {
        assertThat(CinCensusRowProcessor.made(written, true, false)).isNull();
    }

    /** One that cannot be read is a note on the header: the file's saved time is used in its place. */
    @Test
    void anUnreadableDateTimeIsANoteAndAReadableOneIsKept() throws Exception {
        CinCensusRowProcessor processor = new CinCensusRowProcessor(new Pseudonymiser("0123456789abcdef0123456789abcdef"),
                new LaDirectory());
        TableHeader header = new TableHeader("Header", List.of("Collection", "Year", "ReferenceDate", "LEA", "DateTime"), true);

        ParsedRow<CinRecord> unreadable = processor.process(new SourceRow(header, 2,
                new String[] {"CIN", "2022", "2022-03-31", "821", "Mon 23 May"}, "821"));
        assertThat(((CinRecord.Header) unreadable.record()).made()).isNull();
        assertThat(unreadable.notes()).singleElement().satisfies(n -> {
            assertThat(n.column()).isEqualTo("DateTime");
            assertThat(n.reason()).startsWith("The header's DateTime could not be read as a date and time")
                    .contains("so the file's saved time was used instead");
        });

        ParsedRow<CinRecord> serial = processor.process(new SourceRow(header, 2,
                new String[] {"CIN", "2022", "2022-03-31", "821", "44704.5"}, "821"));
        assertThat(((CinRecord.Header) serial.record()).made()).isEqualTo(LocalDateTime.of(2022, 5, 23, 12, 0));
        assertThat(serial.notes()).isEmpty();
    }
}
