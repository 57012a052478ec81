package org.calibrate.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.keys.control.ToolKeys;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** An active tool signing key exists (the JWKS has something to publish). */
@Readiness
@ApplicationScoped
public class KeysHealth implements HealthCheck {
    @Inject
    ToolKeys keys;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("tool-keys").status(keys.healthy()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("tool-keys").down().build();
        }
    }
}
