package org.calibrate.intake.formats;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A photographed or scanned submission: no text is read from it yet (that needs OCR), but it is checked to
 * be a real, decodable image of a sane size, so the scorer is not handed a broken file.
 */
final class ImageCheck {
    static final String NO_TEXT = "image: no text extracted; needs a person's check";
    /** Decoding is only a check, so the image is read at about this many pixels, whatever its size. */
    private static final long CHECK_PIXELS = 1_000_000;
    private static final String CONVERT = "ask the student to send it as JPEG, PNG or PDF (most phones and scanners"
            + " can save in those) and hand that in.";

    private final ExtractionLimits limits;

    ImageCheck(ExtractionLimits limits) {
        this.limits = limits;
    }

    Extraction read(byte[] image, Magic magic) throws Unreadable {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw Unreadable.unsupported(magic.description(), CONVERT);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                return check(reader, magic);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw Unreadable.corrupt(magic.noun(), e);
        }
    }

    private Extraction check(ImageReader reader, Magic magic) throws IOException, Unreadable {
        // The header gives the size; a decompression bomb (a tiny file of a huge, uniform image) is refused here,
        // before a single pixel is allocated.
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width < 1 || height < 1) {
            throw Unreadable.corrupt(magic.noun(), null);
        }
        if (width * height > limits.maxPixels()) {
            throw Unreadable.tooLarge("The image is " + width + " × " + height + " pixels; at most "
                    + limits.maxPixels() / 1_000_000 + " megapixels can be read. Ask the student for a smaller photo or scan.");
        }
        // Reading every n-th pixel still decodes the whole stream (so damage shows) in a fraction of the memory.
        int step = (int) Math.ceil(Math.sqrt((double) width * height / CHECK_PIXELS));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        if (reader.canReadRaster()) {
            // Rasters skip colour conversion, which the JDK lacks for CMYK JPEGs that are otherwise fine.
            reader.readRaster(0, param);
        } else {
            reader.read(0, param);
        }
        int pages = magic == Magic.TIFF ? Math.max(1, reader.getNumImages(true)) : 1;
        if (pages > limits.maxPages()) {
            throw Unreadable.tooLarge("The image has " + pages + " pages; at most " + limits.maxPages() + " can be read."
                    + " Ask the student to hand in only the work for this task.");
        }
        String kind = magic.description().replaceFirst("^an? ", "");
        return new Extraction(Format.IMAGE, "", Optional.empty(), pages, true,
                List.of(NO_TEXT, kind + ", " + width + " × " + height + " pixels"));
    }
}
