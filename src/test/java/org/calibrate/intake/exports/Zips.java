package org.calibrate.intake.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** ZIPs built in the test, as the LMS (or an attacker) would write them. */
final class Zips {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Long> zeros = new LinkedHashMap<>();
    private Charset names = StandardCharsets.UTF_8;

    static Zips zip() {
        return new Zips();
    }

    Zips file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Zips file(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /** A folder entry, as zip tools write them besides the files. */
    Zips folder(String name) {
        return file(name.endsWith("/") ? name : name + "/", new byte[0]);
    }

    /** {@code size} zero bytes, written in chunks so the test never holds them: ~1000:1 under DEFLATE. */
    Zips zeros(String name, long size) {
        entries.put(name, null);
        zeros.put(name, size);
        return this;
    }

    /** Names in another charset, without the UTF-8 flag (as Windows' own zip tool writes them). */
    Zips names(Charset charset) {
        this.names = charset;
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, names)) {
            byte[] chunk = new byte[64 * 1024];
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                } else {
                    for (long left = zeros.get(e.getKey()); left > 0; left -= chunk.length) {
                        zip.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Deterministic bytes that do not compress. */
    static byte[] noise(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] cut(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
