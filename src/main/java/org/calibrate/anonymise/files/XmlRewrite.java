package org.calibrate.anonymise.files;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One XML part of a package, streamed through and written again with some elements dropped (with everything
 * inside), some unwrapped (their content kept in their place) and some attributes removed. Streaming keeps a
 * large document.xml from being held twice as a tree; DTDs and external entities are off, so a hostile part
 * can neither expand nor fetch anything.
 */
final class XmlRewrite {
    enum Action { KEEP, DROP, UNWRAP }

    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();

    private XmlRewrite() {
    }

    /**
     * @param elements      what to do with each element, told from its start tag
     * @param dropAttribute which attributes go, wherever they stand
     */
    static byte[] rewrite(byte[] xml, Function<StartElement, Action> elements, Predicate<QName> dropAttribute)
            throws XMLStreamException {
        XMLInputFactory in = XMLInputFactory.newDefaultFactory();
        in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLEventReader reader = in.createXMLEventReader(new ByteArrayInputStream(xml));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(xml.length);
        XMLEventWriter writer = XMLOutputFactory.newDefaultFactory().createXMLEventWriter(bytes, "UTF-8");
        try {
            int dropping = 0;
            Deque<Boolean> unwrapped = new ArrayDeque<>();
            while (reader.hasNext()) {
                XMLEvent event = reader.nextEvent();
                if (dropping > 0) {
                    dropping += event.isStartElement() ? 1 : event.isEndElement() ? -1 : 0;
                    continue;
                }
                if (event.isStartElement()) {
                    StartElement start = event.asStartElement();
                    Action action = elements.apply(start);
                    if (action == Action.DROP) {
                        dropping = 1;
                        continue;
                    }
                    unwrapped.push(action == Action.UNWRAP);
                    if (action == Action.KEEP) {
                        writer.add(withoutAttributes(start, dropAttribute));
                    }
                } else if (event.isEndElement()) {
                    if (!unwrapped.pop()) {
                        writer.add(event);
                    }
                } else if (event.isStartDocument()) {
                    writer.add(EVENTS.createStartDocument("UTF-8", "1.0", true));
                } else if (!event.isProcessingInstruction() && event.getEventType() != XMLEvent.COMMENT) {
                    // XML comments and processing instructions are dropped: a tool may leave a name or a path in them.
                    writer.add(event);
                }
            }
            writer.flush();
        } finally {
            writer.close();
            reader.close();
        }
        return bytes.toByteArray();
    }

    /** Drops the elements the predicate picks, and keeps everything else as it is. */
    static byte[] without(byte[] xml, Predicate<StartElement> drop) throws XMLStreamException {
        return rewrite(xml, start -> drop.test(start) ? Action.DROP : Action.KEEP, name -> false);
    }

    /** An attribute's value, or "" without it. */
    static String attribute(StartElement start, String name) {
        Attribute a = start.getAttributeByName(new QName(name));
        return a == null ? "" : a.getValue();
    }

    private static StartElement withoutAttributes(StartElement start, Predicate<QName> drop) {
        List<Attribute> kept = new ArrayList<>();
        boolean changed = false;
        for (Iterator<Attribute> it = start.getAttributes(); it.hasNext(); ) {
            Attribute a = it.next();
            if (drop.test(a.getName())) {
                changed = true;
            } else {
                kept.add(a);
            }
        }
        return changed ? EVENTS.createStartElement(start.getName(), kept.iterator(), start.getNamespaces()) : start;
    }
}
