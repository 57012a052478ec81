package org.calibrate.advisories;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.apache.maven.artifact.versioning.ComparableVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One OSV record (https://ossf.github.io/osv-schema/), reduced to what decides whether a Maven
 * coordinate at a version is affected: its {@code affected[]} entries for the Maven ecosystem, each
 * with explicit {@code versions[]} and {@code ECOSYSTEM} ranges, compared in Maven's version order.
 */
record Advisory(String id, List<String> aliases, String summary, List<Affected> affected) {

    /** An {@code affected[]} entry of a Maven package ({@code group:artifact}). */
    record Affected(String packageName, Set<String> versions, List<List<Event>> ranges) {
    }

    /** A range event: {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}. */
    record Event(String kind, String version) {
        ComparableVersion comparable() {
            return new ComparableVersion(version);
        }
    }

    /** Whether the advisory concerns this package at this version; the fixed version to move to, if the record names one. */
    record Verdict(boolean affected, Optional<String> fixedIn) {
        static final Verdict UNAFFECTED = new Verdict(false, Optional.empty());
    }

    /** Reads an OSV record; withdrawn records and entries of other ecosystems leave nothing behind. */
    static Optional<Advisory> of(JsonObject osv) {
        if (osv.containsKey("withdrawn") && !osv.isNull("withdrawn")) {
            return Optional.empty();
        }
        List<Affected> affected = new ArrayList<>();
        for (JsonObject a : objects(osv, "affected")) {
            JsonObject pkg = a.getJsonObject("package");
            // "Maven" in osv.dev's dump; a registry-qualified "Maven:<url>" is the same ecosystem.
            if (pkg == null || !pkg.getString("ecosystem", "").startsWith("Maven") || !pkg.containsKey("name")) {
                continue;
            }
            List<List<Event>> ranges = new ArrayList<>();
            for (JsonObject range : objects(a, "ranges")) {
                if (range.getString("type", "").equals("ECOSYSTEM")) {
                    ranges.add(objects(range, "events").stream().flatMap(e -> e.entrySet().stream()
                            .filter(kv -> kv.getValue().getValueType() == JsonValue.ValueType.STRING)
                            .map(kv -> new Event(kv.getKey(), ((JsonString) kv.getValue()).getString()))).toList());
                }
            }
            affected.add(new Affected(pkg.getString("name"), Set.copyOf(strings(a, "versions")), ranges));
        }
        if (affected.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Advisory(osv.getString("id"), strings(osv, "aliases"), osv.getString("summary", ""), affected));
    }

    Verdict verdict(String packageName, String version) {
        ComparableVersion v = new ComparableVersion(version);
        for (Affected a : affected) {
            if (!a.packageName().equals(packageName)) {
                continue;
            }
            for (List<Event> range : a.ranges()) {
                if (inRange(v, range)) {
                    return new Verdict(true, fixedAbove(v, range));
                }
            }
            if (a.versions().contains(version)) {
                return new Verdict(true, a.ranges().stream().map(r -> fixedAbove(v, r)).flatMap(Optional::stream)
                        .min(Comparator.comparing(ComparableVersion::new)));
            }
        }
        return Verdict.UNAFFECTED;
    }

    /** The OSV schema's evaluation: events in version order, each introduced opens, fixed/limit and past last_affected close. */
    private static boolean inRange(ComparableVersion v, List<Event> events) {
        boolean affected = false;
        for (Event e : sorted(events)) {
            int cmp = e.version().equals("0") ? 1 : v.compareTo(e.comparable());
            switch (e.kind()) {
                case "introduced" -> affected |= cmp >= 0;
                case "fixed", "limit" -> affected &= cmp < 0;
                case "last_affected" -> affected &= cmp <= 0;
                default -> { }
            }
        }
        return affected;
    }

    private static Optional<String> fixedAbove(ComparableVersion v, List<Event> events) {
        return sorted(events).stream().filter(e -> e.kind().equals("fixed") && v.compareTo(e.comparable()) < 0)
                .map(Event::version).findFirst();
    }

    private static List<Event> sorted(List<Event> events) {
        return events.stream().sorted(Comparator.comparing(e -> e.version().equals("0") ? new ComparableVersion("") : e.comparable())).toList();
    }

    /** The CVE ids among the aliases (or the id itself, for records published under a CVE id), for the report. */
    String cves() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), aliases.stream()).filter(a -> a.startsWith("CVE-")).distinct()
                .collect(Collectors.joining(", "));
    }

    private static List<JsonObject> objects(JsonObject o, String key) {
        return o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.ARRAY ? o.getJsonArray(key).getValuesAs(JsonObject.class) : List.of();
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.ARRAY
                ? o.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
    }
}
