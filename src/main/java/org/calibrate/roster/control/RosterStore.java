package org.calibrate.roster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import jakarta.inject.Inject;
import org.calibrate.roster.entity.Member;
import org.calibrate.roster.entity.Roster;
import org.calibrate.roster.entity.RosterMember;
import org.calibrate.session.entity.Course;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a roster read into the course's stored roster, in one transaction. */
@ApplicationScoped
public class RosterStore {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    AuditLog audit;

    /**
     * @param incremental the roster holds only the changes since the last read (NRPS 2.0 §2.4.2 differences):
     *                    members not in it are kept; otherwise members no longer listed are removed
     */
    @Transactional
    public void store(String courseId, Roster roster, boolean incremental, Instant now, String actor) {
        Map<String, RosterMember> stored = new HashMap<>();
        members(courseId).forEach(m -> stored.put(m.userId(), m));
        for (Member m : roster.members()) {
            RosterMember row = stored.remove(m.userId());
            if (m.status() == Member.Status.DELETED) {
                if (row != null) {
                    em.remove(row);
                }
                continue;
            }
            if (row == null) {
                row = new RosterMember(courseId, m.userId());
                em.persist(row);
            }
            row.update(m, now);
        }
        if (!incremental) {
            stored.values().forEach(em::remove);
        }
        Course course = em.find(Course.class, courseId);
        course.rosterSynced(now, roster.differencesUrl().map(URI::create));
        audit.record(actor, "roster.synced", "course " + courseId,
                roster.members().size() + " members in " + roster.pages() + " pages" + (incremental ? " (changes only)" : ""));
    }

    public List<RosterMember> members(String courseId) {
        return em.createQuery("select m from RosterMember m where m.courseId = :c order by m.userId", RosterMember.class)
                .setParameter("c", courseId).getResultList();
    }

    public Optional<Course> course(String courseId) {
        return Optional.ofNullable(em.find(Course.class, courseId));
    }
}
