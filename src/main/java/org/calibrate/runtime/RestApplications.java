package org.calibrate.runtime;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.calibrate.demo.boundary.DemoResource;
import org.calibrate.keys.boundary.JwksResource;
import org.calibrate.keys.boundary.KeysResource;
import org.calibrate.launch.boundary.LaunchResource;
import org.calibrate.launch.boundary.LoginResource;
import org.calibrate.platform.boundary.PlatformsResource;
import org.calibrate.session.boundary.ApiAuthorization;
import org.calibrate.session.boundary.ApiExceptions;
import org.calibrate.session.boundary.MeResource;
import org.calibrate.session.boundary.SessionResource;

import java.util.Set;

/**
 * The JAX-RS applications, one per URL space, each listing its classes so that the API's
 * authorisation filter can never be left out of (or leak into) another space.
 */
public final class RestApplications {
    private RestApplications() {
    }

    /** {@code /lti/*}: the external contract with platforms. */
    @ApplicationPath("/lti")
    public static class Lti extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(JwksResource.class, LoginResource.class, LaunchResource.class);
        }
    }

    /** {@code /api/*}: the JSON API of the front end, every call authorised by session and role. */
    @ApplicationPath("/api")
    public static class Api extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(ApiAuthorization.class, ApiExceptions.class, SessionResource.class, MeResource.class,
                    KeysResource.class, PlatformsResource.class);
        }
    }

    /** {@code /demo/*}: the built-in demo LMS; answers 404 when the demo is off. */
    @ApplicationPath("/demo/api")
    public static class Demo extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(DemoResource.class);
        }
    }
}
