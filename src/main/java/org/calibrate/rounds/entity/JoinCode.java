package org.calibrate.rounds.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code a colleague from another course types to join a round as a scorer, such as
 * {@code MXR4-7TQP}: 40 bits of randomness, readable aloud in a staff meeting.
 */
public record JoinCode(String value) {
    private static final Pattern FORM = Pattern.compile("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");

    public JoinCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a round code: expected two groups of four letters or digits, like MXR4-7TQP");
        }
    }

    public static JoinCode random() {
        return new JoinCode(PieceCode.group() + PieceCode.group().charAt(0) + "-" + PieceCode.group() + PieceCode.group().charAt(0));
    }

    public static Optional<JoinCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String v = text.strip().toUpperCase(Locale.ROOT).replace(' ', '-');
        if (v.length() == 8 && v.indexOf('-') < 0) {
            v = v.substring(0, 4) + "-" + v.substring(4);
        }
        return FORM.matcher(v).matches() ? Optional.of(new JoinCode(v)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
