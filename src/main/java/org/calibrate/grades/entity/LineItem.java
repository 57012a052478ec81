package org.calibrate.grades.entity;

import java.net.URI;
import java.util.Optional;

/** AGS 2.0 §3.2 line item: a gradebook column; {@code id} is its URL once the platform made it. */
public record LineItem(Optional<URI> id, String label, double scoreMaximum, Optional<String> resourceLinkId,
                       Optional<String> resourceId, Optional<String> tag) {
    public LineItem {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a line item needs a label (AGS 2.0 §3.2.7)");
        }
        if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
            throw new IllegalArgumentException("a line item's scoreMaximum must be above 0 (AGS 2.0 §3.2.8)");
        }
    }
}
