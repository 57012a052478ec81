package org.calibrate.keys.entity;

import org.calibrate.runtime.DataKey;
import org.calibrate.runtime.Settings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedStoreTest {
    // Test fixture keys (32 bytes, base64), never used outside the tests.
    private static final String K1 = "Zmlyc3QtZml4dHVyZS1rZXktZGF0YS1yb3RhdGlvbiE=";
    private static final String K2 = "c2Vjb25kLWZpeHR1cmUta2V5LWRhdGEtcm90YXRpb24=";

    private static DataKey ring(String current, String previous) {
        Settings settings = new Settings(Optional.empty(), 8080, "lti-config", Optional.empty(), "jdbc:postgresql://db/x", "P7D", "PT2H",
                Optional.empty(), "PT5S", "PT30S");
        return new DataKey(Optional.of(current), Optional.ofNullable(previous), settings, null);
    }

    private static String prefix(String value) {
        return value.substring(0, Math.min(value.length(), SealedStore.PREFIX));
    }

    @Test
    void aValueIsToldByItsBeginningAndReSealedUnderTheCurrentKey() {
        DataKey k1 = ring(K1, null);
        DataKey k2 = ring(K2, K1);
        String k1Id = k1.currentKid().orElseThrow();
        String k2Id = k2.currentKid().orElseThrow();
        String link = "enc1:" + k1.seal("learner-7");
        SealedStore.Standing s = SealedStore.IDENTITY_LINKS.glance(prefix(link));
        assertEquals(new SealedStore.Standing(SealedStore.Standing.Kind.SEALED, k1Id), s);
        assertFalse(s.under(k2Id));
        String resealed = (String) SealedStore.IDENTITY_LINKS.reseal(link, k2);
        assertTrue(SealedStore.IDENTITY_LINKS.glance(prefix(resealed)).under(k2Id));
        assertEquals("learner-7", k2.open(resealed.substring(5)));

        String token = k1.seal("0123456789abcdef0123");
        assertTrue(SealedStore.LMS_TOKENS.glance(prefix((String) SealedStore.LMS_TOKENS.reseal(token, k2))).under(k2Id));

        byte[] file = "An essay".getBytes(StandardCharsets.UTF_8);
        byte[] sealedFile = k1.sealBytes(file);
        assertEquals(k1Id, SealedStore.FILES.glance(java.util.Arrays.copyOf(sealedFile, 20)).kid());
        byte[] resealedFile = (byte[]) SealedStore.FILES.reseal(sealedFile, k2);
        assertTrue(SealedStore.FILES.glance(resealedFile).under(k2Id));
        assertArrayEquals(file, k2.openBytes(resealedFile));
    }

    @Test
    void plainValuesAreSealedForTheFirstTime() {
        DataKey k2 = ring(K2, null);
        String k2Id = k2.currentKid().orElseThrow();
        assertEquals(SealedStore.Standing.Kind.PLAIN, SealedStore.ORIGINALS.glance("Maya wrote this before the key").kind());
        String sealed = (String) SealedStore.ORIGINALS.reseal("Maya wrote this before the key", k2);
        assertTrue(sealed.startsWith("enc1:") && SealedStore.ORIGINALS.glance(sealed).under(k2Id));
        byte[] plainFile = "plain bytes".getBytes(StandardCharsets.UTF_8);
        assertEquals(SealedStore.Standing.Kind.PLAIN, SealedStore.FILES.glance(plainFile).kind());
        assertArrayEquals(plainFile, k2.openBytes((byte[]) SealedStore.FILES.reseal(plainFile, k2)));
    }

    @Test
    void whatNoHeldKeyOpensIsRefusedWithTheKeyId() {
        DataKey k1 = ring(K1, null);
        String link = "enc1:" + k1.seal("learner-7");
        DataKey k2Only = ring(K2, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SealedStore.IDENTITY_LINKS.reseal(link, k2Only));
        assertTrue(e.getMessage().contains(k1.currentKid().orElseThrow()), e.getMessage());
        assertEquals(SealedStore.Standing.Kind.UNREADABLE, SealedStore.LMS_TOKENS.glance("not a sealed token").kind());
        assertEquals(Optional.empty(), SealedStore.LMS_TOKENS.opener("not a sealed token", k2Only));
    }
}
