package org.calibrate.anonymise.control;

import java.util.HashMap;
import java.util.LinkedHashSet;
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
        for (String line : CommonWords.lines("nicknames.txt")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String formal = Words.key(line.substring(0, colon).strip());
            // The formal name knows all its nicknames, a nickname only its formal name: a pupil
            // called Liam on the roster is not written "Bill".
            for (String nick : line.substring(colon + 1).split(",")) {
                if (!nick.isBlank()) {
                    forms.computeIfAbsent(formal, k -> new LinkedHashSet<>()).add(Words.key(nick.strip()));
                    forms.computeIfAbsent(Words.key(nick.strip()), k -> new LinkedHashSet<>()).add(formal);
                }
            }
        }
        return Map.copyOf(forms);
    }
}
