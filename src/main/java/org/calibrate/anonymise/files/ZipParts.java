package org.calibrate.anonymise.files;

import org.calibrate.intake.formats.ExtractionLimits;

import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The parts of a DOCX or ODT package, read whole into memory within bounds, and written back as a new ZIP.
 * The new package holds only what was read and rewritten here: whatever else a hostile or old file carried
 * (a second central directory, data between entries, archive comments) is left behind.
 */
final class ZipParts {
    /** Far more than any document has (a DOCX has tens). */
    private static final int MAX_ENTRIES = 10_000;
    private static final String MIMETYPE = "mimetype";

    private ZipParts() {
    }

    /** Name → content in the order of the archive; the unpacked total is bounded like one entry's size, times four. */
    static Map<String, byte[]> read(byte[] zip, ExtractionLimits limits) throws IOException, Unredactable {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                if (parts.size() >= MAX_ENTRIES) {
                    throw Unredactable.tooLarge("The document has more than " + MAX_ENTRIES + " parts");
                }
                byte[] content = bounded(in, limits.maxZipEntryBytes());
                total += content.length;
                if (total > 4 * limits.maxZipEntryBytes()) {
                    throw Unredactable.tooLarge("The document unpacks to more than " + 4 * limits.maxZipEntryBytes() / (1024 * 1024) + " MB");
                }
                parts.put(e.getName(), content);
            }
        }
        return parts;
    }

    /** How one kept part is written again, by its name. */
    interface PartRewrite {
        byte[] apply(String name, byte[] content) throws XMLStreamException;
    }

    /** The parts in their order, without the gone ones, each kept part rewritten. */
    static Map<String, byte[]> rewrite(Map<String, byte[]> parts, Collection<String> gone, PartRewrite rewrite)
            throws XMLStreamException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            if (!gone.contains(part.getKey())) {
                out.put(part.getKey(), rewrite.apply(part.getKey(), part.getValue()));
            }
        }
        return out;
    }

    private static byte[] bounded(InputStream in, long max) throws IOException, Unredactable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long count = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            count += n;
            if (count > max) {
                throw Unredactable.tooLarge("One part of the document unpacks to more than " + max / (1024 * 1024) + " MB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * A new ZIP with fixed entry times, so nothing of when or where it was made is in it. An ODF {@code mimetype}
     * goes first and uncompressed (ODF 1.2 Part 3, 3.3).
     */
    static byte[] write(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            if (parts.containsKey(MIMETYPE)) {
                byte[] mimetype = parts.get(MIMETYPE);
                ZipEntry e = entry(MIMETYPE);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                e.setMethod(ZipEntry.STORED);
                e.setSize(mimetype.length);
                e.setCompressedSize(mimetype.length);
                e.setCrc(crc.getValue());
                out.putNextEntry(e);
                out.write(mimetype);
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                if (!part.getKey().equals(MIMETYPE)) {
                    out.putNextEntry(entry(part.getKey()));
                    out.write(part.getValue());
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(315532800000L); // 1980-01-01, the earliest a ZIP can hold
        return e;
    }
}
