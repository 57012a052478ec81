package org.calibrate.demo.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
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
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.demo.entity.DemoActivity;
import org.calibrate.demo.entity.DemoCourse;
import org.calibrate.demo.entity.DemoLineItem;
import org.calibrate.demo.entity.DemoRegistration;
import org.calibrate.demo.entity.DemoScore;
import org.calibrate.keys.control.ToolKeys;
import org.calibrate.runtime.Caches;
import org.calibrate.runtime.RandomTokens;
import org.calibrate.runtime.Settings;

import javax.cache.Cache;
import java.io.StringReader;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The demo LMS's LTI Advantage services, behaving as Moodle's do: a token endpoint that checks the
 * tool's client assertion with no leeway and answers JSON labelled text/html, NRPS with short role
 * names that pages only when asked, AGS line items under {@code ?type_id=}, scores that must be
 * FullyGraded and strictly newer.
 */
@ApplicationScoped
public class DemoServices {
    public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String LINE_ITEM_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String RESULT_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public static final String MEMBERSHIPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    public static final String NOTICE_HANDLERS = "https://purl.imsglobal.org/spec/lti/scope/noticehandlers";
    public static final String ASSET_READ = "https://purl.imsglobal.org/spec/lti/scope/asset.readonly";
    static final Set<String> ALL_SCOPES = Set.of(SCORE, LINE_ITEM, LINE_ITEM_READ, RESULT_READ, MEMBERSHIPS, NOTICE_HANDLERS, ASSET_READ);
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    static final String BUILT_IN_LINE_ITEM = "demo-li-essay";
    private static final String TYPE_ID = "?type_id=1";

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Settings settings;
    @Inject
    Caches caches;
    @Inject
    ToolKeys toolKeys;
    @Inject
    DemoPlatform platform;

    private final Clock clock = Clock.systemUTC();
    private Cache<String, String> tokens;
    private Cache<String, String> assertionIds;

    /** A refusal with the HTTP status and OAuth/LTI error the platform answers. */
    public static final class Refusal extends Exception {
        private final int status;

        public Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    @PostConstruct
    void init() {
        tokens = caches.expiring("demo-access-tokens", TOKEN_LIFETIME);
        assertionIds = caches.expiring("demo-assertion-ids", Duration.ofMinutes(10));
    }

    /** The built-in activity has a gradebook column from the start, as a Moodle external tool activity with grading on does. */
    @Transactional
    void builtInColumn(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) @Initialized(ApplicationScoped.class) Object start) {
        if (settings.demoEnabled() && em.find(DemoLineItem.class, BUILT_IN_LINE_ITEM) == null) {
            DemoCourse c = platform.course();
            em.persist(new DemoLineItem(BUILT_IN_LINE_ITEM, Optional.of(c.resource_link().id()), c.assignment().title(),
                    c.assignment().max_points(), Optional.empty(), Optional.empty(), clock.instant()));
        }
    }

    private String base() {
        return settings.publicUrl() + "/demo/api/lms/services/" + platform.course().course().id();
    }

    public String tokenUrl() {
        return settings.publicUrl() + "/demo/api/lms/token";
    }

    public String membershipsUrl() {
        return settings.publicUrl() + "/demo/api/lms/services/CourseSection/" + platform.course().course().id() + "/memberships";
    }

