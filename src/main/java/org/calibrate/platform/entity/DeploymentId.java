package org.calibrate.platform.entity;

/** One installation of the tool in a platform (LTI Core §3.1.3, {@code deployment_id}), case-sensitive. */
public record DeploymentId(String value) {
    public DeploymentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("DeploymentId must not be blank");
        }
        if (value.length() > 255 * 2) {
            throw new IllegalArgumentException("DeploymentId is longer than 510 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
