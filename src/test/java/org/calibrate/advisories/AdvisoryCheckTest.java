package org.calibrate.advisories;

import org.calibrate.advisories.AdvisoryCheck.Component;
import org.calibrate.advisories.AdvisoryCheck.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdvisoryCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    /** The shape of osv.dev's records: H2's console RCE, fixed in 2.0.206. */
    private static final String H2_RCE = """
            {"id": "GHSA-h376-j262-vhq6", "aliases": ["CVE-2021-42392"], "summary": "RCE in H2 Console",
             "affected": [{"package": {"ecosystem": "Maven", "name": "com.h2database:h2"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.1.100"}, {"fixed": "2.0.206"}]}],
                           "versions": ["1.1.100", "2.0.202"]}]}
            """;

    private Path advisories(String... records) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("advisories"));
        for (int i = 0; i < records.length; i++) {
            Files.writeString(folder.resolve("record-" + i + ".json"), records[i]);
        }
        return folder;
    }

    private Report check(Path advisories, Allowlist allowlist, Component... components) throws IOException {
        return AdvisoryCheck.check(new LinkedHashSet<>(List.of(components)), advisories, allowlist);
    }

    /** An advisory for the package g:a with one ECOSYSTEM range of these events. */
    private Path oneRange(String events) throws IOException {
        return advisories("{\"id\": \"TEST-RANGE\", \"affected\": [{\"package\": {\"ecosystem\": \"Maven\", \"name\": \"g:a\"},"
                + " \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": " + events + "}]}]}");
    }

    private boolean passes(Path advisories, String pkg, String version) throws IOException {
        return check(advisories, none(), new Component(pkg, version)).passes();
    }

    private static Allowlist none() {
        return new Allowlist(List.of(), List.of());
    }

    private Allowlist allowlist(String text) throws IOException {
        Path file = dir.resolve("allowlist.txt");
        Files.writeString(file, text);
        return Allowlist.read(file, TODAY);
    }

    @Test
    void aVulnerableVersionInAFixtureSbomIsFoundWithItsFixAndCve() throws Exception {
        Path bom = dir.resolve("bom.json");
        Files.writeString(bom, """
                {"bomFormat": "CycloneDX", "components": [
                  {"type": "library", "group": "com.h2database", "name": "h2", "version": "2.0.202", "purl": "pkg:maven/com.h2database/h2@2.0.202?type=jar"},
                  {"type": "library", "group": "org.jsoup", "name": "jsoup", "version": "1.18.3", "purl": "pkg:maven/org.jsoup/jsoup@1.18.3?type=jar"}]}
                """);
        List<Component> components = AdvisoryCheck.readComponents(bom);
        assertEquals(List.of(new Component("com.h2database:h2", "2.0.202"), new Component("org.jsoup:jsoup", "1.18.3")), components);

        Report r = AdvisoryCheck.check(new LinkedHashSet<>(components), advisories(H2_RCE), none());
        assertFalse(r.passes());
        assertEquals(1, r.open().size());
        AdvisoryCheck.Finding f = r.open().get(0);
        assertEquals("GHSA-h376-j262-vhq6", f.advisory().id());
        assertEquals(Optional.of("2.0.206"), f.fixedIn());
        assertTrue(f.describe().contains("com.h2database:h2:2.0.202") && f.describe().contains("CVE-2021-42392"), f.describe());
    }

    @Test
    void theFixedVersionAndLaterPassAndVersionsBeforeIntroducedToo() throws Exception {
        Path a = advisories(H2_RCE);
        assertTrue(passes(a, "com.h2database:h2", "2.0.206"));
        assertTrue(passes(a, "com.h2database:h2", "2.2.224"));
        assertTrue(passes(a, "com.h2database:h2", "1.0.79"));
        assertFalse(passes(a, "com.h2database:h2", "1.4.200"));
        assertTrue(passes(a, "com.h2database:h2-other", "1.4.200"), "another artifact is another package");
    }

    @Test
    void mavenOrderNotStringOrder() throws Exception {
        Path a = oneRange("[{\"introduced\": \"0\"}, {\"fixed\": \"2.10.0\"}]");
        assertFalse(passes(a, "g:a", "2.9.1"), "2.9.1 comes before 2.10.0");
        assertFalse(passes(a, "g:a", "2.10.0-rc1"), "a release candidate comes before its release");
        assertTrue(passes(a, "g:a", "2.10"), "2.10 is 2.10.0");
    }

    @Test
    void lastAffectedIncludesThatVersionOnly() throws Exception {
        Path a = oneRange("[{\"introduced\": \"1.0\"}, {\"last_affected\": \"1.4.2\"}]");
        Report hit = check(a, none(), new Component("g:a", "1.4.2"));
        assertFalse(hit.passes());
        assertEquals(Optional.empty(), hit.open().get(0).fixedIn(), "no fixed version is named");
        assertTrue(hit.open().get(0).describe().contains("no fixed version named"));
        assertTrue(passes(a, "g:a", "1.4.3"));
    }

    @Test
    void severalRangesAndExplicitVersions() throws Exception {
        Path a = advisories("""
                {"id": "TEST-3", "affected": [{"package": {"ecosystem": "Maven", "name": "g:a"},
                 "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "9.37.4"}, {"introduced": "10.0.0"}, {"fixed": "10.0.2"}]},
                            {"type": "GIT", "repo": "https://example.org/x.git", "events": [{"introduced": "0"}, {"fixed": "abc123"}]}]},
                  {"package": {"ecosystem": "Maven", "name": "g:b"}, "versions": ["3.1", "3.2"]},
                  {"package": {"ecosystem": "PyPI", "name": "g:c"}, "versions": ["1.0"]}]}
                """);
        assertEquals(Optional.of("9.37.4"), check(a, none(), new Component("g:a", "9.30")).open().get(0).fixedIn());
        assertTrue(passes(a, "g:a", "9.37.4"), "between the two ranges");
        assertEquals(Optional.of("10.0.2"), check(a, none(), new Component("g:a", "10.0.1")).open().get(0).fixedIn());
        assertTrue(passes(a, "g:a", "10.10"));
        assertFalse(passes(a, "g:b", "3.2"), "versions[] lists affected versions");
        assertTrue(passes(a, "g:b", "3.3"));
        assertTrue(passes(a, "g:c", "1.0"), "another ecosystem's package of the same name");
    }

    @Test
    void withdrawnAdvisoriesAndUnrelatedRecordsAreIgnored() throws Exception {
        Path a = advisories("""
                {"id": "TEST-4", "withdrawn": "2024-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "Maven", "name": "g:a"}, "versions": ["1.0"]}]}
                """, "{ this is not json, and it names no package of ours }");
        Report r = check(a, none(), new Component("g:a", "1.0"));
        assertTrue(r.passes());
        assertEquals(2, r.advisoriesRead());
    }

    @Test
    void aBrokenRecordThatNamesOurPackageStopsTheCheck() throws Exception {
        Path a = advisories("{\"id\": \"TEST-5\", \"affected\": [{\"package\": {\"name\": \"g:a\"");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check(a, none(), new Component("g:a", "1.0")));
        assertTrue(e.getMessage().contains("not an OSV record"), e.getMessage());
    }

    /** H2 1.4.200, affected by {@link #H2_RCE}, checked with this allowlist. */
    private Report oldH2With(String allowlistText) throws IOException {
        return check(advisories(H2_RCE), allowlist(allowlistText), new Component("com.h2database:h2", "1.4.200"));
    }

    @Test
    void theAllowlistAcceptsAFindingByIdOrAliasUntilItsDate() throws Exception {
        Report byId = oldH2With("# comment\nGHSA-h376-j262-vhq6 com.h2database:h2 2026-12-31 console is never enabled\n");
        assertTrue(byId.passes());
        assertEquals("console is never enabled", byId.findings().get(0).acceptedBy().orElseThrow().reason());
        assertTrue(oldH2With("CVE-2021-42392 com.h2database:h2 2026-06-01 accepted through today\n").passes());
        assertFalse(oldH2With("CVE-2021-42392 org.other:h2 2026-12-31 other package\n").passes());
    }

    @Test
    void anExpiredOrIncompleteAllowlistEntryFails() throws Exception {
        Report expired = oldH2With("GHSA-h376-j262-vhq6 com.h2database:h2 2026-05-31 was fine last month\n");
        assertFalse(expired.passes());
        assertEquals(1, expired.open().size(), "an expired entry accepts nothing");
        assertTrue(expired.errors().get(0).contains("expired on 2026-05-31"), expired.errors().toString());

        Report expiredAlone = check(advisories(H2_RCE), allowlist("GHSA-h376-j262-vhq6 com.h2database:h2 2020-01-01 old\n"), new Component("com.h2database:h2", "2.2.224"));
        assertFalse(expiredAlone.passes(), "an expired entry fails even when nothing matches it any more");

        assertFalse(allowlist("GHSA-h376-j262-vhq6 com.h2database:h2 2026-12-31\n").errors().isEmpty(), "a reason is required");
        assertFalse(allowlist("GHSA-h376-j262-vhq6 com.h2database:h2 someday because\n").errors().isEmpty());
    }

    @Test
    void dependencyListOutputIsReadToo() throws Exception {
        Path list = dir.resolve("dependencies.txt");
        Files.writeString(list, """

                The following files have been resolved:
                   com.nimbusds:nimbus-jose-jwt:jar:10.10:compile -- module com.nimbusds.jose.jwt
                   org.checkerframework:checker-qual:jar:3.49.5:runtime -- module org.checkerframework.checker.qual [auto]
                   org.example:natives:jar:linux-x86_64:1.2:compile
                """);
        assertEquals(List.of(new Component("com.nimbusds:nimbus-jose-jwt", "10.10"), new Component("org.checkerframework:checker-qual", "3.49.5"),
                new Component("org.example:natives", "1.2")), AdvisoryCheck.readComponents(list));
    }

    /** The curated records are real OSV records of libraries we ship: each one parses and names a Maven package. */
    @Test
    void theCuratedAdvisoriesAreWellFormed() throws Exception {
        Path curated = Path.of("security/advisories");
        List<Path> files;
        try (Stream<Path> walk = Files.list(curated)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertTrue(files.size() >= 10, "curated advisories: " + files.size());
        for (Path f : files) {
            Advisory a = Advisory.of(jakarta.json.Json.createReader(Files.newBufferedReader(f)).readObject()).orElseThrow(() -> new AssertionError(f));
            assertEquals(f.getFileName().toString(), a.id() + ".json", "one record per file, named by its id");
            assertFalse(a.summary().isBlank(), f + " has a summary");
            assertTrue(a.affected().stream().allMatch(x -> x.packageName().matches("[\\w.-]+:[\\w.-]+") && !x.ranges().isEmpty()), f.toString());
        }
        assertTrue(Allowlist.read(Path.of("security/allowlist.txt"), LocalDate.now()).errors().isEmpty(), "the allowlist is valid today");
        Set<String> ids = new LinkedHashSet<>();
        files.forEach(f -> ids.add(f.getFileName().toString()));
        assertEquals(files.size(), ids.size());
    }
}
