package org.calibrate.exemplars.control;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An anchor set as PDF: the markup of {@link AnchorSetHtml}, laid out by openhtmltopdf. The document has no
 * resources, so the renderer is allowed to load none: a student text cannot make the server fetch a URL or a file.
 */
public final class AnchorSetPdf {
    /**
     * DejaVu Sans where Debian and Ubuntu (also the Temurin images), Fedora, Alpine and Arch install it. The PDF's
     * built-in fonts only cover Western European text; DejaVu covers Greek, Cyrillic, Vietnamese and more.
     */
    public static final List<Path> WELL_KNOWN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"), Path.of("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"), Path.of("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"), Path.of("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"));

    private AnchorSetPdf() {
    }

    public static byte[] write(AnchorSet set) {
        return write(set, WELL_KNOWN_FONTS);
    }

    /**
     * fonts: TrueType files to try in order; missing ones are skipped, and the first file for each face wins. A file
     * whose name contains "Bold" is the bold face, "Italic" or "Oblique" the italic one. With none found the text is
     * set in the PDF's built-in Helvetica.
     */
    public static byte[] write(AnchorSet set, List<Path> fonts) {
        return render(AnchorSetHtml.write(set), fonts);
    }

    static byte[] render(String xhtml, List<Path> fonts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder pdf = new PdfRendererBuilder()
                .useFastMode()
                .withHtmlContent(xhtml, null)
                .useUriResolver((base, uri) -> null)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withProducer("Calibrate")
                .toStream(out);
        Set<String> faces = new HashSet<>();
        for (Path font : fonts) {
            String name = font.getFileName().toString();
            int weight = name.contains("Bold") ? 700 : 400;
            FontStyle style = name.contains("Italic") || name.contains("Oblique") ? FontStyle.ITALIC : FontStyle.NORMAL;
            if (Files.isRegularFile(font) && Files.isReadable(font) && faces.add(weight + " " + style)) {
                pdf.useFont(font.toFile(), AnchorSetHtml.FONT_FAMILY, weight, style, true);
            }
        }
        try {
            pdf.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
