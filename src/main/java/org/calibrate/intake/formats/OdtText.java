package org.calibrate.intake.formats;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text of an OpenDocument text (ODT): the paragraphs and headings of content.xml, read as a stream with
 * the JDK's StAX parser, so neither the XML nor the text is ever held whole beyond its bounds.
 */
final class OdtText {
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    /**
     * Not the student's text as it stands: deleted passages kept for change tracking, and note numbers (the notes
     * follow the body). Comments (office:annotation) are skipped too: they carry their author's name.
     */
    private static final Set<String> SKIPPED_TEXT = Set.of("tracked-changes", "note-citation");
    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private final ExtractionLimits limits;

    OdtText(ExtractionLimits limits) {
        this.limits = limits;
    }

    Extraction read(ZipDirectory zip) throws Unreadable {
        if (encrypted(zip)) {
            throw Unreadable.encrypted("OpenDocument text");
        }
        ZipDirectory.Entry content = zip.entry("content.xml")
                .orElseThrow(() -> Unreadable.corrupt("OpenDocument text", null));
        BoundedText body = new BoundedText(limits);
        BoundedText notes = new BoundedText(limits);
        ZipDirectory.EntryStream in;
        try {
            in = zip.open(content, limits.maxZipEntryBytes());
        } catch (IOException e) {
            throw Unreadable.corrupt("OpenDocument text", e);
        }
        try (in) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                walk(xml, body, notes);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | IOException e) {
            if (body.overflowed() || notes.overflowed()) {
                throw Unreadable.tooMuchText(-1, limits.maxTextChars());
            }
            if (in.exceeded()) {
                throw Unreadable.tooLarge("The document's text part unpacks to more than "
                        + limits.maxZipEntryBytes() / (1024 * 1024) + " MB, the mark of a ZIP bomb; it was not read."
                        + " Ask the student to hand it in again, as PDF if it keeps failing.");
            }
            throw Unreadable.corrupt("OpenDocument text", e);
        }
        String text = notes.toString().isBlank() ? body.toString() : body + "\n\n" + notes;
        return Extraction.of(Format.ODT, text, 1, List.of());
    }

    /** Paragraphs end in a blank line; notes (footnotes, endnotes) are gathered apart and follow the body. */
    private static void walk(XMLStreamReader xml, BoundedText body, BoundedText notes)
            throws XMLStreamException, BoundedText.Overflow {
        int skipping = 0;
        int paragraphs = 0;
        List<BoundedText> target = new ArrayList<>(List.of(body));
        while (xml.hasNext()) {
            int event = xml.next();
            BoundedText out = target.get(target.size() - 1);
            if (skipping > 0) {
                skipping += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
                continue;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String ns = xml.getNamespaceURI();
                String name = xml.getLocalName();
                if (OFFICE.equals(ns) && name.equals("annotation") || TEXT.equals(ns) && SKIPPED_TEXT.contains(name)) {
                    skipping = 1;
                } else if (TEXT.equals(ns)) {
                    switch (name) {
                        case "p", "h" -> paragraphs++;
                        case "s", "tab" -> out.append(name.equals("s") ? " " : "\t");
                        case "line-break" -> out.append("\n");
                        case "note-body" -> target.add(notes);
                        default -> { }
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && TEXT.equals(xml.getNamespaceURI())) {
                switch (xml.getLocalName()) {
                    case "p", "h" -> {
                        paragraphs--;
                        out.append("\n\n");
                    }
                    case "note-body" -> target.remove(target.size() - 1);
                    default -> { }
                }
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && paragraphs > 0) {
                // ODF 1.2 Part 1, "White Space Characters": in paragraph content, line ends and tabs count as spaces.
                out.append(xml.getText().replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
            }
        }
    }

    /** ODF 1.2 Part 3 (Packages), "Encryption": an encrypted part is described by manifest:encryption-data. */
    private static boolean encrypted(ZipDirectory zip) throws Unreadable {
        var manifest = zip.entry("META-INF/manifest.xml");
        if (manifest.isEmpty()) {
            return false;
        }
        try (InputStream in = zip.open(manifest.get(), MAX_MANIFEST_BYTES)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("encryption-data")) {
                        return true;
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | IOException e) {
            throw Unreadable.corrupt("OpenDocument text", e);
        }
    }

    /** The JDK's own parser, with DTDs and external entities off: no entity expansion, no file or URL fetched. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
