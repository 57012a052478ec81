package org.calibrate.anonymise.files;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes from an OpenDocument text (ODF 1.2) what records people: meta.xml (initial creator, creator, dates,
 * editing time, user-defined fields), comments (office:annotation, with their dc:creator), tracked changes
 * (text:tracked-changes holds the deleted text and who changed what; the change marks in the text go, so
 * insertions are accepted and deletions dropped), fields that print an author's name, and the thumbnail of
 * the first page.
 */
final class OdtMetadata {
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String META = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document-meta xmlns:office=\"" + OFFICE + "\" office:version=\"1.2\"><office:meta/></office:document-meta>";
    private static final Set<String> DROPPED_OFFICE = Set.of("annotation", "annotation-end");
    private static final Set<String> DROPPED_TEXT = Set.of("tracked-changes", "change", "change-start", "change-end",
            "author-name", "author-initials", "initial-creator", "creator");

    private OdtMetadata() {
    }

    static Map<String, byte[]> scrub(Map<String, byte[]> parts, List<String> removed) throws XMLStreamException {
        List<String> gone = parts.keySet().stream().filter(n -> n.startsWith("Thumbnails/")).toList();
        Map<String, byte[]> out = ZipParts.rewrite(parts, gone, (name, content) -> switch (name) {
            case "meta.xml" -> META.getBytes(StandardCharsets.UTF_8);
            case "META-INF/manifest.xml" -> XmlRewrite.without(content, start -> gone.contains(fullPath(start)));
            default -> name.endsWith(".xml") ? XmlRewrite.rewrite(content, OdtMetadata::element, attribute -> false) : content;
        });
        removed.add("document metadata (creators, dates, editing time, user-defined fields)");
        removed.add("comments, tracked changes (insertions kept, deletions dropped) and author fields");
        return out;
    }

    private static String fullPath(StartElement start) {
        var a = start.getAttributeByName(new QName("urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", "full-path"));
        return a == null ? "" : a.getValue();
    }

    private static XmlRewrite.Action element(StartElement start) {
        QName name = start.getName();
        boolean dropped = OFFICE.equals(name.getNamespaceURI()) && DROPPED_OFFICE.contains(name.getLocalPart())
                || TEXT.equals(name.getNamespaceURI()) && DROPPED_TEXT.contains(name.getLocalPart());
        return dropped ? XmlRewrite.Action.DROP : XmlRewrite.Action.KEEP;
    }
}
