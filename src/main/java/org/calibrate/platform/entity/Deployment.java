package org.calibrate.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One deployment of the tool in a platform. */
@Entity
@Table(name = "deployment")
public class Deployment {
    @Id
    @SequenceGenerator(name = "deployment_seq", sequenceName = "deployment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deployment_seq")
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "platform_id")
    private Platform platform;
    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;
    @Column(nullable = false)
    private boolean enabled;

    protected Deployment() {
    }

    Deployment(Platform platform, DeploymentId deploymentId) {
        this.platform = platform;
        this.deploymentId = deploymentId.value();
        this.enabled = true;
    }

    public DeploymentId deploymentId() {
        return new DeploymentId(deploymentId);
    }

    public boolean enabled() {
        return enabled;
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }
}
