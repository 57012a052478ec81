package org.calibrate.anonymise.files;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the words on a picture, with their boxes, by running Debian's {@code tesseract} program
 * ({@code tesseract-ocr}, {@code tesseract-ocr-eng}) and reading its TSV output.
 * <p>
 * The program rather than tess4j (JNA bindings to libtesseract): a crash of the native library on a hostile
 * picture would take the whole server down with it, while a crashed program is one failed page; a timeout
 * can end a program for sure, not a native call; and tess4j brings its own PDFBox 2, lept4j and JNA onto a
 * class path that has PDFBox 3. The price, a process per page, is small next to OCR's own time.
 */
public final class Tesseract {
    /** A page's TSV is a few hundred kilobytes; more is not OCR output. */
    private static final int MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
    private static final int WORD_LEVEL = 5;

    /** NOT_RUN: the picture was not given to OCR at all (past a file's bound of OCR pages). */
    public enum Status { READ, NOT_AVAILABLE, TIMED_OUT, FAILED, NOT_RUN }

    /** One word OCR found, with its box in the picture's pixels and its confidence (0–100). */
    public record Word(String text, Rectangle box, double confidence) {
    }

    /** The words found, or why none could be looked for. */
    public record Reading(Status status, List<Word> words) {
        public Reading {
            words = List.copyOf(words);
        }

        static Reading failed(Status status) {
            return new Reading(status, List.of());
        }
    }

    private final Optional<Path> program;
    private final Duration timeout;

    /**
     * @param program the tesseract executable; empty when none is installed, which every reading then reports
     * @param timeout how long one picture may take before the program is ended
     */
    public Tesseract(Optional<Path> program, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("OCR needs a positive timeout");
        }
        this.program = program;
        this.timeout = timeout;
    }

    /** The {@code tesseract} on the PATH, if any, with a minute per picture. */
    public static Tesseract onPath() {
        return new Tesseract(find("tesseract"), Duration.ofSeconds(60));
    }

    public boolean available() {
        return program.isPresent();
    }

    public Reading read(BufferedImage image) {
        if (program.isEmpty()) {
            return Reading.failed(Status.NOT_AVAILABLE);
        }
        Path input = null;
        try {
            // A private file, deleted at once: the picture is student work.
            input = Files.createTempFile("ocr-", ".png");
            ImageIO.write(image, "png", input.toFile());
            return run(input);
        } catch (IOException e) {
            return Reading.failed(Status.FAILED);
        } finally {
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException e) {
                    // The temporary folder is cleared by the system; nothing else holds the file.
                }
            }
        }
    }

    private Reading run(Path input) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(program.get().toString(), input.toString(), "stdout", "-l", "eng", "tsv");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // One thread per picture: the server's other work shares the cores.
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        FutureTask<byte[]> output = new FutureTask<>(() -> bounded(process.getInputStream()));
        Thread reader = new Thread(output, "ocr-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Reading.failed(Status.TIMED_OUT);
            }
            byte[] tsv = output.get(5, TimeUnit.SECONDS);
            return process.exitValue() == 0 && tsv != null
                    ? new Reading(Status.READ, words(new String(tsv, StandardCharsets.UTF_8)))
                    : Reading.failed(Status.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reading.failed(Status.FAILED);
        } catch (ExecutionException | TimeoutException e) {
            return Reading.failed(Status.FAILED);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The output up to the bound; null past it. */
    private static byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_OUTPUT_BYTES + 1);
        return bytes.length > MAX_OUTPUT_BYTES ? null : bytes;
    }

    /** Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, conf, text. */
    static List<Word> words(String tsv) {
        List<Word> words = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 12 || !f[0].equals(String.valueOf(WORD_LEVEL)) || f[11].isBlank()) {
                continue;
            }
            try {
                Rectangle box = new Rectangle(Integer.parseInt(f[6]), Integer.parseInt(f[7]),
                        Integer.parseInt(f[8]), Integer.parseInt(f[9]));
                words.add(new Word(f[11].strip(), box, Double.parseDouble(f[10])));
            } catch (NumberFormatException e) {
                // A malformed line is skipped; the page is checked by a person anyway.
            }
        }
        return words;
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
