package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.CourseContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The school's names, the course's title and label and the class names from the launch, as whole
 * phrases in any case and spacing: their single words ("Lincoln", "Biology") are ordinary words.
 */
final class ContextPhrases {
    private record Phrase(Pattern pattern, Kind kind) {
    }

    private final List<Phrase> phrases = new ArrayList<>();

    ContextPhrases(CourseContext context) {
        List<String[]> raw = new ArrayList<>();
        for (CourseContext.School s : context.schools()) {
            raw.add(new String[]{s.name(), Kind.SCHOOL.name()});
            s.aliases().forEach(a -> raw.add(new String[]{a, Kind.SCHOOL.name()}));
        }
        context.courseTitle().ifPresent(t -> raw.add(new String[]{t, Kind.COURSE.name()}));
        context.courseLabel().ifPresent(t -> raw.add(new String[]{t, Kind.COURSE.name()}));
        context.classes().forEach(c -> raw.add(new String[]{c, Kind.CLASS.name()}));
        raw.stream().filter(r -> r[0] != null && r[0].strip().codePointCount(0, r[0].strip().length()) >= 2)
                .sorted(Comparator.comparingInt((String[] r) -> r[0].length()).reversed())
                .forEach(r -> phrases.add(new Phrase(compile(r[0].strip()), Kind.valueOf(r[1]))));
    }

    List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (Phrase p : phrases) {
            Matcher m = p.pattern().matcher(text);
            while (m.find()) {
                found.add(Finding.redact(m.start(), m.end(), p.kind()));
            }
        }
        return found;
    }

    /**
     * Whole words, any run of white space between words, either apostrophe; phrases in any case, a
     * single word ("Riverside") only as written or in capitals, since in lower case it is a word.
     */
    static Pattern compile(String phrase) {
        StringBuilder b = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = phrase.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            b.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]).replace("'", "\\E['’]\\Q").replace("’", "\\E['’]\\Q"));
        }
        b.append("(?![\\p{L}\\p{N}])");
        if (words.length == 1) {
            String upper = b.toString().replace(Pattern.quote(words[0]), Pattern.quote(words[0].toUpperCase(java.util.Locale.ROOT)));
            return Pattern.compile("(?:" + b + ")|(?:" + upper + ")");
        }
        return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
