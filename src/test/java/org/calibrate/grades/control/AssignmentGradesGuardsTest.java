package org.calibrate.grades.control;

import com.sun.net.httpserver.HttpServer;
import org.calibrate.grades.entity.ActivityProgress;
import org.calibrate.grades.entity.GradingProgress;
import org.calibrate.grades.entity.LineItem;
import org.calibrate.grades.entity.Score;
import org.calibrate.platform.control.ServiceFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The AGS client's guards: no duplicate line items, no token or disguised text in messages, no unusable scores. */
class AssignmentGradesGuardsTest {
    HttpServer server;
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String body = "[]";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            calls.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            String b = ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().endsWith("/lineitems")
                    ? "{\"id\":\"" + url("/li/99/lineitem") + "\",\"label\":\"Dup\",\"scoreMaximum\":24}" : body;
            byte[] bytes = b.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ex.getRequestMethod().equals("POST") && status == 200 ? 201 : status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(bytes); }
        });
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    String url(String p) { return "http://127.0.0.1:" + server.getAddress().getPort() + p; }

    static Score score(double given) {
        return new Score("31", Optional.of(given), Optional.of(10.0), Optional.empty(), ActivityProgress.Completed,
                GradingProgress.FullyGraded, Instant.parse("2026-11-02T10:15:30.123Z"));
    }

    @Test
    void findOrCreateDoesNotCreateWhenFound() throws Exception {
        body = "[{\"id\":\"" + url("/li/1/lineitem") + "\",\"label\":\"Essay\",\"scoreMaximum\":24,\"resourceLinkId\":\"rl-1\",\"tag\":\"calibrate\"}]";
        LineItem got = new AssignmentGradesClient(HttpClient.newHttpClient()).findOrCreate(URI.create(url("/lineitems")), "tok",
                new LineItem(Optional.empty(), "Essay", 24, Optional.of("rl-1"), Optional.empty(), Optional.of("calibrate")));
        assertEquals(URI.create(url("/li/1/lineitem")), got.id().orElseThrow());
        assertEquals(List.of(), calls.stream().filter(c -> c.startsWith("POST")).toList(), "AGS §3.2.15: no duplicate column");
    }

    @Test
    void tokenNotEchoedIn400() {
        status = 400;
        body = "{\"error\":\"bad request, Authorization: Bearer tok-secret\"}";
        ServiceFailure f = assertThrows(ServiceFailure.class, () -> new AssignmentGradesClient(HttpClient.newHttpClient())
                .postScore(URI.create(url("/li/1/lineitem")), "tok-secret", score(7)));
        assertFalse(f.getMessage().contains("tok-secret"), f.getMessage());
    }

    @Test
    void bidiOverrideStripped() {
        status = 400;
        body = "user \u202Eevil\u202C \u0085x";
        ServiceFailure f = assertThrows(ServiceFailure.class, () -> new AssignmentGradesClient(HttpClient.newHttpClient())
                .postScore(URI.create(url("/li/1/lineitem")), "tok", score(7)));
        assertFalse(f.getMessage().chars().anyMatch(c -> Character.getType(c) == Character.FORMAT || Character.isISOControl(c)), f.getMessage());
    }

    @Test
    void infiniteScoreRefusedByRecord() {
        assertThrows(IllegalArgumentException.class, () -> score(Double.POSITIVE_INFINITY));
    }

    @Test
    void nullTimestampRefusedByRecord() {
        assertThrows(RuntimeException.class, () -> new Score("31", Optional.empty(), Optional.empty(), Optional.empty(),
                ActivityProgress.Completed, GradingProgress.FullyGraded, null));
    }
}
