package org.calibrate.rubrics.control;

import org.calibrate.rubrics.entity.Cap;
import org.calibrate.rubrics.entity.Criterion;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.rubrics.entity.ScorePoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bounds every rubric keeps, whoever wrote it: reported all at once, in words an author can act on.
 */
public final class RubricRules {
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_CRITERIA = 20;
    static final int MAX_NAME = 200;
    static final int MIN_POINTS = 2;
    static final int MAX_POINTS = 11;
    static final int LOWEST_LEVEL = 0;
    static final int HIGHEST_LEVEL = 10;
    static final int MAX_LABEL = 40;
    static final int MAX_DESCRIPTOR = 4000;
    static final int MAX_CAPS = 20;
    static final int MAX_CONDITION = 500;
    static final int MAX_NOTES = 20;
    static final int MAX_NOTE = 2000;
    /** A hostile rubric could yield thousands of messages; nobody reads past the first screen. */
    static final int MAX_PROBLEMS = 50;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final String KEY_FORM = "1 to 40 lowercase letters, digits or hyphens, starting with a letter or digit";

    private RubricRules() {
    }

    /** Every problem found; empty when the rubric can be used. */
    public static List<String> problems(RubricDefinition rubric) {
        List<String> problems = new ArrayList<>();
        if (rubric == null) {
            return List.of("There is no rubric");
        }
        text(problems, "The rubric", "a title", rubric.title(), 1, MAX_TITLE);
        text(problems, "The rubric", "a description", rubric.description(), 0, MAX_DESCRIPTION);
        List<Criterion> criteria = rubric.criteria();
        if (criteria.isEmpty()) {
            problems.add("The rubric needs at least one criterion");
        } else if (criteria.size() > MAX_CRITERIA) {
            problems.add("The rubric has " + criteria.size() + " criteria; at most " + MAX_CRITERIA + " are allowed");
        }
        Set<String> criterionKeys = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            criterion(problems, criteria.get(i), i, criterionKeys);
        }
        List<Cap> caps = rubric.caps();
        if (caps.size() > MAX_CAPS) {
            problems.add("The rubric has " + caps.size() + " caps; at most " + MAX_CAPS + " are allowed");
        }
        Set<String> capKeys = new HashSet<>();
        for (int i = 0; i < caps.size(); i++) {
            cap(problems, rubric, caps.get(i), i, capKeys);
        }
        List<String> notes = rubric.notes();
        if (notes.size() > MAX_NOTES) {
            problems.add("The rubric has " + notes.size() + " notes; at most " + MAX_NOTES + " are allowed");
        }
        for (int i = 0; i < notes.size(); i++) {
            text(problems, "Note " + (i + 1), "text", notes.get(i), 1, MAX_NOTE);
        }
        if (problems.size() > MAX_PROBLEMS) {
            int more = problems.size() - MAX_PROBLEMS;
            problems = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
            problems.add("… and " + more + " more problems; fix these first");
        }
        return List.copyOf(problems);
    }

    public static void requireValid(RubricDefinition rubric) {
        List<String> problems = problems(rubric);
        if (!problems.isEmpty()) {
            throw new InvalidRubric(problems);
        }
    }

    private static void criterion(List<String> problems, Criterion c, int index, Set<String> keys) {
        String who = isBlank(c.name()) ? "Criterion " + (index + 1) : "Criterion \"" + shown(c.name()) + "\"";
        key(problems, who, c.key(), keys, "criterion");
        text(problems, who, "a name", c.name(), 1, MAX_NAME);
        text(problems, who, "a description", c.description(), 0, MAX_DESCRIPTION);
        List<ScorePoint> points = c.points();
        if (points.size() < MIN_POINTS || points.size() > MAX_POINTS) {
            problems.add(who + ": needs " + MIN_POINTS + " to " + MAX_POINTS + " score points (found " + points.size() + ")");
        }
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (ScorePoint p : points) {
            counts.merge(p.level(), 1, Integer::sum);
            String point = who + ", level " + p.level();
            if (p.level() < LOWEST_LEVEL || p.level() > HIGHEST_LEVEL) {
                problems.add(point + ": levels must lie between " + LOWEST_LEVEL + " and " + HIGHEST_LEVEL);
            }
            text(problems, point, "a label", p.label(), 1, MAX_LABEL);
            text(problems, point, "a descriptor", p.descriptor(), 0, MAX_DESCRIPTOR);
        }
        counts.forEach((level, count) -> {
            if (count > 1) {
                problems.add(who + ": level " + level + " appears " + count + " times; each level appears once");
            }
        });
        if (!counts.isEmpty() && counts.lastKey() - counts.firstKey() + 1 != counts.size()) {
            problems.add(who + ": levels must be whole numbers without gaps (found "
                    + counts.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static void cap(List<String> problems, RubricDefinition rubric, Cap cap, int index, Set<String> keys) {
        boolean named = cap.key() != null && KEY.matcher(cap.key()).matches();
        String who = named ? "Cap \"" + cap.key() + "\"" : "Cap " + (index + 1);
        key(problems, who, cap.key(), keys, "cap");
        text(problems, who, "a condition", cap.condition(), 1, MAX_CONDITION);
        for (String key : cap.criteria()) {
            if (rubric.criterion(key).isEmpty()) {
                problems.add(who + ": applies to \"" + shown(key) + "\", which is not a criterion of this rubric");
            }
        }
        for (Criterion c : rubric.criteria()) {
            if (!cap.appliesTo(c.key()) || c.points().size() < MIN_POINTS) {
                continue;
            }
            // A cap at or above the top level limits nothing; one below the lowest level cannot be met.
            if (cap.maxLevel() < c.minLevel() || cap.maxLevel() > c.maxLevel() - 1) {
                String criterion = shown(isBlank(c.name()) ? c.key() : c.name());
                problems.add(who + ": the most it allows (" + cap.maxLevel() + ") must lie between " + c.minLevel()
                        + " and " + (c.maxLevel() - 1) + " for criterion \"" + criterion + "\" (levels "
                        + c.minLevel() + "–" + c.maxLevel() + ")");
            }
        }
    }

    private static void key(List<String> problems, String who, String key, Set<String> seen, String kind) {
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(who + ": key " + (isBlank(key) ? "is missing" : "\"" + shown(key) + "\" is not valid")
                    + "; a key is " + KEY_FORM);
        } else if (!seen.add(key)) {
            problems.add(who + ": key \"" + key + "\" is already used by another " + kind);
        }
    }

    private static void text(List<String> problems, String who, String what, String value, int min, int max) {
        int length = value == null ? 0 : value.length();
        if (min > 0 && isBlank(value)) {
            problems.add(who + ": needs " + what + " (1 to " + max + " characters)");
        } else if (length > max) {
            problems.add(who + ": " + what.substring(what.indexOf(' ') + 1) + " has " + length
                    + " characters; at most " + max + " are allowed");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Names and keys from hostile input are quoted in messages, so they are kept short. */
    private static String shown(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
