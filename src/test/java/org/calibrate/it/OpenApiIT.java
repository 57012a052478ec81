package org.calibrate.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.calibrate.runtime.RestApplications;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document served at {@code /openapi}: every {@code /api} route is there with its
 * method and a summary, and declares the Bearer session token (all but {@code POST /api/session}).
 * The document is {@code META-INF/openapi.yaml} alone (the annotation scan is off), so the route
 * list here is also checked against what the resources of the {@code /api} application declare.
 */
@ExtendWith(CalibrateServer.class)
class OpenApiIT {
    /** Method and path of every /api route, as the JAX-RS resources declare them. */
    static final List<String> ROUTES = List.of(
            "POST /api/session",
            "GET /api/me",
            // rubrics
            "GET /api/rubrics",
            "POST /api/rubrics",
            "POST /api/rubrics/import",
            "GET /api/rubrics/{id}",
            "PUT /api/rubrics/{id}",
            "GET /api/rubrics/{id}/export",
            // rounds
            "GET /api/rounds",
            "POST /api/rounds",
            "POST /api/rounds/join",
            "GET /api/rounds/{id}",
            "PUT /api/rounds/{id}",
            "POST /api/rounds/{id}/phase",
            "POST /api/rounds/{id}/members",
            "PUT /api/rounds/{id}/members/{member}",
            // pieces and scoring
            "GET /api/rounds/{id}/pieces",
            "POST /api/rounds/{id}/pieces",
            "POST /api/rounds/{id}/pieces/demo",
            "PUT /api/rounds/{id}/pieces/{code}/exclusion",
            "DELETE /api/rounds/{id}/pieces/{code}/exclusion",
            "GET /api/rounds/{id}/pieces/{code}/review",
            "PUT /api/rounds/{id}/pieces/{code}/review",
            "GET /api/rounds/{id}/release",
            "POST /api/rounds/{id}/release",
            "DELETE /api/rounds/{id}/release",
            // intake
            "GET /api/rounds/{id}/imports",
            "GET /api/rounds/{id}/imports/learners",
            "POST /api/rounds/{id}/imports/demo",
            "POST /api/rounds/{id}/imports/upload",
            "POST /api/rounds/{id}/imports/zip",
            "GET /api/rounds/{id}/imports/moodle/assignments",
            "POST /api/rounds/{id}/imports/moodle",
            "GET /api/rounds/{id}/imports/assets",
            "POST /api/rounds/{id}/imports/assets",
            "POST /api/rounds/{id}/imports/assets/handler",
            "GET /api/rounds/{id}/imports/{job}",
            "POST /api/rounds/{id}/imports/{job}/resume",
            "GET /api/rounds/{id}/pieces/{code}/work",
            "GET /api/rounds/{id}/pieces/{code}/files/{n}",
            "PUT /api/rounds/{id}/pieces/{code}/review/files/{n}/boxes",
            "PUT /api/rounds/{id}/pieces/{code}/score",
            "GET /api/rounds/{id}/pieces/{code}/score/history",
            "GET /api/rounds/{id}/queue",
            "GET /api/rounds/{id}/queue/next",
            // allocation
            "GET /api/rounds/{id}/allocation",
            "POST /api/rounds/{id}/allocation",
            // calibration
            "GET /api/rounds/{id}/calibration",
            "POST /api/rounds/{id}/calibration/items",
            "GET /api/rounds/{id}/calibration/items/{item}",
            "DELETE /api/rounds/{id}/calibration/items/{item}",
            "POST /api/rounds/{id}/calibration/items/{item}/attempt",
            "GET /api/rounds/{id}/calibration/results",
            "GET /api/rounds/{id}/calibration/exemplars",
            "POST /api/rounds/{id}/calibration/exemplars",
            // progress, flags, alerts
            "GET /api/rounds/{id}/progress",
            "GET /api/rounds/{id}/chart",
            "GET /api/rounds/{id}/chart/csv",
            "GET /api/rounds/{id}/chart/xlsx",
            "GET /api/rounds/{id}/report",
            "GET /api/rounds/{id}/report/csv",
            "GET /api/rounds/{id}/report/html",
            "GET /api/rounds/{id}/report/mine",
            "PUT /api/rounds/{id}/report/sharing",
            "POST /api/rounds/{id}/flags/{flag}/acknowledge",
            "GET /api/rounds/alerts",
            // moderation: discrepancy view, decisions, discussions, meeting, finalising
            "GET /api/rounds/{id}/moderation",
            "PUT /api/rounds/{id}/moderation/rules",
            "GET /api/rounds/{id}/moderation/fair",
            "GET /api/rounds/{id}/moderation/pieces/{code}",
            "PUT /api/rounds/{id}/moderation/pieces/{code}/resolution",
            "DELETE /api/rounds/{id}/moderation/pieces/{code}/resolution",
            "POST /api/rounds/{id}/moderation/pieces/{code}/adjudication",
            "DELETE /api/rounds/{id}/moderation/pieces/{code}/adjudication",
            "PUT /api/rounds/{id}/moderation/pieces/{code}/consent",
            "POST /api/rounds/{id}/moderation/pieces/{code}/exemplars",
            "GET /api/rounds/{id}/discussions",
            "GET /api/rounds/{id}/discussions/{code}",
            "POST /api/rounds/{id}/discussions/{code}/posts",
            "GET /api/rounds/{id}/meeting",
            "PUT /api/rounds/{id}/meeting/reflection",
            "PUT /api/rounds/{id}/meeting/reveal",
            "GET /api/rounds/{id}/final",
            "POST /api/rounds/{id}/final/finalise",
            "POST /api/rounds/{id}/final/reopen",
            "POST /api/rounds/{id}/final/grades/{item}/retry",
            // exemplar library
            "GET /api/exemplars",
            "GET /api/exemplars/anchor-set",
            "GET /api/exemplars/{exemplar}",
            "PUT /api/exemplars/{exemplar}",
            "DELETE /api/exemplars/{exemplar}",
            "POST /api/exemplars/{exemplar}/anonymity-check",
            // course: roster, grades, deep linking
            "GET /api/course/roster",
            "POST /api/course/roster/sync",
            "GET /api/placement/grades",
            "POST /api/placement/grades",
            "POST /api/placement/grades/{id}/retry",
            "POST /api/deep-linking/response",
            "POST /api/deep-linking/cancel",
            // admin
            "GET /api/admin/platforms",
            "POST /api/admin/platforms",
            "PUT /api/admin/platforms/{id}",
            "POST /api/admin/platforms/{id}/enabled",
            "GET /api/admin/platforms/{id}/moodle",
            "PUT /api/admin/platforms/{id}/moodle",
            "DELETE /api/admin/platforms/{id}/moodle",
            "GET /api/admin/privacy/courses",
            "POST /api/admin/privacy/courses/{id}/erasure",
            "POST /api/admin/privacy/retention/run",
            "GET /api/admin/privacy/students/{platform}/{user}",
            "GET /api/admin/audit",
            "GET /api/admin/audit/csv",
            "GET /api/admin/keys",
            "POST /api/admin/keys/rotation",
            "GET /api/admin/keys/data",
            "POST /api/admin/keys/data/rotation",
            "GET /api/admin/tool-configuration");

