package org.calibrate.demo.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.demo.entity.DemoActivity;
import org.calibrate.demo.entity.DemoCourse;
import org.calibrate.demo.entity.DemoRegistration;
import org.calibrate.demo.entity.DemoKey;
import org.calibrate.runtime.Caches;
import org.calibrate.runtime.RandomTokens;
import org.calibrate.runtime.Settings;

import javax.cache.Cache;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform side of the demo LMS, behaving as Moodle does: login initiation with
 * {@code lti_message_hint} carrying a one-time launch id, an id_token that lives 60 s with a plain
 * string {@code aud}, short context types, Instructor/Learner/Administrator roles.
 */
@ApplicationScoped
public class DemoPlatform {
    public static final String CLIENT_ID = "calibrate-demo";
    public static final String DEPLOYMENT_ID = "demo-deployment-1";
    static final Duration HINT_LIFETIME = Duration.ofMinutes(5);
    private static final String ROLES = "http://purl.imsglobal.org/vocab/lis/v2/";

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Settings settings;
    @Inject
    Caches caches;
    @Inject
    DemoServices services;

    private final Clock clock = Clock.systemUTC();
    private DemoCourse course;
    private Cache<String, String> messageHints;

    @PostConstruct
    void init() {
        try (InputStream in = DemoPlatform.class.getResourceAsStream("/demo/course.json")) {
            course = JsonbBuilder.create().fromJson(in, DemoCourse.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("demo/course.json is missing or malformed", e);
        }
        messageHints = caches.expiring("demo-message-hints", HINT_LIFETIME);
    }

    @Transactional
    void ensureKey(@Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object start) {
        if (settings.demoEnabled() && em.createQuery("select k from DemoKey k", DemoKey.class).getResultList().isEmpty()) {
            em.persist(new DemoKey(clock.instant()));
        }
    }

    public DemoCourse course() {
        return course;
    }

    public String issuer() {
        return settings.publicUrl() + "/demo";
    }

    public JWKSet publicKeys() {
        return new JWKSet(keys().stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.publicKey()).toList());
    }

    private List<DemoKey> keys() {
        return em.createQuery("select k from DemoKey k order by k.createdAt desc", DemoKey.class).getResultList();
    }

    /** The tool registration the demo LMS launches with: the latest dynamic registration, else the built-in one. */
    public Client activeClient() {
        return em.createQuery("select r from DemoRegistration r order by r.updatedAt desc", DemoRegistration.class)
                .setMaxResults(1).getResultStream().findFirst()
                .map(r -> new Client(r.clientId(), r.deploymentId())).orElse(new Client(CLIENT_ID, DEPLOYMENT_ID));
    }

    /** A client id and its deployment in the demo LMS. */
    public record Client(String clientId, String deploymentId) {
    }

    Optional<Client> client(String clientId) {
        if (CLIENT_ID.equals(clientId)) {
            return Optional.of(new Client(CLIENT_ID, DEPLOYMENT_ID));
        }
        return Optional.ofNullable(clientId == null ? null : em.find(DemoRegistration.class, clientId))
                .map(r -> new Client(r.clientId(), r.deploymentId()));
    }

    /** What a login is for: opening an activity (the built-in one when empty) or adding one by deep linking. */
    public record Message(boolean deepLinking, Optional<String> activity) {
        public static final Message BUILT_IN = new Message(false, Optional.empty());
    }

    /** The form fields of a Moodle-style third-party initiated login for this person. */
    public Map<String, String> loginInitiation(DemoCourse.Person person) {
        return loginInitiation(person, Message.BUILT_IN);
    }

    public Map<String, String> loginInitiation(DemoCourse.Person person, Message message) {
        String launchId = RandomTokens.urlSafe(16);
        messageHints.put(launchId, person.id() + " " + (message.deepLinking() ? "deep-linking" : "launch") + " " + message.activity().orElse("-"));
        Client client = activeClient();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("iss", issuer());
        form.put("target_link_uri", settings.publicUrl() + "/lti/launch");
        form.put("login_hint", person.id());
        // Moodle sends JSON here; the tool must hand it back byte-identical.
        form.put("lti_message_hint", "{\"launchid\":\"" + launchId + "\"}");
        form.put("client_id", client.clientId());
        form.put("lti_deployment_id", client.deploymentId());
        return form;
    }

