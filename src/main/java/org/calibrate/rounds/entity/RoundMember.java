package org.calibrate.rounds.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A teacher in a round: scorer, moderator or both, named by their platform user id so a teacher taken
 * from the roster can be added before they have ever opened Calibrate. The classes they teach keep
 * their own students' work away from them.
 */
@Entity
@Table(name = "round_member")
public class RoundMember {
    public static final int MAX_CLASSES = 50;

    /** How the teacher came into the round. */
    public enum Joined { CREATOR, ROSTER, CODE }

    @Id
    private String id;
    @Column(name = "round_id", nullable = false)
    private String roundId;
    @Column(name = "platform_id", nullable = false)
    private long platformId;
    @Column(nullable = false)
    private String subject;
    private String name;
    @Column(nullable = false)
    private boolean scorer;
    @Column(nullable = false)
    private boolean moderator;
    @Column(nullable = false)
    private int capacity;
    @Column(nullable = false)
    private String teaches;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "joined_via", nullable = false)
    private String joinedVia;
    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected RoundMember() {
    }

    public RoundMember(String roundId, long platformId, String subject, Optional<String> name, Joined via, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.platformId = platformId;
        this.subject = subject;
        this.name = name.map(n -> n.length() > 255 ? n.substring(0, 255) : n).orElse(null);
        this.capacity = 1;
        this.teaches = "";
        this.active = true;
        this.joinedVia = via.name().toLowerCase(java.util.Locale.ROOT);
        this.joinedAt = now;
    }

    public void roles(boolean scorer, boolean moderator) {
        if (!scorer && !moderator) {
            throw new IllegalArgumentException("A member of a round is a scorer, a moderator or both.");
        }
        this.scorer = scorer;
        this.moderator = moderator;
    }

    public void capacity(int capacity) {
        if (capacity < 1 || capacity > 100) {
            throw new IllegalArgumentException("Capacity is a relative share of the work between 1 and 100 (1 = an even share).");
        }
        this.capacity = capacity;
    }

    public void teaches(Set<String> classes) {
        Set<String> clean = classes.stream().map(String::strip).filter(c -> !c.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        if (clean.size() > MAX_CLASSES || clean.stream().anyMatch(c -> c.length() > 100 || c.contains("\n"))) {
            throw new IllegalArgumentException("List at most " + MAX_CLASSES + " classes, each at most 100 characters.");
        }
        this.teaches = String.join("\n", clean);
    }

    public void active(boolean active) {
        this.active = active;
    }

    public void named(Optional<String> name) {
        name.filter(n -> !n.isBlank()).ifPresent(n -> this.name = n.length() > 255 ? n.substring(0, 255) : n);
    }

    public String id() {
        return id;
    }

    public String roundId() {
        return roundId;
    }

    public long platformId() {
        return platformId;
    }

    public String subject() {
        return subject;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public boolean scorer() {
        return scorer;
    }

    public boolean moderator() {
        return moderator;
    }

    public int capacity() {
        return capacity;
    }

    public Set<String> teaches() {
        return teaches.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(teaches.split("\n")));
    }

    public boolean active() {
        return active;
    }

    public String joinedVia() {
        return joinedVia;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public long lockVersion() {
        return lockVersion;
    }
}
