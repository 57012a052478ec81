package org.calibrate.exemplars.control;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AnchorSetPdfTest {
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @Test
    void thePdfCarriesTheLabelAnnotationAndStudentText() throws IOException {
        byte[] pdf = AnchorSetPdf.write(SampleAnchorSet.of());
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        String text = oneLine(text(pdf));
        assertTrue(text.contains("Exemplar 3"), text);
        assertTrue(text.contains(SampleAnchorSet.ANNOTATION), text);
        assertTrue(text.contains(SampleAnchorSet.STUDENT_SENTENCE), text);
        assertTrue(text.contains("Argues with insight"), text);
    }

    @Test
    void markupInTheStudentTextShowsLiterally() throws IOException {
        String text = oneLine(text(AnchorSetPdf.write(SampleAnchorSet.of())));
        assertTrue(text.contains("Some readers will try this: " + SampleAnchorSet.SCRIPT + " and it must stay text."), text);
    }

    @Test
    void eachAnchorStartsItsOwnPageInTheOrderOfTheHtml() throws IOException {
        try (PDDocument doc = Loader.loadPDF(AnchorSetPdf.write(SampleAnchorSet.of()))) {
            assertEquals(1 + SampleAnchorSet.ORDER.size(), doc.getNumberOfPages(), "the rubric page, then one page per anchor");
            List<String> labels = new ArrayList<>();
            for (int page = 2; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                SampleAnchorSet.ORDER.stream().filter(l -> text.contains(l + "\n") || text.contains(l + "\r")).forEach(labels::add);
            }
            assertEquals(SampleAnchorSet.ORDER, labels);
        }
    }

    @Test
    void withoutATrueTypeFontTheBuiltInFontSetsTheText() throws IOException {
        byte[] pdf = AnchorSetPdf.write(SampleAnchorSet.of(), List.of(Path.of("/nonexistent/font.ttf")));
        String text = oneLine(text(pdf));
        assertTrue(text.contains(SampleAnchorSet.STUDENT_SENTENCE), text);
        assertTrue(fontNames(pdf).stream().allMatch(f -> f.startsWith("Helvetica")), fontNames(pdf).toString());
    }

    @Test
    void aTrueTypeFontSetsTextTheBuiltInFontsCannot() throws IOException {
        assumeTrue(Files.isReadable(DEJAVU), "DejaVu Sans is not installed here");
        AnchorSet greek = SampleAnchorSet.of(Optional.of("Γράψε ένα επιχείρημα για την εργασία στο σπίτι."));
        byte[] pdf = AnchorSetPdf.write(greek);
        assertTrue(oneLine(text(pdf)).contains("Γράψε ένα επιχείρημα"));
        assertTrue(fontNames(pdf).stream().anyMatch(f -> f.contains("DejaVuSans")), fontNames(pdf).toString());
        assertTrue(fontNames(pdf).stream().anyMatch(f -> f.contains("DejaVuSans-Bold")), "headings in the bold face: " + fontNames(pdf));
    }

    @Test
    void theRendererFetchesNoUrlAndReadsNoFile(@TempDir Path dir) throws Exception {
        String css = "h1::before{content:\"LEAKED \"}";
        Path file = Files.writeString(dir.resolve("leak.css"), css);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = css.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String html = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><link rel=\"stylesheet\" href=\"" + base + "/a.css\"/>"
                    + "<link rel=\"stylesheet\" href=\"" + file.toUri() + "\"/><style>@import url(\"" + base + "/b.css\");</style></head>"
                    + "<body><h1>Title</h1><img src=\"" + base + "/c.png\"/></body></html>";
            String text = text(AnchorSetPdf.render(html, List.of()));
            assertEquals(0, requests.get());
            assertTrue(text.contains("Title"), text);
            assertFalse(text.contains("LEAKED"), text);
        } finally {
            server.stop(0);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Line ends where the layout wrapped a sentence become spaces again. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static List<String> fontNames(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    names.add(font.getName());
                }
            }
        }
        return names;
    }
}
