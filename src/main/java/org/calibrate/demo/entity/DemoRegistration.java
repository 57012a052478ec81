package org.calibrate.demo.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;

/** A tool registration the demo LMS accepted through dynamic registration: its client id, deployment and granted scopes. */
@Entity
@Table(name = "demo_registration")
public class DemoRegistration {
    @Id
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;
    @Column(name = "tool_name")
    private String toolName;
    /** The granted scopes, space-separated, as the registration reply states them. */
    @Column(nullable = false)
    private String configuration;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DemoRegistration() {
    }

    public DemoRegistration(String clientId, String deploymentId, Instant now) {
        this.clientId = clientId;
        this.deploymentId = deploymentId;
        this.createdAt = now;
        this.configuration = "";
    }

    public void update(String toolName, String scopes, Instant now) {
        this.toolName = toolName;
        this.configuration = scopes;
        this.updatedAt = now;
    }

    public String clientId() {
        return clientId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public String toolName() {
        return toolName;
    }

    public Set<String> scopes() {
        return configuration.isBlank() ? Set.of() : Set.of(configuration.split(" "));
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
