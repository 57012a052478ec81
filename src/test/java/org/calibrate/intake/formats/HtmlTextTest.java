package org.calibrate.intake.formats;

import org.calibrate.intake.formats.Unreadable.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.calibrate.intake.formats.Fixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTextTest {
    private static final String HOSTILE = "<p onclick=\"steal()\" style=\"color:red\" class=\"x\" id=\"y\">Odysseus <b>returns</b>.</p>"
            + "<script>alert('script text')</script>"
            + "<style>p { background: url(http://evil.example/css) }</style>"
            + "<iframe src=\"http://evil.example/frame\">frame fallback text</iframe>"
            + "<img src=\"http://evil.example/pixel.png\" alt=\"tracking alt\" onerror=\"steal()\">"
            + "<form action=\"http://evil.example/post\"><input name=\"q\" value=\"form value\"><button>form button</button></form>"
            + "<a href=\"javascript:steal()\">link text</a>"
            + "<p>Penelope <span style=\"display:none\">waits</span>.</p>";

    private final Extractor extractor = new Extractor(ExtractionLimits.defaults());

    @Test
    void everythingThatRunsLoadsOrSubmitsIsGoneFromHtmlAndText() throws Unreadable {
        Extraction e = extractor.fromHtml(HOSTILE);
        String html = e.html().orElseThrow().toLowerCase(Locale.ROOT);
        for (String gone : List.of("script", "onclick", "onerror", "style", "iframe", "img", "form", "input", "button",
                "http", "javascript", "evil", "steal", "class=", "id=", "href")) {
            assertFalse(html.contains(gone), gone + " left in " + html);
        }
        for (String gone : List.of("script text", "frame fallback", "tracking alt", "form value", "form button", "background")) {
            assertFalse(e.text().contains(gone), gone + " left in " + e.text());
        }
        assertEquals("<p>Odysseus <b>returns</b>.</p>link text<p>Penelope <span>waits</span>.</p>", e.html().orElseThrow());
        assertEquals("Odysseus returns.\n\nlink text\n\nPenelope waits.", e.text());
        assertEquals(Format.HTML, e.format());
    }

    @Test
    void leftOutImagesAreNoted() throws Unreadable {
        Extraction e = extractor.fromHtml(HOSTILE);
        assertTrue(e.notes().stream().anyMatch(n -> n.startsWith("2 images or embedded items")), e.notes().toString());
        assertFalse(e.needsManualCheck());
    }

    @Test
    void structureIsKeptAndBecomesBlocksInTheText() throws Unreadable {
        Extraction e = extractor.fromHtml("<h2>Claim</h2><ul><li>First <em>point</em></li><li>Second</li></ul>"
                + "<blockquote>Sing, O goddess</blockquote><table><tr><th>Book</th><th>Event</th></tr>"
                + "<tr><td>1</td><td>Telemachus</td></tr></table><p>Line<br>break</p><ol start=\"3\"><li>Third</li></ol>");
        String html = e.html().orElseThrow();
        for (String kept : List.of("<h2>", "<ul>", "<li>", "<em>", "<blockquote>", "<table>", "<th>", "<td>", "<br>", "<ol start=\"3\">")) {
            assertTrue(html.contains(kept), kept + " missing from " + html);
        }
        assertEquals("Claim\n\nFirst point\n\nSecond\n\nSing, O goddess\n\nBook\tEvent\n1\tTelemachus\n\nLine\nbreak\n\nThird", e.text());
    }

    @Test
    void anHtmlFileIsSanitisedLikeOnlineText() throws Unreadable {
        String page = "<!DOCTYPE html><html><head><title>Jane's essay</title><script>x()</script></head><body>"
                + HOSTILE + "</body></html>";
        Extraction e = extractor.extract(file("essay.txt", page.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Format.HTML, e.format());
        assertEquals("Odysseus returns.\n\nlink text\n\nPenelope waits.", e.text());
        assertFalse(e.html().orElseThrow().contains("Jane"));
    }

    @Test
    void emptyOnlineTextIsEmpty() {
        assertEquals(Reason.EMPTY, assertThrows(Unreadable.class, () -> extractor.fromHtml("  ")).reason());
    }

    @Test
    void onlineTextWithoutWordsNeedsAPerson() throws Unreadable {
        Extraction e = extractor.fromHtml("<p><img src=\"https://lms.example/photo.jpg\"></p>");
        assertEquals("", e.text());
        assertTrue(e.needsManualCheck());
    }

    @Test
    void onlineTextOverTheLimitIsTooLarge() {
        ExtractionLimits little = new ExtractionLimits(25L << 20, 200, 10, 50_000_000L, 0.01, 100L << 20);
        Unreadable u = assertThrows(Unreadable.class, () -> new Extractor(little).fromHtml("<p>Eleven chars</p>"));
        assertEquals(Reason.TOO_LARGE, u.reason());
    }
}
