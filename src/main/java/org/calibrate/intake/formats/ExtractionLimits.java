package org.calibrate.intake.formats;

/**
 * How far the extractor goes with one file before it refuses it. Every bound is there because the file
 * comes from outside: a small upload can unfold into gigabytes (ZIP bombs, giant images, endless PDFs).
 *
 * @param maxFileBytes     the most bytes a submitted file (or online text, in characters) may have
 * @param maxPages         the most pages a PDF may have
 * @param maxTextChars     the most characters of extracted text: what a piece can hold
 * @param maxPixels        the most pixels an image may have; checked from its header before it is decoded
 * @param minInflateRatio  a ZIP entry that shrank below this ratio (compressed / uncompressed) is a bomb
 * @param maxZipEntryBytes the most bytes one entry of a DOCX or ODT may unpack to
 */
public record ExtractionLimits(long maxFileBytes, int maxPages, int maxTextChars, long maxPixels,
                               double minInflateRatio, long maxZipEntryBytes) {
    private static final long MIB = 1024L * 1024L;

    public ExtractionLimits {
        if (maxFileBytes < 1 || maxPages < 1 || maxTextChars < 1 || maxPixels < 1 || maxZipEntryBytes < 1) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
        if (!(minInflateRatio > 0 && minInflateRatio < 1)) {
            throw new IllegalArgumentException("the minimum inflate ratio lies between 0 and 1, exclusive");
        }
    }

    /** 100 000 characters is what a piece holds ({@code Piece.MAX_TEXT}); longer text could not be scored anyway. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(25 * MIB, 200, 100_000, 50_000_000L, 0.01, 100 * MIB);
    }
}
