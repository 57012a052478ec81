package org.calibrate.bench;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.calibrate.anonymise.files.FileRedactor;
import org.calibrate.anonymise.files.HiddenPhrase;
import org.calibrate.anonymise.files.RedactedDocument;
import org.calibrate.anonymise.files.Tesseract;
import org.calibrate.intake.formats.ExtractionLimits;
import org.calibrate.intake.formats.Format;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A typed essay handed in as a PDF, made into the scorers' copy: metadata scrubbed, the text rebuilt page by page
 * without the hidden names, re-extracted and checked. Pages of 40 lines, names on every page; the figure is
 * documents per second, pages per second being that times the pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PdfRedactionBenchmark {
    @Param({"5"})
    public int pages;

    private byte[] pdf;
    private FileRedactor redactor;
    private final List<HiddenPhrase> hidden = List.of(new HiddenPhrase("Maya Thompson", "[student]"), new HiddenPhrase("Maya", "[student]"),
            new HiddenPhrase("Thompson", "[student]"), new HiddenPhrase("Mr. Okafor", "[teacher]"), new HiddenPhrase("Grace Kim", "[classmate]"));

    @Setup
    public void setUp() throws IOException {
        redactor = new FileRedactor(ExtractionLimits.defaults(), new Tesseract(java.util.Optional.empty(), java.time.Duration.ofSeconds(60)));
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(font, 11);
                    c.newLineAtOffset(60, 740);
                    for (int line = 0; line < 40; line++) {
                        c.showText(line % 9 == 0 ? "Maya Thompson wrote that Grace Kim and Mr. Okafor tested the water samples."
                                : "The experiment showed that water boils faster when the pot is covered, because less heat escapes.");
                        c.newLineAtOffset(0, -16);
                    }
                    c.endText();
                }
            }
            doc.getDocumentInformation().setAuthor("Maya Thompson");
            doc.save(out);
            pdf = out.toByteArray();
        }
    }

    @Benchmark
    public RedactedDocument redact() throws Exception {
        return redactor.redact(pdf, Format.PDF, hidden);
    }
}
