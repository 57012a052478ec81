package org.calibrate.demo.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.calibrate.demo.entity.DemoCourse;
import org.calibrate.runtime.Caches;
import org.calibrate.runtime.Settings;

import javax.cache.Cache;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The demo LMS as an Asset Processor platform, as Canvas is: a tool registers its notice handler with the
 * Platform Notification Service (a token of the noticehandlers scope), the LMS posts a signed
 * {@code LtiAssetProcessorSubmissionNotice} for each student's submission to it, and the tool fetches the
 * files from the Asset Service (a token of the asset.readonly scope). The demo's students have handed in
 * already, so registering a handler sends their notices at once.
 */
@ApplicationScoped
public class DemoNotices {
    public static final String SUBMISSION_NOTICE = "LtiAssetProcessorSubmissionNotice";
    private static final Logger LOG = Logger.getLogger(DemoNotices.class.getName());

    @Inject
    DemoPlatform platform;
    @Inject
    DemoServices services;
    @Inject
    Settings settings;
    @Inject
    Caches caches;
    @Resource
    ManagedExecutorService executor;

    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Deployment id → the tool's handler URL. */
    private Cache<String, String> handlers;

    /** Creates the bean, and so its cache, at start-up: never inside a request (see {@link Caches#expiring}). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
    }

    @PostConstruct
    void init() {
        handlers = caches.expiring("demo-notice-handlers", Duration.ofDays(30));
    }

    /** PUT on the notice service URL: {@code {notice_type, handler}}; an empty handler removes it. Answers the catalog. */
    public JsonObject register(String authorization, String deploymentId, String body) throws DemoServices.Refusal {
        DemoPlatform.Client client = client(authorization, deploymentId);
        JsonObject in;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            in = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new DemoServices.Refusal(400, "the body must be a JSON object with notice_type and handler");
        }
        if (!SUBMISSION_NOTICE.equals(in.getString("notice_type", null))) {
            throw new DemoServices.Refusal(400, "the demo LMS sends LtiAssetProcessorSubmissionNotice only");
        }
        String handler = in.getString("handler", "");
        if (handler.isEmpty()) {
            handlers.remove(deploymentId);
            return catalog(client);
        }
        // As Canvas does: the handler must be on the tool's own domain.
        URI url = URI.create(handler);
        URI tool = URI.create(settings.publicUrl().toString());
        if (!tool.getScheme().equals(url.getScheme()) || !tool.getAuthority().equals(url.getAuthority())) {
            throw new DemoServices.Refusal(400, "the handler must be on the tool's registered domain");
        }
        handlers.put(deploymentId, handler);
        // Signed here, in the request (the signing key is read from the database); only the post waits for another thread,
        // which carries no usable persistence context.
        String batch = batch(client);
        executor.submit(() -> deliver(handler, batch));
        return catalog(client);
    }

    public JsonObject catalog(String authorization, String deploymentId) throws DemoServices.Refusal {
        return catalog(client(authorization, deploymentId));
    }

    private DemoPlatform.Client client(String authorization, String deploymentId) throws DemoServices.Refusal {
        String clientId = services.authorise(authorization, DemoServices.NOTICE_HANDLERS);
        return platform.client(clientId).filter(c -> c.deploymentId().equals(deploymentId))
                .orElseThrow(() -> new DemoServices.Refusal(404, "no such deployment for this client"));
    }

    private JsonObject catalog(DemoPlatform.Client client) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        Optional.ofNullable(handlers.get(client.deploymentId()))
                .ifPresent(h -> list.add(Json.createObjectBuilder().add("handler", h).add("notice_type", SUBMISSION_NOTICE)));
        return Json.createObjectBuilder().add("client_id", client.clientId()).add("deployment_id", client.deploymentId())
                .add("notice_handlers", list).build();
    }

    /** The Asset Service: one submission's online text as the HTML file a student's browser sent. */
    public byte[] asset(String authorization, String assetId) throws DemoServices.Refusal {
        services.authorise(authorization, DemoServices.ASSET_READ);
        return platform.course().submissions().stream().filter(s -> assetId(s).equals(assetId)).findFirst().map(DemoNotices::file)
                .orElseThrow(() -> new DemoServices.Refusal(404, "no such asset"));
    }

    /** Every submission's notice, signed, as the Platform Notification Service's batch. */
    private String batch(DemoPlatform.Client client) {
        JsonArrayBuilder notices = Json.createArrayBuilder();
        platform.course().submissions().forEach(s -> notices.add(Json.createObjectBuilder().add("jwt", notice(client, s))));
        return Json.createObjectBuilder().add("notices", notices).build().toString();
    }

    private void deliver(String handler, String body) {
        try {
            send(handler, body);
        } catch (RuntimeException e) {
            // A task's failure would otherwise stay in its Future, unseen.
            LOG.log(java.util.logging.Level.WARNING, "The demo LMS could not send its submission notices", e);
        }
    }

    private void send(String handler, String body) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(handler)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            LOG.info(() -> "The demo LMS sent " + platform.course().submissions().size() + " submission notices; the tool answered HTTP " + reply.statusCode());
        } catch (IOException e) {
            LOG.warning(() -> "The demo LMS could not send its submission notices: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String notice(DemoPlatform.Client client, DemoCourse.Submission s) {
        Instant now = clock.instant();
        DemoCourse course = platform.course();
        byte[] file = file(s);
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("asset_id", assetId(s));
        asset.put("url", services.assetUrl(assetId(s)));
        asset.put("title", "Online text");
        asset.put("filename", "onlinetext.html");
        asset.put("content_type", "text/html");
        asset.put("size", file.length);
        asset.put("sha256_checksum", sha256(file));
        asset.put("timestamp", s.submitted_at());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(platform.issuer()).audience(client.clientId()).claim("azp", client.clientId())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("nonce", UUID.randomUUID().toString())
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", client.deploymentId())
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                // The same submission notified again carries the same notice id.
                .claim("https://purl.imsglobal.org/spec/lti/claim/notice", Map.of("id", "demo-" + assetId(s), "timestamp", s.submitted_at(),
                        "type", SUBMISSION_NOTICE))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course.course().id(), "label", course.course().label(),
                        "title", course.course().title()))
                .claim("https://purl.imsglobal.org/spec/lti/claim/activity", Map.of("id", course.assignment().id(), "title", course.assignment().title()))
                .claim("https://purl.imsglobal.org/spec/lti/claim/for_user", Map.of("user_id", s.student_id()))
                .claim("https://purl.imsglobal.org/spec/lti/claim/submission", Map.of("id", "demo-submission-" + s.student_id(),
                        "attempt", s.attempt(), "submitted_at", s.submitted_at()))
                .claim("https://purl.imsglobal.org/spec/lti/claim/assetservice", Map.of("scope", List.of(DemoServices.ASSET_READ), "assets", List.of(asset)))
                .build();
        return platform.sign(claims);
    }

    private static String assetId(DemoCourse.Submission s) {
        return "demo-asset-" + s.student_id() + "-" + s.attempt();
    }

    private static byte[] file(DemoCourse.Submission s) {
        return ("<!DOCTYPE html><html><body>" + s.text_html() + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
