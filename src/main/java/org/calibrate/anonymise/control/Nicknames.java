package org.calibrate.anonymise.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The short forms pupils use for each other ("William" → Will, Bill, Billy, Liam), from the resource
 * nicknames.txt: one line per formal name, "Formal: Nick, Nick". Lookups go both ways, so a roster
 * "Kate" is also found as "Katherine" and "Katie".
 */
public final class Nicknames {
    private static final Map<String, Set<String>> FORMS = load();

    private Nicknames() {
    }

    /** Other forms of a given name (folded keys), without the name itself. */
    public static Set<String> of(String givenName) {
        return FORMS.getOrDefault(Words.key(givenName), Set.of());
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> forms = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream("nicknames.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource nicknames.txt missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                String formal = Words.key(line.substring(0, colon).strip());
                List<String> group = new java.util.ArrayList<>(List.of(formal));
                for (String nick : line.substring(colon + 1).split(",")) {
                    if (!nick.isBlank()) {
                        group.add(Words.key(nick.strip()));
                    }
                }
                // The formal name knows all its nicknames, a nickname only its formal name: a pupil
                // called Liam on the roster is not written "Bill".
                for (String nick : group.subList(1, group.size())) {
                    forms.computeIfAbsent(formal, k -> new LinkedHashSet<>()).add(nick);
                    forms.computeIfAbsent(nick, k -> new LinkedHashSet<>()).add(formal);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(forms);
    }
}
