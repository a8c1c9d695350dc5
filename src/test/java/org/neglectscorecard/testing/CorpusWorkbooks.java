package org.neglectscorecard.testing;

import java.io.*;
import java.nio.file.*;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.*;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.*;
import org.apache.poi.ss.usermodel.*;

/**
 * Writes the binary fixtures of src/test/resources/corpus (zip bomb, password-protected, old .xls,
 * oversized cell, blank formatted ranges): run its main with that folder to make them again.
 */
public class CorpusWorkbooks {
  static void tables(Workbook wb, String extraChildIdCell) {
    Sheet h = wb.createSheet("Header"); row(h, 0, "Collection","Year","ReferenceDate","LEA"); row(h, 1, "CIN","2022","2022-03-31","213");
    Sheet ci = wb.createSheet("ChildIdentifiers"); row(ci, 0, "LAchildID","PersonBirthDate","GenderCurrent"); row(ci, 1, "SECRET-ID-1","2015-01-01","1");
    if (extraChildIdCell != null) row(ci, 2, extraChildIdCell, "2016-01-01", "2");
    Sheet d = wb.createSheet("CINdetails"); row(d, 0, "LAchildID","CINdetailsID","CINreferralDate","PrimaryNeedCode"); row(d, 1, "SECRET-ID-1","1","2021-05-01","N1");
    Sheet p = wb.createSheet("ChildProtectionPlans"); row(p, 0, "LAchildID","CINdetailsID","CPPstartDate","CPPendDate","InitialCategoryOfAbuse","LatestCategoryOfAbuse","NumberOfPreviousCPP");
    row(p, 1, "SECRET-ID-1","1","2021-05-10","","NEG","NEG","0");
  }
  static void row(Sheet s, int r, String... v) { Row row = s.createRow(r); for (int i = 0; i < v.length; i++) row.createCell(i).setCellValue(v[i]); }
  static void save(XSSFWorkbook wb, Path p) throws Exception { Files.createDirectories(p.getParent()); try (OutputStream o = Files.newOutputStream(p)) { wb.write(o); } wb.close(); }

  /** An old .xls holding a CIN census as tables: read directly (POI's HSSF), like an .xlsx. */
  static void oldXls(Path c) throws Exception {
    try (HSSFWorkbook old = new HSSFWorkbook()) { tables(old, null);
      Path p = c.resolve("08-old-xls/input/213/old.xls"); Files.createDirectories(p.getParent()); try (OutputStream o = Files.newOutputStream(p)) { old.write(o); } }
  }

  public static void main(String[] a) throws Exception {
    Path c = Path.of(a[0]);
    if (a.length > 1 && a[1].equals("08-old-xls")) { oldXls(c); return; }
    // a zip bomb: a valid workbook whose sheet is 60 MB of padding
    XSSFWorkbook good = new XSSFWorkbook(); tables(good, null); save(good, Path.of("/tmp/mkcorpus/good.xlsx"));
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of("/tmp/mkcorpus/good.xlsx")));
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(c.resolve("05-zip-bomb/input/213/bomb.xlsx")))) {
      out.setLevel(9);
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("xl/worksheets/sheet2.xml")) {
          String xml = new String(data, "UTF-8");
          int at = xml.indexOf("<sheetData>");
          out.write(xml.substring(0, at).getBytes("UTF-8"));
          byte[] pad = new byte[1 << 20]; java.util.Arrays.fill(pad, (byte) ' ');
          for (int i = 0; i < 60; i++) out.write(pad);
          out.write(xml.substring(at).getBytes("UTF-8"));
        } else out.write(data);
        out.closeEntry();
      }
    }
    // password-protected
    XSSFWorkbook secret = new XSSFWorkbook(); tables(secret, null);
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor(); enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) { secret.write(os); }
      Path p = c.resolve("06-password-protected/input/213/locked.xlsx"); Files.createDirectories(p.getParent());
      try (OutputStream o = Files.newOutputStream(p)) { fs.writeFilesystem(o); }
    }
    oldXls(c);
    // an oversized cell: 40,000 characters, more than Excel allows
    XSSFWorkbook big = new XSSFWorkbook(); tables(big, "OVERSIZED"); save(big, Path.of("/tmp/mkcorpus/big.xlsx"));
    Path bigOut = c.resolve("09-oversized-cell/input/213/big.xlsx"); Files.createDirectories(bigOut.getParent());
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of("/tmp/mkcorpus/big.xlsx")));
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bigOut))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("xl/sharedStrings.xml")) data = new String(data, "UTF-8").replace("OVERSIZED", "X".repeat(40_000)).getBytes("UTF-8");
        out.write(data); out.closeEntry();
      }
    }
    // large blank formatted ranges below the data: loads
    XSSFWorkbook blank = new XSSFWorkbook(); tables(blank, null);
    CellStyle style = blank.createCellStyle(); style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex()); style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    for (String name : new String[] {"ChildIdentifiers", "CINdetails", "ChildProtectionPlans"}) {
      Sheet s = blank.getSheet(name);
      for (int r = 5; r < 20_000; r++) { Row row = s.createRow(r); row.setRowStyle(style); for (int col = 0; col < 8; col++) row.createCell(col).setCellStyle(style); }
    }
    save(blank, c.resolve("17-blank-formatted-ranges/input/213/exported.xlsx"));
  }
}
