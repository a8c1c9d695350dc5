package org.neglectscorecard.ingest;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * How every kind of return reads XML: a StAX factory that resolves no DTD or external entity
 * (returns never declare them; files that do are how XML attacks work), and one wording for a
 * file that cannot be read as XML.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /** A StAX factory that will not resolve DTDs or external entities. */
    public static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * What to tell the person running it about a return the parser gave up on.
     *
     * @param returns what the file should be, in the plural ("CIN census returns")
     */
    public static UnreadableFileException unreadable(String displayName, String returns, XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        String detail = e.getMessage() == null ? "" : e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        if (detail.contains("was referenced") || detail.contains("DOCTYPE")) {
            return new UnreadableFileException(displayName + " uses XML entities or a DTD (line " + line
                    + "); " + returns + " never do, so it was not read. Export the return again.", e);
        }
        return new UnreadableFileException(displayName + " is not well-formed XML at line " + line + " (" + detail
                + "): the file is damaged or was cut short. Export the return again.", e);
    }
}
