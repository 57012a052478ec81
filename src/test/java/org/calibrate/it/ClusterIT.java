package org.calibrate.it;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Payara Micro nodes on loopback form one data grid (static members, never multicast) and share one PostgreSQL
 * schema: a login started on one node is finished on the other, a launch's state and the app's one-time code are
 * single-use across both, a session works on either, and an import both nodes look for runs once. PostgreSQL pass only:
 * two processes cannot share an embedded H2 file.
 */
class ClusterIT {
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private static final String SCHEMA = "cluster_it";

    @TempDir
    static Path workA;
    @TempDir
    static Path workB;
    static TestPlatform platform;
    static CalibrateServer.Running a;
    static CalibrateServer.Running b;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("calibrate.it.database", "h2")), "nodes share PostgreSQL");
        try (Connection c = CalibrateServer.postgres(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
            st.execute("create schema " + SCHEMA);
        }
        platform = new TestPlatform();
        int portA = CalibrateServer.freePort();
        int portB = CalibrateServer.freePort();
        int gridA = CalibrateServer.freePort();
        int gridB = CalibrateServer.freePort();
        Map<String, String> shared = new HashMap<>(Map.of(
                "CALIBRATE_DB_URL", System.getenv().getOrDefault("CALIBRATE_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/calibrate_it")
                        + "?currentSchema=" + SCHEMA,
                "CALIBRATE_CLUSTER_NAME", "calibrate-cluster-it-" + portA,
                "CALIBRATE_CLUSTER_MEMBERS", "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB,
                // Behind a load balancer both nodes answer at one public URL.
                "CALIBRATE_PUBLIC_URL", "http://127.0.0.1:" + portA,
                "CALIBRATE_INTAKE_POLL", "PT0.2S"));
        Map<String, String> nodeA = new HashMap<>(shared);
        nodeA.putAll(Map.of("PORT", Integer.toString(portA), "CALIBRATE_CLUSTER_PORT", Integer.toString(gridA)));
        Map<String, String> nodeB = new HashMap<>(shared);
        nodeB.putAll(Map.of("PORT", Integer.toString(portB), "CALIBRATE_CLUSTER_PORT", Integer.toString(gridB)));
        a = CalibrateServer.startNode(platform, workA, nodeA, "it-cluster-a.log");
        b = CalibrateServer.startNode(platform, workB, nodeB, "it-cluster-b.log");
    }

    @AfterAll
    static void stop() throws Exception {
        for (CalibrateServer.Running node : new CalibrateServer.Running[] {b, a}) {
            if (node != null) {
                node.stop();
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @DisplayName("login on A, launch on B; the state is spent on both; the code and session work across nodes; an import runs once")
    void twoNodesActAsOne() throws Exception {
        LtiClient onA = new LtiClient(a.url());
        LtiClient onB = new LtiClient(b.url());
        LtiClient.Login login = onA.login(platform.issuer(), TestPlatform.CLIENT_ID);
        JWTClaimsSet claims = platform.launchClaims(login.nonce(), a.url(), INSTRUCTOR).subject("cluster-head").build();
        String idToken = TestPlatform.sign(claims, platform.key());
        HttpResponse<String> launched = onB.launch(idToken, login.state(), login.cookie());
        assertEquals(303, launched.statusCode(), "node B knows the state node A issued: " + launched.body());
        HttpResponse<String> replayed = onA.launch(idToken, login.state(), login.cookie());
        assertEquals(401, replayed.statusCode(), "the state is spent on every node");
        assertTrue(replayed.body().contains("unknown_state"), replayed.body());

        String head = onA.session(launched);
        Api apiA = new Api(onA);
        Api apiB = new Api(onB);
        apiB.get("/api/me", head).expect(200);
        String rubric = apiA.get("/api/rubrics", head).expect(200).json().getJsonArray("rubrics").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("family").equals("ny-short-response-2-point")).findFirst().orElseThrow().getString("id");
        String round = apiA.post("/api/rounds", "{\"title\":\"Cluster\",\"rubric_id\":" + Api.q(rubric) + "}", head).expect(201).json().getString("id");

        // Five uploads queued at once on node B: both nodes look for import work every 0.2 s.
        List<String> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(apiB.upload("/api/rounds/" + round + "/imports/upload?name=essay-" + i + ".txt",
                    ("Essay " + i + ": schools should start later, because sleep matters.").getBytes(StandardCharsets.UTF_8), "text/plain", head)
                    .expect(202).json().getString("id"));
        }
        for (String job : jobs) {
            JsonObject done = IntakeIT.awaitImport(apiA, round, job, head).getJsonObject("job");
            assertEquals("done", done.getString("state"), done.toString());
            assertEquals(1, done.getInt("added"), done.toString());
            assertEquals(1, done.getInt("attempts"), "one node took the import, once: " + done);
        }
        assertEquals(5, apiA.get("/api/rounds/" + round + "/pieces", head).expect(200).json().getJsonArray("pieces").size());
    }
}
