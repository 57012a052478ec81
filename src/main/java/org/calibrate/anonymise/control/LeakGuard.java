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
