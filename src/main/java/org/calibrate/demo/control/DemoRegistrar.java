package org.calibrate.demo.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.demo.entity.DemoActivity;
import org.calibrate.demo.entity.DemoLineItem;
import org.calibrate.demo.entity.DemoRegistration;
import org.calibrate.runtime.Caches;
import org.calibrate.runtime.RandomTokens;
import org.calibrate.runtime.Settings;

import javax.cache.Cache;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The demo LMS's side of Dynamic Registration 1.0 (configuration, registration endpoint, Moodle's
 * checks) and of Deep Linking 2.0 (checking the tool's response and creating the activity).
 */
@ApplicationScoped
public class DemoRegistrar {
    /** Re-registering the tool updates this one registration, as Moodle's reg-update does. */
    public static final String REGISTERED_CLIENT_ID = "calibrate-demo-registered";
    public static final String REGISTERED_DEPLOYMENT_ID = "demo-deployment-2";
    /** As in Moodle: a registration link works for an hour. */
    static final Duration REGISTRATION_TOKEN_LIFETIME = Duration.ofHours(1);

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Settings settings;
    @Inject
    Caches caches;
    @Inject
    DemoPlatform platform;
    @Inject
    DemoServices services;

    private final Clock clock = Clock.systemUTC();
    private Cache<String, String> registrationTokens;

    /** Creates the bean, and so its caches, at start-up: never inside a request (see {@link Caches#expiring}). */
    void atStartup(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object start) {
    }

    @PostConstruct
    void init() {
        registrationTokens = caches.expiring("demo-registration-tokens", REGISTRATION_TOKEN_LIFETIME);
    }

    /** The URL the LMS opens in its registration frame: the tool's registration URL with our configuration and a token. */
    public String startRegistration() {
        String token = RandomTokens.urlSafe(32);
        registrationTokens.put(token, "reg");
        return settings.publicUrl() + "/lti/register?openid_configuration="
                + URLEncoder.encode(configurationUrl(), StandardCharsets.UTF_8)
                + "&registration_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String configurationUrl() {
        return settings.publicUrl() + "/demo/api/lms/openid-configuration";
    }

    private void requireToken(String authorization, boolean spend) throws DemoServices.Refusal {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        boolean valid = token != null && (spend ? registrationTokens.getAndRemove(token) != null : registrationTokens.containsKey(token));
        if (!valid) {
            throw new DemoServices.Refusal(401, "the registration token is unknown, expired or used");
        }
    }

    /** Dynamic Registration §3.4: the platform's OpenID configuration, as Moodle's openid-configuration.php serves it. */
    public JsonObject configuration(String authorization) throws DemoServices.Refusal {
        requireToken(authorization, false);
        String base = settings.publicUrl() + "/demo/api";
        var scopes = Json.createArrayBuilder().add("openid");
        DemoServices.ALL_SCOPES.stream().sorted().forEach(scopes::add);
        return Json.createObjectBuilder()
                .add("issuer", platform.issuer())
                .add("token_endpoint", services.tokenUrl())
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("private_key_jwt"))
                .add("token_endpoint_auth_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("jwks_uri", base + "/jwks")
                .add("authorization_endpoint", base + "/auth")
                .add("registration_endpoint", base + "/lms/registrations/endpoint")
                .add("scopes_supported", scopes)
                .add("response_types_supported", Json.createArrayBuilder().add("id_token"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public").add("pairwise"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("claims_supported", Json.createArrayBuilder().add("sub").add("iss").add("name").add("given_name")
                        .add("family_name").add("email"))
                .add("https://purl.imsglobal.org/spec/lti-platform-configuration", Json.createObjectBuilder()
                        .add("product_family_code", "calibrate-demo").add("version", "1.0")
                        .add("messages_supported", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest"))
                                .add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest"))))
                .build();
    }

    /** Dynamic Registration §3.5-3.6 with Moodle's checks; the token is spent by a successful registration. */
    @Transactional
    public JsonObject register(String authorization, String body) throws DemoServices.Refusal {
        requireToken(authorization, false);
        JsonObject in = DemoServices.object(body);
        JsonObject tool = in.get("https://purl.imsglobal.org/spec/lti-tool-configuration") instanceof JsonObject o ? o : null;
        if (tool == null || !strings(in, "response_types").contains("id_token") || text(in, "initiate_login_uri").isEmpty()
                || strings(in, "redirect_uris").isEmpty() || text(in, "jwks_uri").isEmpty() || text(in, "client_name").isEmpty()
                || !"private_key_jwt".equals(text(in, "token_endpoint_auth_method").orElse(""))) {
            throw new DemoServices.Refusal(400, "invalid_client_metadata");
        }
        String target = text(tool, "target_link_uri").orElse("");
        URI targetUri = URI.create(target);
        String host = targetUri.getPort() == -1 ? targetUri.getHost() : targetUri.getHost() + ":" + targetUri.getPort();
        if (!host.equals(text(tool, "domain").orElse(""))) {
            throw new DemoServices.Refusal(400, "the domain must be the host of target_link_uri");
        }
        requireToken(authorization, true);
        Set<String> asked = Set.of(text(in, "scope").orElse("").split(" "));
        String granted = String.join(" ", DemoServices.ALL_SCOPES.stream().filter(asked::contains).sorted().toList());
        DemoRegistration registration = Optional.ofNullable(em.find(DemoRegistration.class, REGISTERED_CLIENT_ID))
                .orElseGet(() -> {
                    DemoRegistration r = new DemoRegistration(REGISTERED_CLIENT_ID, REGISTERED_DEPLOYMENT_ID, clock.instant());
                    em.persist(r);
                    return r;
                });
        registration.update(text(in, "client_name").get(), granted, clock.instant());
        var reply = Json.createObjectBuilder(in).add("client_id", REGISTERED_CLIENT_ID).add("scope", granted)
                .add("https://purl.imsglobal.org/spec/lti-tool-configuration", Json.createObjectBuilder(tool)
                        .add("deployment_id", REGISTERED_DEPLOYMENT_ID));
        return reply.build();
    }

    public List<DemoRegistration> registrations() {
        return em.createQuery("select r from DemoRegistration r order by r.updatedAt desc", DemoRegistration.class).getResultList();
    }

    /**
     * Deep Linking 2.0 §4.5, as the platform checks it: signed by the tool, issued by the client the
     * request went to, for this platform, echoing the request's data; then each resource link becomes
     * an activity, with its gradebook column when it asks for one.
     *
     * @return the titles of the activities added (empty: the teacher cancelled)
     */
    @Transactional
    public List<String> deepLinkingReturn(String jwt) throws DemoServices.Refusal {
        JWTClaimsSet claims = services.verifiedToolJwt(jwt, platform.issuer());
        try {
            String data = claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data");
            String client = platform.deepLinkingClient(data).orElseThrow(() -> new DemoServices.Refusal(400, "data does not match a deep linking request"));
            if (!client.equals(claims.getIssuer()) || !"LtiDeepLinkingResponse".equals(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))) {
                throw new DemoServices.Refusal(400, "not a deep linking response from the tool the request went to");
            }
            List<String> added = new ArrayList<>();
            List<Object> items = claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
            for (Object o : items == null ? List.of() : items) {
                if (o instanceof Map<?, ?> item && "ltiResourceLink".equals(item.get("type"))) {
                    added.add(activity(client, item));
                }
            }
            return added;
        } catch (ParseException e) {
            throw new DemoServices.Refusal(400, "malformed deep linking response");
        }
    }

    private String activity(String client, Map<?, ?> item) throws DemoServices.Refusal {
        String url = item.get("url") instanceof String u ? u : settings.publicUrl() + "/lti/launch";
        if (!url.startsWith(settings.publicUrl() + "/")) {
            throw new DemoServices.Refusal(400, "the item's url is not on the tool's domain");
        }
        String title = item.get("title") instanceof String t && !t.isBlank() ? t : "Calibrate";
        String linkId = "demo-link-" + UUID.randomUUID().toString().substring(0, 8);
        var custom = Json.createObjectBuilder();
        if (item.get("custom") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> custom.add(String.valueOf(k), String.valueOf(v)));
        }
        em.persist(new DemoActivity(linkId, client, title, url, custom.build().toString(), clock.instant()));
        if (item.get("lineItem") instanceof Map<?, ?> li) {
            double max = li.get("scoreMaximum") instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : 100;
            String label = li.get("label") instanceof String l && !l.isBlank() ? l : title;
            em.persist(new DemoLineItem(UUID.randomUUID().toString(), Optional.of(linkId), label, max,
                    Optional.ofNullable(li.get("tag") instanceof String t ? t : null),
                    Optional.ofNullable(li.get("resourceId") instanceof String r ? r : null), clock.instant()));
        }
        return title;
    }

    public List<DemoActivity> activities() {
        return em.createQuery("select a from DemoActivity a order by a.createdAt", DemoActivity.class).getResultList();
    }

    private static Optional<String> text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.get(name) instanceof JsonArray a ? a.stream().filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString()).toList() : List.of();
    }
}
