package org.calibrate.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo LMS is not a back door: the same data folder started first with the demo on, then with
 * {@code CALIBRATE_DEMO=false}, no longer answers under {@code /demo} and refuses the demo
 * platform's logins, although its registration and key are still stored.
 */
class DemoSwitchIT {
    private static Map<String, String> demoLogin(String url) {
        return Map.of("iss", url + "/demo", "login_hint", "demo-t-01", "target_link_uri", url + "/lti/launch",
                "client_id", "calibrate-demo", "lti_deployment_id", "demo-deployment-1");
    }

    @Test
    void turningTheDemoOffClosesItsEndpointsAndItsRegistration() throws Exception {
        Path work = Files.createTempDirectory("calibrate-demo-switch");
        try (TestPlatform platform = new TestPlatform()) {
            CalibrateServer.Running on = CalibrateServer.startSeparate(platform, work, Map.of("CALIBRATE_DEMO", "true"), "it-demo-on.log");
            LtiClient client = new LtiClient(on.url());
            try {
                assertEquals(200, client.get("/demo/api/course", null).statusCode());
                assertEquals(302, client.login(demoLogin(on.url())).response().statusCode(), "the demo can launch while on");
            } finally {
                on.stop();
            }
            // Same public URL, so the stored demo registration is the very same issuer.
            CalibrateServer.Running off = CalibrateServer.startSeparate(platform, work,
                    Map.of("CALIBRATE_DEMO", "false", "PORT", on.url().substring(on.url().lastIndexOf(':') + 1)), "it-demo-off.log");
            try {
                LtiClient offClient = new LtiClient(off.url());
                assertEquals(off.url(), on.url());
                assertEquals(404, offClient.get("/demo/", null).statusCode());
                assertEquals(404, offClient.get("/demo/api/jwks", null).statusCode());
                assertEquals(404, offClient.get("/demo/api/course", null).statusCode());
                HttpResponse<String> login = offClient.login(demoLogin(off.url())).response();
                assertEquals(403, login.statusCode(), login.body());
                assertEquals("platform_disabled", login.headers().firstValue("X-Calibrate-Error").orElse(null));
                assertTrue(Files.readString(off.logFile()).contains("Demo LMS:                 off"));
            } finally {
                off.stop();
            }
        }
    }
}
