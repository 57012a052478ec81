package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakGuardTest {
    private final Person maya = new Person("u-4471", Optional.of("Maya Thompson"), Optional.of("Maya"), Optional.of("Thompson"),
            Optional.of("maya.t@s.example.org"), org.calibrate.anonymise.entity.Role.LEARNER);
    private final LeakGuard guard = new LeakGuard(new KnownPeople(List.of(maya, AnonymiserTest.HOPE, AnonymiserTest.ALVAREZ)));

    @Test
    void findsNamesEmailsAndUserIdsWithCodePointPositions() {
        List<LeakGuard.Hit> hits = guard.check("✓ MAYA wrote to maya.t@s.example.org as u-4471.");
        assertEquals(List.of(LeakGuard.Leak.EMAIL, LeakGuard.Leak.USER_ID, LeakGuard.Leak.NAME), hits.stream().map(LeakGuard.Hit::kind).toList());
        assertEquals(new LeakGuard.Hit(LeakGuard.Leak.NAME, "", 2, 6), hits.get(2));
    }

    @Test
    void wordNamesOnlyAsNames() {
        assertTrue(guard.clean("I hope the graph is right. Hope is a feeling."));
        assertEquals(1, guard.check("We asked Hope about it.").size());
    }

    @Test
    void anonymisedTextIsClean() {
        Anonymiser a = new Anonymiser(new KnownPeople(List.of(maya, AnonymiserTest.HOPE, AnonymiserTest.ALVAREZ)), org.calibrate.anonymise.entity.CourseContext.none());
        String text = "Maya Thompson (maya.t@s.example.org, u-4471) asked Hope; Ms. Alvarez agreed.";
        assertEquals(6, guard.check(text).size(), "Maya, Thompson, Hope, Alvarez, the e-mail and the id: " + guard.check(text));
        assertTrue(guard.clean(a.anonymise(text, Optional.of("u-4471")).text()));
    }

    @Test
    void jsonStringsAreCheckedWithTheirPath() {
        List<LeakGuard.Hit> hits = guard.checkJson("{\"items\": [{\"code\": \"K7P-2QX\", \"text\": \"Zo\\u00eb and Thompson\"}]}");
        assertEquals(List.of(new LeakGuard.Hit(LeakGuard.Leak.NAME, "/items/0/text", 8, 16)), hits);
    }

    @Test
    void maskingReplacesWhatSurvivedInPlaceAndKeepsEverythingElse() {
        String json = "{\"code\":\"K7P-2QX\",\"text\":\"✓ MAYA wrote to maya.t@s.example.org as u-4471.\",\"levels\":{\"response\":2},"
                + "\"posts\":[{\"body\":\"We asked Hope about it.\"},{\"body\":\"I hope so.\"}]}";
        LeakGuard.Masked m = guard.maskJson(json);
        assertEquals(4, m.hits().size());
        jakarta.json.JsonObject o = jakarta.json.Json.createReader(new java.io.StringReader(m.json())).readObject();
        assertEquals("✓ [name] wrote to [email] as [id].", o.getString("text"));
        assertEquals("We asked [name] about it.", o.getJsonArray("posts").getJsonObject(0).getString("body"));
        assertEquals("I hope so.", o.getJsonArray("posts").getJsonObject(1).getString("body"));
        assertEquals(2, o.getJsonObject("levels").getInt("response"));
        assertEquals("K7P-2QX", o.getString("code"));
        assertTrue(guard.checkJson(m.json()).isEmpty(), "nothing survives the mask");
    }

    @Test
    void aCleanPayloadIsReturnedByteForByte() {
        String json = "{\"text\":\"The first text shows courage.\",\"n\":1.50}";
        assertEquals(json, guard.maskJson(json).json());
    }

    @Test
    void aPlainTextIsMaskedTheSameWay() {
        assertEquals("Ask [name] ([email]).", guard.mask("Ask Maya (maya.t@s.example.org)."));
        assertEquals("I hope so.", guard.mask("I hope so."));
    }
}
