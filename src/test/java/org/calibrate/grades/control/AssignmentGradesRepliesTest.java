package org.calibrate.grades.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.calibrate.grades.entity.ActivityProgress;
import org.calibrate.grades.entity.GradingProgress;
import org.calibrate.grades.entity.LineItem;
import org.calibrate.grades.entity.Result;
import org.calibrate.grades.entity.Score;
import org.calibrate.platform.control.ServiceFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the AGS client reads what the platform answers: the result container (AGS 2.0 §3.3), a created
 * line item (§3.2.5), every success code of the score service (§3.4), and each refusal as the
 * moderator will read it. The platform is a loopback server that routes on the exact media type, as
 * Moodle does, and keeps {@code ?type_id=} on every URL.
 */
class AssignmentGradesRepliesTest {
    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Handler handler;
    private final AssignmentGradesClient client = new AssignmentGradesClient(HttpClient.newHttpClient());

    record Request(String method, URI uri, String accept, String contentType, String authorization, String body) {
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body);
        }
    }

    interface Handler {
        Reply handle(Request request);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        Request request = new Request(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders().getFirst("Accept"),
                ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Authorization"),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        Reply reply = handler.handle(request);
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private URI lineItem() {
        return URI.create(url("/mod/lti/services.php/2/lineitems/5/lineitem?type_id=2"));
    }

    private static Score score() {
        return new Score("31", Optional.of(18.0), Optional.of(24.0), Optional.empty(), ActivityProgress.Completed,
                GradingProgress.FullyGraded, Instant.parse("2026-11-02T10:15:30.123Z"));
    }

    private ServiceFailure refusal(int status, Map<String, String> headers, String body) {
        handler = r -> new Reply(status, headers, body);
        return assertThrows(ServiceFailure.class, () -> client.postScore(lineItem(), "tok-7Hq2", score()));
    }

    @Test
    @DisplayName("AGS 2.0 §3.3.1, §3.3.6: results are read from /results before ?type_id=, with the exact Accept, user_id and paging")
    void results() throws Exception {
        String page2 = url("/mod/lti/services.php/2/lineitems/5/lineitem/results?type_id=2&page=2");
        handler = r -> {
            if (!AssignmentGradesClient.RESULT_CONTAINER.equals(r.accept())) {
                return Reply.json(415, "{}");
            }
            return r.uri().getQuery().contains("page=2")
                    ? Reply.json(200, "[{\"userId\":\"32\",\"resultScore\":12,\"resultMaximum\":24},{\"resultScore\":3}]")
                    : new Reply(200, Map.of("Link", "<" + page2 + ">; rel=\"next\""),
                    "[{\"id\":\"r1\",\"scoreOf\":\"x\",\"userId\":\"31\",\"resultScore\":18,\"resultMaximum\":24,\"comment\":\"Clear claim.\"}]");
        };
        List<Result> results = client.results(lineItem(), "tok", Optional.of("31"));

        assertEquals(List.of(new Result("31", Optional.of(18.0), Optional.of(24.0), Optional.of("Clear claim.")),
                new Result("32", Optional.of(12.0), Optional.of(24.0), Optional.empty())), results, "a result without userId is skipped");
        URI first = requests.get(0).uri();
        assertEquals("/mod/lti/services.php/2/lineitems/5/lineitem/results", first.getPath());
        assertTrue(first.getRawQuery().startsWith("type_id=2&"), first.toString());
        assertTrue(first.getRawQuery().contains("user_id=31") && first.getRawQuery().contains("limit="), first.toString());
        assertEquals("Bearer tok", requests.get(0).authorization());
        assertEquals(2, requests.size());
    }

    @Test
    @DisplayName("AGS 2.0 §3.2.5: create POSTs exactly application/vnd.ims.lis.v2.lineitem+json and returns the item with its id")
    void create() throws Exception {
        String id = url("/mod/lti/services.php/2/lineitems/9/lineitem?type_id=2");
        handler = r -> AssignmentGradesClient.LINE_ITEM.equals(r.contentType())
                ? Reply.json(201, "{\"id\":\"" + id + "\",\"label\":\"Essay\",\"scoreMaximum\":24,\"resourceId\":\"pl-1\",\"tag\":\"calibrate\"}")
                : Reply.json(415, "{}");
        LineItem made = client.create(URI.create(url("/mod/lti/services.php/2/lineitems?type_id=2")), "tok",
                new LineItem(Optional.empty(), "Essay", 24, Optional.empty(), Optional.of("pl-1"), Optional.of("calibrate")));

        assertEquals(Optional.of(URI.create(id)), made.id());
        assertEquals(Optional.of("pl-1"), made.resourceId());
        Request post = requests.get(0);
        assertEquals("POST", post.method());
        assertTrue(post.body().contains("\"label\":\"Essay\"") && post.body().contains("\"scoreMaximum\":24"), post.body());
        assertFalse(post.body().contains("\"id\""), "a new line item has no id yet: " + post.body());
    }

    @Test
    @DisplayName("AGS 2.0 §3.2.5: a create reply that is not the new line item is a failure, not a column without an address")
    void createWithoutItem() {
        handler = r -> Reply.json(201, "");
        ServiceFailure f = assertThrows(ServiceFailure.class, () -> client.create(URI.create(url("/lineitems")), "tok",
                new LineItem(Optional.empty(), "Essay", 24, Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(502, f.status());
    }

    @Test
    @DisplayName("AGS 2.0 §3.4: 200, 201, 202 and 204, with or without a body, all mean the score arrived")
    void scoreSuccessCodes() throws Exception {
        for (int status : new int[]{200, 201, 202, 204}) {
            String body = status == 204 ? "" : "{\"anything\":true}";
            handler = r -> AssignmentGradesClient.SCORE.equals(r.contentType()) ? Reply.json(status, body) : Reply.json(415, "{}");
            client.postScore(lineItem(), "tok", score());
        }
        assertEquals(4, requests.size());
        assertTrue(requests.stream().allMatch(r -> r.uri().toString().endsWith("/lineitem/scores?type_id=2")));
    }

    @Test
    @DisplayName("AGS 2.0 §3.4.9: the timestamp has milliseconds and a zone designator; §3.4.4: no score means neither number is sent")
    void scoreBody() throws Exception {
        handler = r -> Reply.json(200, "");
        client.postScore(lineItem(), "tok", new Score("31", Optional.empty(), Optional.empty(), Optional.empty(),
                ActivityProgress.Initialized, GradingProgress.NotReady, Instant.parse("2026-11-02T10:15:30Z")));
        String body = requests.get(0).body();
        assertTrue(body.matches(".*\"timestamp\":\"2026-11-02T10:15:30\\.000(Z|\\+00:00)\".*"), body);
        assertFalse(body.contains("scoreGiven") || body.contains("scoreMaximum"), body);
        assertTrue(body.contains("\"activityProgress\":\"Initialized\"") && body.contains("\"gradingProgress\":\"NotReady\""), body);
    }

    @Test
    @DisplayName("each refusal tells the moderator what to check, with the platform's status")
    void refusalsSayWhatToCheck() {
        assertMessage(refusal(401, Map.of(), ""), 401, "access token");
        assertMessage(refusal(403, Map.of(), ""), 403, "Assignment and Grade Services");
        assertMessage(refusal(404, Map.of(), ""), 404, "gone");
        assertMessage(refusal(409, Map.of(), ""), 409, "newer");
        ServiceFailure server = refusal(502, Map.of(), "<html>Bad gateway</html>");
        assertEquals(502, server.status());
        assertTrue(server.retryable());
    }

    private static void assertMessage(ServiceFailure f, int status, String hint) {
        assertEquals(status, f.status());
        assertTrue(f.getMessage().contains(hint), f.getMessage());
        assertFalse(f.getMessage().contains("tok-7Hq2"), f.getMessage());
    }

    @Test
    @DisplayName("a 400 carries the platform's words, at most 200 characters and without control characters")
    void badRequestMessage() {
        ServiceFailure f = refusal(400, Map.of(), "user\r\nhas no gradebook role\u0000" + "x".repeat(300) + "TAIL");
        assertEquals(400, f.status());
        assertTrue(f.getMessage().contains("has no gradebook role"), f.getMessage());
        assertFalse(f.getMessage().chars().anyMatch(Character::isISOControl), f.getMessage());
        assertFalse(f.getMessage().contains("TAIL"), "the platform's text is cut at 200 characters");
        assertFalse(f.retryable());
    }

    @Test
    @DisplayName("RFC 9110 §10.2.3 on the wire: Retry-After in seconds and as an HTTP-date both reach retryAfter()")
    void retryAfterOnTheWire() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), refusal(429, Map.of("Retry-After", "90"), "").retryAfter());
        String inTenMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        Duration asked = refusal(429, Map.of("Retry-After", inTenMinutes), "").retryAfter().orElseThrow();
        assertTrue(asked.compareTo(Duration.ofMinutes(8)) > 0 && asked.compareTo(Duration.ofMinutes(10)) <= 0, asked.toString());
        assertEquals(Optional.empty(), refusal(429, Map.of(), "").retryAfter());
    }

    @Test
    @DisplayName("a platform that cannot be reached is status 0, retryable, and the message holds no token")
    void unreachable() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        ServiceFailure f = assertThrows(ServiceFailure.class, () -> client.postScore(
                URI.create("http://127.0.0.1:" + port + "/lineitems/5/lineitem"), "tok-7Hq2", score()));
        assertEquals(0, f.status());
        assertTrue(f.retryable());
        assertFalse(f.getMessage().contains("tok-7Hq2"));
    }

    @Test
    @DisplayName("a results next link to another host is refused after the first page")
    void foreignResultsPaging() {
        // Moodle's typographic quotes as UTF-8 bytes on the wire (the JDK server writes each header char as one byte).
        String link = new String("<http://127.0.0.2:9/steal>; rel=\u201cnext\u201d".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        handler = r -> new Reply(200, Map.of("Link", link), "[]");
        ServiceFailure f = assertThrows(ServiceFailure.class, () -> client.results(lineItem(), "tok", Optional.empty()));
        assertTrue(f.getMessage().contains("another host"), f.getMessage());
        assertEquals(1, requests.size());
    }
}
