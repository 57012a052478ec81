package org.calibrate.anonymise.files;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Boxes drawn by hand on a picture: painted into the pixels, where they were drawn, and bounded. */
class PictureBoxesTest {
    private static byte[] white(int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("a box covers its part of the picture in black and leaves the rest alone")
    void paintsWhereDrawn() throws Exception {
        byte[] boxed = PictureBoxes.paint(white(400, 200), List.of(new PictureBoxes.Box(0.25, 0.5, 0.5, 0.25)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(boxed));
        assertEquals(Color.BLACK.getRGB(), image.getRGB(100, 100));
        assertEquals(Color.BLACK.getRGB(), image.getRGB(299, 149));
        assertEquals(Color.WHITE.getRGB(), image.getRGB(10, 10));
        assertEquals(Color.WHITE.getRGB(), image.getRGB(350, 190));
    }

    @Test
    @DisplayName("boxes outside the picture, too many boxes and unreadable pictures are refused")
    void bounded() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new PictureBoxes.Box(0.9, 0, 0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PictureBoxes.Box(0, 0, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PictureBoxes.Box(Double.NaN, 0, 0.1, 0.1));
        byte[] picture = white(10, 10);
        assertThrows(Unredactable.class, () -> PictureBoxes.paint(picture,
                Collections.nCopies(PictureBoxes.MAX_BOXES + 1, new PictureBoxes.Box(0, 0, 0.1, 0.1))));
        assertThrows(Unredactable.class, () -> PictureBoxes.paint(new byte[] {1, 2, 3}, List.of()));
    }
}
