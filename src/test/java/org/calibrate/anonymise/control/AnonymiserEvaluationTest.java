package org.calibrate.anonymise.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.calibrate.anonymise.boundary.ContextJson;
import org.calibrate.anonymise.boundary.RosterJson;
import org.calibrate.anonymise.entity.Action;
import org.calibrate.anonymise.entity.Redaction;
import org.calibrate.anonymise.entity.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the anonymiser on the labelled evaluation set (src/test/resources/anonymise/eval): recall
 * per category (a gold span is recalled when a redacted span covers it; for names that are also words
 * and for names outside the roster a flag also counts, since it reaches the moderator) and precision
 * (redacted spans that overlap a gold span). The thresholds are the issue's; the gold is not tuned.
 */
class AnonymiserEvaluationTest {
    static final Set<String> ROSTER = Set.of("student", "classmate", "teacher");
    static final Set<String> CONTACT = Set.of("email", "phone", "address", "id", "url", "username");
    /** The roster's names that are also English words: context may leave them to the moderator. */
    static final Set<String> WORD_NAMES = Set.of("hope", "will", "mark", "rose", "bill", "grace", "may", "art", "young", "park", "reed", "brooks");
    private static final Pattern MARK = Pattern.compile("\\{\\{([a-z]+):(.*?)\\}\\}", Pattern.DOTALL);

    record Gold(int start, int end, String category, String surface) {
    }

    record Item(String id, String text, String author, List<Gold> gold) {
    }

    static List<Item> items;
    static Anonymiser engine;

    @BeforeAll
    static void load() throws IOException {
        engine = new Anonymiser(new KnownPeople(RosterJson.people(json("roster.json"))), ContextJson.context(json("context.json")));
        items = new ArrayList<>();
        for (String line : resource("eval.jsonl").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject o = Json.createReader(new StringReader(line)).readObject();
            String text = o.getString("text");
            List<Gold> gold = o.getJsonArray("gold").getValuesAs(JsonObject.class).stream().map(g -> new Gold(g.getInt("start"), g.getInt("end"),
                    g.getString("category"), cut(text, g.getInt("start"), g.getInt("end")))).toList();
            items.add(new Item(o.getString("id"), text, o.getString("author_user_id"), gold));
        }
    }

    @Test
    void theSetIsLargeVariedAndHasCleanTexts() {
        assertTrue(items.size() >= 150, "at least 150 texts: " + items.size());
        assertTrue(items.stream().filter(i -> i.gold().isEmpty()).count() >= 20, "at least 20 texts without identifiers");
        for (String c : List.of("student", "classmate", "teacher", "name", "school", "course", "email", "phone", "address", "id", "url", "username", "comment")) {
            assertTrue(items.stream().flatMap(i -> i.gold().stream()).anyMatch(g -> g.category().equals(c)), "the set plants " + c);
        }
    }

    @Test
    void theJsonlIsWhatTheMarkupSays() throws IOException {
        List<Item> fromMarkup = markup(resource("texts.txt"));
        assertEquals(fromMarkup.size(), items.size(), "run make_eval.py after editing texts.txt");
        for (int i = 0; i < items.size(); i++) {
            assertEquals(fromMarkup.get(i), items.get(i), "run make_eval.py after editing texts.txt");
        }
    }

