package org.calibrate.intake.formats;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the format reader (Jazzer). In the normal test run each seed in
 * {@code ExtractorFuzzTestInputs/} (small PDF, DOCX, ODT, RTF, HTML and text files) runs once as a regression
 * test; {@code JAZZER_FUZZ=1} fuzzes for the given time. Whatever the bytes, the extractor returns text within
 * its limits or refuses with {@link Unreadable}; an escaping exception, an OutOfMemoryError or a hang is a bug.
 */
class ExtractorFuzzTest {
    private static final String[] NAMES = {"essay.pdf", "essay.docx", "essay.odt", "essay.rtf", "essay.html", "essay.txt", "essay", "scan.png"};
    private static final ExtractionLimits LIMITS = ExtractionLimits.defaults();
    private static final Extractor EXTRACTOR = new Extractor(LIMITS);

    /** The first byte picks the file name (so the name and the content can disagree); the rest is the file. */
    @FuzzTest(maxDuration = "60s")
    void anyFile(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String name = NAMES[(input[0] & 0xFF) % NAMES.length];
        try {
            Extraction text = EXTRACTOR.extract(Fixtures.file(name, Arrays.copyOfRange(input, 1, input.length)));
            assertTrue(text.text().length() <= LIMITS.maxTextChars(), "the text stays within the limit");
        } catch (Unreadable refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), "a refusal says why");
        }
    }
}
