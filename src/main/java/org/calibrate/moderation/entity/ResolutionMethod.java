package org.calibrate.moderation.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * How a piece's final score came about. The first four follow from the scores and the round's rules; the
 * last two are a moderator's decision, made with a rationale.
 */
public enum ResolutionMethod {
    /** Every scorer gave the same levels. */
    AGREED,
    /** Only one scorer scored the piece (a round that double-scores a sample). */
    SINGLE,
    /** Scores within the tolerance, settled by the round's adjacent rule. */
    RULE,
    /** A third, blind scorer's levels. */
    ADJUDICATION,
    /** The levels adjusted for the scorers' severity (many-facet Rasch fair levels, rounded), by the round's rule. */
    FAIR,
    /** Levels the moderators agreed in discussion. */
    CONSENSUS,
    /** Not scorable: a condition code the moderator assigned (blank, illegible, …). */
    CONDITION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean automatic() {
        return this == AGREED || this == SINGLE || this == RULE || this == ADJUDICATION || this == FAIR;
    }

    public static Optional<ResolutionMethod> of(String key) {
        return Keys.of(values(), key, ResolutionMethod::key);
    }
}
