package org.calibrate.rubrics.control;

import org.calibrate.rubrics.entity.RubricDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The rubrics that come with Calibrate, taken from the scoring documents in the seeds, read from the class path. */
public final class ShippedRubrics {
    /** In the order a moderator is offered them. */
    static final List<String> FAMILIES = List.of("ny-short-response-2-point", "ny-expository-6-8-4-point",
            "chicago-writing-standards");

    /** A shipped rubric and the family name it is known by (also its file name under {@code /rubrics}). */
    public record Shipped(String family, RubricDefinition definition) {
    }

    private ShippedRubrics() {
    }

    public static List<Shipped> all() {
        return Loaded.ALL;
    }

    public static Optional<Shipped> family(String family) {
        return all().stream().filter(s -> s.family().equals(family)).findFirst();
    }

    /** Read once, on first use; the records are immutable, so every caller can share them. */
    private static final class Loaded {
        static final List<Shipped> ALL = FAMILIES.stream().map(f -> new Shipped(f, load(f))).toList();

        private static RubricDefinition load(String family) {
            String resource = "/rubrics/" + family + ".json";
            try (InputStream in = ShippedRubrics.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The build lost " + resource);
                }
                // A shipped rubric obeys the same rules as an imported one; a broken file fails at first use.
                return RubricJson.importJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
    }
}
