package org.calibrate.anonymise.files;

import org.calibrate.intake.formats.ExtractionLimits;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Photos and scans decoded to bare pixels and written again as PNG. Only pixels survive the trip: EXIF (with
 * GPS and the camera's owner), XMP, ICC profile names and comments are not carried by a decoded image, and
 * ImageIO's PNG writer adds none of its own. The size is checked from the header before any pixel is decoded.
 */
final class Images {
    private Images() {
    }

    /** The image upright (EXIF orientation applied for the plain rotations), on white where it was transparent. */
    static BufferedImage decode(byte[] image, ExtractionLimits limits) throws Unredactable {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Unredactable("The image's format cannot be read here (only PNG, JPEG, GIF, BMP and TIFF can);"
                        + " ask the student for a JPEG, PNG or PDF.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > limits.maxPixels()) {
                    throw Unredactable.tooLarge("The image has " + pixels / 1_000_000 + " megapixels, more than "
                            + limits.maxPixels() / 1_000_000);
                }
                return upright(opaque(reader.read(0)), ExifOrientation.of(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw Unredactable.unreadable("image", e);
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing a PNG to memory cannot fail", e);
        }
    }

    /** RGB on white: OCR, boxes and PNG all work on one pixel layout, and a transparent name cannot hide under it. */
    static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** Quarter turns only; the mirrored orientations are rare enough (selfie cameras) to leave for the manual check. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        int quarterTurns = switch (orientation) {
            case 6 -> 1;
            case 3 -> 2;
            case 8 -> 3;
            default -> 0;
        };
        if (quarterTurns == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = quarterTurns % 2 == 1;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        AffineTransform t = new AffineTransform();
        t.translate(turned.getWidth() / 2.0, turned.getHeight() / 2.0);
        t.quadrantRotate(quarterTurns);
        t.translate(-w / 2.0, -h / 2.0);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }
}
