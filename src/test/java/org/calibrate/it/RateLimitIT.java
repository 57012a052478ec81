package org.calibrate.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LTI endpoints anyone can call answer 429 with Retry-After past the per-address limit; the rest of the tool does not. */
class RateLimitIT {

    @Test
    void loginInitiationIsLimitedPerAddress() throws Exception {
        Path work = Files.createTempDirectory("calibrate-rate-limit");
        try (TestPlatform platform = new TestPlatform()) {
            CalibrateServer.Running server = CalibrateServer.startSeparate(platform, work, Map.of("CALIBRATE_LTI_RATE_LIMIT", "5/0.2"),
                    "it-rate-limit.log");
            try {
                LtiClient client = new LtiClient(server.url());
                for (int i = 0; i < 5; i++) {
                    assertEquals(400, client.get("/lti/login", null).statusCode(), "a login without parameters is refused, and counted");
                }
                HttpResponse<String> limited = client.get("/lti/login", null);
                assertEquals(429, limited.statusCode(), limited.body());
                assertEquals("rate_limited", limited.headers().firstValue("X-Calibrate-Error").orElse(""));
                int retryAfter = Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
                assertEquals(429, client.get("/lti/launch", null).statusCode(), "one bucket for the address across the LTI endpoints");
                assertEquals(200, client.get("/lti/jwks", null).statusCode(), "the key set is not limited: platforms fetch it");
                assertEquals(200, client.get("/health", null).statusCode());
            } finally {
                server.stop();
            }
        }
    }
}
