package org.calibrate.runtime;

import org.calibrate.privacy.boundary.PrivacyResource;
import org.calibrate.audit.boundary.AuditResource;
import org.calibrate.rounds.boundary.ReleaseResource;
import org.calibrate.rounds.boundary.ReviewResource;
import org.calibrate.intake.boundary.ImportsResource;
import org.calibrate.intake.boundary.MoodleConnectionResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.calibrate.allocation.boundary.AllocationResource;
import org.calibrate.calibration.boundary.CalibrationResource;
import org.calibrate.demo.boundary.DemoResource;
import org.calibrate.moderation.boundary.ChartResource;
import org.calibrate.moderation.boundary.DiscussionsResource;
import org.calibrate.moderation.boundary.FinalisationResource;
import org.calibrate.moderation.boundary.MeetingResource;
import org.calibrate.moderation.boundary.ModerationResource;
import org.calibrate.exemplars.boundary.CalibrationExemplarsResource;
import org.calibrate.exemplars.boundary.ExemplarsResource;
import org.calibrate.reports.boundary.ReportsResource;
import org.calibrate.rounds.boundary.MembersResource;
import org.calibrate.rounds.boundary.PiecesResource;
import org.calibrate.rounds.boundary.RoundsResource;
import org.calibrate.rubrics.boundary.RubricsResource;
import org.calibrate.scoring.boundary.AlertsResource;
import org.calibrate.scoring.boundary.FlagsResource;
import org.calibrate.scoring.boundary.ProgressResource;
import org.calibrate.scoring.boundary.QueueResource;
import org.calibrate.demo.boundary.DemoServicesResource;
import org.calibrate.deeplinking.boundary.DeepLinkingResource;
import org.calibrate.grades.boundary.GradesResource;
import org.calibrate.keys.boundary.JwksResource;
import org.calibrate.registration.boundary.RegistrationResource;
import org.calibrate.roster.boundary.RosterResource;
import org.calibrate.keys.boundary.KeysResource;
import org.calibrate.keys.boundary.DataKeysResource;
import org.calibrate.launch.boundary.FormPosts;
import org.calibrate.launch.boundary.LaunchResource;
import org.calibrate.launch.boundary.LtiExceptions;
import org.calibrate.launch.boundary.LoginResource;
import org.calibrate.platform.boundary.PlatformsResource;
import org.calibrate.platform.boundary.ToolConfigurationResource;
import org.calibrate.session.boundary.ApiAuthorization;
import org.calibrate.session.boundary.ApiExceptions;
import org.calibrate.session.boundary.MeResource;
import org.calibrate.session.boundary.SessionResource;

import java.util.Map;
import java.util.Set;

/**
 * The JAX-RS applications, one per URL space, each listing its classes so that the API's
 * authorisation filter can never be left out of (or leak into) another space.
 */
public final class RestApplications {
    /** No generated WADL: it would describe internals to anyone who asks; the API is described at /openapi. */
    private static final Map<String, Object> PROPERTIES = Map.of("jersey.config.server.wadl.disableWadl", true);

    private RestApplications() {
    }

    /** {@code /lti/*}: the external contract with platforms. */
    @ApplicationPath("/lti")
    public static class Lti extends Application {
        @Override
        public Map<String, Object> getProperties() {
            return PROPERTIES;
        }

        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(LtiExceptions.class, FormPosts.class, JwksResource.class, LoginResource.class, LaunchResource.class, RegistrationResource.class,
                    org.calibrate.notices.boundary.NoticesResource.class);
        }
    }

    /** {@code /api/*}: the JSON API of the front end, every call authorised by session and role. */
    @ApplicationPath("/api")
    public static class Api extends Application {
        @Override
        public Map<String, Object> getProperties() {
            return PROPERTIES;
        }

        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(ApiAuthorization.class, ApiExceptions.class, SessionResource.class, MeResource.class,
                    KeysResource.class, DataKeysResource.class, PlatformsResource.class, DeepLinkingResource.class, RosterResource.class,
                    GradesResource.class, ToolConfigurationResource.class, RubricsResource.class, RoundsResource.class,
                    MembersResource.class, PiecesResource.class, AllocationResource.class, CalibrationResource.class,
                    QueueResource.class, ProgressResource.class, FlagsResource.class, AlertsResource.class, ReportsResource.class, ChartResource.class,
                    ModerationResource.class, DiscussionsResource.class, MeetingResource.class, FinalisationResource.class,
                    ExemplarsResource.class, CalibrationExemplarsResource.class, ImportsResource.class, MoodleConnectionResource.class,
                    ReviewResource.class, ReleaseResource.class, AuditResource.class, PrivacyResource.class);
        }
    }

    /** {@code /demo/*}: the built-in demo LMS; answers 404 when the demo is off. */
    @ApplicationPath("/demo/api")
    public static class Demo extends Application {
        @Override
        public Map<String, Object> getProperties() {
            return PROPERTIES;
        }

        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(DemoResource.class, DemoServicesResource.class);
        }
    }
}
