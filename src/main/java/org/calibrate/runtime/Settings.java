package org.calibrate.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The application's settings (MicroProfile Config: environment variables such as
 * {@code CALIBRATE_PUBLIC_URL}, or system properties). Documented in docs/configuration.md.
 */
@ApplicationScoped
public class Settings {
    private URI publicUrl;
    private Path ltiConfigDir;
    private boolean demo;
    private Duration keyOverlap;
    private Duration sessionLifetime;
    private boolean embeddedDatabase;
    private java.util.Set<String> registrationHosts;
    private Duration gradePollInterval;
    private Duration gradeRetryBase;

    protected Settings() {
    }

    @Inject
    public Settings(@ConfigProperty(name = "calibrate.public.url") Optional<String> publicUrl,
                    @ConfigProperty(name = "calibrate.port", defaultValue = "8080") int port,
                    @ConfigProperty(name = "calibrate.lti.config.dir", defaultValue = "lti-config") String ltiConfigDir,
                    @ConfigProperty(name = "calibrate.demo") Optional<Boolean> demo,
                    @ConfigProperty(name = "calibrate.db.url", defaultValue = "jdbc:h2:") String dbUrl,
                    @ConfigProperty(name = "calibrate.key.overlap", defaultValue = "P7D") String keyOverlap,
                    @ConfigProperty(name = "calibrate.session.lifetime", defaultValue = "PT2H") String sessionLifetime,
                    @ConfigProperty(name = "calibrate.registration.hosts") Optional<String> registrationHosts,
                    @ConfigProperty(name = "calibrate.grades.poll", defaultValue = "PT5S") String gradePollInterval,
                    @ConfigProperty(name = "calibrate.grades.retry.base", defaultValue = "PT30S") String gradeRetryBase) {
        this.publicUrl = URI.create(stripTrailingSlash(publicUrl.orElse("http://127.0.0.1:" + port)));
        this.ltiConfigDir = Path.of(ltiConfigDir).toAbsolutePath().normalize();
        this.embeddedDatabase = dbUrl.startsWith("jdbc:h2:");
        this.demo = demo.orElse(embeddedDatabase);
        this.keyOverlap = Duration.parse(keyOverlap);
        this.sessionLifetime = Duration.parse(sessionLifetime);
        this.gradePollInterval = Duration.parse(gradePollInterval);
        this.gradeRetryBase = Duration.parse(gradeRetryBase);
        this.registrationHosts = registrationHosts.map(h -> java.util.Arrays.stream(h.split(","))
                .map(String::strip).filter(x -> !x.isEmpty()).map(x -> x.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet())).orElse(java.util.Set.of());
    }

    /** Dynamic registration is open to any LMS unless the operator lists the hosts allowed (CALIBRATE_REGISTRATION_HOSTS). */
    public boolean registrationAllows(String host) {
        return registrationHosts.isEmpty() || (host != null && registrationHosts.contains(host.toLowerCase(java.util.Locale.ROOT)));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The URL an LMS reaches us at (behind a TLS reverse proxy in production); every URL we hand out starts with it. */
    public URI publicUrl() {
        return publicUrl;
    }

    public URI url(String path) {
        return URI.create(publicUrl + path);
    }

    public Path ltiConfigDir() {
        return ltiConfigDir;
    }

    public boolean demoEnabled() {
        return demo;
    }

    public boolean embeddedDatabase() {
        return embeddedDatabase;
    }

    /** How long a rotated-out public key stays in the JWKS, so tokens signed just before a rotation still verify. */
    public Duration keyOverlap() {
        return keyOverlap;
    }

    /** How often each node looks for due scores in the grade outbox. */
    public Duration gradePollInterval() {
        return gradePollInterval;
    }

    /** The first back-off after a failed grade send; it doubles per attempt up to an hour. */
    public Duration gradeRetryBase() {
        return gradeRetryBase;
    }

    public Duration sessionLifetime() {
        return sessionLifetime;
    }
}
