package org.calibrate.exemplars.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.calibrate.anonymise.control.KnownPeople;
import org.calibrate.anonymise.control.LeakGuard;
import org.calibrate.audit.control.AuditLog;
import org.calibrate.calibration.control.Calibrations;
import org.calibrate.calibration.entity.CalibrationItem;
import org.calibrate.exemplars.entity.Exemplar;
import org.calibrate.launch.entity.ToolRole;
import org.calibrate.moderation.control.FinalScores;
import org.calibrate.moderation.control.Moderation;
import org.calibrate.moderation.control.Resolutions;
import org.calibrate.moderation.entity.ResolutionMethod;
import org.calibrate.rounds.control.Pieces;
import org.calibrate.rounds.control.RoundAccess;
import org.calibrate.rounds.entity.Phase;
import org.calibrate.rounds.entity.Round;
import org.calibrate.rounds.entity.RoundMember;
import org.calibrate.rubrics.entity.Rubric;
import org.calibrate.session.boundary.ApiRefusal;
import org.calibrate.session.entity.SessionPrincipal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exemplar library (seeds 000, step 10 and next steps): pieces with strong, clear agreement kept per task and
 * rubric version with the annotation of why they earn their score, within the school's consent policy and
 * retention; offered to later rounds' calibration sets; exported as an anchor set after a second anonymity check.
 */
@ApplicationScoped
@Transactional
public class Exemplars {
    public static final int MAX_LIBRARY = 2000;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    Moderation moderation;
    @Inject
    ExemplarPolicy policy;
    @Inject
    Pieces pieces;
    @Inject
    Calibrations calibrations;
    @Inject
    RoundAccess access;
    @Inject
    AuditLog audit;

    /** What a moderator says when keeping a piece: the criterion and score point it shows (criterion empty: the whole piece). */
    public record Choice(Optional<String> criterion, int scorePoint, String annotation, Optional<String> task, Optional<LocalDate> keepUntil) {
    }

