package org.calibrate.runtime;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.session.control.AppSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts secrets kept at rest (an LMS's web-service token) as compact JWE (direct AES-256-GCM) under the data
 * key from configuration ({@code CALIBRATE_DATA_KEY}: 32 random bytes, base64). On the embedded database
 * (demo and evaluation) without one, a key kept in the database stands in; on PostgreSQL nothing is stored
 * encrypted until the key is configured.
 */
@ApplicationScoped
public class DataKey {
    private Optional<String> configured;
    private Settings settings;
    private AppSecrets secrets;
    private volatile SecretKey key;
    /** The one instance, for the JPA converters, which the persistence provider creates itself. */
    private static volatile DataKey active;

    protected DataKey() {
    }

    @Inject
    public DataKey(@ConfigProperty(name = "calibrate.data.key") Optional<String> configured, Settings settings, AppSecrets secrets) {
        this.configured = configured.map(String::strip).filter(k -> !k.isEmpty());
        this.settings = settings;
        this.secrets = secrets;
    }

    /** Loads the key at start-up (outside any request's transaction) and makes it the converters' key. */
    void start(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object init) {
        if (available()) {
            key();
        } else {
            java.util.logging.Logger.getLogger(DataKey.class.getName()).warning("CALIBRATE_DATA_KEY is not set: students' identity links and"
                    + " files are stored unencrypted, and no LMS token can be stored. Set it (32 random bytes, base64) before real use.");
        }
        active = this;
    }

    static DataKey active() {
        DataKey k = active;
        if (k == null) {
            throw new IllegalStateException("the data key is read before the application started");
        }
        return k;
    }

    /** Whether secrets can be stored: a key is configured, or the database is the embedded one. */
    public boolean available() {
        return configured.isPresent() || settings.embeddedDatabase();
    }

    public String seal(String plain) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(plain));
            jwe.encrypt(new DirectEncrypter(key()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(key()));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted with the data key: was CALIBRATE_DATA_KEY changed? Set the secret again.", e);
        }
    }

    /** AES-256-GCM over bytes: a marker, a random 96-bit IV, then the cipher text with its tag. */
    byte[] sealBytes(byte[] plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, key(), new javax.crypto.spec.GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain);
            byte[] out = new byte[BYTES_MARK.length + iv.length + sealed.length];
            System.arraycopy(BYTES_MARK, 0, out, 0, BYTES_MARK.length);
            System.arraycopy(iv, 0, out, BYTES_MARK.length, iv.length);
            System.arraycopy(sealed, 0, out, BYTES_MARK.length + iv.length, sealed.length);
            return out;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    byte[] openBytes(byte[] stored) {
        try {
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(javax.crypto.Cipher.DECRYPT_MODE, key(), new javax.crypto.spec.GCMParameterSpec(128, stored, BYTES_MARK.length, 12));
            return c.doFinal(stored, BYTES_MARK.length + 12, stored.length - BYTES_MARK.length - 12);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("A stored file cannot be decrypted with the data key: was CALIBRATE_DATA_KEY changed?", e);
        }
    }

    static boolean sealedBytes(byte[] stored) {
        return stored.length > BYTES_MARK.length + 12 && java.util.Arrays.equals(stored, 0, BYTES_MARK.length, BYTES_MARK, 0, BYTES_MARK.length);
    }

    private static final byte[] BYTES_MARK = {'C', 'A', 'L', 1};
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            byte[] bytes;
            if (configured.isPresent()) {
                try {
                    bytes = Base64.getDecoder().decode(configured.get());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("CALIBRATE_DATA_KEY is not base64.");
                }
                if (bytes.length != 32) {
                    throw new IllegalStateException("CALIBRATE_DATA_KEY must be 32 bytes (base64 of `openssl rand 32`).");
                }
            } else if (settings.embeddedDatabase()) {
                bytes = secrets.secret("data-key");
            } else {
                throw new IllegalStateException("Set CALIBRATE_DATA_KEY (32 random bytes, base64) before storing secrets.");
            }
            k = new SecretKeySpec(bytes, "AES");
            key = k;
        }
        return k;
    }
}
