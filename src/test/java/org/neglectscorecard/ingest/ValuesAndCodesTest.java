package org.neglectscorecard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wordings real returns use (INPUTS.md, general rules), read as what they mean. */
class ValuesAndCodesTest {

    @ParameterizedTest
    @CsvSource({"2021-03-31,2021-03-31", "31/03/2021,2021-03-31", "1/4/2021,2021-04-01", "44158,2020-11-23",
            "44158.0,2020-11-23", "2021-03-31T00:00:00,2021-03-31", "'31/03/2021 00:00',2021-03-31", "' 2021-03-31 ',2021-03-31",
            // A spreadsheet's short date (Data to Insight's SSDA903 test data writes DEC so), read as Excel reads it.
            "24/04/17,2017-04-24", "03/09/17,2017-09-03", "05/05/98,1998-05-05", "1/1/29,2029-01-01", "1/1/30,1930-01-01",
            "24-04-17,2017-04-24", "24-Apr-2017,2017-04-24", "'24 Apr 17',2017-04-24", "3-Sept-2019,2019-09-03"})
    void datesInEveryFormReturnsUse(String written, String meant) {
        assertThat(Values.date(written)).contains(LocalDate.parse(meant));
    }

    @ParameterizedTest
    @CsvSource({"31/02/2021,not a real date", "2021-13-01,not a real date", "yesterday,not a date",
            "1850-01-01,not a plausible date", "9999-12-31,not a plausible date", "31/02/17,not a real date",
            "24-Foo-2017,not a date"})
    void datesThatCannotBeRight(String written, String reason) {
        assertThatThrownBy(() -> Values.date(written)).isInstanceOf(Values.BadValue.class).hasMessageContaining(reason);
    }

