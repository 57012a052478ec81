package org.calibrate.roster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.calibrate.platform.control.LinkHeader;
import org.calibrate.platform.control.ServiceFailure;
import org.calibrate.roster.entity.Member;
import org.calibrate.roster.entity.Roster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a memberships service that behaves as Moodle's: routes by the exact media type, sends
 * everything at once unless {@code limit} is given, pages with {@code Link} headers in typographic
 * quotes, short role names, {@code ?type_id=} in every URL.
 */
class MembershipsClientTest {
    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";
    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile int members = 12;
    private volatile int forceStatus;
    private volatile String foreignNext;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mod/lti/services.php/CourseSection/7/bindings/3/memberships", this::memberships);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/mod/lti/services.php/CourseSection/7/bindings/3/memberships?type_id=3");
    }

    private void memberships(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        queries.add(query);
        if (forceStatus != 0) {
            reply(ex, forceStatus, "{}", null);
            return;
        }
        if (!MembershipsClient.MEDIA_TYPE.equals(ex.getRequestHeaders().getFirst("Accept"))
                || !"Bearer tok".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 406, "{}", null);
            return;
        }
        Map<String, String> q = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : Integer.MAX_VALUE;
        int from = Integer.parseInt(q.getOrDefault("from", "0"));
        String role = q.get("role");
        List<Integer> selected = IntStream.range(0, members).filter(i -> role == null || role.endsWith(roleOf(i)))
                .boxed().toList();
        List<Integer> page = selected.subList(Math.min(from, selected.size()), Math.min(from + limit, selected.size()));
        String body = "{\"id\":\"" + url() + "\",\"context\":{\"id\":\"7\",\"label\":\"ENG8\",\"title\":\"English 8\"},\"members\":["
                + page.stream().map(MembershipsClientTest::member).collect(Collectors.joining(",")) + "]}";
        String link = null;
        if (from + limit < selected.size()) {
            String next = foreignNext != null ? foreignNext
                    : url() + "&limit=" + limit + "&from=" + (from + limit) + (role == null ? "" : "&role=" + role);
            link = "<" + next + ">; rel=“next”";
        }
        reply(ex, 200, body, link);
    }

    private static String roleOf(int i) {
        return i % 10 == 0 ? "Instructor" : "Learner";
    }

    private static String member(int i) {
        return "{\"status\":\"Active\",\"roles\":[\"" + roleOf(i) + "\"],\"user_id\":\"" + (100 + i) + "\",\"name\":\"Student " + i
                + "\",\"given_name\":\"Student\",\"family_name\":\"" + i + "\",\"email\":\"s" + i + "@school.example.org\"}";
    }

    private static void reply(HttpExchange ex, int status, String body, String link) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", MembershipsClient.MEDIA_TYPE);
        if (link != null) {
            // On the wire as Moodle sends it: the typographic quotes in UTF-8 (the JDK server writes each char as one byte).
            ex.getResponseHeaders().set("Link", new String(link.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Roster read(Optional<String> role) throws ServiceFailure {
        return new MembershipsClient(HttpClient.newHttpClient()).read(url(), "tok", role);
    }

    @Test
    @DisplayName("NRPS 2.0 §2.2: members with names, emails, user ids and status; Moodle's short roles become full URIs")
    void readsMembers() throws Exception {
        Roster roster = read(Optional.empty());
        assertEquals("7", roster.contextId());
        assertEquals(12, roster.members().size());
        Member teacher = roster.members().get(0);
        assertEquals("100", teacher.userId());
        assertEquals(List.of(LIS + "membership#Instructor"), teacher.roles());
        assertEquals(Optional.of("s0@school.example.org"), teacher.email());
        assertEquals(Member.Status.ACTIVE, teacher.status());
        assertTrue(queries.get(0).startsWith("type_id=3&limit="), "the limit goes after Moodle's type_id: " + queries.get(0));
    }

    @Test
    @DisplayName("a 5,000-member roster pages through rel=“next” (typographic quotes) to the end, each member once")
    void largeRosterPages() throws Exception {
        members = 5000;
        Roster roster = read(Optional.empty());
        assertEquals(5000, roster.members().size());
        assertEquals(5000, new HashSet<>(roster.members().stream().map(Member::userId).toList()).size());
        assertEquals(10, roster.pages());
    }

    @Test
    @DisplayName("NRPS 2.0 §2.4.1: the role filter is sent and kept on every page")
    void roleFilter() throws Exception {
        members = 3000;
        Roster roster = read(Optional.of(LIS + "membership#Instructor"));
        assertEquals(300, roster.members().size());
        assertTrue(roster.members().stream().allMatch(m -> m.roles().equals(List.of(LIS + "membership#Instructor"))));
    }

    @Test
    void refusalsSayWhatToDo() {
        forceStatus = 403;
        ServiceFailure e = assertThrows(ServiceFailure.class, () -> read(Optional.empty()));
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("Names and Role Provisioning"), e.getMessage());
        forceStatus = 500;
        assertEquals(500, assertThrows(ServiceFailure.class, () -> read(Optional.empty())).status());
    }

    @Test
    @DisplayName("a next link to another host is not followed")
    void foreignNextLink() {
        members = 1200;
        foreignNext = "http://127.0.0.2:9/steal";
        ServiceFailure e = assertThrows(ServiceFailure.class, () -> read(Optional.empty()));
        assertTrue(e.getMessage().contains("another host"), e.getMessage());
        assertEquals(1, queries.size());
    }

    @Test
    void linkHeadersInEveryQuoteStyle() {
        Set<String> headers = Set.of("<http://x/a?p=2>; rel=\"next\"", "<http://x/a?p=2>; rel=“next”", "<http://x/a?p=2>;rel=next",
                "<http://x/d>; rel=\"differences\", <http://x/a?p=2>; rel=\"next\"", "<http://x/a?p=2>; rel=\"next last\"");
        headers.forEach(h -> assertEquals(Optional.of("http://x/a?p=2"), LinkHeader.find(h, "next"), h));
        String asJavaDecodesIt = new String("<http://x/a?p=2>; rel=“next”".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals(Optional.of("http://x/a?p=2"), LinkHeader.find(asJavaDecodesIt, "next"), "UTF-8 quotes read as ISO-8859-1");
        assertEquals(Optional.of("http://x/d"), LinkHeader.find("<http://x/d>; rel=\"differences\", <http://x/a>; rel=\"next\"", "differences"));
        assertEquals(Optional.empty(), LinkHeader.find("<http://x/a>; rel=\"prev\"", "next"));
        assertEquals(Optional.empty(), LinkHeader.find(null, "next"));
    }
}
