package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Action;
import org.calibrate.anonymise.entity.CourseContext;
import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Redaction;
import org.calibrate.anonymise.entity.Role;
import org.calibrate.anonymise.entity.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strips the identities from one piece of student work: finds teacher comments, contact data,
 * school and course names, the roster's people and unknown names; settles overlaps; replaces what is
 * certain by consistent labels ("[student]", "[classmate A]", "[teacher]") and hands back what is not
 * certain as flags. One instance per roster and launch context; thread-safe.
 */
public final class Anonymiser {
    /** A piece longer than this is not an essay; refusing it keeps one upload from stalling a batch. */
    public static final int MAX_TEXT_CHARS = 200_000;
    /** "Period 3", "Room 434", "Pd. 6": which class a piece came from. */
    private static final Pattern CLASS_DESIGNATOR = Pattern.compile(
            "\\b(?:Period|Per\\.|Pd\\.?|Room|Rm\\.?)\\s*(?:\\d{1,3}[A-Z]?\\b|(?:one|two|three|four|five|six|seven|eight|nine|ten)\\b)", Pattern.CASE_INSENSITIVE);

    private final KnownPeople people;
    private final ContextPhrases phrases;
    private final RosterNames rosterNames;
    private final Initials initials;

    public Anonymiser(KnownPeople people, CourseContext context) {
        this.people = people;
        this.phrases = new ContextPhrases(context);
        this.rosterNames = new RosterNames(people);
        this.initials = new Initials(people);
    }

    /**
     * Every roster name to look for where there is no text to read (a photo of handwriting): full, given and
     * family names, each with the label the text's redaction would give it.
     */
    public List<org.calibrate.anonymise.files.HiddenPhrase> namesToHide(Optional<String> authorUserId) {
        java.util.Set<org.calibrate.anonymise.files.HiddenPhrase> phrases = new java.util.LinkedHashSet<>();
        for (Person p : people.people()) {
            String label = p.role() == Role.INSTRUCTOR ? "[teacher]" : authorUserId.filter(p.userId()::equals).isPresent() ? "[student]" : "[classmate]";
            for (Optional<String> n : List.of(p.name(), p.givenName(), p.familyName())) {
                n.filter(v -> v.length() >= 2 && v.length() <= 200).ifPresent(v -> phrases.add(new org.calibrate.anonymise.files.HiddenPhrase(v, label)));
            }
        }
        return List.copyOf(phrases);
    }

    /**
     * @param authorUserId the LMS user id of the pupil whose work it is: their names become "[student]";
     *                     without it every learner is a classmate
     */
    public Redaction anonymise(String text, Optional<String> authorUserId) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("the text has " + text.length() + " characters; at most " + MAX_TEXT_CHARS
                    + " are anonymised in one piece (split it, or send it as a file for review).");
        }
        Optional<Person> author = authorUserId.flatMap(people::byUserId);
        Surroundings s = new Surroundings(text, Words.of(text));
        List<Finding> all = new ArrayList<>(TeacherComments.find(text));
        all.addAll(ContactPatterns.find(text, people));
        all.addAll(phrases.find(text));
        Matcher m = CLASS_DESIGNATOR.matcher(text);
        while (m.find()) {
            all.add(Finding.redact(m.start(), m.end(), Kind.CLASS));
        }
        all.addAll(rosterNames.find(s, author));
        all.addAll(initials.find(text, s, author));
        all.addAll(NameRecogniser.find(s, people));
        return render(text, merged(text, settled(all)), author);
    }

    /** Certain before uncertain, then the stronger kind, then the longer span; no two spans overlap. */
    private static List<Finding> settled(List<Finding> all) {
        all.sort(Comparator.comparing((Finding f) -> f.action() == Action.REDACTED ? 0 : 1)
                .thenComparing(f -> -f.kind().priority()).thenComparing(f -> -f.length()).thenComparingInt(Finding::start));
        List<Finding> kept = new ArrayList<>();
        for (Finding f : all) {
            if (kept.stream().noneMatch(f::overlaps)) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }

    /** "Maya Thompson" is one person, so one label: neighbours naming the same person join up. */
    private static List<Finding> merged(String text, List<Finding> kept) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : kept) {
            Finding last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.kind() == f.kind() && last.action() == f.action() && last.person().equals(f.person())
                    && (f.kind() == Kind.PERSON || f.kind() == Kind.NAME) && text.substring(last.end(), f.start()).isBlank()
                    && !text.substring(last.end(), f.start()).contains("\n")) {
                out.set(out.size() - 1, last.widenedTo(f.end()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static Redaction render(String text, List<Finding> findings, Optional<Person> author) {
        Map<Person, String> classmates = new HashMap<>();
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder cautious = new StringBuilder(text.length());
        List<Span> spans = new ArrayList<>(findings.size());
        int at = 0;
        int codePointAt = 0;
        for (Finding f : findings) {
            String label = label(f, author, classmates);
            int start = codePointAt + text.codePointCount(at, f.start());
            int end = start + text.codePointCount(f.start(), f.end());
            spans.add(new Span(start, end, label, f.action()));
            out.append(text, at, f.start()).append(f.action() == Action.REDACTED ? label : text.substring(f.start(), f.end()));
            cautious.append(text, at, f.start()).append(label);
            at = f.end();
            codePointAt = end;
        }
        return new Redaction(out.append(text, at, text.length()).toString(), cautious.append(text, at, text.length()).toString(), spans);
    }

    private static String label(Finding f, Optional<Person> author, Map<Person, String> classmates) {
        if (f.kind() != Kind.PERSON || f.person().isEmpty()) {
            return f.kind().label();
        }
        Person p = f.person().get();
        if (author.isPresent() && author.get().equals(p)) {
            return "[student]";
        }
        if (p.role() == Role.INSTRUCTOR) {
            return "[teacher]";
        }
        return classmates.computeIfAbsent(p, k -> "[classmate " + letters(classmates.size()) + "]");
    }

    /** A, B, … Z, AA, AB: a class never runs out of letters. */
    static String letters(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index; n >= 0; n = n / 26 - 1) {
            b.insert(0, (char) ('A' + n % 26));
        }
        return b.toString();
    }
}
