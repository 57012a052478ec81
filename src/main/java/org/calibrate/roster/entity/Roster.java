package org.calibrate.roster.entity;

import java.util.List;
import java.util.Optional;

/**
 * A whole course roster, all pages read, and the platform's differences link for the next
 * incremental read when it offers one (NRPS 2.0 §2.4.2).
 */
public record Roster(String contextId, List<Member> members, Optional<String> differencesUrl, int pages) {
    public Roster {
        members = List.copyOf(members);
    }
}
