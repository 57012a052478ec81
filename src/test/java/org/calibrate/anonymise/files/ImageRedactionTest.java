package org.calibrate.anonymise.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ImageRedactionTest {
    private static final List<HiddenPhrase> NAMES = List.of(new HiddenPhrase("Jordan", "[student]"),
            new HiddenPhrase("Rivera", "[student]"));

    @Test
    void ocrFindsTheNamesOnAPictureAndBlacksThemOut() {
        Tesseract tesseract = Tesseract.onPath();
        assumeTrue(tesseract.available(), "the tesseract program is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)");
        BufferedImage picture = Fixtures.line("Essay by Jordan Rivera", 900, 120, 48);
        List<Tesseract.Word> before = tesseract.read(picture).words();
        assertTrue(before.stream().anyMatch(w -> w.text().equals("Jordan")), "OCR reads the clean line: " + before);

        ImageRedaction.Result result = new ImageRedaction(tesseract, NAMES).redact(picture, List.of());

        assertEquals(Tesseract.Status.READ, result.ocr());
        assertEquals(2, result.boxes().size());
        for (Rectangle box : result.boxes()) {
            for (int x = box.x; x < box.x + box.width; x++) {
                for (int y = box.y; y < box.y + box.height; y++) {
                    assertEquals(ImageRedaction.BOX.getRGB(), picture.getRGB(x, y), "pixel " + x + "," + y);
                }
            }
        }
        List<String> after = tesseract.read(picture).words().stream().map(Tesseract.Word::text).toList();
        assertTrue(after.contains("Essay"), after.toString());
        assertFalse(after.stream().anyMatch(w -> w.contains("Jordan") || w.contains("Rivera")), after.toString());
    }

    @Test
    void aMisspelledLongNameIsCaughtAndAShortWordIsNot() {
        ImageRedaction redaction = new ImageRedaction(Tesseract.onPath(), List.of(new HiddenPhrase("Mr. Rivera", "[teacher]"),
                new HiddenPhrase("Riverside Middle School", "[school]")));
        List<Tesseract.Word> read = List.of(word("Mr.", 0), word("Riviera's,", 1), word("school", 2), word("Riverside", 3),
                word("Middle", 4), word("School", 5), word("river", 6), word("Jordan", 7));

        List<Rectangle> boxes = redaction.matches(read);

        assertEquals(List.of(1, 3, 4, 5), boxes.stream().map(b -> b.x).toList());
    }

    @Test
    void withoutTheProgramThePictureIsLeftForAPerson() {
        Tesseract missing = new Tesseract(Optional.empty(), Duration.ofSeconds(5));
        BufferedImage picture = Fixtures.line("Essay by Jordan Rivera", 900, 120, 48);

        ImageRedaction.Result result = new ImageRedaction(missing, NAMES).redact(picture, List.of(new Rectangle(10, 10, 5, 5)));

        assertEquals(Tesseract.Status.NOT_AVAILABLE, result.ocr());
        assertEquals(1, result.boxes().size(), "boxes known without OCR are still painted");
        assertEquals(ImageRedaction.BOX.getRGB(), picture.getRGB(12, 12));
    }

    @Test
    void aProgramThatFailsIsAFailedReadingNotACrash() {
        Tesseract broken = new Tesseract(Optional.of(Path.of("/bin/false")), Duration.ofSeconds(5));

        assertEquals(Tesseract.Status.FAILED, broken.read(Fixtures.line("x", 50, 20, 12)).status());
    }

    @Test
    void aProgramThatHangsIsEndedAtItsTimeout(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("tesseract"), "#!/bin/sh\nexec sleep 30\n");
        assumeTrue(program.toFile().setExecutable(true), "a script can be made executable here");
        Tesseract hanging = new Tesseract(Optional.of(program), Duration.ofMillis(300));

        assertEquals(Tesseract.Status.TIMED_OUT, hanging.read(Fixtures.line("x", 50, 20, 12)).status());
    }

    private static Tesseract.Word word(String text, int x) {
        return new Tesseract.Word(text, new Rectangle(x, 0, 1, 1), 90);
    }
}
