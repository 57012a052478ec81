package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Bounds of intake (documented in docs/configuration.md): the largest single file
 * ({@code CALIBRATE_INTAKE_MAX_FILE}, bytes, 25 MiB by default), the largest upload of one import
 * ({@code CALIBRATE_INTAKE_MAX_IMPORT}, bytes, 256 MiB), how often each node looks for import work
 * ({@code CALIBRATE_INTAKE_POLL}) and how long a node's claim on a job lasts without a sign of life
 * ({@code CALIBRATE_INTAKE_LEASE}).
 */
@ApplicationScoped
public class IntakePolicy {
    private long maxFileBytes;
    private long maxImportBytes;
    private Duration poll;
    private Duration lease;

    protected IntakePolicy() {
    }

    @Inject
    public IntakePolicy(@ConfigProperty(name = "calibrate.intake.max.file", defaultValue = "26214400") long maxFileBytes,
                        @ConfigProperty(name = "calibrate.intake.max.import", defaultValue = "268435456") long maxImportBytes,
                        @ConfigProperty(name = "calibrate.intake.poll", defaultValue = "PT2S") String poll,
                        @ConfigProperty(name = "calibrate.intake.lease", defaultValue = "PT1M") String lease) {
        if (maxFileBytes < 1024 || maxImportBytes < maxFileBytes || maxImportBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("CALIBRATE_INTAKE_MAX_FILE must be at least 1024 bytes and at most CALIBRATE_INTAKE_MAX_IMPORT (below 2 GiB).");
        }
        this.maxFileBytes = maxFileBytes;
        this.maxImportBytes = maxImportBytes;
        this.poll = Duration.parse(poll);
        this.lease = Duration.parse(lease);
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public long maxImportBytes() {
        return maxImportBytes;
    }

    public Duration poll() {
        return poll;
    }

    public Duration lease() {
        return lease;
    }
}
