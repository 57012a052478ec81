package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Action;
import org.calibrate.anonymise.entity.Person;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Initials that stand for a name, as pupils head their work ("M.T. Period 3", "M. T."): redacted when
 * they are a roster member's (the author's first); flagged when unknown but in the heading line; in
 * the heading also bare capitals ("MT") that are the author's.
 */
final class Initials {
    private static final Pattern DOTTED = Pattern.compile("(?<![\\p{L}.])(\\p{Lu})\\.\\s?(\\p{Lu})\\.(?:\\s?(\\p{Lu})\\.)?(?!\\p{L})");

    private final KnownPeople people;

    Initials(KnownPeople people) {
        this.people = people;
    }

    List<Finding> find(String text, Surroundings s, Optional<Person> author) {
        List<Finding> found = new ArrayList<>();
        Matcher m = DOTTED.matcher(text);
        int firstLineEnd = firstLineEnd(text);
        while (m.find()) {
            String letters = m.group(1) + (m.group(3) == null ? m.group(2) : m.group(3));
            Optional<Person> whose = owner(letters, author);
            if (whose.isPresent()) {
                found.add(new Finding(m.start(), m.end(), Kind.PERSON, whose, Action.REDACTED));
            } else if (m.start() < firstLineEnd) {
                found.add(Finding.flag(m.start(), m.end(), Kind.NAME));
            }
        }
        for (int i = 0; i < s.words().size() && s.words().get(i).start() < firstLineEnd; i++) {
            Words.Word w = s.words().get(i);
            if (author.isPresent() && w.allCaps() && w.letters() == 2 && initialsOf(author.get()).equals(w.text())) {
                found.add(new Finding(w.start(), w.end(), Kind.PERSON, author, Action.REDACTED));
            }
        }
        return found;
    }

    private Optional<Person> owner(String letters, Optional<Person> author) {
        if (author.isPresent() && initialsOf(author.get()).equals(letters)) {
            return author;
        }
        return people.people().stream().filter(p -> initialsOf(p).equals(letters)).findFirst();
    }

    static String initialsOf(Person p) {
        String given = p.givenName().orElseGet(() -> p.name().orElse(""));
        String family = p.familyName().orElseGet(() -> {
            String[] parts = p.name().orElse("").strip().split("\\s+");
            return parts.length > 1 ? parts[parts.length - 1] : "";
        });
        if (given.isBlank() || family.isBlank()) {
            return "";
        }
        return (given.substring(0, given.offsetByCodePoints(0, 1)) + family.replaceFirst("^(?i)(?:O'|O’|Mc|Mac)(?=\\p{Lu})", "")
                .substring(0, 1)).toUpperCase(Locale.ROOT);
    }

    private static int firstLineEnd(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }
}