    /** Why an authentication request is refused, as a platform would say it. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Answers an OIDC authentication request (Security Framework §5.1.1.2) with a signed id_token,
     * after the checks Moodle's auth.php makes.
     */
    public String authenticate(Map<String, String> request) throws Refused {
        require(request, "scope", "openid");
        require(request, "response_type", "id_token");
        require(request, "response_mode", "form_post");
        Client client = client(request.get("client_id")).orElseThrow(() -> new Refused("client_id is not a tool registered in this LMS"));
        require(request, "redirect_uri", settings.publicUrl() + "/lti/launch");
        String prompt = request.get("prompt");
        if (prompt != null && !prompt.equals("none")) {
            throw new Refused("prompt must be none");
        }
        String nonce = request.get("nonce");
        if (nonce == null || nonce.isBlank()) {
            throw new Refused("nonce is required");
        }
        String hint = request.get("lti_message_hint");
        String launchId = hint == null ? null : hint.replaceAll("^\\{\"launchid\":\"([A-Za-z0-9_-]+)\"}$", "$1");
        String stored = launchId == null || launchId.equals(hint) ? null : messageHints.getAndRemove(launchId);
        String[] parts = stored == null ? new String[0] : stored.split(" ");
        if (parts.length != 3 || !parts[0].equals(request.get("login_hint"))) {
            throw new Refused("lti_message_hint is unknown, used or does not belong to login_hint");
        }
        DemoCourse.Person person = course.person(parts[0]).orElseThrow(() -> new Refused("unknown user"));
        JWTClaimsSet.Builder claims = idToken(person, nonce, client);
        if (parts[1].equals("deep-linking")) {
            deepLinking(claims, client);
        } else {
            resourceLink(claims, parts[2].equals("-") ? Optional.empty() : Optional.of(parts[2]));
        }
        return sign(claims.build());
    }

    /** The claims of a launch of an activity: its resource link, and the gradebook column it has (AGS 2.0 §3.1). */
    private void resourceLink(JWTClaimsSet.Builder claims, Optional<String> activityId) throws Refused {
        String linkId = course.resource_link().id();
        String title = course.resource_link().title();
        Map<String, String> custom = Map.of();
        if (activityId.isPresent()) {
            DemoActivity activity = Optional.ofNullable(em.find(DemoActivity.class, activityId.get()))
                    .orElseThrow(() -> new Refused("no such activity"));
            linkId = activity.resourceLinkId();
            title = activity.title();
            custom = services.custom(activity);
        }
        claims.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", linkId, "title", title))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", custom);
        Map<String, Object> ags = new LinkedHashMap<>(services.agsClaim());
        services.lineItemFor(linkId).ifPresent(li -> ags.put("lineitem", services.lineItemUrl(li)));
        claims.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags);
    }

    /** Deep Linking 2.0 §4.4: Moodle-style settings (no accept_lineitem flag, data kept to check the reply). */
    private void deepLinking(JWTClaimsSet.Builder claims, Client client) {
        String data = RandomTokens.urlSafe(16);
        messageHints.put("dl-" + data, client.clientId());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("deep_link_return_url", this.settings.publicUrl() + "/demo/api/lms/deep-linking/return");
        settings.put("accept_types", List.of("ltiResourceLink"));
        settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
        settings.put("accept_multiple", false);
        settings.put("auto_create", true);
        settings.put("title", "Moderation round");
        settings.put("data", data);
        claims.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
                .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", settings)
                .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", services.agsClaim());
    }

    /** The client a deep linking request's data was issued to, once. */
    public Optional<String> deepLinkingClient(String data) {
        return Optional.ofNullable(data == null || data.length() > 64 ? null : messageHints.getAndRemove("dl-" + data));
    }

    private static void require(Map<String, String> request, String name, String expected) throws Refused {
        if (!expected.equals(request.get(name))) {
            throw new Refused(name + " must be " + expected);
        }
    }

    private JWTClaimsSet.Builder idToken(DemoCourse.Person person, String nonce, Client client) {
        Instant now = clock.instant();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("id", course.course().id());
        context.put("label", course.course().label());
        context.put("title", course.course().title());
        context.put("type", List.of("CourseSection"));
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(client.clientId())
                .subject(person.id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim("name", person.name())
                .claim("given_name", person.given_name())
                .claim("family_name", person.family_name())
                .claim("email", person.email())
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", client.deploymentId())
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", settings.publicUrl() + "/lti/launch")
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", roles(person))
                .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                        Map.of("context_memberships_url", services.membershipsUrl(), "service_versions", List.of("1.0", "2.0")))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", context)
                .claim("https://purl.imsglobal.org/spec/lti/claim/platformnotificationservice", Map.of(
                        "platform_notification_service_url", services.noticeHandlersUrl(client.deploymentId()), "service_versions", List.of("1.0"),
                        "scope", List.of(DemoServices.NOTICE_HANDLERS), "notice_types_supported", List.of(DemoNotices.SUBMISSION_NOTICE)))
                .claim("https://purl.imsglobal.org/spec/lti/claim/tool_platform",
                        Map.of("guid", "calibrate-demo-lms", "name", "Demo LMS", "product_family_code", "calibrate-demo"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("document_target", "iframe", "locale", "en"));
    }

    static List<String> roles(DemoCourse.Person person) {
        return switch (person.role()) {
            case "teacher", "department_head" -> List.of(ROLES + "membership#Instructor");
            case "admin" -> List.of(ROLES + "institution/person#Administrator", ROLES + "membership#Instructor",
                    ROLES + "system/person#Administrator");
            default -> List.of(ROLES + "membership#Learner");
        };
    }

    String sign(JWTClaimsSet claims) {
        RSAKey key = keys().stream().findFirst().orElseThrow(() -> new IllegalStateException("demo key missing")).signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign demo id_token", e);
        }
        return jwt.serialize();
    }

    public Optional<DemoCourse.Person> person(String id) {
        return id == null ? Optional.empty() : course.person(id);
    }
}
