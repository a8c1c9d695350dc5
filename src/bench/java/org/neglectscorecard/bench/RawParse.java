package org.neglectscorecard.bench;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The benchmark's floor for reading: every input file parsed by its library alone (Commons CSV,
 * StAX, POI's streaming readers), every value touched, nothing checked or stored. One pass in a
 * fresh JVM, as the job reads each file once in its own. Prints bytes and seconds per kind of file.
 *
 * Usage: RawParse DIR
 */
public final class RawParse {

    private static long touched;

    public static void main(String[] args) throws Exception {
        ZipSecureFile.setMaxTextSize(256L * 1024 * 1024);   // as the product sets it for large workbooks
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        TreeMap<String, long[]> byKind = new TreeMap<>();   // bytes, nanos, files
        long started = System.nanoTime();
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            String kind = name.endsWith(".csv") ? "csv" : name.endsWith(".xml") ? "xml" : name.endsWith(".xlsx") ? "xlsx"
                    : name.endsWith(".xls") ? "xls" : null;
            if (kind == null) {
                continue;
            }
            long t0 = System.nanoTime();
            switch (kind) {
                case "csv" -> csv(f);
                case "xml" -> xml(f);
                case "xlsx" -> xlsx(f);
                default -> xls(f);
            }
            long[] k = byKind.computeIfAbsent(kind, x -> new long[3]);
            k[0] += Files.size(f);
            k[1] += System.nanoTime() - t0;
            k[2]++;
        }
        long total = System.nanoTime() - started;
        long bytes = byKind.values().stream().mapToLong(k -> k[0]).sum();
        byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "raw %s %d %d %.3f%n", kind, k[2], k[0], k[1] / 1e9));
        System.out.printf(Locale.ROOT, "raw total %d %d %.3f%n", files.size(), bytes, total / 1e9);
        if (touched == 42) {
            System.out.println();   // keeps the values touched from being optimised away
        }
    }

    static void csv(Path f) throws Exception {
        try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(f)).get();
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(r)) {
            for (CSVRecord rec : p) {
                for (String v : rec) {
                    touched += v.length();
                }
            }
        }
    }

    static void xml(Path f) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(f)) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.CHARACTERS) {
                    touched += x.getTextLength();
                } else if (e == XMLStreamConstants.START_ELEMENT) {
                    touched += x.getLocalName().length();
                }
            }
            x.close();
        }
    }

    static void xlsx(Path f) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(f.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setNamespaceAware(true);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLReader xr = spf.newSAXParser().getXMLReader();
                    xr.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                @Override
                                public void startRow(int rowNum) {
                                }

                                @Override
                                public void endRow(int rowNum) {
                                }

                                @Override
                                public void cell(String ref, String value, XSSFComment comment) {
                                    touched += value == null ? 0 : value.length();
                                }
                            }, false));
                    xr.parse(new InputSource(sheet));
                }
            }
        }
    }

    static void xls(Path f) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(f.toFile(), true)) {
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(r -> touched += r.getSid());
            new HSSFEventFactory().processWorkbookEvents(request, fs);
        }
    }
}