    @Test
    void recallAndPrecisionMeetTheBar() {
        Map<String, int[]> recall = new LinkedHashMap<>();   // category → {gold, recalled}
        Map<String, int[]> precision = new LinkedHashMap<>(); // category of the label → {redacted, overlapping gold}
        List<String> misses = new ArrayList<>();
        int[] flags = new int[2]; // flagged spans, of which on no gold span (the moderator's extra reading)
        for (Item item : items) {
            Redaction r = engine.anonymise(item.text(), Optional.of(item.author()));
            for (Gold g : item.gold()) {
                boolean flagCounts = g.category().equals("name") || ROSTER.contains(g.category()) && WORD_NAMES.contains(g.surface().toLowerCase(Locale.ROOT));
                boolean hit = r.spans().stream().anyMatch(s -> s.start() <= g.start() && s.end() >= g.end()
                        && (s.action() == Action.REDACTED || flagCounts));
                int[] c = recall.computeIfAbsent(g.category(), k -> new int[2]);
                c[0]++;
                c[1] += hit ? 1 : 0;
                if (!hit) {
                    misses.add(item.id() + " missed " + g.category() + " '" + g.surface() + "'");
                }
            }
            for (Span s : r.spans()) {
                if (s.action() != Action.REDACTED) {
                    flags[0]++;
                    flags[1] += item.gold().stream().noneMatch(g -> g.start() < s.end() && s.start() < g.end()) ? 1 : 0;
                    continue;
                }
                boolean right = item.gold().stream().anyMatch(g -> g.start() < s.end() && s.start() < g.end());
                int[] c = precision.computeIfAbsent(category(s.label()), k -> new int[2]);
                c[0]++;
                c[1] += right ? 1 : 0;
                if (!right) {
                    misses.add(item.id() + " wrongly redacted '" + cut(item.text(), s.start(), s.end()) + "' as " + s.label());
                }
            }
        }
        System.out.println(table(recall, precision));
        System.out.println("flagged for review: " + flags[0] + " spans, " + flags[1] + " of them on no gold identifier");
        misses.forEach(System.out::println);
        assertTrue(share(recall, ROSTER) >= 0.99, "recall of roster names " + share(recall, ROSTER));
        assertTrue(share(recall, CONTACT) >= 0.99, "recall of contact data " + share(recall, CONTACT));
        assertTrue(share(precision, precision.keySet()) >= 0.95, "overall precision " + share(precision, precision.keySet()));
    }

    static String table(Map<String, int[]> recall, Map<String, int[]> precision) {
        StringBuilder b = new StringBuilder("| category | gold | recall | redacted | precision |\n|---|---|---|---|---|\n");
        Set<String> all = new java.util.TreeSet<>(recall.keySet());
        all.addAll(precision.keySet());
        for (String c : all) {
            int[] r = recall.getOrDefault(c, new int[2]);
            int[] p = precision.getOrDefault(c, new int[2]);
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s |%n", c, r[0], ratio(r), p[0], ratio(p)));
        }
        b.append(String.format(Locale.ROOT, "| roster names | | %.3f | | |%n| contact data | | %.3f | | |%n| overall | | %.3f | | %.3f |%n",
                share(recall, ROSTER), share(recall, CONTACT), share(recall, recall.keySet()), share(precision, precision.keySet())));
        return b.toString();
    }

    private static String ratio(int[] c) {
        return c[0] == 0 ? "–" : String.format(Locale.ROOT, "%.3f", c[1] / (double) c[0]);
    }

    static double share(Map<String, int[]> counts, Set<String> categories) {
        int all = 0;
        int good = 0;
        for (String c : categories) {
            int[] n = counts.getOrDefault(c, new int[2]);
            all += n[0];
            good += n[1];
        }
        return all == 0 ? 1 : good / (double) all;
    }

    private static String category(String label) {
        String inner = label.substring(1, label.length() - 1);
        return inner.startsWith("classmate") ? "classmate" : inner.equals("teacher comment") ? "comment" : inner;
    }

    /** The same reading as make_eval.py: markup out, offsets in code points. */
    static List<Item> markup(String source) {
        List<Item> out = new ArrayList<>();
        String kept = String.join("\n", source.lines().filter(l -> !l.startsWith("# ")).toList());
        String[] blocks = kept.split("(?m)^=== ");
        for (int b = 1; b < blocks.length; b++) {
            String block = blocks[b];
            int nl = block.indexOf('\n');
            String[] header = block.substring(0, nl).strip().split("\\s+");
            String body = block.substring(nl + 1).replaceFirst("\\n+$", "");
            StringBuilder text = new StringBuilder();
            List<Gold> gold = new ArrayList<>();
            Matcher m = MARK.matcher(body);
            int at = 0;
            while (m.find()) {
                text.append(body, at, m.start());
                int start = text.codePointCount(0, text.length());
                text.append(m.group(2));
                gold.add(new Gold(start, text.codePointCount(0, text.length()), m.group(1), m.group(2)));
                at = m.end();
            }
            text.append(body.substring(at));
            out.add(new Item(header[0], text.toString(), header[1], gold));
        }
        return out;
    }

    static String cut(String text, int startCodePoint, int endCodePoint) {
        return text.substring(text.offsetByCodePoints(0, startCodePoint), text.offsetByCodePoints(0, endCodePoint));
    }

    static JsonObject json(String name) throws IOException {
        try (JsonReader r = Json.createReader(new StringReader(resource(name)))) {
            return r.readObject();
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AnonymiserEvaluationTest.class.getResourceAsStream("/anonymise/eval/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
