package org.calibrate.anonymise.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.calibrate.anonymise.entity.Person;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last check before anything reaches a scorer: does a scorer-facing string (a piece's text, an
 * API response) still hold a roster member's name, e-mail address or LMS user id? Reuses the
 * anonymiser's name forms, so whatever the anonymiser would remove the guard would catch; names that
 * are also words count only where they stand capitalised inside a sentence.
 */
public final class LeakGuard {
    /** What survived; start and end in code points of the checked string, path the JSON pointer ("" for plain text). */
    public record Hit(Leak kind, String path, int start, int end) {
    }

    public enum Leak {
        NAME, EMAIL, USER_ID
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_.@+-]+");
    private final KnownPeople people;

    public LeakGuard(KnownPeople people) {
        this.people = people;
    }

    public List<Hit> check(String text) {
        return check(text, "");
    }

    /** Every string (and key) of a JSON document, as a scorer's browser would receive it. */
    public List<Hit> checkJson(String json) {
        List<Hit> hits = new ArrayList<>();
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            walk(r.readValue(), "", hits);
        }
        return hits;
    }

    public boolean clean(String text) {
        return check(text).isEmpty();
    }

    /** The text with every surviving identity replaced by a label ("[name]", "[email]", "[id]"). */
    public String mask(String text) {
        List<Hit> found = check(text, "");
        return found.isEmpty() ? text : masked(text, found);
    }

    /** A JSON document with every surviving identity in its string values replaced by a label, and what was replaced. */
    public record Masked(String json, List<Hit> hits) {
    }

    /**
     * The last line of defence for a scorer-facing payload: whatever the anonymiser (or a moderator's note) let
     * through is replaced by "[name]", "[email]" or "[id]" in place, so the scorer never receives it.
     */
    public Masked maskJson(String json) {
        return maskJson(json, path -> false);
    }

    /** @param shown JSON pointers whose strings are meant to name someone (a revealed scorer, a post's author) */
    public Masked maskJson(String json, java.util.function.Predicate<String> shown) {
        List<Hit> hits = new ArrayList<>();
        JsonValue masked;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            masked = mask(r.readValue(), "", hits, shown);
        }
        return new Masked(hits.isEmpty() ? json : masked.toString(), List.copyOf(hits));
    }

    private JsonValue mask(JsonValue v, String path, List<Hit> hits, java.util.function.Predicate<String> shown) {
        if (v instanceof JsonString s && shown.test(path)) {
            return v;
        }
        if (v instanceof JsonString s) {
            List<Hit> found = check(s.getString(), path);
            hits.addAll(found);
            return found.isEmpty() ? v : Json.createValue(masked(s.getString(), found));
        }
        if (v instanceof JsonObject o) {
            var b = Json.createObjectBuilder();
            o.forEach((k, child) -> b.add(k, mask(child, path + "/" + k.replace("~", "~0").replace("/", "~1"), hits, shown)));
            return b.build();
        }
        if (v instanceof JsonArray a) {
            var b = Json.createArrayBuilder();
            for (int i = 0; i < a.size(); i++) {
                b.add(mask(a.get(i), path + "/" + i, hits, shown));
            }
            return b.build();
        }
        return v;
    }

    private static String masked(String text, List<Hit> found) {
        StringBuilder out = new StringBuilder(text);
        // From the end, so earlier offsets stay valid; overlapping hits collapse into the first label.
        List<Hit> ordered = new ArrayList<>(found);
        ordered.sort((x, y) -> Integer.compare(y.start(), x.start()));
        int limit = Integer.MAX_VALUE;
        for (Hit h : ordered) {
            if (h.end() > limit) {
                continue;
            }
            int from = text.offsetByCodePoints(0, h.start());
            int to = text.offsetByCodePoints(0, h.end());
            out.replace(from, to, switch (h.kind()) {
                case NAME -> "[name]";
                case EMAIL -> "[email]";
                case USER_ID -> "[id]";
            });
            limit = h.start();
        }
        return out.toString();
    }

    private void walk(JsonValue v, String path, List<Hit> hits) {
        if (v instanceof JsonString s) {
            hits.addAll(check(s.getString(), path));
        } else if (v instanceof JsonObject o) {
            o.forEach((k, child) -> {
                hits.addAll(check(k, path + "/" + k));
                walk(child, path + "/" + k.replace("~", "~0").replace("/", "~1"), hits);
            });
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.get(i), path + "/" + i, hits);
            }
        }
    }

    private List<Hit> check(String text, String path) {
        List<Hit> hits = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String t = token.group().replaceAll("[.\\-]+$", "");
            if (t.contains("@") && people.people().stream().flatMap(p -> p.email().stream()).anyMatch(e -> e.equalsIgnoreCase(t))) {
                hits.add(hit(Leak.EMAIL, path, text, token.start(), token.start() + t.length()));
            } else if (userId(t)) {
                hits.add(hit(Leak.USER_ID, path, text, token.start(), token.start() + t.length()));
            }
        }
        List<Words.Word> words = Words.of(text);
        Surroundings s = new Surroundings(text, words);
        for (int i = 0; i < words.size(); i++) {
            Words.Word w = RosterNames.stem(words.get(i));
            int cpStart = Words.codePoints(text, w.start());
            boolean inside = hits.stream().anyMatch(h -> h.start() <= cpStart && cpStart < h.end());
            if (inside || people.forms(w.key(), Optional.empty()).isEmpty()) {
                continue;
            }
            boolean wordLike = RosterNames.wordLike(w.key());
            if (!wordLike || w.capitalised() && !w.allCaps() && !s.sentenceInitial(i) || WordNameJudge.judge(s, i, false) == WordNameJudge.Verdict.REDACT) {
                hits.add(hit(Leak.NAME, path, text, w.start(), w.end()));
            }
        }
        return hits;
    }

    /** Short numeric ids ("42") would match any number; only ids of four characters, or three with a letter, count. */
    private boolean userId(String token) {
        boolean distinctive = token.length() >= 4 || token.length() == 3 && token.chars().anyMatch(Character::isLetter);
        return distinctive && people.userIds().containsKey(token);
    }

    private static Hit hit(Leak kind, String path, String text, int start, int end) {
        return new Hit(kind, path, Words.codePoints(text, start), Words.codePoints(text, end));
    }
}
