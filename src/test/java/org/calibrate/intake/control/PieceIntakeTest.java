package org.calibrate.intake.control;

import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.entity.SubmittedFile;
import org.calibrate.intake.formats.ExtractionLimits;
import org.calibrate.intake.formats.Extractor;
import org.calibrate.intake.formats.Unreadable;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PieceIntakeTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults());

    private static Submission submission(Optional<String> html, SubmittedFile... files) {
        return new Submission("k", "f", Optional.empty(), Optional.empty(), 1, Optional.empty(), html, List.of(files));
    }

    private static SubmittedFile text(String name, String text) {
        return new SubmittedFile(name, Optional.empty(), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlineTextAndFilesMakeOneTextInOrder() throws Exception {
        PieceIntake.Extracted e = PieceIntake.extract(extractor, submission(Optional.of("<p>Online part.</p><script>x()</script>"),
                text("a.txt", "First file."), text("b.txt", "Second file.")));
        assertEquals("Online part.\n\nFirst file.\n\nSecond file.", e.text());
        assertEquals(2, e.parts().size());
        assertFalse(e.needsCheck());
    }

    @Test
    void anImageIsKeptButMarkedForAPersonsCheck() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", png);
        PieceIntake.Extracted e = PieceIntake.extract(extractor, submission(Optional.empty(),
                new SubmittedFile("scan.png", Optional.empty(), png.toByteArray())));
        assertTrue(e.text().isBlank());
        assertTrue(e.needsCheck());
    }

    @Test
    void oneUnreadableFileFailsTheSubmissionAndSaysWhichFile() {
        Unreadable u = assertThrows(Unreadable.class, () -> PieceIntake.extract(extractor, submission(Optional.empty(),
                text("a.txt", "Fine."), new SubmittedFile("b.pdf", Optional.empty(), "%PDF-1.7 broken".getBytes(StandardCharsets.ISO_8859_1)))));
        assertTrue(u.getMessage().startsWith("File 2 of 2: "), u.getMessage());
        assertFalse(u.getMessage().contains("b.pdf"), "file names can carry the student's name");
    }
}
