package org.calibrate.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A course member as the platform's roster last reported them. Only roster syncs write it. */
@Entity
@Table(name = "roster_member")
public class RosterMember {
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    @Id
    @SequenceGenerator(name = "roster_member_seq", sequenceName = "roster_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_member_seq")
    private Long id;
    @Column(name = "course_id", nullable = false)
    private String courseId;
    @Column(name = "user_id", nullable = false)
    private String userId;
    private String name;
    @Column(name = "given_name")
    private String givenName;
    @Column(name = "family_name")
    private String familyName;
    private String email;
    @Column(nullable = false)
    private String roles;
    @Column(nullable = false)
    private String status;
    @Column(name = "synced_at", nullable = false)
    private Instant syncedAt;

    protected RosterMember() {
    }

    public RosterMember(String courseId, String userId) {
        this.courseId = courseId;
        this.userId = userId;
    }

    public void update(Member m, Instant now) {
        this.name = cut(m.name(), 255);
        this.givenName = cut(m.givenName(), 255);
        this.familyName = cut(m.familyName(), 255);
        this.email = cut(m.email(), 320);
        String joined = String.join(" ", m.roles());
        this.roles = joined.length() > 2000 ? joined.substring(0, 2000) : joined;
        this.status = m.status().name();
        this.syncedAt = now;
    }

    private static String cut(Optional<String> value, int max) {
        return value.map(v -> v.length() > max ? v.substring(0, max) : v).orElse(null);
    }

    public String courseId() {
        return courseId;
    }

    public String userId() {
        return userId;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> givenName() {
        return Optional.ofNullable(givenName);
    }

    public Optional<String> familyName() {
        return Optional.ofNullable(familyName);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public List<String> roles() {
        return roles.isBlank() ? List.of() : Arrays.asList(roles.split(" "));
    }

    public boolean active() {
        return Member.Status.ACTIVE.name().equals(status);
    }

    /**
     * Who can be a scorer. Moodle reports non-editing teachers as Learner in NRPS although they launch
     * as Instructor, so a member seen launching as a teacher counts too (the caller knows that).
     */
    public boolean teaches() {
        return roles().stream().anyMatch(r -> r.equals(INSTRUCTOR) || r.startsWith(INSTRUCTOR + "#"));
    }

    public boolean learns() {
        return roles().contains(LEARNER);
    }
}
