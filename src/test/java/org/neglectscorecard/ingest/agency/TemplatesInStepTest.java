package org.neglectscorecard.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates partners are sent (sample-data/templates/) say what the program reads today: each
 * holds what the program writes for its source now, part for part (generate-sample also fixes the
 * parts' dates in the zip, which are not compared), so a heading or word the reading learns is in the
 * template's notes too. When this fails, run generate-sample and copy its templates/ into sample-data/.
 */
class TemplatesInStepTest {

    @TempDir
    Path dir;

    @Test
    void eachTemplateIsWhatTheProgramWritesNow() throws Exception {
        for (AgencySource source : AgencySource.values()) {
            Path fresh = AgencyTemplate.writeTemplate(source, dir.resolve(source.templateName()));
            Path shipped = Path.of("sample-data/templates", source.templateName());
            assertThat(parts(shipped)).as(shipped + " differs from what the program writes now").isEqualTo(parts(fresh));
        }
    }

    /** Each part of the workbook by name, as text. */
    private static Map<String, String> parts(Path xlsx) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                out.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
