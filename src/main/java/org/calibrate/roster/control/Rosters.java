package org.calibrate.roster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.platform.control.ServiceFailure;
import org.calibrate.platform.control.ServiceTokens;
import org.calibrate.platform.control.ServiceUrls;
import org.calibrate.roster.entity.Roster;
import org.calibrate.roster.entity.RosterMember;
import org.calibrate.session.entity.Course;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a course's roster from the platform (NRPS 2.0) and keeps it: the teachers who can score, and
 * the learners' names the anonymiser must remove. Uses the platform's differences link when it
 * offered one, else reads everything.
 */
@ApplicationScoped
public class Rosters {
    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    @Inject
    ServiceTokens tokens;
    @Inject
    RosterStore store;

    private final Clock clock = Clock.systemUTC();

    /** How a sync went. */
    public record Sync(int membersRead, int pages, boolean incremental) {
    }

    /** The HTTP reads happen outside any transaction; only the write is transactional. */
    public Sync sync(String courseId, String actor) throws ServiceFailure {
        Course course = store.course(courseId).orElseThrow(() -> new ServiceFailure(404, "no such course"));
        URI memberships = course.membershipsUrl().orElseThrow(() -> new ServiceFailure(409,
                "the platform did not offer its roster service in this course's launches; an admin enables Names and Role Provisioning for the tool"));
        Optional<URI> differences = course.rosterDifferencesUrl().filter(ServiceUrls::acceptable);
        MembershipsClient client = new MembershipsClient(tokens.http());
        Roster roster = tokens.call(course.platformId(), Set.of(SCOPE), token -> differences.isPresent()
                ? client.read(differences.get(), token, Optional.empty())
                : client.read(memberships, token, Optional.empty()));
        store.store(courseId, roster, differences.isPresent(), clock.instant(), actor);
        return new Sync(roster.members().size(), roster.pages(), differences.isPresent());
    }

    public List<RosterMember> members(String courseId) {
        return store.members(courseId);
    }
}