    public String noticeHandlersUrl(String deploymentId) {
        return settings.publicUrl() + "/demo/api/lms/notice-handlers/" + java.net.URLEncoder.encode(deploymentId, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String assetUrl(String assetId) {
        return base() + "/assets/" + assetId;
    }

    public Map<String, Object> agsClaim() {
        Map<String, Object> ags = new LinkedHashMap<>();
        ags.put("scope", List.of(LINE_ITEM, LINE_ITEM_READ, RESULT_READ, SCORE));
        ags.put("lineitems", base() + "/lineitems" + TYPE_ID);
        return ags;
    }

    public String lineItemUrl(DemoLineItem li) {
        return base() + "/lineitems/" + li.id() + "/lineitem" + TYPE_ID;
    }

    public Optional<DemoLineItem> lineItemFor(String resourceLinkId) {
        return em.createQuery("select l from DemoLineItem l where l.resourceLinkId = :r order by l.createdAt", DemoLineItem.class)
                .setParameter("r", resourceLinkId).getResultStream().findFirst();
    }

    public Map<String, String> custom(DemoActivity activity) {
        if (activity.custom() == null) {
            return Map.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(activity.custom()))) {
            Map<String, String> result = new LinkedHashMap<>();
            reader.readObject().forEach((k, v) -> result.put(k, v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
            return result;
        }
    }

    // ---- token endpoint -----------------------------------------------------------------------

    /** RFC 7523 client credentials, checked as Moodle's token.php does. Returns the JSON reply. */
    public String token(Map<String, String> form) throws Refusal {
        if (!"client_credentials".equals(form.get("grant_type"))
                || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            throw new Refusal(400, "unsupported_grant_type");
        }
        JWTClaimsSet claims = verifiedToolJwt(form.get("client_assertion"), tokenUrl());
        String clientId = claims.getIssuer();
        if (clientId == null || !clientId.equals(claims.getSubject())) {
            throw new Refusal(401, "invalid_client");
        }
        Set<String> permitted = permittedScopes(clientId).orElseThrow(() -> new Refusal(401, "invalid_client"));
        String jti = claims.getJWTID();
        if (jti == null || !assertionIds.putIfAbsent(jti, clientId)) {
            throw new Refusal(401, "invalid_client");
        }
        Set<String> granted = Arrays.stream(Optional.ofNullable(form.get("scope")).orElse("").split(" "))
                .filter(permitted::contains).collect(Collectors.toCollection(LinkedHashSet::new));
        if (granted.isEmpty()) {
            throw new Refusal(400, "invalid_scope");
        }
        String token = RandomTokens.urlSafe(32);
        tokens.put(token, clientId + " " + String.join(" ", granted));
        return Json.createObjectBuilder().add("access_token", token).add("token_type", "Bearer")
                .add("expires_in", TOKEN_LIFETIME.toSeconds()).add("scope", String.join(" ", granted)).build().toString();
    }

    private Optional<Set<String>> permittedScopes(String clientId) {
        if (DemoPlatform.CLIENT_ID.equals(clientId)) {
            return Optional.of(ALL_SCOPES);
        }
        return Optional.ofNullable(em.find(DemoRegistration.class, clientId)).map(DemoRegistration::scopes);
    }

    /**
     * A JWT the tool signed: checked against the tool's published keys with no leeway at all (as
     * Moodle does), for this audience.
     */
    JWTClaimsSet verifiedToolJwt(String value, String audience) throws Refusal {
        try {
            if (value == null || value.length() > 64 * 1024) {
                throw new Refusal(401, "invalid_client");
            }
            SignedJWT jwt = SignedJWT.parse(value);
            String kid = jwt.getHeader().getKeyID();
            JWK key = kid == null ? null : toolKeys.publicKeys().getKeyByKeyId(kid);
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                throw new Refusal(401, "invalid_client");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())
                    || claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now)
                    || claims.getAudience() == null || !claims.getAudience().contains(audience)) {
                throw new Refusal(401, "invalid_client");
            }
            return claims;
        } catch (ParseException | JOSEException e) {
            throw new Refusal(401, "invalid_client");
        }
    }

    /** The client and scopes of a bearer token, if it grants this scope. */
    public String authorise(String authorization, String scope) throws Refusal {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        String grant = token == null ? null : tokens.get(token);
        if (grant == null) {
            throw new Refusal(401, "invalid or expired access token");
        }
        List<String> parts = List.of(grant.split(" "));
        if (!parts.subList(1, parts.size()).contains(scope)) {
            throw new Refusal(403, "the access token does not grant " + scope);
        }
        return parts.get(0);
    }

    // ---- NRPS ---------------------------------------------------------------------------------

    /** A page of members; Moodle sends everyone at once unless {@code limit} is given. */
    public record MembersPage(JsonObject body, Optional<String> next) {
    }