    @Test
    void blanksAreEmptyNotErrors() {
        assertThat(Values.date("  ")).isEmpty();
        assertThat(Values.flag(null)).isEmpty();
        assertThat(Codes.categoryOfAbuse("")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1234.0,1234", "1234,1234", "' AB12 ',AB12", "0012,12", "0010022,10022", "0010022.0,10022", "0,0", "000,0", "A0012,A0012", "bed10022,BED10022", "Bed10022,BED10022"})
    void identifiersExportedAsNumbersAreTheSameIdentifier(String written, String meant) {
        assertThat(Values.identifier(written)).contains(meant);
    }

    @ParameterizedTest
    @CsvSource({"Y,true", "yes,true", "TRUE,true", "1,true", "N,false", "false,false", "0,false", "No,false"})
    void flags(String written, boolean meant) {
        assertThat(Values.flag(written)).contains(meant);
    }

    @ParameterizedTest
    @CsvSource({"NEG,NEG", "neg,NEG", "Neglect,NEG", "a) Neglect,NEG", "'NEG '," + "NEG", "Physical abuse,PHY",
            "b) Physical abuse,PHY", "Emotional Abuse,EMO", "SAB,SAB", "Sexual abuse,SAB", "Multiple,MUL", "MUL - Multiple,MUL"})
    void categoriesOfAbuse(String written, String code) {
        assertThat(Codes.categoryOfAbuse(written)).contains(code);
    }

    /** A wording naming several categories is Multiple, never its first one (which would count it as neglect). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Neglect, Physical and Emotional|MUL", "Neglect & emotional abuse|MUL",
            "a) Neglect / Physical|MUL", "e) Multiple/not recommended|MUL", "Multiple/mixed|MUL", "Mixed|MUL",
            "Neglect|NEG", "d) Emotional abuse|EMO"})
    void severalCategoriesAreMultiple(String written, String code) {
        assertThat(Codes.categoryOfAbuse(written)).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"N1,N1", "n1,N1", "N1 - Abuse or neglect,N1", "N1 - Abuse or Neglect,N1", "Abuse or neglect,N1",
            "N4 - Family in acute stress,N4", "N0,N0"})
    void primaryNeed(String written, String code) {
        assertThat(Codes.primaryNeed(written)).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"WBRI,WBRI", "a) WBRI,WBRI", "k) APKN,APKN", "wbri,WBRI", "NOBT,NOBT"})
    void ethnicity(String written, String code) {
        assertThat(Codes.ethnicity(written)).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "M,1", "Male,1", "a) Male,1", "2,2", "F,2", "b) Female,2", "0,0", "U,0", "9,9",
            "c) Not stated/recorded,0"})
    void genderAndSex(String written, String code) {
        assertThat(Codes.gender(written)).contains(code);
    }

    @Test
    void unknownCodesSayWhatIsExpected() {
        assertThatThrownBy(() -> Codes.categoryOfAbuse("Bullying")).hasMessageContaining("NEG, PHY, SAB, EMO or MUL");
        assertThatThrownBy(() -> Codes.primaryNeed("N12")).hasMessageContaining("N0 to N9");
        assertThatThrownBy(() -> Codes.ethnicity("WBR")).hasMessageContaining("DfE ethnicity code");
    }

    @Test
    void headersMatchIgnoringCaseSpacesUnderscoresAndBom() {
        TableHeader h = new TableHeader("t", java.util.List.of("\uFEFFLA Child ID", "cpp_start_date", "Initial Category Of Abuse"), true);
        assertThat(h.has("LAchildID")).isTrue();
        assertThat(h.has("CPPstartDate")).isTrue();
        assertThat(h.letterOf("InitialCategoryOfAbuse")).isEqualTo("C");
        assertThat(TableHeader.columnLetter(26)).isEqualTo("AA");
    }

    /** Forms agencies type that say the same date or number: the ordinal, the dotted and year-first dates, Excel's thousands. */
    @Test
    void datesAndNumbersAsAgenciesTypeThem() {
        assertThat(Values.date("14th May 2024")).contains(LocalDate.of(2024, 5, 14));
        // XML date-times with their offset from UTC (a summer-time export), and an xs:date with one: the date as written.
        assertThat(Values.date("2025-07-04T00:00:00+01:00")).contains(LocalDate.of(2025, 7, 4));
        assertThat(Values.date("2025-07-04T23:30:00.000-0100")).contains(LocalDate.of(2025, 7, 4));
        assertThat(Values.date("2025-07-04+01:00")).contains(LocalDate.of(2025, 7, 4));
        assertThat(Values.date("2025-07-04Z")).contains(LocalDate.of(2025, 7, 4));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Values.date("2025-07-04-2025")).isInstanceOf(Values.BadValue.class);
        assertThat(Values.date("3rd February 2025")).contains(LocalDate.of(2025, 2, 3));
        assertThat(Values.date("14.05.2024")).contains(LocalDate.of(2024, 5, 14));
        assertThat(Values.date("2024/05/14")).contains(LocalDate.of(2024, 5, 14));
        assertThat(Values.date("N/A")).isEmpty();
        assertThat(Values.date("NULL")).isEmpty();
        assertThatThrownBy(() -> Values.date("2024/13/14")).hasMessageContaining("not a real date");
        assertThat(Values.wholeNumber("1,000")).contains(1000);
        assertThat(Values.wholeNumber("12,345,678")).contains(12345678);
        assertThatThrownBy(() -> Values.wholeNumber("1,0")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> Values.wholeNumber("1,00")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> Values.wholeNumber("4 - Disagree")).as("a scale may run either way").hasMessageContaining("not a whole number");
        assertThat(Values.flag("\u2713")).contains(true);
        assertThat(Values.flag("\u2717")).contains(false);
    }

    /** A cell listing references, however they are written, against single references that only look like lists. */
    @org.junit.jupiter.api.Test
    void listedReferencesAreCountedAndSingleOnesAreNot() {
        assertThat(Values.listedIdentifiers("P11367; P10206; P10871")).isEqualTo(3);
        assertThat(Values.listedIdentifiers("11367; 10206")).isEqualTo(2);
        assertThat(Values.listedIdentifiers("485 777 3456; 943 476 5919")).isEqualTo(2);
        assertThat(Values.listedIdentifiers("P11367, P10206")).isEqualTo(2);
        for (String one : new String[] {"C123", "123,456", "Smith, Jo", "822|C123", "E06000032|C123", "A123456789012", "485 777 3456",
                "RND-000/215"}) {
            assertThat(Values.listedIdentifiers(one)).as(one).isEqualTo(1);
        }
    }
}
