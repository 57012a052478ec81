package org.calibrate.it;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upgrades from every earlier schema: a database left at each earlier migration (with a scored round in it from V3
 * on) is brought to the current schema, keeps its rows, and gives the new columns their defaults. On H2, and on
 * PostgreSQL in the PostgreSQL pass (a schema of its own beside the suite's).
 */
class MigrationsIT {
    /** Every migration before the newest: a database may have been left at any of them. */
    private static final List<String> EARLIER = earlier();
    private static final String SCHEMA = "calibrate_upgrade";

    @Test
    void everyEarlierSchemaUpgradesToTheCurrentOneKeepingItsRows() throws Exception {
        boolean postgres = "postgresql".equals(System.getProperty("calibrate.it.database", "h2"));
        assertTrue(EARLIER.size() >= 11, "every earlier migration is tried: " + EARLIER);
        for (String from : EARLIER) {
            String url = postgres
                    ? System.getenv().getOrDefault("CALIBRATE_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/calibrate_it")
                    : "jdbc:h2:mem:upgrade-" + from + ";DB_CLOSE_DELAY=-1";
            String user = postgres ? System.getenv().getOrDefault("CALIBRATE_IT_PG_USER", "calibrate_it") : "sa";
            String password = postgres ? System.getenv().getOrDefault("CALIBRATE_IT_PG_PASSWORD", "calibrate_it") : "";
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                if (postgres) {
                    try (Statement st = c.createStatement()) {
                        st.execute("drop schema if exists " + SCHEMA + " cascade");
                    }
                }
                Flyway at = flyway(url, user, password, postgres).target(MigrationVersion.fromVersion(from)).load();
                at.migrate();
                if (from.equals("3")) {
                    scoredRound(c, postgres);
                }
                var result = flyway(url, user, password, postgres).load().migrate();
                assertTrue(result.success, "from V" + from);
                assertFalse(result.migrationsExecuted == 0, "from V" + from + " there were migrations to run");
                if (from.equals("3")) {
                    try (Statement st = c.createStatement()) {
                        String prefix = postgres ? SCHEMA + "." : "";
                        assertEquals("exact", one(st, "select tolerance from " + prefix + "moderation_round"));
                        assertEquals("moderator", one(st, "select discrepant_rule from " + prefix + "moderation_round"));
                        assertEquals("scoring", one(st, "select kind from " + prefix + "seat"));
                        assertEquals("unknown", one(st, "select consent from " + prefix + "piece"));
                        assertFalse(flag(st, "select adjudication from " + prefix + "score"));
                        assertEquals("{\"response\":2}", one(st, "select levels from " + prefix + "score"));
                    }
                }
            }
        }
    }

    private static List<String> earlier() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            List<Integer> versions = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
            return versions.subList(0, versions.size() - 1).stream().map(String::valueOf).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the migrations are not where the build keeps them", e);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, String user, String password, boolean postgres) {
        var config = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        return postgres ? config.schemas(SCHEMA).defaultSchema(SCHEMA) : config;
    }

    /** A platform, a course, a rubric and a round in scoring with one piece, one seat and one submitted score, as V3 stored them. */
    private static void scoredRound(Connection c, boolean postgres) throws Exception {
        String p = postgres ? SCHEMA + "." : "";
        String now = "timestamp '2026-01-05 10:00:00'";
        try (Statement st = c.createStatement()) {
            st.execute("insert into " + p + "platform (id, issuer, client_id, auth_login_url, key_set_url, source, enabled, version, created_at, updated_at)"
                    + " values (1, 'https://moodle.example.org', 'c1', 'https://moodle.example.org/auth', 'https://moodle.example.org/certs', 'file', true, 0, "
                    + now + ", " + now + ")");
            st.execute("insert into " + p + "course (id, platform_id, deployment_id, context_id) values ('course-1', 1, 'd1', 'ctx1')");
            st.execute("insert into " + p + "rubric (id, family, version, title, definition, frozen, created_at, updated_at, lock_version)"
                    + " values ('rubric-1', 'short', 1, 'Short response', '{}', true, " + now + ", " + now + ", 0)");
            st.execute("insert into " + p + "moderation_round (id, platform_id, course_id, title, rubric_id, phase, scorers_per_piece, all_score_all,"
                    + " multi_scored_share, capacity_weighted, seed, calibration_required, qualifying_agreement, join_code, allocation_stale,"
                    + " created_by, created_at, updated_at, lock_version) values ('round-1', 1, 'course-1', 'Last year', 'rubric-1', 'scoring', 2,"
                    + " false, 1.0, false, 7, false, 0.8, 'ABCD-EFGH', false, 'user-1', " + now + ", " + now + ", 3)");
            st.execute("insert into " + p + "round_member (id, round_id, platform_id, subject, scorer, moderator, capacity, teaches, active, joined_via,"
                    + " joined_at, lock_version) values ('member-1', 'round-1', 1, 'u1', true, false, 1, '[]', true, 'roster', " + now + ", 0)");
            st.execute("insert into " + p + "piece (id, round_id, code, text, words, source, created_at) values ('piece-1', 'round-1', 'K7P-2QX',"
                    + " 'Two reasons.', 2, 'upload', " + now + ")");
            st.execute("insert into " + p + "seat (id, round_id, piece_id, member_id, position) values ('seat-1', 'round-1', 'piece-1', 'member-1', 0)");
            st.execute("insert into " + p + "score (id, round_id, piece_id, member_id, levels, caps, flags, state, created_at, updated_at, submitted_at,"
                    + " lock_version) values ('score-1', 'round-1', 'piece-1', 'member-1', '{\"response\":2}', '[]', '[]', 'SUBMITTED', " + now + ", "
                    + now + ", " + now + ", 1)");
        }
    }

    private static boolean flag(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getBoolean(1);
        }
    }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