    static final Set<String> PUBLIC = Set.of("POST /api/session");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    static JsonObject document;

    @BeforeAll
    static void fetch() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(CalibrateServer.get().url() + "/openapi?format=JSON"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().stripLeading().startsWith("{"), "JSON expected, got: " + r.body().substring(0, Math.min(300, r.body().length())));
        document = Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    @DisplayName("every /api route is documented with its method, a summary and the Bearer session token")
    void everyRouteIsDocumented() {
        JsonObject paths = document.getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        List<String> noSummary = new ArrayList<>();
        List<String> security = new ArrayList<>();
        for (String route : ROUTES) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            JsonObject item = paths == null ? null : paths.getJsonObject(path);
            JsonObject operation = item == null ? null : item.getJsonObject(method);
            if (operation == null) {
                missing.add(route);
                continue;
            }
            if (operation.getString("summary", "").isBlank()) {
                noSummary.add(route);
            }
            boolean bearer = requiresBearer(operation);
            if (PUBLIC.contains(route) == bearer) {
                security.add(route + (bearer ? " (should be open: security: [])" : " (no bearerAuth requirement)"));
            }
        }
        String problems = (missing.isEmpty() ? "" : "missing from /openapi: " + missing + "\n")
                + (noSummary.isEmpty() ? "" : "without a summary: " + noSummary + "\n")
                + (security.isEmpty() ? "" : "wrong security: " + security + "\n");
        assertTrue(problems.isEmpty(), problems + "documented paths: " + (paths == null ? "none" : new TreeSet<>(paths.keySet())));
    }

    @Test
    @DisplayName("the document holds no /api operation beyond the routes, and no route under another spelling")
    void noDuplicatedOrStrayOperations() {
        JsonObject paths = document.getJsonObject("paths");
        Set<String> expected = Set.copyOf(ROUTES);
        List<String> stray = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream().filter(METHODS::contains).forEach(m -> {
            String route = m.toUpperCase(Locale.ROOT) + " " + path;
            boolean api = path.startsWith("/api/") || path.equals("/api");
            // A scanned copy of an /api route without the application path would be a duplicate.
            boolean unprefixed = expected.contains(m.toUpperCase(Locale.ROOT) + " /api" + path);
            if (api && !expected.contains(route) || unprefixed) {
                stray.add(route);
            }
        }));
        assertTrue(stray.isEmpty(), "operations the test does not know (a new route to add here, or a duplicate): " + stray);
    }

    @Test
    @DisplayName("the route list is the one the /api resources declare")
    void routeListMatchesTheResources() {
        Set<String> declared = new TreeSet<>();
        for (Class<?> resource : new RestApplications.Api().getClasses()) {
            Path base = resource.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : resource.getMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        Path sub = m.getAnnotation(Path.class);
                        String path = ("/api/" + base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
                        declared.add(verb.value() + " " + path);
                    }
                }
            }
        }
        Set<String> listed = new TreeSet<>(ROUTES);
        Set<String> unlisted = new TreeSet<>(declared);
        unlisted.removeAll(listed);
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(declared);
        assertTrue(unlisted.isEmpty() && gone.isEmpty(), "routes the resources declare but ROUTES (and likely openapi.yaml) lack: "
                + unlisted + "; routes listed that no resource declares: " + gone);
    }

    @Test
    @DisplayName("the bearerAuth scheme is declared")
    void bearerSchemeDeclared() {
        JsonObject schemes = document.getJsonObject("components") == null ? null
                : document.getJsonObject("components").getJsonObject("securitySchemes");
        JsonObject bearer = schemes == null ? null : schemes.getJsonObject("bearerAuth");
        assertTrue(bearer != null, "components.securitySchemes.bearerAuth missing; schemes: " + schemes);
        assertEquals("http", bearer.getString("type", ""), bearer.toString());
        assertEquals("bearer", bearer.getString("scheme", "").toLowerCase(Locale.ROOT), bearer.toString());
        assertTrue(document.getJsonObject("info").getString("title", "").contains("Calibrate"), document.getJsonObject("info").toString());
    }

    /** The operation's own security requirements, or the document's when it declares none. */
    private static boolean requiresBearer(JsonObject operation) {
        JsonValue own = operation.get("security");
        JsonValue effective = own != null ? own : document.get("security");
        if (effective == null || effective.getValueType() != JsonValue.ValueType.ARRAY) {
            return false;
        }
        JsonArray requirements = effective.asJsonArray();
        return !requirements.isEmpty() && requirements.stream()
                .allMatch(r -> r.getValueType() == JsonValue.ValueType.OBJECT && r.asJsonObject().containsKey("bearerAuth"));
    }
}
