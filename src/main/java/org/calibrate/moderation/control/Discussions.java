package org.calibrate.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.moderation.entity.DiscussionPost;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.scoring.entity.Score;
import org.calibrate.session.boundary.ApiRefusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each disputed piece's discussion, so a round can be moderated asynchronously as well as in a meeting. Open
 * once scoring ends to the round's moderators and to the scorers who scored the piece (a third scorer only
 * after submitting, so they score blind). Scorers appear to one another as Scorer A, B… unless the moderator
 * reveals them; students never appear.
 */
@ApplicationScoped
@Transactional
public class Discussions {
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Moderation moderation;
    @Inject
    AuditLog audit;

    /** One scorer's score as the discussion shows it: under a label, with a name only where the viewer may see it. */
    public record Voice(String memberId, String label, Optional<String> name, boolean adjudication, Score score) {
    }

    public record Post(String id, String author, boolean mine, String body, Instant postedAt) {
    }

    public record Thread(Moderation.PieceState state, List<Voice> voices, List<Post> posts, boolean open) {
    }

    /** The piece as the caller may discuss it, or "not found" where they may not. */
    public Thread thread(RoundAccess.Access a, String code) {
        Round round = a.round();
        if (!round.scoringEnded()) {
            throw new ApiRefusal(409, "discussion_not_yet", "Discussion opens when the round moves to moderation: until then scores stay blind.");
        }
        Moderation.PieceState state = moderation.piece(round, code);
        if (!a.member().moderator() && !scoredIt(state, a.member().id())) {
            throw new ApiRefusal(404, "piece_not_found", "No such piece among those you scored.");
        }
        Map<String, RoundMember> members = members(round);
        boolean names = a.member().moderator() || round.scorersRevealed();
        List<Voice> voices = voices(state, members, names);
        Map<String, String> labels = new HashMap<>();
        voices.forEach(v -> labels.put(v.memberId(), v.label() + v.name().map(n -> " (" + n + ")").orElse("")));
        List<Post> posts = new ArrayList<>();
        for (DiscussionPost p : em.createQuery("select p from DiscussionPost p where p.pieceId = :p order by p.postedAt, p.id", DiscussionPost.class)
                .setParameter("p", state.piece().id()).getResultList()) {
            String author = labels.computeIfAbsent(p.memberId(), m -> Optional.ofNullable(members.get(m))
                    .map(x -> "Moderator" + (x.name().map(n -> " " + n).orElse(""))).orElse("A former member"));
            posts.add(new Post(p.id(), author, p.memberId().equals(a.member().id()), p.body(), p.postedAt()));
        }
        return new Thread(state, voices, posts, round.phase() == Phase.MODERATION);
    }

    public DiscussionPost post(RoundAccess.Access a, String code, String body) {
        Thread t = thread(a, code);
        if (!t.open()) {
            throw new ApiRefusal(409, "round_finalised", "The round is finalised: its discussions are kept as they are.");
        }
        DiscussionPost post;
        try {
            post = new DiscussionPost(a.round().id(), t.state().piece().id(), a.member().id(), body, Instant.now(Clock.systemUTC()));
        } catch (IllegalArgumentException e) {
            throw ApiRefusal.invalid(e.getMessage());
        }
        em.persist(post);
        audit.record("member:" + a.member().id(), "discussion.posted", Moderation.subject(a.round(), t.state().piece().code()),
                "post:" + post.id());
        return post;
    }

    /** The pieces the caller scored that are in discussion (waiting for a decision, with a third scorer, or with posts). */
    public List<Moderation.PieceState> mine(RoundAccess.Access a) {
        if (!a.round().scoringEnded()) {
            return List.of();
        }
        return moderation.pieces(a.round()).stream().filter(s -> scoredIt(s, a.member().id()))
                .filter(s -> s.posts() > 0 || s.state() == Moderation.State.WAITING || s.state() == Moderation.State.ADJUDICATING
                        || s.standing().group() == Standing.Group.DISCREPANT)
                .sorted(Moderation.bySpread()).toList();
    }

    private static boolean scoredIt(Moderation.PieceState s, String memberId) {
        return s.scores().stream().anyMatch(x -> x.memberId().equals(memberId))
                || s.adjudication().map(x -> x.memberId().equals(memberId)).orElse(false);
    }

    /** Scorers lettered in a fixed order per piece; the third scorer last. */
    static List<Voice> voices(Moderation.PieceState state, Map<String, RoundMember> members, boolean names) {
        List<Voice> voices = new ArrayList<>();
        List<Score> all = new ArrayList<>(state.scores());
        state.adjudication().ifPresent(all::add);
        for (int i = 0; i < all.size(); i++) {
            Score s = all.get(i);
            Optional<String> name = names ? Optional.ofNullable(members.get(s.memberId())).flatMap(RoundMember::name) : Optional.empty();
            String label = s.adjudication() ? "Third scorer" : "Scorer " + (char) ('A' + Math.min(i, 25));
            voices.add(new Voice(s.memberId(), label, name, s.adjudication(), s));
        }
        return voices;
    }

    private Map<String, RoundMember> members(Round round) {
        Map<String, RoundMember> m = new HashMap<>();
        em.createQuery("select m from RoundMember m where m.roundId = :r", RoundMember.class).setParameter("r", round.id())
                .getResultList().forEach(x -> m.put(x.id(), x));
        return m;
    }
}
