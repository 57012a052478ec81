package org.calibrate.launcher;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up settings: safe defaults (loopback HTTP and data grid, embedded H2) and clear errors. */
class LauncherSettingsTest {
    private static final Path PREBOOT = Path.of("/tmp/calibrate-preboot.txt");
    private static final Path LOGGING = Path.of("/tmp/calibrate-logging.properties");
    private static final LauncherSettings DEFAULTS = LauncherSettings.from(Map.of());

    private static List<String> args(LauncherSettings s) {
        return s.payaraArguments(PREBOOT, LOGGING);
    }

    private static void assertOption(List<String> args, String flag, String value) {
        assertTrue(Collections.indexOfSubList(args, List.of(flag, value)) >= 0, () -> flag + " " + value + " not in " + args);
    }

    private static String optionValue(List<String> args, String flag) {
        int i = args.indexOf(flag);
        assertTrue(i >= 0 && i + 1 < args.size(), () -> flag + " not in " + args);
        return args.get(i + 1);
    }

    @Test
    @DisplayName("defaults: port 8080, HTTP on 127.0.0.1, embedded H2 in ./data")
    void defaults() {
        assertEquals(8080, DEFAULTS.port());
        assertEquals("127.0.0.1", DEFAULTS.bindAddress());
        Path data = Path.of("data").toAbsolutePath().normalize();
        assertEquals(data, DEFAULTS.dataDir());
        assertTrue(DEFAULTS.dbUrl().startsWith("jdbc:h2:file:" + data.resolve("calibrate")), DEFAULTS.dbUrl());
        assertEquals("org.h2.jdbcx.JdbcDataSource", DEFAULTS.systemProperties().get("calibrate.db.datasource"));
        assertEquals(DEFAULTS.dbUrl(), DEFAULTS.systemProperties().get("calibrate.db.url"));
    }

    @Test
    @DisplayName("defaults: the data grid stays on loopback and Payara does not phone home")
    void loopbackCluster() {
        List<String> a = args(DEFAULTS);
        assertOption(a, "--port", "8080");
        assertOption(a, "--interfaces", "127.0.0.1");
        assertOption(a, "--clustermode", "tcpip:127.0.0.1:6900");
        assertOption(a, "--startport", "6900");
        assertTrue(a.contains("--disablephonehome"), a::toString);
        assertOption(a, "--prebootcommandfile", PREBOOT.toString());
        assertOption(a, "--logproperties", LOGGING.toString());
    }

    @Test
    @DisplayName("the default cluster name differs per HTTP port, so two local instances never merge")
    void clusterNameUniquePerPort() {
        String a = optionValue(args(LauncherSettings.from(Map.of("PORT", "8080"))), "--clustername");
        String b = optionValue(args(LauncherSettings.from(Map.of("PORT", "8081"))), "--clustername");
        assertNotEquals(a, b);
    }

    @Test
    @DisplayName("the default cluster members follow CALIBRATE_CLUSTER_PORT")
    void clusterPort() {
        List<String> a = args(LauncherSettings.from(Map.of("CALIBRATE_CLUSTER_PORT", "7000")));
        assertOption(a, "--clustermode", "tcpip:127.0.0.1:7000");
        assertOption(a, "--startport", "7000");
    }

    @Test
    @DisplayName("the preboot commands bind the HTTP listener to the configured address")
    void prebootBindsTheHttpListener() {
        String listener = "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=";
        assertEquals(listener + "127.0.0.1", DEFAULTS.prebootCommands().strip());
        assertEquals(listener + "0.0.0.0",
                LauncherSettings.from(Map.of("CALIBRATE_BIND_ADDRESS", "0.0.0.0")).prebootCommands().strip());
    }

    @Test
    @DisplayName("a PORT that is not a number is an error naming PORT")
    void portNotANumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LauncherSettings.from(Map.of("PORT", "eighty")));
        assertTrue(e.getMessage().contains("PORT"), e.getMessage());
        assertTrue(e.getMessage().contains("eighty"), e.getMessage());
    }

    @Test
    @DisplayName("a PostgreSQL URL uses PGSimpleDataSource and the environment's credentials, not embedded ones")
    void postgres() {
        LauncherSettings s = LauncherSettings.from(Map.of("CALIBRATE_DB_URL", "jdbc:postgresql://db:5432/calibrate",
                "CALIBRATE_DB_USER", "calibrate"));
        Map<String, String> props = s.systemProperties();
        assertEquals("org.postgresql.ds.PGSimpleDataSource", props.get("calibrate.db.datasource"));
        assertEquals("jdbc:postgresql://db:5432/calibrate", props.get("calibrate.db.url"));
        assertFalse(props.containsKey("calibrate.db.user"), props::toString);
        assertFalse(props.containsKey("calibrate.db.password"), props::toString);
    }

    @Test
    @DisplayName("the embedded database gets its own credentials")
    void embeddedCredentials() {
        Map<String, String> props = DEFAULTS.systemProperties();
        assertTrue(props.containsKey("calibrate.db.user"), props::toString);
        assertTrue(props.containsKey("calibrate.db.password"), props::toString);
    }

    @Test
    @DisplayName("an unsupported database URL is an error naming CALIBRATE_DB_URL")
    void unsupportedDatabase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LauncherSettings.from(Map.of("CALIBRATE_DB_URL", "jdbc:mysql://db/calibrate")).systemProperties());
        assertTrue(e.getMessage().contains("CALIBRATE_DB_URL"), e.getMessage());
    }

    @Test
    @DisplayName("Hazelcast may not bind to every interface")
    void hazelcastDoesNotBindAny() {
        assertEquals("false", DEFAULTS.systemProperties().get("hazelcast.socket.bind.any"));
    }
}
