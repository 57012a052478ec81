package org.calibrate.anonymise.files;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A new PDF made from a student's PDF page by page. A page of text becomes its redacted text set anew in a
 * standard font: what is not there cannot be extracted or copied, unlike text under a drawn box. A page that
 * its text alone cannot stand for (it shows pictures, or draws without a text layer, as a scan does; or its
 * characters are beyond the standard font; or the check of its rebuilt text fails) is rasterised instead,
 * and boxes are painted over the hidden phrases, found in its text layer and by OCR.
 */
final class PdfRebuild {
    static final float DPI = 150;
    /** A rendered page is held whole in memory: about 48 MB at this bound, an A0 poster at 100 dpi. */
    static final long MAX_RASTER_PIXELS = 12_000_000;
    private static final int MAX_FORM_DEPTH = 8;

    /** The pages written, the source pages rasterised (1-based), and the OCR outcome of each of them. */
    record Outcome(int pages, List<Integer> rasterised, List<Tesseract.Status> ocr) {
    }

    private final Phrases phrases;
    private final ImageRedaction pictures;
    private final int maxOcrPages;

    PdfRebuild(Phrases phrases, ImageRedaction pictures, int maxOcrPages) {
        this.phrases = phrases;
        this.pictures = pictures;
        this.maxOcrPages = maxOcrPages;
    }

    /** Writes the rebuilt pages of {@code source} (already scrubbed: no annotations to render) into {@code out}. */
    Outcome rebuild(PDDocument source, PDDocument out) throws IOException {
        int pages = 0;
        List<Integer> rasterised = new ArrayList<>();
        List<Tesseract.Status> ocr = new ArrayList<>();
        PDFRenderer renderer = new PDFRenderer(source);
        for (int n = 1; n <= source.getNumberOfPages(); n++) {
            PDPage page = source.getPage(n - 1);
            String redacted = phrases.redact(text(source, n));
            int written = 0;
            if (!drawsPictures(page) && !(redacted.isBlank() && hasContent(page)) && TextPages.encodable(redacted)) {
                int first = out.getNumberOfPages();
                written = TextPages.write(out, redacted, visibleSize(page));
                if (phrases.survivesIn(textOf(out, first + 1, first + written))) {
                    for (int i = 0; i < written; i++) {
                        out.removePage(first);
                    }
                    written = 0;
                }
            }
            if (written == 0) {
                ocr.add(rasterise(source, renderer, n, out, rasterised.size() < maxOcrPages));
                rasterised.add(n);
                written = 1;
            }
            pages += written;
        }
        return new Outcome(pages, rasterised, ocr);
    }

    private Tesseract.Status rasterise(PDDocument source, PDFRenderer renderer, int n, PDDocument out, boolean withOcr)
            throws IOException {
        PDRectangle size = visibleSize(source.getPage(n - 1));
        float dpi = dpi(size);
        float scale = dpi / 72;
        BufferedImage image = renderer.renderImageWithDPI(n - 1, dpi, ImageType.RGB);
        var known = TextBoxes.find(source, n, phrases, scale);
        Tesseract.Status status;
        if (withOcr) {
            status = pictures.redact(image, known).ocr();
        } else {
            ImageRedaction.paint(image, known);
            status = Tesseract.Status.NOT_RUN;
        }
        PDPage page = new PDPage(new PDRectangle(image.getWidth() / scale, image.getHeight() / scale));
        out.addPage(page);
        PDImageXObject picture = LosslessFactory.createFromImage(out, image);
        try (PDPageContentStream content = new PDPageContentStream(out, page)) {
            content.drawImage(picture, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
        return status;
    }

    /** 150 dpi, or less for a page so large that its pixels would pass the bound. */
    static float dpi(PDRectangle size) {
        double pixelsAt72 = (double) size.getWidth() * size.getHeight();
        double most = Math.sqrt(MAX_RASTER_PIXELS / Math.max(1, pixelsAt72)) * 72;
        return (float) Math.max(1, Math.min(DPI, most));
    }

    /** The crop box as the page is shown, turned when the page is rotated a quarter. */
    private static PDRectangle visibleSize(PDPage page) {
        PDRectangle crop = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        return turned ? new PDRectangle(crop.getHeight(), crop.getWidth()) : new PDRectangle(crop.getWidth(), crop.getHeight());
    }

    static String text(PDDocument doc, int page) throws IOException {
        return textOf(doc, page, page);
    }

    static String textOf(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setLineSeparator("\n");
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(doc);
    }

    private static boolean hasContent(PDPage page) throws IOException {
        if (!page.hasContents()) {
            return false;
        }
        try (InputStream in = page.getContents()) {
            return in.read() >= 0;
        }
    }

    /** An image among the page's resources (or its forms') is taken as drawn: rasterising a page too many is safe. */
    private static boolean drawsPictures(PDPage page) throws IOException {
        return hasImage(page.getResources(), 0);
    }

    private static boolean hasImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject || x instanceof PDFormXObject form && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
