package org.calibrate.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.Platform;
import org.calibrate.platform.entity.PlatformDefinition;
import org.calibrate.platform.entity.RegisteredPlatform;
import org.calibrate.runtime.Settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The registered platforms. Platform files are read at start-up and stored; a malformed file is
 * reported (file, field, reason) and skipped, and stops nothing else.
 */
@ApplicationScoped
public class PlatformRegistry {
    private static final Logger LOG = Logger.getLogger(PlatformRegistry.class.getName());

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    FramingOrigins framing;
    @Inject
    Settings settings;
    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();
    private final List<PlatformFileProblem> problems = new CopyOnWriteArrayList<>();

    @Transactional
    void loadFiles(@Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object start) {
        Path dir = settings.ltiConfigDir().resolve("platforms");
        if (!Files.isDirectory(dir)) {
            LOG.warning(() -> "No platform folder at " + dir + "; only platforms stored earlier can launch");
            return;
        }
        PlatformFileReader reader = new PlatformFileReader(settings.publicUrl().toString());
        for (Path file : jsonFiles(dir)) {
            String name = file.getFileName().toString();
            PlatformFileReader.Result result;
            try {
                result = reader.read(name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | java.io.UncheckedIOException e) {
                result = new PlatformFileReader.Result(Optional.empty(),
                        List.of(new PlatformFileProblem(name, "-", "cannot be read as UTF-8 text: " + e.getMessage())));
            }
            result.problems().forEach(p -> {
                problems.add(p);
                LOG.warning(() -> "Platform file not loaded: " + p);
            });
            result.definition().ifPresent(d -> store(name, d));
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            LOG.warning(() -> "Cannot list platform folder " + dir + ": " + e.getMessage());
            return List.of();
        }
    }

    private void store(String file, PlatformDefinition definition) {
        Instant now = clock.instant();
        Optional<Platform> existing = entity(definition.issuer(), definition.clientId());
        if (definition.demo() && !settings.demoEnabled()) {
            // The demo LMS's private key lives in this database: with the demo off, it must not be able to launch.
            existing.ifPresent(p -> p.disable(now));
            LOG.info(() -> "Demo platform in " + file + " is disabled (CALIBRATE_DEMO=false)");
            return;
        }
        if (existing.isPresent()) {
            existing.get().apply(definition, file, now);
        } else {
            em.persist(new Platform(definition, Platform.Source.FILE, file, now));
            audit.record(AuditLog.SYSTEM, "platform.registered", definition.issuer() + " " + definition.clientId(), "from " + file);
        }
        LOG.info(() -> "Platform " + definition.issuer() + " (client " + definition.clientId() + ", "
                + definition.deploymentIds().size() + " deployments) loaded from " + file);
    }

    /**
     * Stores what dynamic registration produced. The same platform registering again (Moodle's
     * {@code reg-update}) updates its registration instead of adding another.
     *
     * @return true when the registration is new
     */
    @Transactional
    public boolean register(PlatformDefinition definition, String grantedScopes, String productFamily, String actor) {
        framing.invalidate();
        Instant now = clock.instant();
        Optional<Platform> existing = entity(definition.issuer(), definition.clientId());
        Platform platform = existing.orElseGet(() -> new Platform(definition, Platform.Source.DYNAMIC, null, now));
        if (existing.isPresent()) {
            platform.apply(definition, platform.sourceFile().orElse(null), now, true);
        } else {
            em.persist(platform);
        }
        platform.registered(grantedScopes, productFamily);
        audit.record(actor, existing.isPresent() ? "platform.reregistered" : "platform.registered",
                definition.issuer() + " " + definition.clientId(),
                "dynamic registration; deployments " + definition.deploymentIds() + "; scopes " + grantedScopes);
        return existing.isEmpty();
    }

    /** An admin's new registration, typed into the admin page. */
    @Transactional
    public Platform add(PlatformDefinition definition, String actor) {
        framing.invalidate();
        if (entity(definition.issuer(), definition.clientId()).isPresent()) {
            throw new IllegalStateException("A registration for this issuer and client id exists already; edit it instead.");
        }
        Platform platform = new Platform(definition, Platform.Source.MANUAL, null, clock.instant());
        em.persist(platform);
        audit.record(actor, "platform.added", definition.issuer() + " " + definition.clientId(), "deployments " + definition.deploymentIds());
        return platform;
    }

    /**
     * An admin's edit. Registrations from files are edited in their file (it is read again at every start).
     *
     * @param version the version the admin saw; a different one means someone else changed it meanwhile
     */
    @Transactional
    public Platform edit(long id, long version, PlatformDefinition definition, String actor) {
        framing.invalidate();
        Platform platform = editable(id, version);
        if (platform.source() == Platform.Source.FILE) {
            throw new IllegalStateException("This registration comes from " + platform.sourceFile().orElse("a platform file")
                    + "; edit that file and restart Calibrate.");
        }
        RegisteredPlatform before = platform.view();
        if (!before.issuer().equals(definition.issuer()) || !before.clientId().equals(definition.clientId())) {
            throw new IllegalStateException("Issuer and client id identify a registration and cannot change; add a new registration instead.");
        }
        platform.apply(definition, null, clock.instant());
        audit.record(actor, "platform.edited", definition.issuer() + " " + definition.clientId(), "deployments " + definition.deploymentIds());
        return platform;
    }

    @Transactional
    public Platform enable(long id, long version, boolean on, String actor) {
        framing.invalidate();
        Platform platform = editable(id, version);
        platform.adminEnabled(on, clock.instant());
        RegisteredPlatform view = platform.view();
        audit.record(actor, on ? "platform.enabled" : "platform.disabled", view.issuer() + " " + view.clientId(), null);
        return platform;
    }

    private Platform editable(long id, long version) {
        Platform platform = em.find(Platform.class, id);
        if (platform == null) {
            throw new java.util.NoSuchElementException("No such platform registration.");
        }
        if (platform.version() != version) {
            throw new jakarta.persistence.OptimisticLockException("platform " + id + " changed");
        }
        return platform;
    }

    private Optional<Platform> entity(Issuer issuer, ClientId clientId) {
        return em.createQuery("select p from Platform p where p.issuer = :iss and p.clientId = :client", Platform.class)
                .setParameter("iss", issuer.value()).setParameter("client", clientId.value())
                .getResultStream().findFirst();
    }

    public Optional<RegisteredPlatform> find(Issuer issuer, ClientId clientId) {
        return entity(issuer, clientId).map(Platform::view);
    }

    public List<RegisteredPlatform> findByIssuer(Issuer issuer) {
        return em.createQuery("select p from Platform p where p.issuer = :iss", Platform.class)
                .setParameter("iss", issuer.value()).getResultStream().map(Platform::view).toList();
    }

    /** The issuers and login URLs of the enabled platforms: where a launch may frame Calibrate from. */
    @Transactional
    public List<String> framingUrls() {
        List<String> urls = new java.util.ArrayList<>();
        for (Platform p : all()) {
            RegisteredPlatform v = p.view();
            if (v.enabled()) {
                urls.add(v.issuer().value());
                urls.add(v.authLoginUrl().toString());
            }
        }
        return urls;
    }

    public List<Platform> all() {
        return em.createQuery("select p from Platform p order by p.issuer, p.clientId", Platform.class).getResultList();
    }

    public List<PlatformFileProblem> problems() {
        return new ArrayList<>(problems);
    }
}
