package org.calibrate.runtime;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.util.Base64URL;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The data keys a node holds: the current one seals, the previous ones only open. Every key is known by a key id, the
 * first 6 bytes of its SHA-256 (base64url), which names it in messages and in what it seals without revealing it.
 * Text is sealed as compact JWE (direct AES-256-GCM) with the key id in the header; bytes as a marker
 * {@code CAL 2}, the key id's 6 bytes, a random 96-bit IV, then the cipher text with its tag. Values sealed before key
 * ids (JWE without {@code kid}, marker {@code CAL 1} without the key id) are tried with the current key, then the
 * previous ones.
 */
final class KeyRing {
    /** One key and its id. */
    record Key(String kid, SecretKey secret) {
        static Key of(byte[] bytes) {
            if (bytes.length != 32) {
                throw new IllegalArgumentException("a data key is 32 bytes");
            }
            return new Key(KeyRing.kid(bytes), new SecretKeySpec(bytes, "AES"));
        }

        @Override
        public String toString() {
            return kid;
        }
    }

    static final int KID_BYTES = 6;
    private static final byte[] MARK_V1 = {'C', 'A', 'L', 1};
    private static final byte[] MARK_V2 = {'C', 'A', 'L', 2};
    private static final int MARK = 4;
    private static final int IV = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Key current;
    private final List<Key> previous;

    /** @param current the key that seals, or {@code null} when none is set (values can still be opened with the previous ones) */
    KeyRing(Key current, List<Key> previous) {
        this.current = current;
        List<Key> others = new ArrayList<>();
        for (Key k : previous) {
            if ((current == null || !current.kid().equals(k.kid())) && others.stream().noneMatch(o -> o.kid().equals(k.kid()))) {
                others.add(k);
            }
        }
        this.previous = List.copyOf(others);
    }

    static String kid(byte[] key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, KID_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<String> currentKid() {
        return Optional.ofNullable(current).map(Key::kid);
    }

    List<String> previousKids() {
        return previous.stream().map(Key::kid).toList();
    }

    String seal(String plain) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(sealing().kid()).build(),
                    new Payload(plain));
            jwe.encrypt(new DirectEncrypter(sealing().secret()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    String open(String sealed) {
        Optional<String> kid = kidOf(sealed);
        if (kid.isPresent()) {
            Key k = held(kid.get()).orElseThrow(() -> new IllegalStateException(missing(kid.get())));
            return openWith(sealed, k).orElseThrow(() -> new IllegalStateException(damaged(kid.get())));
        }
        for (Key k : all()) {
            Optional<String> plain = openWith(sealed, k);
            if (plain.isPresent()) {
                return plain.get();
            }
        }
        throw new IllegalStateException(noneOpens());
    }

    /** The key id in a sealed text's header (its beginning suffices); empty for a value sealed before key ids. */
    static Optional<String> kidOf(String sealed) {
        int dot = sealed.indexOf('.');
        try {
            if (dot < 0) {
                throw new ParseException("no header", 0);
            }
            // The header alone: enough of a value's beginning to tell its key.
            return Optional.ofNullable(JWEHeader.parse(new Base64URL(sealed.substring(0, dot))).getKeyID());
        } catch (ParseException e) {
            throw new IllegalStateException("A stored value is not sealed text: it cannot be parsed.");
        }
    }

    /** The id of the held key that opens a sealed text (its own key id when it names one this ring holds). */
    Optional<String> opener(String sealed) {
        Optional<String> kid = kidOf(sealed);
        if (kid.isPresent()) {
            return held(kid.get()).map(Key::kid);
        }
        return all().stream().filter(k -> openWith(sealed, k).isPresent()).map(Key::kid).findFirst();
    }

    private static Optional<String> openWith(String sealed, Key k) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(k.secret()));
            return Optional.of(jwe.getPayload().toString());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    byte[] sealBytes(byte[] plain) {
        try {
            Key k = sealing();
            byte[] iv = new byte[IV];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k.secret(), new GCMParameterSpec(128, iv));
            byte[] kid = Base64.getUrlDecoder().decode(k.kid());
            byte[] out = new byte[MARK + KID_BYTES + IV + c.getOutputSize(plain.length)];
            System.arraycopy(MARK_V2, 0, out, 0, MARK);
            System.arraycopy(kid, 0, out, MARK, KID_BYTES);
            System.arraycopy(iv, 0, out, MARK + KID_BYTES, IV);
            c.doFinal(plain, 0, plain.length, out, MARK + KID_BYTES + IV);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    byte[] openBytes(byte[] stored) {
        Optional<String> kid = kidOf(stored);
        if (kid.isPresent()) {
            Key k = held(kid.get()).orElseThrow(() -> new IllegalStateException(missing(kid.get())));
            return openWith(stored, k, MARK + KID_BYTES).orElseThrow(() -> new IllegalStateException(damaged(kid.get())));
        }
        for (Key k : all()) {
            Optional<byte[]> plain = openWith(stored, k, MARK);
            if (plain.isPresent()) {
                return plain.get();
            }
        }
        throw new IllegalStateException(noneOpens());
    }

    /** Whether stored bytes are sealed (either marker) rather than a file kept before a key was in use. */
    static boolean sealed(byte[] stored) {
        return version(stored) > 0;
    }

    /** The key id after a {@code CAL 2} marker; empty for {@code CAL 1}. Needs only the first 10 bytes. */
    static Optional<String> kidOf(byte[] stored) {
        if (stored.length < MARK + KID_BYTES || !Arrays.equals(stored, 0, MARK, MARK_V2, 0, MARK)) {
            return Optional.empty();
        }
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(stored, MARK, MARK + KID_BYTES)));
    }

