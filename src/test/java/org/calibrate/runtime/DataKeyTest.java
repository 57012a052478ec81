package org.calibrate.runtime;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataKeyTest {
    // Test fixture keys (32 bytes, base64), never used outside the tests.
    private static final String KEY = "c2VjcmV0LWtleS1mb3ItdGhlLXRlc3RzLW9ubHktMzI=";
    private static final String OTHER = "dGVzdC1maXh0dXJlLWtleS1wb3N0Z3Jlcy0zMi1ieXQ=";
    private static final String THIRD = "YW5vdGhlci1maXh0dXJlLWtleS1mb3Itcm90YXRpb24=";

    private static DataKey key(String base64) {
        return ring(base64, null);
    }

    /** A node with {@code current} as CALIBRATE_DATA_KEY and {@code previous} as CALIBRATE_DATA_KEY_PREVIOUS. */
    private static DataKey ring(String current, String previous) {
        Settings settings = new Settings(Optional.empty(), 8080, "lti-config", Optional.empty(), "jdbc:postgresql://db/x", "P7D", "PT2H",
                Optional.empty(), "PT5S", "PT30S");
        return new DataKey(Optional.ofNullable(current), Optional.ofNullable(previous), settings, null);
    }

    private static String kid(String base64) {
        return KeyRing.kid(Base64.getDecoder().decode(base64));
    }

    /** Sealed text as written before key ids: no kid in the header. */
    private static String legacyText(String base64, String plain) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(plain));
        jwe.encrypt(new DirectEncrypter(Base64.getDecoder().decode(base64)));
        return jwe.serialize();
    }

    /** Sealed bytes as written before key ids: marker CAL 1, IV, cipher text. */
    private static byte[] legacyBytes(String base64, byte[] plain) throws Exception {
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64), "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = c.doFinal(plain);
        byte[] out = new byte[4 + 12 + sealed.length];
        System.arraycopy(new byte[] {'C', 'A', 'L', 1}, 0, out, 0, 4);
        System.arraycopy(iv, 0, out, 4, 12);
        System.arraycopy(sealed, 0, out, 16, sealed.length);
        return out;
    }

    @Test
    void textAndBytesComeBackAsWrittenAndDifferEachTime() {
        DataKey k = key(KEY);
        String sealed = k.seal("user-42");
        assertFalse(sealed.contains("user-42"));
        assertNotEquals(sealed, k.seal("user-42"), "a fresh IV per value");
        assertEquals("user-42", k.open(sealed));
        byte[] file = "Maya's essay".getBytes(StandardCharsets.UTF_8);
        byte[] stored = k.sealBytes(file);
        assertTrue(DataKey.sealedBytes(stored));
        assertFalse(DataKey.sealedBytes(file));
        assertArrayEquals(file, k.openBytes(stored));
    }

    @Test
    void whatIsSealedNamesItsKeyById() throws Exception {
        DataKey k = key(KEY);
        String id = kid(KEY);
        assertEquals(8, id.length(), "6 bytes of the key's SHA-256, base64url");
        assertFalse(KEY.contains(id));
        assertEquals(Optional.of(id), k.currentKid());
        assertEquals(id, JWEObject.parse(k.seal("user-42")).getHeader().getKeyID());
        assertEquals(Optional.of(id), DataKey.kidOf(k.seal("user-42")));
        byte[] stored = k.sealBytes(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {'C', 'A', 'L', 2}, java.util.Arrays.copyOf(stored, 4));
        assertEquals(Optional.of(id), DataKey.kidOf(java.util.Arrays.copyOf(stored, 10)), "the first 10 bytes name the key");
        assertNotEquals(kid(KEY), kid(OTHER));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = key(KEY).seal("user-42");
        byte[] stored = key(KEY).sealBytes(new byte[] {1, 2, 3});
        assertThrows(IllegalStateException.class, () -> key(OTHER).open(sealed));
        assertThrows(IllegalStateException.class, () -> key(OTHER).openBytes(stored));
    }

    @Test
    void aNewKeyWithThePreviousOneOpensWhatTheOldKeySealed() throws Exception {
        DataKey before = key(KEY);
        String text = before.seal("user-42");
        byte[] file = before.sealBytes(new byte[] {7, 8, 9});
        DataKey after = ring(OTHER, THIRD + ", " + KEY);
        assertEquals(Optional.of(kid(OTHER)), after.currentKid());
        assertEquals(List.of(kid(THIRD), kid(KEY)), after.previousKids());
        assertEquals("user-42", after.open(text));
        assertArrayEquals(new byte[] {7, 8, 9}, after.openBytes(file));
        assertEquals(Optional.of(kid(KEY)), after.opener(text));
        assertEquals(Optional.of(kid(OTHER)), DataKey.kidOf(after.seal("user-42")), "the new key seals");
        assertEquals(Optional.of(kid(OTHER)), DataKey.kidOf(after.sealBytes(new byte[] {1})));
    }

    @Test
    void valuesSealedBeforeKeyIdsOpenWithTheCurrentOrAPreviousKey() throws Exception {
        String text = legacyText(KEY, "user-42");
        byte[] file = legacyBytes(KEY, new byte[] {4, 5, 6});
        assertEquals(Optional.empty(), DataKey.kidOf(text));
        assertEquals(Optional.empty(), DataKey.kidOf(file));
        assertTrue(DataKey.sealedBytes(file));
        assertEquals("user-42", key(KEY).open(text));
        assertArrayEquals(new byte[] {4, 5, 6}, key(KEY).openBytes(file));
        DataKey rotated = ring(OTHER, KEY);
        assertEquals("user-42", rotated.open(text));
        assertArrayEquals(new byte[] {4, 5, 6}, rotated.openBytes(file));
        assertEquals(Optional.of(kid(KEY)), rotated.opener(file));
        assertEquals(Optional.empty(), key(OTHER).opener(file));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> key(OTHER).openBytes(file));
        assertTrue(none.getMessage().contains(kid(OTHER)) && none.getMessage().contains("CALIBRATE_DATA_KEY_PREVIOUS"), none.getMessage());
    }

    @Test
    void aMissingKeyIsNamedByItsIdAndNoKeyIsPrinted() {
        String text = key(KEY).seal("user-42");
        byte[] file = key(KEY).sealBytes(new byte[] {1, 2, 3});
        for (IllegalStateException e : List.of(assertThrows(IllegalStateException.class, () -> ring(OTHER, THIRD).open(text)),
                assertThrows(IllegalStateException.class, () -> ring(OTHER, THIRD).openBytes(file)))) {
            assertTrue(e.getMessage().contains(kid(KEY)), "names the missing key: " + e.getMessage());
            assertTrue(e.getMessage().contains("CALIBRATE_DATA_KEY_PREVIOUS"), "says how to fix it: " + e.getMessage());
            for (String secret : List.of(KEY, OTHER, THIRD)) {
                assertFalse(e.getMessage().contains(secret), "no key material: " + e.getMessage());
            }
        }
    }

    @Test
    void previousKeysAloneOpenButDoNotSeal() {
        String text = key(KEY).seal("user-42");
        DataKey onlyPrevious = ring(null, KEY);
        assertFalse(onlyPrevious.available());
        assertEquals("user-42", onlyPrevious.open(text));
        assertThrows(IllegalStateException.class, () -> onlyPrevious.seal("x"));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThrows(IllegalStateException.class, () -> key("c2hvcnQ=").seal("x"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ring(KEY, "c2hvcnQ=").open("x"));
        assertTrue(e.getMessage().contains("CALIBRATE_DATA_KEY_PREVIOUS (entry 1)") && !e.getMessage().contains("c2hvcnQ="), e.getMessage());
    }
}