    public MembersPage members(String authorization, Integer limit, int offset, String role) throws Refusal {
        authorise(authorization, MEMBERSHIPS);
        DemoCourse c = platform.course();
        List<DemoCourse.Person> people = c.people().stream()
                .filter(p -> role == null || DemoPlatform.roles(p).stream().anyMatch(r -> r.endsWith(role) || r.equals(role))).toList();
        int from = Math.max(0, Math.min(offset, people.size()));
        int to = limit == null || limit <= 0 ? people.size() : Math.min(people.size(), from + limit);
        var members = Json.createArrayBuilder();
        for (DemoCourse.Person p : people.subList(from, to)) {
            var roles = Json.createArrayBuilder();
            // Moodle's NRPS speaks the short context role names.
            DemoPlatform.roles(p).stream().filter(r -> r.contains("membership#")).map(r -> r.substring(r.indexOf('#') + 1)).forEach(roles::add);
            members.add(Json.createObjectBuilder().add("status", "Active").add("user_id", p.id()).add("name", p.name())
                    .add("given_name", p.given_name()).add("family_name", p.family_name()).add("email", p.email()).add("roles", roles));
        }
        JsonObject body = Json.createObjectBuilder().add("id", membershipsUrl())
                .add("context", Json.createObjectBuilder().add("id", c.course().id()).add("label", c.course().label()).add("title", c.course().title()))
                .add("members", members).build();
        Optional<String> next = to < people.size()
                ? Optional.of(membershipsUrl() + "?limit=" + limit + "&offset=" + to + (role == null ? "" : "&role=" + role)) : Optional.empty();
        return new MembersPage(body, next);
    }

    // ---- AGS ----------------------------------------------------------------------------------

    public List<JsonObject> lineItems(String authorization, String resourceLinkId, String tag, String resourceId) throws Refusal {
        authorise(authorization, LINE_ITEM_READ, LINE_ITEM);
        return em.createQuery("select l from DemoLineItem l order by l.createdAt", DemoLineItem.class).getResultStream()
                .filter(l -> resourceLinkId == null || l.resourceLinkId().map(resourceLinkId::equals).orElse(false))
                .filter(l -> tag == null || l.tag().map(tag::equals).orElse(false))
                .filter(l -> resourceId == null || l.resourceId().map(resourceId::equals).orElse(false))
                .map(this::json).toList();
    }

    private String authorise(String authorization, String scope, String orScope) throws Refusal {
        try {
            return authorise(authorization, scope);
        } catch (Refusal e) {
            if (e.status() != 403) {
                throw e;
            }
            return authorise(authorization, orScope);
        }
    }

    @Transactional
    public JsonObject createLineItem(String authorization, String body) throws Refusal {
        authorise(authorization, LINE_ITEM);
        JsonObject in = object(body);
        String label = in.getString("label", "").strip();
        if (label.isEmpty() || !(in.get("scoreMaximum") instanceof jakarta.json.JsonNumber max) || max.doubleValue() <= 0) {
            throw new Refusal(400, "a line item needs a label and a scoreMaximum above 0");
        }
        DemoLineItem li = new DemoLineItem(UUID.randomUUID().toString(), optional(in, "resourceLinkId"), label, max.doubleValue(),
                optional(in, "tag"), optional(in, "resourceId"), clock.instant());
        em.persist(li);
        return json(li);
    }

    public JsonObject lineItem(String authorization, String id) throws Refusal {
        authorise(authorization, LINE_ITEM_READ, LINE_ITEM);
        return json(find(id));
    }

