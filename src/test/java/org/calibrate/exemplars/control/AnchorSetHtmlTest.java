package org.calibrate.exemplars.control;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnchorSetHtmlTest {
    private final String html = AnchorSetHtml.write(SampleAnchorSet.of());

    @Test
    void isWellFormedXhtml() throws Exception {
        Element root = parse(html).getDocumentElement();
        assertEquals("html", root.getLocalName());
        assertEquals("http://www.w3.org/1999/xhtml", root.getNamespaceURI());
        assertFalse(html.contains("&nbsp;"), "XML knows no &nbsp;");
    }

    @Test
    void studentTextAndAnnotationStayText() throws Exception {
        assertFalse(html.contains(SampleAnchorSet.SCRIPT));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("The writer \"quotes\" &amp; &lt;b&gt;weighs&lt;/b&gt; both sources"));
        assertTrue(html.contains("Evidence &amp; &lt;use&gt; of sources"));
        Document doc = parse(html);
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(0, doc.getElementsByTagName("b").getLength());
        assertEquals(0, doc.getElementsByTagName("use").getLength());
    }

    @Test
    void loadsNothingFromElsewhere() throws Exception {
        Document doc = parse(html);
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertFalse(e.hasAttribute("src") || e.hasAttribute("href"), e.getTagName());
        }
        assertFalse(html.contains("url("));
        assertFalse(html.contains("@import"));
    }

    @Test
    void anchorsGoWholePieceFirstThenByCriterionHighestScorePointFirst() throws Exception {
        assertEquals(SampleAnchorSet.ORDER, texts(parse(html), "h3"));
        assertEquals(List.of("Exemplars for the whole piece", "Exemplars for Content", "Exemplars for Evidence & <use> of sources"),
                texts(parse(html), "h2").stream().filter(t -> t.startsWith("Exemplars")).toList());
    }

    @Test
    void eachAnchorSaysWhatItIllustratesAndItsLevels() throws Exception {
        List<String> points = new ArrayList<>();
        Document doc = parse(html);
        NodeList ps = doc.getElementsByTagName("p");
        for (int i = 0; i < ps.getLength(); i++) {
            if (((Element) ps.item(i)).getAttribute("class").equals("point")) {
                points.add(ps.item(i).getTextContent());
            }
        }
        assertEquals(List.of("Score point 4 on the whole piece", "Score point 3 on the whole piece", "Score point 4 on Content",
                "Score point 2 on Content", "Score point 4 on Evidence & <use> of sources", "Score point 2 on Evidence & <use> of sources"), points);
        assertTrue(html.contains("Why this earns its score"));
        // Exemplar 3 has no final level on evidence.
        assertTrue(html.contains("<tr><td>4</td><td>—</td></tr>"));
    }

    @Test
    void theRubricShowsEveryDescriptorUnderItsScorePointHighestFirst() throws Exception {
        Document doc = parse(html);
        Element rubric = (Element) doc.getElementsByTagName("table").item(0);
        assertEquals("rubric", rubric.getAttribute("class"));
        assertEquals(List.of("Criterion", "Score point 4", "Score point 3", "Score point 2", "Score point 1"), texts(rubric, "th").subList(0, 5));
        NodeList rows = rubric.getElementsByTagName("tbody").item(0).getChildNodes();
        assertEquals(List.of("Argues with insight", "Develops the claim", "States a claim", "Retells the topic"), texts((Element) rows.item(0), "td"));
        assertEquals(List.of("Sources weighed against each other", "", "One source named", "No sources"), texts((Element) rows.item(1), "td"));
    }

    @Test
    void blankLinesMakeParagraphsAndSingleNewlinesLineBreaks() {
        assertTrue(html.contains("<div class=\"text\"><p>" + SampleAnchorSet.STUDENT_SENTENCE + "<br/>My second line stays in the same paragraph.</p>"
                + "<p>Some readers will try this: "), html);
        assertTrue(html.contains("<h2>Task</h2><div class=\"task\"><p>Should schools limit homework?<br/>Argue with at least two sources.</p></div>"));
        assertEquals("<p>one</p><p>two</p>", AnchorSetHtml.paragraphs("\n\none\n \n\n\ntwo\n"));
    }

    @Test
    void aSetWithoutTaskOrCriteriaStillRenders() throws Exception {
        AnchorSet bare = new AnchorSet("Holistic", Optional.empty(), "Holistic rubric", List.of(),
                List.of(new AnchorSet.Anchor("Exemplar 1", Optional.empty(), 2, java.util.Map.of(), "", "")), java.time.Instant.EPOCH);
        String out = AnchorSetHtml.write(bare);
        parse(out);
        assertFalse(out.contains("<h2>Task</h2>"));
        assertTrue(out.contains("The rubric has no criteria."));
        assertTrue(out.contains("exported <time datetime=\"1970-01-01T00:00:00Z\">1 January 1970</time>"));
    }

    private static List<String> texts(Document doc, String tag) {
        return texts(doc.getDocumentElement(), tag);
    }

    private static List<String> texts(Element in, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = in.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
