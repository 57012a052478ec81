package org.calibrate.moderation.entity;

import java.util.Optional;
import java.util.function.Function;

/** Lookup of the moderation settings by the lower-case keys the API and the database use. */
final class Keys {
    private Keys() {
    }

    static <E> Optional<E> of(E[] values, String key, Function<E, String> keyOf) {
        for (E v : values) {
            if (keyOf.apply(v).equals(key)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
