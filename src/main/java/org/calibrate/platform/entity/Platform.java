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
    /** An admin's "off" outlives the platform file being read again at start-up. */
    @Column(name = "admin_disabled", nullable = false)
    private boolean adminDisabled;
    @Column(name = "granted_scopes")
    private String grantedScopes;
    @Column(name = "product_family")
    private String productFamily;
    @Column(name = "auth_token_audience")
    private String tokenAudience;
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
        apply(definition, sourceFile, now, false);
    }

    /**
     * @param keepOtherDeployments a registration names only the deployment it made; earlier ones stay
     */
    public final void apply(PlatformDefinition definition, String sourceFile, Instant now, boolean keepOtherDeployments) {
        this.authLoginUrl = definition.authLoginUrl().toString();
        this.authTokenUrl = definition.authTokenUrl().map(URI::toString).orElse(null);
        this.keySetUrl = definition.keySetUrl().toString();
        this.tokenAudience = definition.tokenAudience().orElse(null);
        this.name = definition.name().orElse(null);
        this.sourceFile = sourceFile;
        this.enabled = true;
        this.updatedAt = now;
        for (Deployment d : deployments) {
            if (definition.deploymentIds().contains(d.deploymentId())) {
                d.enabled(true);
            } else if (!keepOtherDeployments) {
                d.enabled(false);
            }
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

    /** An admin switches the registration off or on again; launches and service calls follow at once. */
    public void adminEnabled(boolean on, Instant now) {
        this.adminDisabled = !on;
        this.updatedAt = now;
    }

    /** What dynamic registration learnt about the platform. */
    public void registered(String grantedScopes, String productFamily) {
        this.grantedScopes = grantedScopes;
        this.productFamily = productFamily;
    }

    public boolean adminDisabled() {
        return adminDisabled;
    }

    public Optional<String> grantedScopes() {
        return Optional.ofNullable(grantedScopes);
    }

    /** The client assertion's audience when the platform wants another than its token URL. */
    public Optional<String> tokenAudience() {
        return Optional.ofNullable(tokenAudience);
    }

    public Optional<String> productFamily() {
        return Optional.ofNullable(productFamily);
    }

    public List<Deployment> deployments() {
        return List.copyOf(deployments);
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public RegisteredPlatform view() {
        return new RegisteredPlatform(id, new Issuer(issuer), new ClientId(clientId), URI.create(authLoginUrl),
                Optional.ofNullable(authTokenUrl).map(URI::create), URI.create(keySetUrl),
                deployments.stream().filter(Deployment::enabled).map(Deployment::deploymentId).collect(Collectors.toSet()),
                enabled && !adminDisabled);
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