    /** Library filters; empty ones match everything. */
    public record Filter(Optional<String> rubricId, Optional<String> task, Optional<String> criterion, Optional<Integer> scorePoint) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** The same test as the library query, for a list already read. An empty criterion means the whole piece. */
        public boolean matches(Exemplar e) {
            return rubricId.map(e.rubricId()::equals).orElse(true) && task.map(e.task()::equals).orElse(true)
                    && criterion.map(c -> c.isEmpty() ? e.criterion().isEmpty() : e.criterion().filter(c::equals).isPresent()).orElse(true)
                    && scorePoint.map(sp -> sp == e.scorePoint()).orElse(true);
        }
    }

    public Exemplar keep(RoundAccess.Access a, String code, Choice c) {
        Round round = a.round();
        if (round.phase() != Phase.MODERATION && round.phase() != Phase.FINALISED) {
            throw new ApiRefusal(409, "phase_refused", "Exemplars are chosen in moderation, from pieces with a final score.");
        }
        Moderation.PieceState s = moderation.piece(round, code);
        FinalScores.Final fin = s.finalScore().filter(f -> f.conditionCode().isEmpty()).orElseThrow(() -> new ApiRefusal(409, "no_final_score",
                "This piece has no final score yet; settle it first."));
        boolean clear = c.criterion().map(k -> s.standing().criteria().stream().anyMatch(x -> x.criterion().equals(k) && x.spread() == 0))
                .orElse(s.standing().exact());
        boolean agreed = s.scores().size() >= 2 && clear && fin.method() != ResolutionMethod.ADJUDICATION;
        if (!agreed && fin.method() != ResolutionMethod.CONSENSUS) {
            throw new ApiRefusal(409, "not_clear", "An exemplar needs strong, clear agreement: every scorer gave the same score, or the group "
                    + "agreed it in discussion. This piece's final score came by " + fin.method().key() + ".");
        }
        var rubric = moderation.rubric(round);
        if (c.criterion().isPresent() && rubric.criterion(c.criterion().get()).isEmpty()) {
            throw ApiRefusal.invalid("The round's rubric has no criterion \"" + c.criterion().get() + "\".");
        }
        int point = c.criterion().map(k -> fin.levels().getOrDefault(k, Integer.MIN_VALUE)).orElse(fin.total());
        if (point != c.scorePoint()) {
            throw ApiRefusal.invalid("This piece's final score there is " + point + ", not " + c.scorePoint() + ".");
        }
        if (!policy.consent().permits(s.piece().consent())) {
            throw new ApiRefusal(409, "consent_required", policy.consent().refusal(s.piece().consent()));
        }
        boolean duplicate = !em.createQuery("select e.id from Exemplar e where e.pieceId = :p and e.state = 'active'"
                        + " and ((:c is null and e.criterion is null) or e.criterion = :c)", String.class)
                .setParameter("p", s.piece().id()).setParameter("c", c.criterion().orElse(null)).getResultList().isEmpty();
        if (duplicate) {
            throw new ApiRefusal(409, "already_kept", "This piece is already an exemplar for that criterion.");
        }
        LocalDate today = today();
        Instant now = Instant.now(Clock.systemUTC());
        Exemplar e;
        try {
            e = new Exemplar(round.platformId(), c.task().orElse(round.title()), round.rubricId(), round.id(), s.piece().id(),
                    s.piece().code().value(), c.criterion(), c.scorePoint(), fin.levels(), c.annotation(), s.piece().text(),
                    keepUntil(c.keepUntil(), today), "member:" + a.member().id(), now);
        } catch (IllegalArgumentException ex) {
            throw ApiRefusal.invalid(ex.getMessage());
        }
        em.persist(e);
        audit.record("member:" + a.member().id(), "exemplar.kept", Moderation.subject(round, s.piece().code()),
                "exemplar:" + e.id() + " " + c.criterion().orElse("whole piece") + " at " + c.scorePoint() + ", kept until " + e.keepUntil());
        return e;
    }

    /** The library as a teacher of the platform browses it; expired and withdrawn exemplars are gone from it. */
    public List<Exemplar> library(SessionPrincipal p, Filter f) {
        requireTeacher(p);
        StringBuilder q = new StringBuilder("select e from Exemplar e where e.platformId = :pl and e.state = 'active' and e.keepUntil >= :today");
        f.rubricId().ifPresent(x -> q.append(" and e.rubricId = :rubric"));
        f.task().ifPresent(x -> q.append(" and e.task = :task"));
        f.criterion().ifPresent(x -> q.append("".equals(x) ? " and e.criterion is null" : " and e.criterion = :criterion"));
        f.scorePoint().ifPresent(x -> q.append(" and e.scorePoint = :point"));
        q.append(" order by e.task, e.rubricId, e.criterion, e.scorePoint desc, e.createdAt");
        var query = em.createQuery(q.toString(), Exemplar.class).setParameter("pl", p.platformId()).setParameter("today", today());
        f.rubricId().ifPresent(x -> query.setParameter("rubric", x));
        f.task().ifPresent(x -> query.setParameter("task", x));
        f.criterion().filter(x -> !x.isEmpty()).ifPresent(x -> query.setParameter("criterion", x));
        f.scorePoint().ifPresent(x -> query.setParameter("point", x));
        return query.setMaxResults(MAX_LIBRARY).getResultList();
    }

    public Exemplar find(SessionPrincipal p, String id) {
        requireTeacher(p);
        Exemplar e = id == null ? null : em.find(Exemplar.class, id);
        if (e == null || e.platformId() != p.platformId() || !e.active(today())) {
            throw new ApiRefusal(404, "exemplar_not_found", "No such exemplar in the library.");
        }
        return e;
    }

    public Exemplar edit(SessionPrincipal p, String id, long lockVersion, Optional<String> task, Optional<String> annotation,
                         Optional<LocalDate> keepUntil) {
        Exemplar e = editable(p, id, lockVersion);
        try {
            e.describe(task.orElse(e.task()), annotation.orElse(e.annotation()),
                    keepUntil.isPresent() ? keepUntil(keepUntil, e.createdAt().atZone(ZoneOffset.UTC).toLocalDate()) : e.keepUntil(),
                    Instant.now(Clock.systemUTC()));
        } catch (IllegalArgumentException ex) {
            throw ApiRefusal.invalid(ex.getMessage());
        }
        em.flush();
        audit.record("user:" + p.userId(), "exemplar.edited", "exemplar:" + e.id(), "task " + e.task() + ", kept until " + e.keepUntil());
        return e;
    }

    /**
     * The second anonymity check before an exemplar leaves the tool: the anonymiser's guard runs once more over
     * the text and annotation against the course's people, and a person confirms they read it.
     */
    public Exemplar checkAnonymity(SessionPrincipal p, String id, long lockVersion) {
        Exemplar e = editable(p, id, lockVersion);
        List<String> found = leaks(e);
        if (!found.isEmpty()) {
            throw ApiRefusal.unprocessable("identity_found", "The text or annotation may still identify someone: withdraw this exemplar "
                    + "or correct the annotation.", found);
        }
        e.anonymityChecked(p.userId(), Instant.now(Clock.systemUTC()));
        em.flush();
        audit.record("user:" + p.userId(), "exemplar.anonymity-checked", "exemplar:" + e.id(), "no identity found; confirmed by the reader");
        return e;
    }

    public void withdraw(SessionPrincipal p, String id, long lockVersion) {
        Exemplar e = editable(p, id, lockVersion);
        e.end(Exemplar.State.WITHDRAWN, Instant.now(Clock.systemUTC()));
        audit.record("user:" + p.userId(), "exemplar.withdrawn", "exemplar:" + e.id(), "text erased");
    }

    /** A refusal recorded on a piece withdraws the exemplars kept from it at once. */
    void onConsentDeclined(@Observes Resolutions.ConsentDeclined declined) {
        for (Exemplar e : em.createQuery("select e from Exemplar e where e.pieceId = :p and e.state = 'active'", Exemplar.class)
                .setParameter("p", declined.pieceId()).getResultList()) {
            e.end(Exemplar.State.WITHDRAWN, Instant.now(Clock.systemUTC()));
            audit.record("member:" + declined.memberId(), "exemplar.withdrawn", "exemplar:" + e.id(), "consent declined; text erased");
        }
    }

    /** Retention enforced: exemplars past their date lose their text. Returns how many ended. */
    public int expire() {
        LocalDate today = today();
        List<Exemplar> due = em.createQuery("select e from Exemplar e where e.state = 'active' and e.keepUntil < :today", Exemplar.class)
                .setParameter("today", today).setMaxResults(1000).getResultList();
        Instant now = Instant.now(Clock.systemUTC());
        for (Exemplar e : due) {
            e.end(Exemplar.State.EXPIRED, now);
            audit.record(AuditLog.SYSTEM, "exemplar.expired", "exemplar:" + e.id(), "kept until " + e.keepUntil() + "; text erased");
        }
        return due.size();
    }

    /** The anchor set for export: only exemplars that passed the second anonymity check. */
    public List<Exemplar> anchorSet(SessionPrincipal p, Filter f) {
        List<Exemplar> chosen = library(p, f);
        if (chosen.isEmpty()) {
            throw new ApiRefusal(404, "no_exemplars", "No exemplar in the library matches.");
        }
        List<String> unchecked = chosen.stream().filter(e -> e.anonymityCheckedAt().isEmpty())
                .map(e -> e.task() + " — " + e.pieceCode() + " (" + e.criterion().orElse("whole piece") + " " + e.scorePoint() + ")").toList();
        if (!unchecked.isEmpty()) {
            throw ApiRefusal.unprocessable("anonymity_unchecked", "Check the anonymity of every exemplar in the set before exporting it.", unchecked);
        }
        List<String> found = new ArrayList<>();
        chosen.forEach(e -> found.addAll(leaks(e)));
        if (!found.isEmpty()) {
            throw ApiRefusal.unprocessable("identity_found", "An exemplar may identify someone now that the roster changed.", found);
        }
        audit.record("user:" + p.userId(), "exemplar.exported", "platform:" + p.platformId(), chosen.size() + " exemplar(s)");
        return chosen;
    }

    /** Exemplars a round's calibration set may start from: the same rubric version, any task. */
    public List<Exemplar> offered(Round round) {
        return em.createQuery("select e from Exemplar e where e.platformId = :pl and e.rubricId = :r and e.state = 'active'"
                        + " and e.keepUntil >= :today order by e.task, e.criterion, e.scorePoint desc", Exemplar.class)
                .setParameter("pl", round.platformId()).setParameter("r", round.rubricId()).setParameter("today", today())
                .setMaxResults(MAX_LIBRARY).getResultList();
    }

    /** Adds exemplars to the round's calibration set (and so to its anchors); one already in it is skipped. */
    public List<CalibrationItem> toCalibration(RoundAccess.Access a, List<String> ids) {
        if (a.round().phase() != Phase.SETUP && a.round().phase() != Phase.CALIBRATION) {
            throw new ApiRefusal(409, "phase_refused", "The calibration set can change only before live scoring.");
        }
        if (ids.isEmpty() || ids.size() > Calibrations.MAX_ITEMS) {
            throw ApiRefusal.invalid("Choose 1 to " + Calibrations.MAX_ITEMS + " exemplars.");
        }
        Set<String> texts = new HashSet<>(calibrations.items(a.round().id()).stream().map(CalibrationItem::text).toList());
        List<Exemplar> offered = offered(a.round());
        List<CalibrationItem> added = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            Exemplar e = offered.stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> ApiRefusal.invalid("Exemplar " + id + " is not in the library for this round's rubric."));
            if (e.text().isEmpty() || !texts.add(e.text().get())) {
                continue;
            }
            added.add(calibrations.add(a, e.text().get(), e.levels(), Optional.of(e.annotation()), Optional.of(e.id())));
        }
        audit.record("member:" + a.member().id(), "calibration.from-exemplars", "round:" + a.round().id(), added.size() + " exemplar(s) added");
        return added;
    }

    public Rubric rubric(String rubricId) {
        return em.find(Rubric.class, rubricId);
    }

    /**
     * The text as the library shows it: whatever names, e-mail addresses or user ids of the source course survived is
     * replaced by a label, as on every scorer's page. {@code guards} holds one guard per course for the request.
     */
    public String shown(Exemplar e, String text, Map<String, LeakGuard> guards) {
        Round round = e.roundId().map(r -> em.find(Round.class, r)).orElse(null);
        if (round == null || text.isEmpty()) {
            return text;
        }
        LeakGuard guard = guards.computeIfAbsent(round.courseId(), c -> new LeakGuard(new KnownPeople(pieces.knownPeople(c))));
        return guard.mask(text);
    }

    private List<String> leaks(Exemplar e) {
        Round round = e.roundId().map(r -> em.find(Round.class, r)).orElse(null);
        if (round == null) {
            return List.of();
        }
        LeakGuard guard = new LeakGuard(new KnownPeople(pieces.knownPeople(round.courseId())));
        List<String> found = new ArrayList<>();
        guard.check(e.text().orElse("")).forEach(h -> found.add(e.pieceCode() + ": the text holds what looks like a " + h.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        guard.check(e.annotation()).forEach(h -> found.add(e.pieceCode() + ": the annotation holds what looks like a " + h.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        return found;
    }

    /** The exemplar, for one who may change it: a moderator of the round it came from, or an admin. */
    private Exemplar editable(SessionPrincipal p, String id, long lockVersion) {
        Exemplar e = find(p, id);
        boolean admin = p.toolRole() == ToolRole.ADMIN;
        boolean moderator = e.roundId().flatMap(r -> access.membership(r, access.caller(p))).filter(RoundMember::active)
                .filter(RoundMember::moderator).isPresent();
        if (!admin && !moderator) {
            throw ApiRefusal.forbidden("Only a moderator of the round this exemplar came from, or an admin, may change it.");
        }
        if (e.lockVersion() != lockVersion) {
            throw new OptimisticLockException("exemplar changed meanwhile");
        }
        return e;
    }

    private LocalDate keepUntil(Optional<LocalDate> wanted, LocalDate from) {
        LocalDate longest = policy.longestKeep(from);
        LocalDate chosen = wanted.orElse(longest);
        if (chosen.isAfter(longest)) {
            throw ApiRefusal.invalid("The school keeps exemplars for at most " + policy.retention() + ": choose a date until " + longest + ".");
        }
        if (chosen.isBefore(today())) {
            throw ApiRefusal.invalid("The date to keep the exemplar until has passed.");
        }
        return chosen;
    }

    private static void requireTeacher(SessionPrincipal p) {
        if (p.toolRole() != ToolRole.TEACHER && p.toolRole() != ToolRole.ADMIN) {
            throw ApiRefusal.forbidden("The exemplar library is for teachers.");
        }
    }

    private static LocalDate today() {
        return LocalDate.now(Clock.systemUTC());
    }
}
