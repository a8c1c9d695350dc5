package org.neglectscorecard.ingest.ssda903;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neglectscorecard.ingest.SourceRow;
import org.neglectscorecard.ingest.UnreadableFileException;
import org.neglectscorecard.testing.Rows;

/** The SSDA903 XML yields the CSV tables' rows, each child's episodes carrying its CHILDID; a DTD is refused. */
class Ssda903XmlReaderTest {

    @TempDir
    Path dir;

    @Test
    void headerAndEpisodesRowsAsTheTablesHaveThem() throws Exception {
        Path xml = dir.resolve("903.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <EXPSSDA903>
                  <CHILD>
                    <HEADER><CHILDID>C1</CHILDID><UPN>A1</UPN><SEX>2</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC>
                      <AREVIEW><REVIEW>01/01/2020</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW></HEADER>
                    <EPISODE><DECOM>01/04/2019</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC /></EPISODE>
                  </CHILD>
                </EXPSSDA903>
                """);
        List<SourceRow> rows = read(xml);
        assertThat(rows).extracting(SourceRow::table).containsExactly("Header", "Episodes");
        assertThat(rows.get(0).value("CHILD")).isEqualTo("C1");
        assertThat(rows.get(0).value("DOB")).isEqualTo("01/02/2010");
        assertThat(rows.get(0).value("UPN")).isNull();
        assertThat(rows.get(1).value("CHILD")).isEqualTo("C1");
        assertThat(rows.get(1).value("CIN")).isEqualTo("N1");
        assertThat(rows.get(1).value("DEC")).isEmpty();
        assertThat(rows.get(1).rowNumber()).isEqualTo(6);
        assertThat(rows.get(1).laCode()).isEqualTo("822");
    }

    /** Some exports put a child's episodes in a wrapper of their own: read as if they were not. */
    @Test
    void episodesInAWrapperOfTheirOwn() throws Exception {
        Path xml = dir.resolve("903.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <EXPSSDA903>
                  <CHILD>
                    <HEADER><CHILDID>101</CHILDID><SEX>M</SEX><DOB>2015-01-01</DOB><ETHNIC>WBRI</ETHNIC></HEADER>
                    <EPISODES>
                      <EPISODE><DECOM>2025-05-01</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><DEC></DEC></EPISODE>
                      <EPISODE><DECOM>2025-07-01</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN></EPISODE>
                    </EPISODES>
                  </CHILD>
                  <CHILD>
                    <HEADER><CHILDID>105</CHILDID><SEX>F</SEX><DOB>2016-01-01</DOB></HEADER>
                    <EPISODES><EPISODE><DECOM>2026-02-01</DECOM><RNE>S</RNE><LS>J2</LS><CIN>N2</CIN></EPISODE></EPISODES>
                  </CHILD>
                </EXPSSDA903>
                """);
        List<SourceRow> rows = read(xml);
        assertThat(rows).extracting(SourceRow::table).containsExactly("Header", "Episodes", "Episodes", "Header", "Episodes");
        assertThat(rows).extracting(r -> r.value("CHILD")).containsExactly("101", "101", "101", "105", "105");
        assertThat(List.of(rows.get(1), rows.get(2), rows.get(4))).extracting(r -> r.value("DECOM"))
                .containsExactly("2025-05-01", "2025-07-01", "2026-02-01");
        assertThat(rows.get(2).value("RNE")).isEqualTo("P");
        assertThat(rows.get(4).value("CIN")).isEqualTo("N2");
        assertThat(rows.get(2).rowNumber()).isEqualTo(7);
    }

    @Test
    void aProblemWithAValueIsOnTheValuesOwnLine() throws Exception {
        Path xml = dir.resolve("903.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <EXPSSDA903>
                  <CHILD>
                    <HEADER><CHILDID>C1</CHILDID><SEX>2</SEX><DOB>01/02/2010</DOB></HEADER>
                    <EPISODE>
                      <DECOM>01/04/2019</DECOM>
                      <RNE>Q</RNE>
                    </EPISODE>
                  </CHILD>
                </EXPSSDA903>
                """);
        SourceRow episode = read(xml).get(1);
        assertThat(episode.rowNumber()).isEqualTo(5);
        assertThat(episode.problem("RNE", "Q", "not a reason for new episode").rowNumber()).isEqualTo(7);
        assertThat(episode.problem("CHILD", null, "no child").rowNumber()).isEqualTo(5);
    }

    @Test
    void aDtdIsRefused() throws Exception {
        Path xml = dir.resolve("903.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE EXPSSDA903 [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<EXPSSDA903><CHILD><HEADER><CHILDID>&x;</CHILDID></HEADER></CHILD></EXPSSDA903>\n");
        assertThatThrownBy(() -> read(xml)).isInstanceOf(UnreadableFileException.class).hasMessageContaining("DTD");
    }

    private static List<SourceRow> read(Path xml) throws Exception {
        Ssda903XmlReader reader = new Ssda903XmlReader(xml, "822/903.xml", "822");
        return Rows.readAll(reader);
    }
}
