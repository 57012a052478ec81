package org.calibrate.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherSettingsTest {
    private static List<String> args(LauncherSettings s) {
        return s.payaraArguments(Path.of("/tmp/pre.txt"), Path.of("/tmp/log.properties"));
    }

    private static String after(List<String> args, String flag) {
        return args.get(args.indexOf(flag) + 1);
    }

    @Test
    void defaultsAreLoopbackOnly() {
        LauncherSettings s = LauncherSettings.from(Map.of());
        List<String> a = args(s);
        assertEquals("8080", after(a, "--port"));
        assertEquals("127.0.0.1", after(a, "--interfaces"));
        assertEquals("tcpip:127.0.0.1:6900", after(a, "--clustermode"));
        assertTrue(a.contains("--disablephonehome"));
        assertFalse(a.contains("--nocluster"), "--nocluster still listens on every interface");
        assertTrue(s.prebootCommands().contains("http-listener.address=127.0.0.1"));
        assertEquals("false", s.systemProperties().get("hazelcast.socket.bind.any"));
        assertTrue(s.dbUrl().startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath()));
        assertEquals("org.h2.jdbcx.JdbcDataSource", s.systemProperties().get("calibrate.db.datasource"));
        assertEquals("calibrate", s.systemProperties().get("calibrate.db.user"));
    }

    @Test
    void clusterNamesDifferPerPortSoLocalInstancesNeverMerge() {
        assertNotEquals(after(args(LauncherSettings.from(Map.of("PORT", "8080"))), "--clustername"),
                after(args(LauncherSettings.from(Map.of("PORT", "8081"))), "--clustername"));
    }

    @Test
    void explicitSettings() {
        LauncherSettings s = LauncherSettings.from(Map.of("PORT", "9000", "CALIBRATE_BIND_ADDRESS", "0.0.0.0",
                "CALIBRATE_CLUSTER_MEMBERS", "10.0.0.5:6900,10.0.0.6:6900", "CALIBRATE_CLUSTER_INTERFACES", "10.0.0.*",
                "CALIBRATE_DB_URL", "jdbc:postgresql://db:5432/calibrate", "CALIBRATE_DB_USER", "cal"));
        List<String> a = args(s);
        assertEquals("tcpip:10.0.0.5:6900,10.0.0.6:6900", after(a, "--clustermode"));
        assertEquals("10.0.0.*", after(a, "--interfaces"));
        assertTrue(s.prebootCommands().contains("address=0.0.0.0"));
        assertEquals("org.postgresql.ds.PGSimpleDataSource", s.systemProperties().get("calibrate.db.datasource"));
        assertFalse(s.systemProperties().containsKey("calibrate.db.user"), "the environment's credentials are used, not ours");
    }

    @Test
    void badValuesSayWhichSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LauncherSettings.from(Map.of("PORT", "eighty")));
        assertTrue(e.getMessage().contains("PORT"));
        IllegalArgumentException db = assertThrows(IllegalArgumentException.class,
                () -> LauncherSettings.from(Map.of("CALIBRATE_DB_URL", "jdbc:mysql://x/y")).systemProperties());
        assertTrue(db.getMessage().contains("CALIBRATE_DB_URL"));
    }
}
