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

    protected DataKey() {
    }

    @Inject
    public DataKey(@ConfigProperty(name = "calibrate.data.key") Optional<String> configured, Settings settings, AppSecrets secrets) {
        this.configured = configured.map(String::strip).filter(k -> !k.isEmpty());
        this.settings = settings;
        this.secrets = secrets;
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
