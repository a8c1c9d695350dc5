package org.neglectscorecard.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.neglectscorecard.ingest.UnreadableFileException;

/**
 * Pulls the rows of one worksheet straight from its XML with StAX. Date-formatted numbers come
 * back as ISO dates, other numbers in plain form ("1234", not "1234.0"), formulas as their cached
 * values (never evaluated), errors such as #N/A as their text.
 */
public final class XlsxSheetReader extends SheetTable {

    /** Excel itself cannot hold more in one cell; more means a damaged or hostile file. */
    public static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_COLUMNS = 16_384;

    private final InputStream in;
    private final XMLStreamReader xml;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private int rawRow;

    XlsxSheetReader(String fileName, String sheetName, String tableName, HeaderChoice headerChoice, InputStream in,
                    SharedStrings strings, StylesTable styles, boolean date1904) {
        super(fileName, sheetName);
        this.date1904 = date1904;
        this.in = in;
        this.strings = strings;
        this.styles = styles;
        try {
            XMLInputFactory factory = XMLHelper.newXMLInputFactory();
            this.xml = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
        locateHeader(tableName, headerChoice);
    }

    @Override
    protected boolean date1904() {
        return date1904;
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // read-only: nothing to lose
        }
    }

    @Override
    protected SheetRow readRow() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    String r = xml.getAttributeValue(null, "r");
                    rawRow = r != null ? Integer.parseInt(r) : rawRow + 1;
                    String[] values = readCells();
                    if (values != null) {
                        return new SheetRow(rawRow, values);
                    }
                }
            }
            return null;
        } catch (XMLStreamException | NumberFormatException e) {
            throw damaged(e);
        }
    }

    private String[] readCells() throws XMLStreamException {
        List<String> values = new ArrayList<>();
        boolean any = false;
        int nextColumn = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int column;
                try {
                    column = ref != null ? column(ref) : nextColumn;
                } catch (IllegalArgumentException e) {   // a reference that is not one ("#REF!")
                    throw damaged(e);
                }
                if (column >= MAX_COLUMNS || column < 0) {
                    throw new UnreadableFileException(fileName + " sheet '" + sheetName + "' has a cell beyond Excel's last column.");
                }
                String value = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                while (values.size() < column) {
                    values.add(null);
                }
                values.add(value);
                nextColumn = column + 1;
                if (value != null && !value.isBlank()) {
                    any = true;
                }
            }
        }
        return any ? values.toArray(new String[0]) : null;
    }

    private String readCell(String type, String style) throws XMLStreamException {
        String raw = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    raw = limited(xml.getElementText());
                } else if ("t".equals(name)) {
                    if (inline == null) {
                        inline = new StringBuilder();
                    }
                    inline.append(limited(xml.getElementText()));
                    if (inline.length() > MAX_CELL_CHARS) {
                        throw oversized();
                    }
                }
            }
        }
        if (inline != null) {
            return inline.toString();
        }
        if (raw == null) {
            return null;
        }
        if (type == null || "n".equals(type)) {
            return number(raw, style);
        }
        return switch (type) {
            case "s" -> sharedString(raw);
            case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
            default -> raw; // str (formula text), e (error such as #N/A), d (ISO date)
        };
    }

    /**
     * The column of a cell reference ("AB12" is 27). Read by hand: POI's CellReference matched a
     * regular expression for every cell, a tenth of reading a workbook.
     */
    static int column(String ref) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < ref.length() && letters <= 3; i++) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            letters++;
        }
        if (letters == 0) {
            return new CellReference(ref).getCol();   // not the usual form: POI says what it is
        }
        return letters > 3 ? -1 : column - 1;
    }

    private String sharedString(String raw) {
        try {
            String s = strings.get(Integer.parseInt(raw.strip()));
            if (s != null && s.length() > MAX_CELL_CHARS) {
                throw oversized();
            }
            return s;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw damaged(e);
        }
    }

    private String number(String raw, String style) {
        BigDecimal number;
        try {
            number = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
        if (style != null && !style.isEmpty()) {
            try {
                XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
                if (cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
                        && DateUtil.isValidExcelDate(number.doubleValue())) {
                    return DateUtil.getLocalDateTime(number.doubleValue(), date1904).toLocalDate().toString();
                }
                if (cellStyle != null && isPercentFormat(cellStyle.getDataFormatString())) {
                    return percent(number);
                }
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // an unreadable style leaves the value a plain number
            }
        }
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
    }

    /**
     * Whether a number format shows its value as a percentage ("0%", "0.0%"): a % outside quoted
     * text and escapes. The cell holds 0.9 where the person typed and sees 90%.
     */
    static boolean isPercentFormat(String format) {
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\\') {
                i++;
            } else if (!quoted && c == '%') {
                return true;
            }
        }
        return false;
    }

    /**
     * A percentage cell as the person sees it: 0.9 is "90%" (read as 90 wherever a percentage is).
     * To Excel's 15 significant digits: the file keeps 95.5% as 0.95499999999999996.
     */
    static String percent(BigDecimal fraction) {
        BigDecimal plain = fraction.round(new java.math.MathContext(15)).movePointRight(2).stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString()) + "%";
    }

    private String limited(String text) {
        if (text != null && text.length() > MAX_CELL_CHARS) {
            throw oversized();
        }
        return text;
    }

    private UnreadableFileException oversized() {
        return new UnreadableFileException(fileName + " sheet '" + sheetName + "' row " + rawRow
                + " has a cell with more text than Excel allows (" + MAX_CELL_CHARS + " characters): the file is damaged or not a genuine export.");
    }

    private UnreadableFileException damaged(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase().contains("zip bomb")) {
                return new UnreadableFileException(fileName + " expands to far more data than its size suggests (it looks "
                        + "like a 'zip bomb'), so it was not read. If it is a genuine export, save it again from Excel after "
                        + "deleting unused rows and columns.", e);
            }
        }
        return new UnreadableFileException(fileName + " sheet '" + sheetName + "' is damaged near row " + rawRow
                + ": open it in Excel and save it again as .xlsx.", e);
    }
}
