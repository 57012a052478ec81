package org.calibrate.rounds.entity;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A piece's public name, such as {@code K7P-2QX}: random, not sequential, so it says nothing about the
 * student, the class or the order of submission. Letters and digits that read alike (0/O, 1/I/L) are left out.
 */
public record PieceCode(String value) {
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{3}-[" + ALPHABET + "]{3}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public PieceCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a piece code: expected three letters or digits, a dash and three more, like K7P-2QX");
        }
    }

    public static PieceCode random() {
        return new PieceCode(group() + "-" + group());
    }

    /** Parses user input leniently (case, surrounding spaces); empty when it cannot be a piece code. */
    public static java.util.Optional<PieceCode> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String v = text.strip().toUpperCase(java.util.Locale.ROOT);
        return FORM.matcher(v).matches() ? java.util.Optional.of(new PieceCode(v)) : java.util.Optional.empty();
    }

    static String group() {
        StringBuilder b = new StringBuilder(3);
        for (int i = 0; i < 3; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
