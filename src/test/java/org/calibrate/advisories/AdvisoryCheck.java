package org.calibrate.advisories;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The build's dependency vulnerability check, offline: every shipped component (from a CycloneDX SBOM or
 * {@code mvn dependency:list} output, plus coordinates given by hand) against OSV advisory files in a folder
 * — the curated {@code security/advisories/} or an unzipped osv.dev Maven dump — in Maven's version order.
 * Run by {@code mvn verify} (see pom.xml); fails listing each finding that the allowlist does not accept.
 *
 * <pre>AdvisoryCheck --components FILE... [--component group:artifact:version]... --advisories DIR [--allowlist FILE]</pre>
 */
public final class AdvisoryCheck {

    /** A shipped library: {@code group:artifact} and its version. */
    record Component(String name, String version) {
        @Override
        public String toString() {
            return name + ":" + version;
        }
    }

    record Finding(Component component, Advisory advisory, Optional<String> fixedIn, Optional<Allowlist.Entry> acceptedBy) {
        String describe() {
            String cves = advisory.cves();
            return component + "  " + advisory.id() + (cves.isEmpty() ? "" : " (" + cves + ")")
                    + "  " + fixedIn.map(v -> "fixed in " + v).orElse("no fixed version named") + (advisory.summary().isEmpty() ? "" : "  — " + advisory.summary());
        }
    }

    /** What the check found: findings (accepted or not), allowlist errors, and how many advisory files it read. */
    record Report(List<Finding> findings, List<String> errors, int advisoriesRead) {
        List<Finding> open() {
            return findings.stream().filter(f -> f.acceptedBy().isEmpty()).toList();
        }

        boolean passes() {
            return open().isEmpty() && errors.isEmpty();
        }
    }

    public static void main(String[] args) throws IOException {
        List<Path> componentFiles = new ArrayList<>();
        List<Component> extra = new ArrayList<>();
        Path advisories = null;
        Path allowlist = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--components" -> componentFiles.add(Path.of(value));
                case "--component" -> extra.add(coordinate(value));
                case "--advisories" -> advisories = Path.of(value);
                case "--allowlist" -> allowlist = Path.of(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        if (advisories == null || !Files.isDirectory(advisories)) {
            throw new IllegalArgumentException("--advisories must name a folder of OSV JSON files: " + advisories);
        }
        Set<Component> components = new LinkedHashSet<>(extra);
        for (Path f : componentFiles) {
            components.addAll(readComponents(f));
        }
        Report report = check(components, advisories, Allowlist.read(allowlist, LocalDate.now()));
        System.out.println("Dependency advisories: " + components.size() + " components against " + report.advisoriesRead()
                + " advisories in " + advisories);
        report.findings().stream().filter(f -> f.acceptedBy().isPresent()).forEach(f -> System.out.println("  accepted until "
                + f.acceptedBy().get().expires() + ": " + f.describe() + "  (" + f.acceptedBy().get().reason() + ")"));
        report.open().forEach(f -> System.out.println("  VULNERABLE: " + f.describe()));
        report.errors().forEach(e -> System.out.println("  ALLOWLIST: " + e));
        if (!report.passes()) {
            throw new IllegalStateException(report.open().size() + " known vulnerabilit" + (report.open().size() == 1 ? "y" : "ies")
                    + " and " + report.errors().size() + " allowlist error(s), listed above: upgrade the library (docs/security.md), "
                    + "or accept the finding with a reason and an expiry date in " + allowlist);
        }
    }

    static Report check(Set<Component> components, Path advisoryDir, Allowlist allowlist) throws IOException {
        List<Finding> findings = new ArrayList<>();
        int read = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(advisoryDir)) {
            files = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            read++;
            // A full OSV dump holds tens of thousands of records: parse only those that name one of our packages.
            List<Component> named = components.stream().filter(c -> text.contains("\"" + c.name() + "\"")).toList();
            if (named.isEmpty()) {
                continue;
            }
            Optional<Advisory> advisory = parse(file, text);
            if (advisory.isEmpty()) {
                continue;
            }
            for (Component c : named) {
                Advisory.Verdict v = advisory.get().verdict(c.name(), c.version());
                if (v.affected()) {
                    findings.add(new Finding(c, advisory.get(), v.fixedIn(),
                            allowlist.entries().stream().filter(e -> e.covers(advisory.get(), c.name())).findFirst()));
                }
            }
        }
        return new Report(findings, allowlist.errors(), read);
    }

    private static Optional<Advisory> parse(Path file, String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return Advisory.of(reader.readObject());
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException(file + " is not an OSV record: " + e.getMessage(), e);
        }
    }

    /** Components from a CycloneDX JSON SBOM ({@code *.json}) or from {@code mvn dependency:list -DoutputFile=…}. */
    static List<Component> readComponents(Path file) throws IOException {
        if (file.toString().endsWith(".json")) {
            JsonObject bom;
            try (var reader = Json.createReader(Files.newBufferedReader(file))) {
                bom = reader.readObject();
            }
            List<Component> out = new ArrayList<>();
            collect(bom, out);
            return out;
        }
        // dependency:list lines look like "   group:artifact:type[:classifier]:version:scope[ -- module name]".
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> l.chars().filter(ch -> ch == ':').count() >= 4)
                .map(l -> l.split("\\s+")[0].split(":"))
                .map(p -> new Component(p[0] + ":" + p[1], p[p.length - 2])).toList();
    }

    private static void collect(JsonObject parent, List<Component> out) {
        if (!parent.containsKey("components")) {
            return;
        }
        for (JsonObject c : parent.getJsonArray("components").getValuesAs(JsonObject.class)) {
            if (c.containsKey("group") && c.containsKey("version") && c.getString("purl", "pkg:maven/").startsWith("pkg:maven/")) {
                out.add(new Component(c.getString("group") + ":" + c.getString("name"), c.getString("version")));
            }
            collect(c, out);
        }
    }

    private static Component coordinate(String gav) {
        String[] p = gav.split(":");
        if (p.length != 3) {
            throw new IllegalArgumentException("--component takes group:artifact:version, not " + gav);
        }
        return new Component(p[0] + ":" + p[1], p[2]);
    }
}
