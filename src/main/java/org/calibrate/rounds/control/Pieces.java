package org.calibrate.rounds.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.demo.control.DemoPlatform;
import org.calibrate.demo.entity.DemoCourse;
import org.calibrate.platform.entity.Platform;
import org.calibrate.rounds.entity.Exclusion;
import org.calibrate.anonymise.entity.Redaction;
import org.calibrate.anonymise.entity.ReviewSpan;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.PieceReview;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.PieceCode;
import org.calibrate.rounds.entity.PieceIdentity;
import org.calibrate.rounds.entity.Round;
import org.calibrate.runtime.Settings;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.entity.Course;
import org.calibrate.anonymise.control.Anonymiser;
import org.calibrate.anonymise.control.KnownPeople;
import org.calibrate.anonymise.entity.CourseContext;
import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Role;
import org.calibrate.roster.entity.RosterMember;
import org.jsoup.Jsoup;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A round's pieces: added by upload of text, or from the demo LMS's submissions; each under a fresh random code. */
@ApplicationScoped
@Transactional
public class Pieces {
    public static final int MAX_PER_CALL = 500;
    public static final int MAX_PER_ROUND = 20_000;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Settings settings;
    @Inject
    DemoPlatform demo;
    @Inject
    AuditLog audit;

    /** A piece to add: its text, the class it came from, and (for grade return) whose it is. */
    public record NewPiece(String text, Optional<String> origin, Optional<String> learnerSubject) {
    }

    public List<Piece> of(String roundId) {
        return em.createQuery("select p from Piece p where p.roundId = :r order by p.code", Piece.class)
                .setParameter("r", roundId).getResultList();
    }

    public Optional<Piece> find(String roundId, PieceCode code) {
        return em.createQuery("select p from Piece p where p.roundId = :r and p.code = :c", Piece.class)
                .setParameter("r", roundId).setParameter("c", code.value()).getResultList().stream().findFirst();
    }

    public List<Piece> add(RoundAccess.Access a, List<NewPiece> pieces, Piece.Source source) {
        return add(a, pieces, source, List.of(), List.of(), List.of());
    }

