package org.calibrate.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorisation matrix over every /api route the resources declare (the list {@code OpenApiIT} keeps in step with
 * them): without a session or with a forged one, 401; the admin routes refuse a teacher with 403 and let an admin read.
 * Round routes are checked member by member in {@code RoundsAccessIT}.
 */
@ExtendWith(CalibrateServer.class)
class ApiAuthorisationIT {

    @Test
    @DisplayName("every /api route: 401 without a session or with a forged token; /api/admin 403 for teachers, readable by admins")
    void everyRouteChecksTheSessionAndAdminRoutesTheRole() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        List<String> wrong = new ArrayList<>();
        for (String route : OpenApiIT.ROUTES) {
            if (OpenApiIT.PUBLIC.contains(route)) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            // Path parameters get values that exist nowhere: authorisation must answer before any look-up.
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1");
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            for (String token : new String[] {null, "forged.token.value"}) {
                int status = f.api.call(method, path, body, token).status();
                if (status != 401) {
                    wrong.add(route + (token == null ? " without a token" : " with a forged token") + " → " + status);
                }
            }
            if (path.startsWith("/api/admin/")) {
                int teacher = f.api.call(method, path, body, f.token("demo-t-01")).status();
                if (teacher != 403) {
                    wrong.add(route + " as a teacher → " + teacher);
                }
                // Only reads: an admin's POST here would really rotate the tool's keys on the shared server.
                if (method.equals("GET")) {
                    int admin = f.api.call(method, path, body, f.token(RoundFixture.ADMIN)).status();
                    if (admin == 401 || admin == 403) {
                        wrong.add(route + " as an admin → " + admin);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
