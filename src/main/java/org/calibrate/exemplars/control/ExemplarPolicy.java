package org.calibrate.exemplars.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.exemplars.entity.ConsentPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.Period;

/**
 * The school's settings for the exemplar library: the consent policy ({@code CALIBRATE_EXEMPLARS_CONSENT}:
 * implied, opt-out or opt-in; opt-out by default) and the longest retention ({@code CALIBRATE_EXEMPLARS_RETENTION},
 * an ISO-8601 period, five years by default).
 */
@ApplicationScoped
public class ExemplarPolicy {
    private ConsentPolicy consent;
    private Period retention;

    protected ExemplarPolicy() {
    }

    @Inject
    public ExemplarPolicy(@ConfigProperty(name = "calibrate.exemplars.consent", defaultValue = "opt-out") String consent,
                          @ConfigProperty(name = "calibrate.exemplars.retention", defaultValue = "P5Y") String retention) {
        this.consent = ConsentPolicy.of(consent.strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "CALIBRATE_EXEMPLARS_CONSENT must be implied, opt-out or opt-in, not \"" + consent + "\"."));
        this.retention = Period.parse(retention.strip());
        if (this.retention.isNegative() || this.retention.isZero()) {
            throw new IllegalArgumentException("CALIBRATE_EXEMPLARS_RETENTION must be a positive period such as P5Y.");
        }
    }

    public ConsentPolicy consent() {
        return consent;
    }

    public Period retention() {
        return retention;
    }

    /** The latest date an exemplar saved today may be kept until. */
    public LocalDate longestKeep(LocalDate today) {
        return today.plus(retention);
    }
}
