package org.calibrate.intake.exports;

import java.text.Normalizer;

/**
 * A name reduced to what survives every LMS's file naming: letters and digits, lower case, without
 * accents, without spaces or punctuation. "José Álvarez", "jose  alvarez" and "JoseAlvarez" are one
 * key; Canvas's "álvarezjosé" and the roster's family and given names joined are another.
 */
final class NameKey {
    private NameKey() {
    }

    static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .forEach(key::appendCodePoint);
        return key.toString();
    }
}
