package org.calibrate.anonymise.files;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import java.util.Collection;
import java.util.Set;

/**
 * The package bookkeeping of OPC (ECMA-376 Part 2) kept consistent when parts are removed: relationships
 * (9.3) to removed parts go, and so do those whose type says they only point at people or paths; content type
 * overrides (10.1.2) of removed parts go.
 */
final class Relationships {
    private Relationships() {
    }

    /**
     * @param droppedTypes relationship types by their last path segment ("comments", "attachedTemplate")
     * @param goneParts    parts removed from the package; a relationship whose target is one of them goes too
     */
    static byte[] without(byte[] rels, Set<String> droppedTypes, Collection<String> goneParts) throws XMLStreamException {
        return XmlRewrite.without(rels, start -> isRelationship(start) && (droppedTypes.contains(kind(start))
                || pointsAtOneOf(XmlRewrite.attribute(start, "Target"), goneParts)));
    }

    static byte[] contentTypesWithout(byte[] types, Collection<String> goneParts) throws XMLStreamException {
        return XmlRewrite.without(types, start -> start.getName().getLocalPart().equals("Override")
                && goneParts.contains(XmlRewrite.attribute(start, "PartName").replaceFirst("^/", "")));
    }

    private static boolean isRelationship(StartElement start) {
        return start.getName().getLocalPart().equals("Relationship");
    }

    private static String kind(StartElement start) {
        String type = XmlRewrite.attribute(start, "Type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** Targets are relative to the source part's folder ("comments.xml" from word/) or absolute ("/word/…"). */
    private static boolean pointsAtOneOf(String target, Collection<String> parts) {
        if (target.isEmpty()) {
            return false;
        }
        String path = target.replaceFirst("^/", "").replaceFirst("^(\\.\\./)+", "");
        return parts.stream().anyMatch(p -> p.equals(path) || p.endsWith("/" + path));
    }
}
