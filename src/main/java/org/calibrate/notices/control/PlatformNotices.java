package org.calibrate.notices.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.launch.control.LaunchRejected;
import org.calibrate.launch.control.Launches;
import org.calibrate.launch.control.PlatformKeySets;
import org.calibrate.notices.entity.AssetNotice;
import org.calibrate.notices.entity.PlatformNotice;
import org.calibrate.notices.entity.SubmissionNotice;
import org.calibrate.session.control.AppSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * Receives the notices a platform posts to the handler: each checked on its own, submission notices kept
 * (sealed) for a moderator to import, every other notice type acknowledged and dropped. A notice sent again
 * (same platform, same notice id) is acknowledged and not kept twice.
 */
@ApplicationScoped
public class PlatformNotices {
    /** More than a platform batches (Canvas: 100 at most); a bound on the loop over one request. */
    public static final int MAX_BATCH = 200;
    private static final Logger LOG = Logger.getLogger(PlatformNotices.class.getName());

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Launches launches;
    @Inject
    PlatformKeySets keySets;
    @Inject
    AppSecrets secrets;
    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    /** What became of one notice of a batch: accepted (kept, or acknowledged), or refused with a code and the reason. */
    public record Outcome(int index, boolean accepted, String code, String message) {
    }

    /** The batch was not the notice container the Platform Notification Service defines. */
    public static class Malformed extends Exception {
        public Malformed(String message) {
            super(message);
        }
    }

    /** Platform Notification Service §3.3: the body is {@code {"notices": [{"jwt": "..."}]}}. */
    @Transactional
    public List<Outcome> receive(String body) throws Malformed {
        JsonArray notices;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue root = reader.readValue();
            if (!(root instanceof JsonObject o) || !(o.get("notices") instanceof JsonArray a)) {
                throw new Malformed("The body must be a JSON object with a notices array.");
            }
            notices = a;
        } catch (JsonException | IllegalStateException e) {
            throw new Malformed("The body is not JSON.");
        }
        if (notices.size() > MAX_BATCH) {
            throw new Malformed("A batch holds at most " + MAX_BATCH + " notices; this one has " + notices.size() + ".");
        }
        NoticeValidator validator = new NoticeValidator(clock, launches.directory(), keySets);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < notices.size(); i++) {
            JsonValue n = notices.get(i);
            String jwt = n instanceof JsonObject o && o.get("jwt") instanceof jakarta.json.JsonString s ? s.getString() : null;
            try {
                PlatformNotice notice = validator.validate(jwt);
                notice.submission().ifPresent(s -> keep(notice, s));
                outcomes.add(new Outcome(i, true, notice.type(), null));
            } catch (LaunchRejected r) {
                LOG.info(() -> "A platform notice was refused: " + r.code());
                outcomes.add(new Outcome(i, false, r.code(), r.getMessage()));
            }
        }
        return outcomes;
    }

    private void keep(PlatformNotice notice, SubmissionNotice s) {
        long platform = notice.platform().id();
        boolean known = !em.createQuery("select n.id from AssetNotice n where n.platformId = :p and n.noticeId = :n", String.class)
                .setParameter("p", platform).setParameter("n", notice.id()).setMaxResults(1).getResultList().isEmpty();
        if (known) {
            return;
        }
        AssetNotice kept = new AssetNotice(platform, notice.id(), notice.deployment().value(), s.contextId(), s.activityId(), s.activityTitle(),
                submissionKey(platform, s), NoticeBodies.write(s), notice.timestamp(), clock.instant());
        em.persist(kept);
        audit.record("platform:" + platform, "notice.received", "platform:" + platform + " activity:" + s.activityId(),
                "submission notice " + notice.id() + ", " + s.assets().size() + " file(s)");
    }

    /**
     * One student's submissions to one activity share this key; it cannot be turned back into the student's id
     * without the server's secret, so it can stand in the clear where imports look for it.
     */
    String submissionKey(long platform, SubmissionNotice s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret("asset-notice-key"), "HmacSHA256"));
            byte[] h = mac.doFinal(String.join("\n", Long.toString(platform), s.contextId(), s.activityId(), s.userId())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 24);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
