package org.calibrate.grades.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.calibrate.grades.entity.ActivityProgress;
import org.calibrate.grades.entity.GradingProgress;
import org.calibrate.grades.entity.LineItem;
import org.calibrate.grades.entity.Score;
import org.calibrate.platform.control.ServiceFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AGS 2.0 client against a platform on loopback that routes the way Moodle does. */
class AssignmentGradesClientTest {
    private HttpServer server;
    private final Map<String, HttpExchangeRecord> seen = new ConcurrentHashMap<>();
    private volatile Function<HttpExchange, Reply> handler;
    private final AssignmentGradesClient client = new AssignmentGradesClient(HttpClient.newHttpClient());

    record HttpExchangeRecord(String method, String uri, String contentType, String accept, String body) {
    }

    record Reply(int status, Map<String, String> headers, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.put(ex.getRequestMethod() + " " + ex.getRequestURI(), new HttpExchangeRecord(ex.getRequestMethod(),
                    ex.getRequestURI().toString(), ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestHeaders().getFirst("Accept"), body));
            Reply r = handler.apply(ex);
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static Score score() {
        return new Score("31", Optional.of(7.0), Optional.of(10.0), Optional.of("Clear claim."), ActivityProgress.Completed,
                GradingProgress.FullyGraded, Instant.parse("2026-11-02T10:15:30.123456Z"));
    }

    @Test
    @DisplayName("Moodle's ?type_id= stays at the end: the scores segment goes before the query")
    void segmentBeforeQuery() throws Exception {
        assertEquals(URI.create("https://m.example.org/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=2"),
                AssignmentGradesClient.segment(URI.create("https://m.example.org/mod/lti/services.php/2/lineitems/5/lineitem?type_id=2"), "scores"));
        assertEquals(URI.create("https://c.example.org/api/lti/courses/1/line_items/9/results"),
                AssignmentGradesClient.segment(URI.create("https://c.example.org/api/lti/courses/1/line_items/9"), "results"));
    }

    @Test
    @DisplayName("AGS 2.0 §3.4: a score is posted with the exact media type, millisecond timestamp, and Moodle's empty 200 is success")
    void postScore() throws Exception {
        handler = ex -> new Reply(200, Map.of(), "");
        client.postScore(URI.create(url("/ags/lineitems/5/lineitem?type_id=2")), "tok-secret", score());
        HttpExchangeRecord r = seen.get("POST /ags/lineitems/5/lineitem/scores?type_id=2");
        assertEquals("application/vnd.ims.lis.v1.score+json", r.contentType());
        assertTrue(r.body().contains("\"timestamp\":\"2026-11-02T10:15:30.123Z\""), r.body());
        assertTrue(r.body().contains("\"gradingProgress\":\"FullyGraded\""));
        assertTrue(r.body().contains("\"scoreGiven\":7"));
    }

    @Test
    @DisplayName("line items page through Link rel=next with typographic quotes, with the filters sent")
    void lineItemPaging() throws Exception {
        String page2 = url("/ags/lineitems?type_id=2&page=2");
        handler = ex -> ex.getRequestURI().getQuery().contains("page=2")
                ? new Reply(200, Map.of(), "[{\"id\":\"" + url("/ags/lineitems/2/lineitem?type_id=2") + "\",\"label\":\"B\",\"scoreMaximum\":10}]")
                // Moodle's typographic quotes as UTF-8 bytes on the wire (the JDK server writes header chars as single bytes).
                : new Reply(200, Map.of("Link", new String(("<" + page2 + ">; rel=\u201cnext\u201d").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)),
                "[{\"id\":\"" + url("/ags/lineitems/1/lineitem?type_id=2") + "\",\"label\":\"A\",\"scoreMaximum\":24,\"resourceLinkId\":\"rl-1\",\"tag\":\"calibrate\"}]");
        List<LineItem> items = client.lineItems(URI.create(url("/ags/lineitems?type_id=2")), "tok",
                new AssignmentGradesClient.LineItemFilter(Optional.of("rl-1"), Optional.empty(), Optional.of("calibrate")));
        assertEquals(List.of("A", "B"), items.stream().map(LineItem::label).toList());
        String first = seen.keySet().stream().filter(k -> k.contains("resource_link_id")).findFirst().orElseThrow();
        assertTrue(first.contains("tag=calibrate") && first.contains("limit="), first);
        assertEquals("application/vnd.ims.lis.v2.lineitemcontainer+json", seen.get(first).accept());
    }

    @Test
    @DisplayName("paging that points to another host is not followed")
    void foreignPaging() {
        handler = ex -> new Reply(200, Map.of("Link", "<https://elsewhere.example.org/steal>; rel=\"next\""), "[]");
        ServiceFailure f = assertThrows(ServiceFailure.class, () -> client.lineItems(URI.create(url("/ags/lineitems")), "tok",
                AssignmentGradesClient.LineItemFilter.NONE));
        assertTrue(f.getMessage().contains("another host"));
    }

    @Test
    @DisplayName("a line item is created with Moodle's exact media type when none matches")
    void findOrCreate() throws Exception {
        handler = ex -> ex.getRequestMethod().equals("GET") ? new Reply(200, Map.of(), "[]")
                : new Reply(201, Map.of(), "{\"id\":\"" + url("/ags/lineitems/8/lineitem?type_id=2") + "\",\"label\":\"Essay\",\"scoreMaximum\":24}");
        LineItem made = client.findOrCreate(URI.create(url("/ags/lineitems?type_id=2")), "tok", new LineItem(Optional.empty(), "Essay", 24,
                Optional.of("rl-1"), Optional.of("pl-1"), Optional.of("calibrate")));
        assertEquals(URI.create(url("/ags/lineitems/8/lineitem?type_id=2")), made.id().orElseThrow());
        HttpExchangeRecord post = seen.get("POST /ags/lineitems?type_id=2");
        assertEquals("application/vnd.ims.lis.v2.lineitem+json", post.contentType());
        assertTrue(post.body().contains("\"resourceLinkId\":\"rl-1\""));
    }

    @Test
    @DisplayName("errors name the cause; 429 carries Retry-After; the token never appears in a message")
    void errors() {
        URI li = URI.create(url("/ags/lineitems/5/lineitem?type_id=2"));
        for (int status : new int[]{400, 401, 403, 404, 409, 500}) {
            handler = ex -> new Reply(status, Map.of(), "users without a grade: tok-secret\u0007");
            ServiceFailure f = assertThrows(ServiceFailure.class, () -> client.postScore(li, "tok-secret", score()));
            assertEquals(status, f.status());
            assertFalse(f.getMessage().contains("\u0007"));
            assertFalse(f.getMessage().contains("tok-secret"), f.getMessage());
        }
        handler = ex -> new Reply(429, Map.of("Retry-After", "120"), "");
        ServiceFailure limited = assertThrows(ServiceFailure.class, () -> client.postScore(li, "tok", score()));
        assertEquals(Optional.of(Duration.ofSeconds(120)), limited.retryAfter());
        assertTrue(limited.retryable());
    }

    @Test
    @DisplayName("RFC 9110 §10.2.3: Retry-After as seconds or as an HTTP date")
    void retryAfterForms() {
        Instant now = Instant.parse("2026-11-02T10:00:00Z");
        assertEquals(Duration.ofSeconds(5), AssignmentGradesClient.retryAfter(Optional.of("5"), now));
        assertEquals(Duration.ofMinutes(2), AssignmentGradesClient.retryAfter(Optional.of("Mon, 02 Nov 2026 10:02:00 GMT"), now));
        assertEquals(null, AssignmentGradesClient.retryAfter(Optional.of("soon"), now));
    }

    @Test
    @DisplayName("plain HTTP off loopback is not called")
    void httpsOnly() {
        assertThrows(ServiceFailure.class, () -> client.postScore(URI.create("http://moodle.example.org/lineitem"), "tok", score()));
    }
}