    /**
     * AGS 2.0 §3.4, with Moodle's rules: only FullyGraded scores become grades, a timestamp not newer
     * than the stored one is a 409, and people without a gradebook role (teachers) get 400.
     */
    @Transactional
    public void score(String authorization, String lineItemId, String body) throws Refusal {
        authorise(authorization, SCORE);
        DemoLineItem li = find(lineItemId);
        JsonObject in = object(body);
        String userId = in.getString("userId", "");
        Optional<DemoCourse.Person> person = platform.person(userId);
        if (person.isEmpty() || !"student".equals(person.get().role())) {
            throw new Refusal(400, "the user has no grade in this course");
        }
        Instant timestamp;
        try {
            timestamp = java.time.OffsetDateTime.parse(in.getString("timestamp", "")).toInstant();
        } catch (RuntimeException e) {
            throw new Refusal(400, "timestamp must be an ISO 8601 date-time");
        }
        Optional<DemoScore> last = latest(li.id(), userId);
        if (last.isPresent() && timestamp.getEpochSecond() <= last.get().scoreTimestamp().getEpochSecond()) {
            throw new Refusal(409, "a score with the same or a newer timestamp is stored already");
        }
        String grading = in.getString("gradingProgress", "");
        String activity = in.getString("activityProgress", "");
        Double given = in.get("scoreGiven") instanceof jakarta.json.JsonNumber n ? n.doubleValue() : null;
        Double max = in.get("scoreMaximum") instanceof jakarta.json.JsonNumber n ? n.doubleValue() : null;
        if (given != null && (max == null || max <= 0 || given < 0)) {
            throw new Refusal(400, "scoreGiven needs a scoreMaximum above 0");
        }
        // Rescaled to the column's maximum, as Moodle does.
        Double scaled = given == null ? null : given * li.scoreMaximum() / max;
        em.persist(new DemoScore(li.id(), userId, scaled, li.scoreMaximum(), in.getString("comment", null), grading, activity,
                timestamp, clock.instant()));
    }

    public List<JsonObject> results(String authorization, String lineItemId, String userId) throws Refusal {
        authorise(authorization, RESULT_READ);
        DemoLineItem li = find(lineItemId);
        return platform.course().people().stream().filter(p -> "student".equals(p.role()))
                .filter(p -> userId == null || p.id().equals(userId))
                .flatMap(p -> latest(li.id(), p.id()).filter(s -> "FullyGraded".equals(s.gradingProgress())).stream())
                .map(s -> {
                    var r = Json.createObjectBuilder().add("id", lineItemUrl(li) + "&user=" + s.userId()).add("scoreOf", lineItemUrl(li))
                            .add("userId", s.userId()).add("resultMaximum", li.scoreMaximum());
                    s.scoreGiven().ifPresent(g -> r.add("resultScore", g));
                    s.comment().ifPresent(c -> r.add("comment", c));
                    return r.build();
                }).toList();
    }

    /** The latest score per learner, the way the gradebook shows it: only FullyGraded ones. */
    public Optional<DemoScore> grade(String lineItemId, String userId) {
        return em.createQuery("select s from DemoScore s where s.lineItemId = :l and s.userId = :u and s.gradingProgress = 'FullyGraded'"
                        + " order by s.scoreTimestamp desc", DemoScore.class)
                .setParameter("l", lineItemId).setParameter("u", userId).setMaxResults(1).getResultStream().findFirst();
    }

    public List<DemoLineItem> columns() {
        return em.createQuery("select l from DemoLineItem l order by l.createdAt", DemoLineItem.class).getResultList();
    }

    private Optional<DemoScore> latest(String lineItemId, String userId) {
        return em.createQuery("select s from DemoScore s where s.lineItemId = :l and s.userId = :u order by s.scoreTimestamp desc", DemoScore.class)
                .setParameter("l", lineItemId).setParameter("u", userId).setMaxResults(1).getResultStream().findFirst();
    }

    private DemoLineItem find(String id) throws Refusal {
        return Optional.ofNullable(id == null || id.length() > 36 ? null : em.find(DemoLineItem.class, id))
                .orElseThrow(() -> new Refusal(404, "no such line item"));
    }

    private JsonObject json(DemoLineItem li) {
        var o = Json.createObjectBuilder().add("id", lineItemUrl(li)).add("label", li.label()).add("scoreMaximum", li.scoreMaximum());
        li.resourceLinkId().ifPresent(r -> o.add("resourceLinkId", r));
        li.tag().ifPresent(t -> o.add("tag", t));
        li.resourceId().ifPresent(r -> o.add("resourceId", r));
        return o.build();
    }

    private static Optional<String> optional(JsonObject o, String name) {
        return o.get(name) instanceof jakarta.json.JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    static JsonObject object(String body) throws Refusal {
        if (body == null || body.length() > 64 * 1024) {
            throw new Refusal(400, "the body must be a JSON object of at most 64 KB");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new Refusal(400, "the body must be a JSON object");
        }
    }
}
