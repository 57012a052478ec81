package org.calibrate.intake.formats;

import org.calibrate.intake.formats.Unreadable.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.calibrate.intake.formats.Fixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfTextTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults());

    @Test
    void textAndPagesAreRead() throws Unreadable {
        Extraction e = extractor.extract(file("essay.pdf", Fixtures.pdf(
                List.of("The Odyssey begins in the middle.", "Odysseus is far from home."),
                List.of("On the second page the argument ends."))));
        assertEquals(Format.PDF, e.format());
        assertEquals(2, e.pages());
        assertEquals("The Odyssey begins in the middle.\n\nOdysseus is far from home.\n\nOn the second page the argument ends.", e.text());
        assertFalse(e.needsManualCheck());
        assertTrue(e.html().isEmpty());
    }

    @Test
    void aPdfThatNeedsAPasswordToOpenIsEncrypted() {
        byte[] pdf = Fixtures.protectedPdf("owner-secret", "user-secret", List.of("Hidden text."));
        Unreadable u = assertThrows(Unreadable.class, () -> extractor.extract(file("essay.pdf", pdf)));
        assertEquals(Reason.ENCRYPTED, u.reason());
        assertEquals("The PDF is password-protected; ask the student to hand it in without a password.", u.getMessage());
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordOpensAndIsRead() throws Unreadable {
        byte[] pdf = Fixtures.protectedPdf("owner-secret", "", List.of("Restricted but readable."));
        Extraction e = extractor.extract(file("essay.pdf", pdf));
        assertEquals("Restricted but readable.", e.text());
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("owner password")), e.notes().toString());
    }

    @Test
    void aPdfWithoutATextLayerNeedsAPerson() throws Unreadable {
        Extraction e = extractor.extract(file("scan.pdf", Fixtures.blankPdf(2)));
        assertEquals("", e.text());
        assertEquals(2, e.pages());
        assertTrue(e.needsManualCheck());
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("no text layer")), e.notes().toString());
    }

    @Test
    void aPdfOverThePageLimitIsRefusedUnread() {
        ExtractionLimits fewPages = new ExtractionLimits(25L << 20, 3, 100_000, 50_000_000L, 0.01, 100L << 20);
        Unreadable u = assertThrows(Unreadable.class, () -> new Extractor(fewPages).extract(file("book.pdf", Fixtures.blankPdf(4))));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().contains("4 pages") && u.getMessage().contains("at most 3"), u.getMessage());
    }

    @Test
    void aPdfWhoseTextOutgrowsTheBoundStopsWhileBeingRead() {
        ExtractionLimits little = new ExtractionLimits(25L << 20, 200, 100, 50_000_000L, 0.01, 100L << 20);
        String line = "This sentence is repeated until the text is far too long for the bound.";
        Unreadable u = assertThrows(Unreadable.class, () -> new Extractor(little).extract(file("long.pdf",
                Fixtures.pdf(List.of(line, line, line, line, line, line, line, line, line, line)))));
        assertEquals(Reason.TOO_LARGE, u.reason());
        assertTrue(u.getMessage().contains("more than 100 characters"), u.getMessage());
    }

    @Test
    void aFileThatOnlyStartsLikeAPdfIsCorrupt() {
        Unreadable u = assertThrows(Unreadable.class,
                () -> extractor.extract(file("essay.pdf", Fixtures.ascii("%PDF-1.7\nnot really a PDF at all\n"))));
        assertEquals(Reason.CORRUPT, u.reason());
    }
}
