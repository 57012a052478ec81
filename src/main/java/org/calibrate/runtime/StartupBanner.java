package org.calibrate.runtime;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.logging.Logger;

/** Tells the operator, once the application is up, the URLs an LMS admin needs. */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    Settings settings;

    void started(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @Initialized(ApplicationScoped.class) Object start) {
        StringBuilder b = new StringBuilder("Calibrate is ready at ").append(settings.publicUrl()).append('\n')
                .append("  Tool JWKS (public keys):  ").append(settings.url("/lti/jwks")).append('\n')
                .append("  OIDC login initiation:    ").append(settings.url("/lti/login")).append('\n')
                .append("  Launch (redirect URI):    ").append(settings.url("/lti/launch")).append('\n')
                .append("  Health:                   ").append(settings.url("/health")).append('\n')
                .append("  Platform files:           ").append(settings.ltiConfigDir().resolve("platforms")).append('\n');
        if (settings.demoEnabled()) {
            b.append("  Demo LMS:                 ").append(settings.url("/demo/")).append("  (CALIBRATE_DEMO=false turns it off)");
        } else {
            b.append("  Demo LMS:                 off");
        }
        LOG.info(b::toString);
    }
}
