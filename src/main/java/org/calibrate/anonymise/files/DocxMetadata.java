package org.calibrate.anonymise.files;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes from a Word document (OOXML, ECMA-376) every place an author or an editor is recorded: the document
 * properties, comments and the people who wrote them, tracked changes (resolved: insertions accepted, deletions
 * dropped, formatting changes forgotten), revision ids (rsid, which tie edits to one editing session),
 * document variables and the attached template's path. The text the student wrote stays as it reads.
 */
final class DocxMetadata {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String CORE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"/>";
    private static final String APP = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"/>";
    private static final String CUSTOM = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\"/>";

    /** Parts that exist only to record people: comments and their threads, and the list of commenters. */
    private static final Set<String> PEOPLE_PARTS = Set.of("word/comments.xml", "word/commentsExtended.xml",
            "word/commentsIds.xml", "word/commentsExtensible.xml", "word/people.xml");
    /** Relationship types (by their last path segment) whose targets go with the parts above, or name a path. */
    private static final Set<String> DROPPED_RELATIONSHIPS = Set.of("comments", "commentsExtended", "commentsIds",
            "commentsExtensible", "people", "attachedTemplate", "thumbnail");

    /** Deleted text, moved-away text and change records (with their authors) go whole. */
    private static final Set<String> DROPPED = Set.of("del", "moveFrom", "moveFromRangeStart", "moveFromRangeEnd",
            "moveToRangeStart", "moveToRangeEnd", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
            "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel",
            "cellMerge", "commentRangeStart", "commentRangeEnd", "commentReference", "rsids", "docVars",
            "attachedTemplate", "trackRevisions", "customXmlInsRangeStart", "customXmlInsRangeEnd",
            "customXmlDelRangeStart", "customXmlDelRangeEnd");
    /** Inserted and moved-in text stays, without the record of who put it there. */
    private static final Set<String> UNWRAPPED = Set.of("ins", "moveTo");
    private static final Set<String> DROPPED_ATTRIBUTES = Set.of("author", "date", "initials");

    private DocxMetadata() {
    }

    static Map<String, byte[]> scrub(Map<String, byte[]> parts, List<String> removed) throws XMLStreamException {
        // Which parts go is settled first: relationships to them may come earlier in the archive.
        List<String> gone = parts.keySet().stream().filter(DocxMetadata::peoplesPart).toList();
        Map<String, byte[]> out = ZipParts.rewrite(parts, gone, (name, content) -> switch (name) {
            case "docProps/core.xml" -> utf8(CORE);
            case "docProps/app.xml" -> utf8(APP);
            case "docProps/custom.xml" -> utf8(CUSTOM);
            case "[Content_Types].xml" -> Relationships.contentTypesWithout(content, gone);
            default -> name.endsWith(".rels") ? Relationships.without(content, DROPPED_RELATIONSHIPS, gone)
                    : name.endsWith(".xml") ? body(content) : content;
        });
        removed.add("document properties (authors, editors, dates, company, custom properties)");
        if (gone.stream().anyMatch(n -> n.startsWith("word/comments"))) {
            removed.add("comments and their authors");
        }
        removed.add("tracked changes resolved (insertions kept, deletions dropped) and revision ids");
        return out;
    }

    /** Comments, commenters, the first page's thumbnail, and custom XML (where document management keeps owners). */
    private static boolean peoplesPart(String name) {
        return PEOPLE_PARTS.contains(name) || name.startsWith("docProps/thumbnail") || name.startsWith("customXml/");
    }

    private static byte[] body(byte[] xml) throws XMLStreamException {
        return XmlRewrite.rewrite(xml, DocxMetadata::element, DocxMetadata::droppedAttribute);
    }

    private static XmlRewrite.Action element(StartElement start) {
        QName name = start.getName();
        if (!W.equals(name.getNamespaceURI())) {
            return XmlRewrite.Action.KEEP;
        }
        String local = name.getLocalPart();
        return DROPPED.contains(local) ? XmlRewrite.Action.DROP
                : UNWRAPPED.contains(local) ? XmlRewrite.Action.UNWRAP : XmlRewrite.Action.KEEP;
    }

    private static boolean droppedAttribute(QName name) {
        return W.equals(name.getNamespaceURI())
                && (name.getLocalPart().startsWith("rsid") || DROPPED_ATTRIBUTES.contains(name.getLocalPart()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
