package org.calibrate.intake.exports;

/** Byte counts as teachers read them in messages. */
final class Sizes {
    private Sizes() {
    }

    static String shown(long bytes) {
        long kib = 1024;
        long mib = kib * 1024;
        long gib = mib * 1024;
        if (bytes >= gib && bytes % gib == 0) {
            return bytes / gib + " GiB";
        }
        if (bytes >= mib) {
            return bytes % mib == 0 ? bytes / mib + " MiB" : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) mib);
        }
        if (bytes >= kib) {
            return bytes % kib == 0 ? bytes / kib + " KiB" : String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / (double) kib);
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }
}
