package org.calibrate.intake.exports;

/**
 * How much of an uploaded submissions ZIP is read before it is refused. An upload is untrusted input
 * even from a moderator (the ZIP passed through other hands and programs), so every size is bounded
 * by bytes actually read, never by what the archive declares about itself.
 *
 * @param maxEntries    entries of any kind (files, folders, skipped system files); more and the ZIP is refused
 * @param maxFileBytes  one file once unpacked; a larger file is left out with a problem
 * @param maxTotalBytes everything unpacked, including entries left out (skipping one still unpacks it); more and the ZIP is refused
 * @param maxRatio      unpacked to packed size of one entry; a file unpacking further is left out with a problem
 * @param maxNameLength one file or folder name in an entry's path, in characters
 * @param maxZipBytes   the uploaded ZIP itself, which is held in memory while it is read
 */
public record ZipLimits(int maxEntries, long maxFileBytes, long maxTotalBytes, int maxRatio, int maxNameLength,
                        long maxZipBytes) {
    private static final long MIB = 1024L * 1024;
    /** Java arrays end a little below {@code Integer.MAX_VALUE}; the ZIP and each file are held in one. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    public ZipLimits {
        if (maxEntries < 1 || maxFileBytes < 1 || maxTotalBytes < 1 || maxRatio < 1 || maxNameLength < 1 || maxZipBytes < 1) {
            throw new IllegalArgumentException("every ZIP limit must be positive");
        }
        if (maxFileBytes > MAX_ARRAY || maxZipBytes > MAX_ARRAY) {
            throw new IllegalArgumentException("a ZIP and each of its files must fit in memory (below 2 GiB)");
        }
    }

    /** 5,000 entries, 25 MiB a file, 1 GiB in all, 100:1, 255-character names, a 512 MiB upload. */
    public static ZipLimits defaults() {
        return new ZipLimits(5_000, 25 * MIB, 1024 * MIB, 100, 255, 512 * MIB);
    }
}
