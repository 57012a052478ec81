package org.calibrate.anonymise.files;

import org.calibrate.anonymise.control.EditDistance;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Blacks out hidden phrases on a picture (a photo, a scan, a rasterised page), as a moderator's marker
 * would: OCR finds the words, and every word that is a hidden phrase's word, or a one-letter misspelling of
 * a name of five letters or more, is covered by an opaque box in the pixels. Boxes known beforehand (from a
 * PDF's text layer) are painted too. OCR of handwriting is unreliable, so the result always wants a person's
 * look; this only makes the first pass.
 */
final class ImageRedaction {
    static final Color BOX = Color.BLACK;
    /** Pixels added around a word's box: OCR boxes hug the ink, and anti-aliased edges stay readable otherwise. */
    private static final int PAD = 3;
    /** Titles that stand before a name and are not the name: blacking out every "Mr" would hide nothing. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "coach");

    /** The picture with its boxes, and how the OCR went. */
    record Result(BufferedImage image, List<Rectangle> boxes, Tesseract.Status ocr) {
    }

    private final Tesseract tesseract;
    private final List<List<String>> phrases;

    ImageRedaction(Tesseract tesseract, List<HiddenPhrase> hidden) {
        this.tesseract = tesseract;
        this.phrases = hidden.stream().map(h -> words(h.phrase())).filter(w -> !w.isEmpty()).distinct().toList();
    }

    /** Paints the boxes over {@code image} itself; {@code known} are boxes found without OCR, in its pixels. */
    Result redact(BufferedImage image, List<Rectangle> known) {
        Tesseract.Reading reading = tesseract.read(image);
        List<Rectangle> boxes = new ArrayList<>(known);
        boxes.addAll(matches(reading.words()));
        paint(image, boxes);
        return new Result(image, List.copyOf(boxes), reading.status());
    }

    /** Opaque boxes, a little wider than the boxes given, painted into the picture. */
    static void paint(BufferedImage image, List<Rectangle> boxes) {
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(BOX);
            for (Rectangle box : boxes) {
                g.fillRect(box.x - PAD, box.y - PAD, box.width + 2 * PAD, box.height + 2 * PAD);
            }
        } finally {
            g.dispose();
        }
    }

    /**
     * A one-word phrase is looked for in every word; a longer one ("Riverside Middle School") only as its
     * words in a row, so "school" alone elsewhere stays.
     */
    List<Rectangle> matches(List<Tesseract.Word> words) {
        List<String> read = words.stream().map(w -> bare(w.text())).toList();
        List<Boolean> capitalised = words.stream().map(w -> w.text().codePoints().filter(Character::isLetter)
                .findFirst().stream().anyMatch(Character::isUpperCase)).toList();
        List<Rectangle> boxes = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            for (List<String> phrase : phrases) {
                if (i + phrase.size() <= read.size() && inARow(phrase, read, capitalised, i)) {
                    for (int k = 0; k < phrase.size(); k++) {
                        boxes.add(words.get(i + k).box());
                    }
                }
            }
        }
        return boxes;
    }

    /** As in text: any case for the name itself, a misspelling only when capitalised ("Riviera", not "river"). */
    private static boolean inARow(List<String> phrase, List<String> read, List<Boolean> capitalised, int from) {
        for (int k = 0; k < phrase.size(); k++) {
            String wanted = phrase.get(k);
            String found = read.get(from + k);
            if (!found.equals(wanted) && !(capitalised.get(from + k) && EditDistance.misspelling(wanted, found))) {
                return false;
            }
        }
        return true;
    }

    /** The phrase's words in lower case, without titles and lone initials. */
    private static List<String> words(String phrase) {
        return Arrays.stream(phrase.split("\\s+")).map(ImageRedaction::bare)
                .filter(w -> w.length() > 1 && !TITLES.contains(w)).toList();
    }

    /** A word as OCR reads it, without surrounding punctuation or a possessive ("Rivera's," → "rivera"). */
    private static String bare(String word) {
        String edges = "^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$";
        String w = Phrases.normalise(word).toLowerCase(Locale.ROOT).replaceAll(edges, "");
        return w.replaceAll("['’]s$", "").replaceAll(edges, "");
    }
}
