package org.calibrate.platform.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A stored platform registration (issuer + client id) with its deployments. */
@Entity
@Table(name = "platform")
public class Platform {
    /** Where a registration came from; files are re-read at every start and win for their own registrations. */
    public enum Source { FILE, DYNAMIC, MANUAL }

    @Id
    @SequenceGenerator(name = "platform_seq", sequenceName = "platform_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "platform_seq")
    private Long id;
    @Column(nullable = false)
    private String issuer;
    @Column(name = "client_id", nullable = false)
    private String clientId;
    @Column(name = "auth_login_url", nullable = false)
    private String authLoginUrl;
    @Column(name = "auth_token_url")
    private String authTokenUrl;
    @Column(name = "key_set_url", nullable = false)
    private String keySetUrl;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;
    @Column(name = "source_file")
    private String sourceFile;
    @Column(nullable = false)
    private boolean enabled;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @OneToMany(mappedBy = "platform", cascade = CascadeType.ALL)
    private List<Deployment> deployments = new ArrayList<>();

    protected Platform() {
    }

    public Platform(PlatformDefinition definition, Source source, String sourceFile, Instant now) {
        this.issuer = definition.issuer().value();
        this.clientId = definition.clientId().value();
        this.source = source;
        this.createdAt = now;
        apply(definition, sourceFile, now);
    }

    /** Takes the definition's endpoints and deployments; deployments no longer listed are disabled, not deleted. */
    public final void apply(PlatformDefinition definition, String sourceFile, Instant now) {
        this.authLoginUrl = definition.authLoginUrl().toString();
        this.authTokenUrl = definition.authTokenUrl().map(URI::toString).orElse(null);
        this.keySetUrl = definition.keySetUrl().toString();
        this.name = definition.name().orElse(null);
        this.sourceFile = sourceFile;
        this.enabled = true;
        this.updatedAt = now;
        for (Deployment d : deployments) {
            d.enabled(definition.deploymentIds().contains(d.deploymentId()));
        }
        for (DeploymentId id : definition.deploymentIds()) {
            if (deployments.stream().noneMatch(d -> d.deploymentId().equals(id))) {
                deployments.add(new Deployment(this, id));
            }
        }
    }

    public void disable(Instant now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    public RegisteredPlatform view() {
        return new RegisteredPlatform(id, new Issuer(issuer), new ClientId(clientId), URI.create(authLoginUrl),
                Optional.ofNullable(authTokenUrl).map(URI::create), URI.create(keySetUrl),
                deployments.stream().filter(Deployment::enabled).map(Deployment::deploymentId).collect(Collectors.toSet()),
                enabled);
    }

    public Long id() {
        return id;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Source source() {
        return source;
    }

    public Optional<String> sourceFile() {
        return Optional.ofNullable(sourceFile);
    }
}
