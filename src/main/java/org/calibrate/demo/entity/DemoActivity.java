package org.calibrate.demo.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An activity a teacher placed in the demo course through deep linking: a resource link to the tool. */
@Entity
@Table(name = "demo_activity")
public class DemoActivity {
    @Id
    @Column(name = "resource_link_id")
    private String resourceLinkId;
    @Column(name = "client_id", nullable = false)
    private String clientId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String url;
    /** The item's custom parameters as a JSON object. */
    private String custom;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DemoActivity() {
    }

    public DemoActivity(String resourceLinkId, String clientId, String title, String url, String custom, Instant now) {
        this.resourceLinkId = resourceLinkId;
        this.clientId = clientId;
        this.title = title;
        this.url = url;
        this.custom = custom;
        this.createdAt = now;
    }

    public String resourceLinkId() {
        return resourceLinkId;
    }

    public String clientId() {
        return clientId;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public String custom() {
        return custom;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
