package org.calibrate.anonymise.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * English words (and well-known proper nouns of school subjects) that are not, by themselves, a
 * person in the class: they keep the recogniser from flagging "English" or "Newton" and mark the
 * roster names that are also words ("Hope", "Mark") for judgement by context.
 */
public final class CommonWords {
    private static final Set<String> WORDS = load("common-words.txt");
    private static final Set<String> KNOWN_PROPER = load("proper-nouns.txt");

    private CommonWords() {
    }

    public static boolean contains(String key) {
        return WORDS.contains(key);
    }

    /** Names of places, people in the curriculum, months and days: capitalised but nobody in the class. */
    public static boolean knownProper(String key) {
        return KNOWN_PROPER.contains(key);
    }

    static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        for (String line : lines(resource)) {
            for (String w : line.split("\\s+")) {
                words.add(Words.key(w));
            }
        }
        return Set.copyOf(words);
    }

    /** A resource's lines beside this class, without blank lines and "#" comments. */
    static List<String> lines(String resource) {
        try (InputStream in = CommonWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
