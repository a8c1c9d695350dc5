package org.neglectscorecard.ingest.cin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.RowRejectedException;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The CIN census XML reader on published synthetic samples, and on files that must be refused. */
class CinCensusXmlReaderTest {

    @TempDir
    Path dir;

    static List<SourceRow> read(Path file) throws Exception {
        CinCensusXmlReader reader = new CinCensusXmlReader(file, file.getFileName().toString(), null);
        reader.open(new ExecutionContext());
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow r = reader.read(); r != null; r = reader.read()) {
            rows.add(r);
        }
        reader.close();
        return rows;
    }

    static Path sample(String name) throws Exception {
        return Path.of(CinCensusXmlReaderTest.class.getResource("/format-samples/" + name).toURI());
    }

    @Test
    void readsTheValidatorsSampleModuleByModule() throws Exception {
        List<SourceRow> rows = read(sample("csc-validator-be-cin_CIN_Census_2024_fake.xml"));
        assertThat(rows).extracting(SourceRow::table).containsExactly("Header",
                "ChildIdentifiers", "ChildCharacteristics", "Assessments", "CINplanDates", "ChildProtectionPlans", "CINdetails",
                "ChildIdentifiers", "ChildCharacteristics", "Assessments", "CINdetails");
        SourceRow header = rows.get(0);
        assertThat(header.value("ReferenceDate")).isEqualTo("2024-03-31");
        assertThat(header.value("LEA")).isEqualTo("201");
        assertThat(rows).allSatisfy(r -> assertThat(r.laCode()).isEqualTo("201"));
        SourceRow child = rows.get(1);
        assertThat(child.value("LAchildID")).isEqualTo("DfEX0000001");
        assertThat(child.value("PersonBirthDate")).isEqualTo("2015-03-27"); // stray text beside it ignored
        assertThat(child.value("Sex")).isEqualTo("1");
        assertThat(rows.get(2).value("Disabilities")).isEqualTo("HAND,HEAR");
        assertThat(rows.get(3).value("AssessmentFactors")).isEqualTo("1C,RB,6B");
        assertThat(rows.get(5).value("CINdetailsID")).isEqualTo("1");
        assertThat(rows.get(5).value("LAchildID")).isEqualTo("DfEX0000001");
        assertThat(rows.get(6).value("ReferralNFA")).isEqualTo("0");
        assertThat(rows.get(7).value("Sex")).isEqualTo("M");
        assertThat(rows.get(9).value("AssessmentFactors")).isNull();
        // Rows are located by their line in the file.
        assertThat(rows.get(1).rowNumber()).isEqualTo(19);
    }

    /**
     * As systems write it, not as DfE orders it: ChildCharacteristics before ChildIdentifiers (every child's
     * ethnicity and disabilities were rejected, "LAchildID is empty"), and a child's episodes as two <Child>
     * blocks, two extracts appended (both numbered 1, the second refused as the same episode). A block given
     * twice keeps its episode's number, so that it is still found to be the same one.
     */
    @Test
    void aChildsModulesInAnyOrderAndItsEpisodesAcrossBlocks() throws Exception {
        Path file = dir.resolve("census.xml");
        String episode = """
                <CINdetails><CINreferralDate>%s</CINreferralDate><ReferralSource>1A</ReferralSource>
                <PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate/></CINdetails>""";
        Files.writeString(file, """
                <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>
                <ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails><Source><LEA>822</LEA></Source></Header>
                <Children>
                <Child><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
                <ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate></ChildIdentifiers>
                %s</Child>
                <Child><ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers>%s</Child>
                <Child><ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers>%s</Child>
                </Children></Message>
                """.formatted(episode.formatted("2024-05-01T00:00:00+01:00"), episode.formatted("2024-11-02"),
                episode.formatted("2024-05-01T00:00:00+01:00")));
        List<SourceRow> rows = read(file);
        assertThat(rows).filteredOn(r -> r.table().equals("ChildCharacteristics")).singleElement()
                .satisfies(r -> assertThat(r.value("LAchildID")).isEqualTo("A1"));
        assertThat(rows).filteredOn(r -> r.table().equals("CINdetails"))
                .extracting(r -> r.value("LAchildID") + " " + r.value("CINdetailsID")).containsExactly("A1 1", "A1 2", "A1 1");
    }

    /** Blocks whose LAchildIDs are read as one child ("a1" and "A1", "0123" and "123") number its episodes as one child's. */
    @Test
    void blocksOfOneChildWrittenInAnotherCaseOrWithLeadingZerosNumberItsEpisodesOnce() throws Exception {
        Path file = dir.resolve("census.xml");
        String child = "<Child><ChildIdentifiers><LAchildID>%s</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>%s"
                + "</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode></CINdetails></Child>";
        Files.writeString(file, """
                <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>
                <ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails><Source><LEA>822</LEA></Source></Header>
                <Children>%s%s%s%s</Children></Message>
                """.formatted(child.formatted("a1", "2024-05-01"), child.formatted("A1", "2024-11-02"),
                child.formatted("0123", "2024-05-01"), child.formatted("123", "2024-11-02")));
        assertThat(read(file)).filteredOn(r -> r.table().equals("CINdetails")).extracting(r -> r.value("CINdetailsID"))
                .containsExactly("1", "2", "1", "2");
    }

    @Test
    void rowsOfTheSampleBecomeRecordsOrLocatedProblems() throws Exception {
        CinCensusRowProcessor processor = new CinCensusRowProcessor(new Pseudonymiser("a key for this test only"), new LaDirectory());
        List<SourceRow> rows = read(sample("csc-validator-be-cin_CIN_Census_2024_fake.xml"));
        ParsedRow<CinRecord> assessment = processor.process(rows.get(3));
        assertThat(((CinRecord.Assessment) assessment.record()).factors()).isEqualTo(",1C,6B,");
        assertThat(assessment.valuesIgnored()).singleElement().satisfies(r -> {
            assertThat(r.column()).isEqualTo("AssessmentFactors");
            assertThat(r.valueShown()).isEqualTo("RB");
            // Placed where the factors are listed (line 45, 'RB' the next line), not where <Assessments> opens (41).
            assertThat(r.rowNumber()).isEqualTo(45);
        });
        // A problem with a value is on the value's own line; one with the whole module, on the module's.
        assertThat(rows.get(1).problem("PersonBirthDate", null, "a reason").rowNumber()).isEqualTo(24);
        assertThat(rows.get(1).problem(null, null, "a reason").rowNumber()).isEqualTo(19);
        // A list's problem is placed at its first item (<Disability> on line 30), not its wrapper.
        assertThat(rows.get(2).problem("Disabilities", null, "a reason").rowNumber()).isEqualTo(30);
        CinRecord.Child second = (CinRecord.Child) processor.process(rows.get(7)).record();
        assertThat(second.gender()).isEqualTo("1");
        CinRecord.CpPlan plan = (CinRecord.CpPlan) processor.process(rows.get(5)).record();
        assertThat(plan.previousPlans()).isEqualTo(10);
        assertThat(plan.childKey()).hasSize(32).isNotEqualTo("DfEX0000001");
    }

    @Test
    void readsTheLiiaSampleWithGenderCurrent() throws Exception {
        List<SourceRow> rows = read(sample("liia-tools_cin-2022.xml"));
        SourceRow child = rows.stream().filter(r -> r.table().equals("ChildIdentifiers")).findFirst().orElseThrow();
        assertThat(child.value("GenderCurrent")).isEqualTo("1");
        assertThat(child.value("ExpectedPersonBirthDate")).isEqualTo("1966-03-22");
    }

    @Test
    void refusesEntityExpansion() throws Exception {
        Path bomb = dir.resolve("laughs.xml");
        Files.writeString(bomb, "<?xml version=\"1.0\"?>\n<!DOCTYPE Message [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
                + "<Message><Header><CollectionDetails><Collection>&c;</Collection></CollectionDetails></Header></Message>\n");
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(UnreadableFileException.class).hasMessageContaining("DTD");
    }

    @Test
    void refusesExternalEntities() throws Exception {
        Path xxe = dir.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID></ChildIdentifiers></Child></Children></Message>\n");
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(UnreadableFileException.class).hasMessageContaining("DTD")
                .hasMessageNotContaining("root:");
    }

    @Test
    void aFileCutShortIsUnreadableAndSaysWhere() throws Exception {
        Path cut = dir.resolve("cut.xml");
        String whole = Files.readString(sample("liia-tools_cin-2022.xml"));
        Files.writeString(cut, whole.substring(0, whole.length() / 2));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not well-formed XML at line").hasMessageContaining("Export the return again");
    }

    @Test
    void aRowWithoutAnLaIsRejectedWithAReason() {
        CinCensusRowProcessor processor = new CinCensusRowProcessor(new Pseudonymiser("a key for this test only"), new LaDirectory());
        SourceRow row = new SourceRow(CinTable.CHILD_IDENTIFIERS.canonicalHeader(), 7, new String[] {"A1"}, null);
        assertThatThrownBy(() -> processor.process(row)).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("No LA code");
    }

    /**
     * A census saved as UTF-16 (Windows' "Unicode", with its byte-order mark) is recognised and read
     * as the UTF-8 file is; XML whose outermost element no return has is named, with what a return has.
     */
    @Test
    void aCensusSavedAsUtf16IsReadAndAnUnknownRootIsNamed() throws Exception {
        Path utf8 = sample("csc-validator-be-cin_CIN_Census_2024_fake.xml");
        String text = Files.readString(utf8).replaceFirst("^\\uFEFF", "");
        text = text.startsWith("<?xml") ? text.replaceFirst("encoding=\"[^\"]*\"", "encoding=\"UTF-16\"") : text;
        Path folder = dir.resolve("input/201");
        Files.createDirectories(folder);
        Path utf16 = folder.resolve("census-2024.xml");
        Files.write(utf16, ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        Files.writeString(folder.resolve("other.xml"), "<?xml version=\"1.0\"?>\n<CINCensus><Header/></CINCensus>\n");

        List<org.neglectscorecard.ingest.InputScanner.InputFile> found =
                new org.neglectscorecard.ingest.InputScanner(new LaDirectory()).scan(dir.resolve("input"));
        var census = found.stream().filter(f -> f.displayName().endsWith("census-2024.xml")).findFirst().orElseThrow();
        assertThat(census.format()).as(census.problem()).isEqualTo(org.neglectscorecard.ingest.InputScanner.Format.CIN_CENSUS_XML);
        assertThat(read(utf16)).extracting(r -> r.table() + "|" + String.join(",", java.util.Arrays.asList(r.values())))
                .containsExactlyElementsOf(read(utf8).stream().map(r -> r.table() + "|" + String.join(",", java.util.Arrays.asList(r.values())))
                        .toList());
        var other = found.stream().filter(f -> f.displayName().endsWith("other.xml")).findFirst().orElseThrow();
        assertThat(other.problem()).contains("its outermost element is <CINCensus>").contains("a CIN census has <Message>");
    }

    /**
     * A census whose header names another LA than the folder it sits in: said, naming both, and the
     * header's LA used. Said where the header is processed, for XML and tables alike (LeaAndFolderTest).
     */
    @Test
    void aHeaderNamingAnotherLaThanItsFolderIsSaid() throws Exception {
        Path file = sample("csc-validator-be-cin_CIN_Census_2024_fake.xml");   // LEA 201
        CinCensusXmlReader inOtherFolder = new CinCensusXmlReader(file, "821/census.xml", "821");
        inOtherFolder.open(new ExecutionContext());
        SourceRow first = inOtherFolder.read();
        inOtherFolder.close();
        assertThat(first.laCode()).isEqualTo("201");
        Pseudonymiser key = new Pseudonymiser("0123456789abcdef0123456789abcdef");
        assertThat(new CinCensusRowProcessor(key, new LaDirectory(), null, "821").process(first).notes())
                .extracting(org.neglectscorecard.ingest.Rejection::reason)
                .anySatisfy(r -> assertThat(r).contains("header says LEA 201 (City of London), but it sits in the folder of LA 821 (Luton)"));
        assertThat(new CinCensusRowProcessor(key, new LaDirectory(), null, "201").process(first).notes())
                .extracting(org.neglectscorecard.ingest.Rejection::reason)
                .noneSatisfy(r -> assertThat(r).contains("folder of LA"));
    }
}
