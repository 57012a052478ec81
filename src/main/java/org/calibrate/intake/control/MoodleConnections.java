package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.intake.entity.MoodleConnection;
import org.calibrate.intake.moodle.MoodleClient;
import org.calibrate.intake.moodle.MoodleLimits;
import org.calibrate.platform.entity.Platform;
import org.calibrate.runtime.DataKey;
import org.calibrate.session.boundary.ApiRefusal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Optional;

/**
 * The Moodle web-service access an admin sets per platform. The token is sealed with the data key before it
 * is stored and is never shown or logged again; the audit says who changed it and when.
 */
@ApplicationScoped
@Transactional
public class MoodleConnections {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    DataKey dataKey;
    @Inject
    AuditLog audit;
    @Inject
    IntakePolicy policy;

    private final HttpClient http = MoodleClient.httpClient();

    public Optional<MoodleConnection> of(long platformId) {
        return Optional.ofNullable(em.find(MoodleConnection.class, platformId));
    }

    public MoodleConnection set(long platformId, String siteUrl, String token, String actor) {
        if (em.find(Platform.class, platformId) == null) {
            throw ApiRefusal.notFound("No such platform.");
        }
        URI site = site(siteUrl);
        if (token == null || !token.strip().matches("[A-Za-z0-9]{16,128}")) {
            throw ApiRefusal.invalid("The token is the web-service token Moodle shows under Site administration → Server → Web services → Manage tokens (letters and digits).");
        }
        if (!dataKey.available()) {
            throw new ApiRefusal(409, "no_data_key", "Set CALIBRATE_DATA_KEY on the server first: tokens are stored encrypted with it.");
        }
        String sealed = dataKey.seal(token.strip());
        Instant now = Instant.now();
        MoodleConnection c = em.find(MoodleConnection.class, platformId);
        if (c == null) {
            c = new MoodleConnection(platformId, site.toString(), sealed, actor, now);
            em.persist(c);
        } else {
            c.set(site.toString(), sealed, actor, now);
        }
        audit.record(actor, "moodle.connection-set", "platform:" + platformId, "site " + site);
        return c;
    }

    public void remove(long platformId, String actor) {
        MoodleConnection c = em.find(MoodleConnection.class, platformId);
        if (c != null) {
            em.remove(c);
            audit.record(actor, "moodle.connection-removed", "platform:" + platformId, "site " + c.siteUrl());
        }
    }

    /** A client for the platform's Moodle, or a refusal that says an admin must set it up. */
    public MoodleClient client(long platformId) throws SourceFailure {
        MoodleConnection c = of(platformId).orElseThrow(() -> new SourceFailure(
                "No Moodle web service is set up for this platform; an admin sets it under Admin → Platforms.", false));
        String token;
        try {
            token = dataKey.open(c.sealedToken());
        } catch (IllegalStateException e) {
            throw new SourceFailure(e.getMessage(), false);
        }
        return new MoodleClient(http, URI.create(c.siteUrl()), token, MoodleLimits.DEFAULT.withMaxFileBytes(policy.maxFileBytes()));
    }

    static URI site(String siteUrl) {
        try {
            URI u = new URI(siteUrl == null ? "" : siteUrl.strip());
            boolean loopback = "127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost());
            // The token travels with every call: plain HTTP only to a Moodle on this machine.
            if (!("https".equals(u.getScheme()) || ("http".equals(u.getScheme()) && loopback)) || u.getHost() == null || u.getRawQuery() != null
                    || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                throw new URISyntaxException(siteUrl, "not a site URL");
            }
            String s = u.toString();
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (URISyntaxException e) {
            throw ApiRefusal.invalid("The Moodle site URL is the address of the site's front page, e.g. https://moodle.school.example (HTTPS; plain HTTP only on this machine).");
        }
    }
}
