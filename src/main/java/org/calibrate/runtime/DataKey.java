package org.calibrate.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.calibrate.session.control.AppSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Seals what identifies a student, and LMS tokens, at rest under the data key from configuration
 * ({@code CALIBRATE_DATA_KEY}: 32 random bytes, base64); keys listed in {@code CALIBRATE_DATA_KEY_PREVIOUS} still open
 * what they sealed until it is re-sealed (see {@link KeyRing}). On the embedded database (demo and evaluation) without a
 * configured key, a key kept in the database stands in, and stays readable once a key is configured; on PostgreSQL
 * nothing is stored encrypted until the key is configured.
 */
@ApplicationScoped
public class DataKey {
    private static final String FALLBACK = "data-key";

    private Optional<String> configured;
    private List<String> previous;
    private Settings settings;
    private AppSecrets secrets;
    private volatile KeyRing ring;
    /** The one instance, for the JPA converters, which the persistence provider creates itself. */
    private static volatile DataKey active;

    protected DataKey() {
    }

    @Inject
    public DataKey(@ConfigProperty(name = "calibrate.data.key") Optional<String> configured,
                   @ConfigProperty(name = "calibrate.data.key.previous") Optional<String> previous, Settings settings, AppSecrets secrets) {
        this.configured = configured.map(String::strip).filter(k -> !k.isEmpty());
        this.previous = previous.stream().flatMap(p -> java.util.Arrays.stream(p.split(","))).map(String::strip).filter(k -> !k.isEmpty()).toList();
        this.settings = settings;
        this.secrets = secrets;
    }

    /** Loads the keys at start-up (outside any request's transaction) and makes them the converters' keys. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        KeyRing r = ring();
        Logger log = Logger.getLogger(DataKey.class.getName());
        if (!available()) {
            log.warning("CALIBRATE_DATA_KEY is not set: students' identity links and"
                    + " files are stored unencrypted, and no LMS token can be stored. Set it (32 random bytes, base64) before real use.");
        } else {
            log.info(() -> "Data key " + r.currentKid().orElseThrow() + " seals; previous keys that still open: "
                    + (r.previousKids().isEmpty() ? "none" : String.join(", ", r.previousKids())) + ".");
        }
        active = this;
    }

    static DataKey active() {
        DataKey k = active;
        // A converter at work before start-up finished (a restarted node's import timer fires early): the bean itself.
        return k != null ? k : jakarta.enterprise.inject.spi.CDI.current().select(DataKey.class).get();
    }

    /** Whether secrets can be stored: a key is configured, or the database is the embedded one. */
    public boolean available() {
        return configured.isPresent() || settings.embeddedDatabase();
    }

    /** The id of the key that seals, when there is one. */
    public Optional<String> currentKid() {
        return available() ? ring().currentKid() : Optional.empty();
    }

    /** The ids of the keys that only open. */
    public List<String> previousKids() {
        return ring().previousKids();
    }

    public String seal(String plain) {
        return ring().seal(plain);
    }

    public String open(String sealed) {
        return ring().open(sealed);
    }

    /** The key id a sealed text names (its first 100 characters suffice); empty for one sealed before key ids. Throws when it is not sealed text. */
    public static Optional<String> kidOf(String sealed) {
        return KeyRing.kidOf(sealed);
    }

    /** The id of the held key that opens a sealed text, if any. */
    public Optional<String> opener(String sealed) {
        return ring().opener(sealed);
    }

    public byte[] sealBytes(byte[] plain) {
        return ring().sealBytes(plain);
    }

    public byte[] openBytes(byte[] stored) {
        return ring().openBytes(stored);
    }

    /** Whether stored bytes are sealed rather than a file kept before a key was in use. */
    public static boolean sealedBytes(byte[] stored) {
        return KeyRing.sealed(stored);
    }

    /** The key id sealed bytes name (the first 10 bytes suffice); empty for bytes sealed before key ids. */
    public static Optional<String> kidOf(byte[] stored) {
        return KeyRing.kidOf(stored);
    }

    /** The id of the held key that opens sealed bytes, if any. */
    public Optional<String> opener(byte[] stored) {
        return ring().opener(stored);
    }

    private KeyRing ring() {
        KeyRing r = ring;
        if (r == null) {
            List<KeyRing.Key> older = new ArrayList<>();
            for (int i = 0; i < previous.size(); i++) {
                older.add(KeyRing.Key.of(decode(previous.get(i), "CALIBRATE_DATA_KEY_PREVIOUS (entry " + (i + 1) + ")")));
            }
            KeyRing.Key current = null;
            if (configured.isPresent()) {
                current = KeyRing.Key.of(decode(configured.get(), "CALIBRATE_DATA_KEY"));
                // What the stand-in key sealed before a key was configured stays readable (and can be re-sealed).
                if (settings.embeddedDatabase()) {
                    secrets.existing(FALLBACK).map(KeyRing.Key::of).ifPresent(older::add);
                }
            } else if (settings.embeddedDatabase()) {
                current = KeyRing.Key.of(secrets.secret(FALLBACK));
            }
            r = new KeyRing(current, older);
            ring = r;
        }
        return r;
    }

    /** A configured key as bytes; the messages name the setting, never the value. */
    private static byte[] decode(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64.");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (base64 of `openssl rand 32`).");
        }
        return bytes;
    }
}
