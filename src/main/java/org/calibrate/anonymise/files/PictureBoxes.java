package org.calibrate.anonymise.files;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Boxes a moderator draws on a picture of a page, painted opaque into its pixels (a name the OCR missed, a face, a
 * signature). Boxes are fractions of the picture's width and height, so they do not depend on how large the page
 * was shown when they were drawn.
 */
public final class PictureBoxes {
    /** More boxes than this on one picture means the picture should be left out, not covered. */
    public static final int MAX_BOXES = 50;

    private PictureBoxes() {
    }

    /** A box: left, top, width and height as fractions (0 to 1) of the picture. */
    public record Box(double x, double y, double w, double h) {
        public Box {
            if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1.0001 && y + h <= 1.0001)) {
                throw new IllegalArgumentException("a box lies inside the picture: left and top from 0, width and height above 0, ending by 1");
            }
        }
    }

    /** The picture (PNG) with the boxes painted in; the result is a new PNG with nothing of the input's metadata. */
    public static byte[] paint(byte[] png, List<Box> boxes) throws Unredactable {
        if (boxes.size() > MAX_BOXES) {
            throw new Unredactable("A picture takes at most " + MAX_BOXES + " boxes; leave the piece out instead.");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            throw new Unredactable("The picture cannot be read to draw boxes on it.");
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            g.setColor(Color.BLACK);
            for (Box b : boxes) {
                int x = (int) Math.floor(b.x() * image.getWidth());
                int y = (int) Math.floor(b.y() * image.getHeight());
                g.fillRect(x, y, (int) Math.ceil(b.w() * image.getWidth()) + 1, (int) Math.ceil(b.h() * image.getHeight()) + 1);
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new Unredactable("The boxed picture cannot be written.");
        }
    }
}
