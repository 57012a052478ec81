package org.calibrate.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A bounded, reproducible fuzz run: a seed (printed; {@code -Dfuzz.seed=} repeats a run), a number of
 * iterations ({@code -Dfuzz.iterations=}), one random source per iteration derived from the seed, the
 * checks every answer of the tool must pass, and the byte mutations the fuzzers share.
 */
final class Fuzzing {
    /** Any single answer slower than this is a failure: nothing hostile input does may hold a request thread long. */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\bat (org|java|jdk|jakarta|com|fish|sun)\\.[\\w.$]+\\(");
    private static final int MAX_REPORTED = 25;

    final long seed;
    final int iterations;
    private final String name;
    private final List<String> failures = new ArrayList<>();

    private Fuzzing(String name, long seed, int iterations) {
        this.name = name;
        this.seed = seed;
        this.iterations = iterations;
    }

    static Fuzzing start(String name, int defaultIterations) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int iterations = Integer.getInteger("fuzz.iterations", defaultIterations);
        System.out.println(name + ": seed " + seed + ", " + iterations + " iterations (repeat with -Dfuzz.seed=" + seed
                + " -Dfuzz.iterations=" + iterations + ")");
        return new Fuzzing(name, seed, iterations);
    }

    /** The random source of one iteration: the same seed and iteration give the same inputs. */
    Random random(int iteration) {
        return new Random(seed * 0x9E3779B97F4A7C15L + iteration);
    }

    void failure(int iteration, String mutation, String what) {
        if (failures.size() < MAX_REPORTED) {
            failures.add("iteration " + iteration + " [" + mutation + "]: " + what);
        }
    }

    /** The checks every answer passes: no 5xx, no stack trace in the body, within the time bound. */
    void checkAnswer(int iteration, String mutation, HttpResponse<String> r, Duration took) {
        if (r.statusCode() >= 500) {
            failure(iteration, mutation, "HTTP " + r.statusCode() + " " + excerpt(r.body()));
        }
        if (leaksInternals(r.body())) {
            failure(iteration, mutation, "stack trace or exception in the answer: " + excerpt(r.body()));
        }
        if (took.compareTo(ANSWER_BOUND) > 0) {
            failure(iteration, mutation, "answered after " + took.toMillis() + " ms");
        }
    }

    static boolean leaksInternals(String text) {
        return text != null && STACK_TRACE.matcher(text).find();
    }

    static String excerpt(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    void assertNoFailures() {
        if (!failures.isEmpty()) {
            fail(name + " (seed " + seed + ", -Dfuzz.seed=" + seed + " -Dfuzz.iterations=" + iterations + "):\n  "
                    + String.join("\n  ", failures));
        }
    }

    // ---- byte mutations ----

    /** One to three of: bit flips, truncation, random bytes inserted, a chunk duplicated, a chunk overwritten with a magic value. */
    static byte[] mutate(byte[] input, Random r) {
        byte[] out = input;
        int rounds = 1 + r.nextInt(3);
        for (int i = 0; i < rounds && out.length > 0; i++) {
            out = switch (r.nextInt(5)) {
                case 0 -> flipBits(out, r);
                case 1 -> java.util.Arrays.copyOf(out, r.nextInt(out.length));
                case 2 -> insert(out, r.nextInt(out.length + 1), randomBytes(r, 1 + r.nextInt(64)));
                case 3 -> duplicateChunk(out, r);
                default -> overwrite(out, r.nextInt(out.length), MAGIC[r.nextInt(MAGIC.length)]);
            };
        }
        return out;
    }

    /** Values that sit at decision points of parsers: lengths, counts, offsets, signatures. */
    private static final byte[][] MAGIC = {
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F}, {0, 0, 0, 0}, {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            {0x50, 0x4B, 0x03, 0x04}, {0x50, 0x4B, 0x01, 0x02}, {0x50, 0x4B, 0x05, 0x06}, "%PDF-".getBytes(), "obj".getBytes(),
            "9999999999".getBytes(), "-1".getBytes(), "<<".getBytes(), "{\\rtf1".getBytes(), "../".getBytes()};

    static byte[] flipBits(byte[] in, Random r) {
        byte[] out = in.clone();
        int flips = 1 + r.nextInt(Math.max(1, in.length / 100));
        for (int i = 0; i < flips; i++) {
            out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    static byte[] insert(byte[] in, int at, byte[] bytes) {
        byte[] out = new byte[in.length + bytes.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(in, at, out, at + bytes.length, in.length - at);
        return out;
    }

    static byte[] duplicateChunk(byte[] in, Random r) {
        int from = r.nextInt(in.length);
        int len = 1 + r.nextInt(Math.min(4096, in.length - from));
        byte[] chunk = java.util.Arrays.copyOfRange(in, from, from + len);
        byte[] out = in;
        for (int copies = 1 + r.nextInt(4); copies > 0; copies--) {
            out = insert(out, r.nextInt(out.length + 1), chunk);
        }
        return out;
    }

    static byte[] overwrite(byte[] in, int at, byte[] bytes) {
        byte[] out = in.clone();
        System.arraycopy(bytes, 0, out, at, Math.min(bytes.length, out.length - at));
        return out;
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
