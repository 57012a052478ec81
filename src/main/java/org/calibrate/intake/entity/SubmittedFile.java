package org.calibrate.intake.entity;

import java.util.Optional;

/**
 * One file a student handed in, as a source delivered it. The name and the declared type are the
 * source's word only: formats are recognised from the content. Held in memory, so every source
 * bounds its size before building one.
 */
public record SubmittedFile(String name, Optional<String> declaredType, byte[] content) {
    public SubmittedFile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a submitted file needs a name");
        }
        declaredType = declaredType == null ? Optional.empty() : declaredType;
        if (content == null) {
            throw new IllegalArgumentException("a submitted file needs its content");
        }
    }

    public long size() {
        return content.length;
    }
}