    /**
     * @param morePeople  people to redact besides the roster's (the demo course's, when its roster was never read)
     * @param moreClasses class names to redact besides the pieces' origins
     */
    private List<Piece> add(RoundAccess.Access a, List<NewPiece> pieces, Piece.Source source, List<Person> morePeople,
                            List<String> moreClasses, List<CourseContext.School> schools) {
        Round round = a.round();
        RoundAccess.requirePhase(round, Phase.SETUP, "Pieces can only be added while the round is in setup.");
        requireUnreleased(round);
        if (pieces.isEmpty() || pieces.size() > MAX_PER_CALL) {
            throw ApiRefusal.invalid("Send between 1 and " + MAX_PER_CALL + " pieces at a time.");
        }
        Set<String> codes = new HashSet<>(em.createQuery("select p.code from Piece p where p.roundId = :r", String.class)
                .setParameter("r", round.id()).getResultList());
        if (codes.size() + pieces.size() > MAX_PER_ROUND) {
            throw ApiRefusal.invalid("A round holds at most " + MAX_PER_ROUND + " pieces.");
        }
        Instant now = Instant.now(Clock.systemUTC());
        Set<String> classes = new HashSet<>(moreClasses);
        pieces.forEach(n -> n.origin().ifPresent(classes::add));
        Anonymiser anonymiser = anonymiser(round, morePeople, classes, schools);
        List<Piece> added = new java.util.ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            NewPiece n = pieces.get(i);
            PieceCode code;
            do {
                code = PieceCode.random();
            } while (!codes.add(code.value()));
            Piece piece;
            Redaction redaction;
            String original = n.text() == null ? "" : n.text();
            // Until a moderator reviews the flags, what the anonymiser was unsure of is withheld from scorers too.
            try {
                redaction = anonymiser.anonymise(original, n.learnerSubject());
                piece = new Piece(round.id(), code, redaction.cautiousText(), n.origin(), source, now);
                requireOriginalFits(original);
            } catch (IllegalArgumentException e) {
                throw ApiRefusal.invalid("Piece " + (i + 1) + ": " + e.getMessage() + " Nothing was added.");
            }
            em.persist(piece);
            em.flush();
            review(piece, original, redaction);
            n.learnerSubject().ifPresent(s -> em.persist(new PieceIdentity(piece.id(), round.platformId(), s)));
            added.add(piece);
        }
        round.allocationOutdated();
        audit.record("member:" + a.member().id(), "round.pieces-added", "round:" + round.id(), added.size() + " from " + source.name().toLowerCase(java.util.Locale.ROOT));
        return added;
    }

    /**
     * The anonymiser for a round's pieces: the course roster (and the demo course's people in the demo LMS), the
     * course's title and label, the school, and every class named in the round.
     */
    public Anonymiser anonymiser(Round round, Set<String> classes) {
        Course course = em.find(Course.class, round.courseId());
        DemoCourse dc = demoCourse(course);
        List<CourseContext.School> schools = dc == null || dc.course().school() == null ? List.of()
                : List.of(new CourseContext.School(dc.course().school(), List.of()));
        Set<String> all = new HashSet<>(classes);
        if (dc != null) {
            dc.sections().forEach(sec -> all.add(sec.name()));
        }
        return anonymiser(round, dc == null ? List.of() : demoPeople(dc), all, schools);
    }

    private Anonymiser anonymiser(Round round, List<Person> morePeople, Set<String> classes, List<CourseContext.School> schools) {
        List<Person> people = new java.util.ArrayList<>(coursePeople(round.courseId()));
        people.addAll(morePeople);
        // The class a piece came from says much about whose it is: every class named in the round goes too.
        Set<String> all = new HashSet<>(classes);
        all.addAll(em.createQuery("select distinct p.origin from Piece p where p.roundId = :r and p.origin is not null", String.class)
                .setParameter("r", round.id()).getResultList());
        Course course = em.find(Course.class, round.courseId());
        return new Anonymiser(new KnownPeople(people),
                new CourseContext(course == null ? Optional.empty() : course.title(), course == null ? Optional.empty() : course.label(),
                        schools, List.copyOf(all)));
    }

    private DemoCourse demoCourse(Course course) {
        DemoCourse dc = settings.demoEnabled() ? demo.course() : null;
        return dc != null && course != null && course.contextId().equals(dc.course().id()) ? dc : null;
    }

    /**
     * One imported submission's piece under a fresh code, in the caller's transaction; the text is already
     * anonymised. The learner link is stored apart (grade return and an audited reveal only).
     */
    public Piece create(Round round, String original, Redaction redaction, Optional<String> origin, Piece.Source source, Optional<String> learner,
                        int attempt, Instant now) {
        requireOriginalFits(original);
        long count = em.createQuery("select count(p) from Piece p where p.roundId = :r", Long.class).setParameter("r", round.id()).getSingleResult();
        if (count >= MAX_PER_ROUND) {
            throw new IllegalArgumentException("The round holds " + MAX_PER_ROUND + " pieces, the most it can.");
        }
        PieceCode code;
        do {
            code = PieceCode.random();
        } while (find(round.id(), code).isPresent());
        Piece piece = new Piece(round.id(), code, redaction.cautiousText(), origin, source, now);
        piece.attempt(attempt);
        em.persist(piece);
        em.flush();
        review(piece, original, redaction);
        learner.ifPresent(s -> em.persist(new PieceIdentity(piece.id(), round.platformId(), s)));
        round.allocationOutdated();
        return piece;
    }

    /**
     * Keeps what the anonymiser found in a piece for the moderator's release review, beside the original text (kept
     * apart from the piece: it holds the names); a changed submission starts its review afresh.
     */
    public void review(Piece piece, String original, Redaction redaction) {
        String spans = Reviews.json(redaction.spans().stream().map(ReviewSpan::of).toList());
        PieceReview review = em.find(PieceReview.class, piece.id());
        if (review == null) {
            em.persist(new PieceReview(piece.id(), original, spans));
        } else {
            review.replace(original, spans);
        }
    }

    private static void requireOriginalFits(String original) {
        if (original.length() > Piece.MAX_TEXT) {
            throw new IllegalArgumentException("A piece may hold at most " + Piece.MAX_TEXT + " characters.");
        }
    }

    /** Work added after the release would reach scorers unreviewed. */
    public static void requireUnreleased(Round round) {
        if (round.releasedAt().isPresent()) {
            throw new ApiRefusal(409, "released", "The pieces are released to scorers; withdraw the release to add or change work.");
        }
    }

    /** Leaves a piece out of the round (or takes it back in) while the round is in setup; audited. */
    public Piece exclude(RoundAccess.Access a, PieceCode code, Optional<Exclusion> reason, Optional<String> note) {
        Round round = a.round();
        RoundAccess.requirePhase(round, Phase.SETUP, "Pieces can only be left out while the round is in setup.");
        Piece piece = find(round.id(), code).orElseThrow(() -> new ApiRefusal(404, "not_found", "No such piece in this round."));
        String before = piece.excluded().map(Exclusion::key).orElse("included");
        if (reason.isPresent()) {
            piece.exclude(reason.get(), note);
        } else {
            piece.include();
        }
        round.allocationOutdated();
        audit.record("member:" + a.member().id(), reason.isPresent() ? "piece.excluded" : "piece.included", "round:" + round.id() + " piece:" + code.value(),
                before + " -> " + reason.map(Exclusion::key).orElse("included") + note.map(n -> " (" + n.strip() + ")").orElse(""));
        return piece;
    }

    /** The course roster's learners and teachers, with the ids and e-mail addresses that identify them too. */
    private List<Person> coursePeople(String courseId) {
        List<Person> people = new java.util.ArrayList<>();
        for (RosterMember m : em.createQuery("select m from RosterMember m where m.courseId = :c", RosterMember.class)
                .setParameter("c", courseId).getResultList()) {
            if (m.learns() || m.teaches()) {
                people.add(new Person(m.userId(), m.name(), m.givenName(), m.familyName(), m.email(), m.teaches() ? Role.INSTRUCTOR : Role.LEARNER));
            }
        }
        return people;
    }

    /** The demo course's submissions, when this round lives in the demo LMS's course. */
    public List<Piece> addDemo(RoundAccess.Access a) {
        DemoCourse dc = requireDemoCourse(a.round());
        long already = em.createQuery("select count(p) from Piece p where p.roundId = :r and p.source = 'demo'", Long.class)
                .setParameter("r", a.round().id()).getSingleResult();
        if (already > 0) {
            throw new ApiRefusal(409, "already_added", "The demo submissions are already in this round.");
        }
        List<NewPiece> pieces = dc.submissions().stream().map(s -> new NewPiece(
                plain(s.text_html()),
                dc.person(s.student_id()).flatMap(p -> p.sections().stream().findFirst())
                        .flatMap(id -> dc.sections().stream().filter(sec -> sec.id().equals(id)).findFirst()).map(DemoCourse.Section::name),
                Optional.of(s.student_id()))).toList();
        List<Person> demoPeople = demoPeople(dc);
        List<CourseContext.School> schools = dc.course().school() == null ? List.of() : List.of(new CourseContext.School(dc.course().school(), List.of()));
        return add(a, pieces, Piece.Source.DEMO, demoPeople, dc.sections().stream().map(DemoCourse.Section::name).toList(), schools);
    }

    /** The demo LMS's course, when the round lives in it (platform and course); otherwise refused. */
    public DemoCourse requireDemoCourse(Round round) {
        Course course = em.find(Course.class, round.courseId());
        Platform platform = em.find(Platform.class, round.platformId());
        DemoCourse dc = settings.demoEnabled() ? demo.course() : null;
        if (dc == null || !platform.view().issuer().value().equals(demo.issuer()) || !course.contextId().equals(dc.course().id())) {
            throw new ApiRefusal(409, "not_demo", "Only rounds in the demo LMS's course can take the demo submissions.");
        }
        return dc;
    }

    private static List<Person> demoPeople(DemoCourse dc) {
        return dc.people().stream().map(p -> new Person(p.id(), Optional.ofNullable(p.name()), Optional.ofNullable(p.given_name()),
                Optional.ofNullable(p.family_name()), Optional.ofNullable(p.email()), "student".equals(p.role()) ? Role.LEARNER : Role.INSTRUCTOR)).toList();
    }

    /** Everyone whose name must not appear in a piece of this course: the roster, and the demo course's people in the demo LMS. */
    public List<Person> knownPeople(String courseId) {
        List<Person> people = new java.util.ArrayList<>(coursePeople(courseId));
        DemoCourse dc = demoCourse(em.find(Course.class, courseId));
        if (dc != null) {
            people.addAll(demoPeople(dc));
        }
        return people;
    }

    /** Paragraphs kept as blank lines; markup dropped. */
    static String plain(String html) {
        var doc = Jsoup.parse(html);
        StringBuilder out = new StringBuilder();
        for (var block : doc.select("p, li, h1, h2, h3, h4, blockquote")) {
            String t = block.text().strip();
            if (!t.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(t);
            }
        }
        return out.isEmpty() ? doc.text().strip() : out.toString();
    }
}
