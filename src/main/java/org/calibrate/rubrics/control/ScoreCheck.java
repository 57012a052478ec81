package org.calibrate.rubrics.control;

import org.calibrate.rubrics.entity.Cap;
import org.calibrate.rubrics.entity.Criterion;
import org.calibrate.rubrics.entity.RubricDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks one scorer's levels against a rubric: known criteria and caps, levels in range, ticked caps kept. */
public final class ScoreCheck {
    private ScoreCheck() {
    }

    /**
     * Every problem with the levels; empty when they can be saved. {@code complete} asks for a level on every
     * criterion (submitting a score), otherwise a draft may leave criteria open. The rubric is one that
     * passed {@link RubricRules}; the levels and ticked caps come from outside and may hold anything.
     */
    public static List<String> problems(RubricDefinition rubric, Map<String, Integer> levels, Set<String> capsTicked,
                                        boolean complete) {
        Map<String, Integer> given = levels == null ? Map.of() : levels;
        Set<String> ticked = capsTicked == null ? Set.of() : capsTicked;
        List<String> problems = new ArrayList<>();
        // Sorted, so the same input always gives the same messages in the same order.
        for (String key : new TreeSet<>(given.keySet())) {
            if (rubric.criterion(key).isEmpty()) {
                problems.add("There is no criterion \"" + shown(key) + "\" in this rubric");
            }
        }
        for (String key : new TreeSet<>(ticked)) {
            if (rubric.caps().stream().noneMatch(cap -> key.equals(cap.key()))) {
                problems.add("There is no cap \"" + shown(key) + "\" in this rubric");
            }
        }
        for (Criterion c : rubric.criteria()) {
            Integer level = given.get(c.key());
            if (level == null) {
                if (complete) {
                    problems.add(c.name() + ": needs a level");
                }
                continue;
            }
            if (c.point(level).isEmpty()) {
                problems.add(c.name() + ": " + level + " is not a level of this criterion ("
                        + c.minLevel() + "–" + c.maxLevel() + ")");
                continue;
            }
            for (Cap cap : rubric.caps()) {
                if (ticked.contains(cap.key()) && cap.appliesTo(c.key()) && level > cap.maxLevel()) {
                    problems.add(c.name() + ": " + level + " is above " + cap.maxLevel()
                            + ", the most a response may score when " + condition(cap));
                }
            }
        }
        return List.copyOf(problems);
    }

    /** The condition as it reads inside a sentence: "the prompt requires two texts and …". */
    private static String condition(Cap cap) {
        String c = cap.condition().strip();
        if (c.endsWith(".")) {
            c = c.substring(0, c.length() - 1);
        }
        // "The prompt …" reads "the prompt …", but an initialism such as "NYS" stays as written.
        boolean word = c.length() > 1 && Character.isLowerCase(c.charAt(1));
        return word ? c.substring(0, 1).toLowerCase(Locale.ROOT) + c.substring(1) : c;
    }

    private static String shown(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