    Optional<String> opener(byte[] stored) {
        Optional<String> kid = kidOf(stored);
        if (kid.isPresent()) {
            return held(kid.get()).map(Key::kid);
        }
        return all().stream().filter(k -> openWith(stored, k, MARK).isPresent()).map(Key::kid).findFirst();
    }

    private static int version(byte[] stored) {
        if (stored.length > MARK + IV && Arrays.equals(stored, 0, MARK, MARK_V1, 0, MARK)) {
            return 1;
        }
        return stored.length > MARK + KID_BYTES + IV && Arrays.equals(stored, 0, MARK, MARK_V2, 0, MARK) ? 2 : 0;
    }

    private static Optional<byte[]> openWith(byte[] stored, Key k, int ivAt) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k.secret(), new GCMParameterSpec(128, stored, ivAt, IV));
            return Optional.of(c.doFinal(stored, ivAt + IV, stored.length - ivAt - IV));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private Key sealing() {
        if (current == null) {
            throw new IllegalStateException("Set CALIBRATE_DATA_KEY (32 random bytes, base64) before storing secrets.");
        }
        return current;
    }

    private List<Key> all() {
        List<Key> keys = new ArrayList<>();
        if (current != null) {
            keys.add(current);
        }
        keys.addAll(previous);
        return keys;
    }

    private Optional<Key> held(String kid) {
        return all().stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    private String heldKids() {
        List<Key> keys = all();
        return keys.isEmpty() ? "none" : String.join(", ", keys.stream().map(Key::kid).toList());
    }

    private String missing(String kid) {
        return "A stored value was sealed under data key " + kid + ", which this server does not hold (it holds " + heldKids()
                + "): set that key in CALIBRATE_DATA_KEY_PREVIOUS, or as CALIBRATE_DATA_KEY.";
    }

    private static String damaged(String kid) {
        return "A stored value sealed under data key " + kid + " does not open with that key: the value is damaged.";
    }

    private String noneOpens() {
        return "A stored value sealed before key ids opens with none of the data keys this server holds (" + heldKids()
                + "): set the key it was sealed with in CALIBRATE_DATA_KEY_PREVIOUS.";
    }
}
