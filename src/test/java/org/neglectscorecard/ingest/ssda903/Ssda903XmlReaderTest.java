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
