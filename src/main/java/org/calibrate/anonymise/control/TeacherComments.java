package org.calibrate.anonymise.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A teacher's evaluation written into the work ("Teacher comment: …", "Good work James, but…",
 * "[Teacher comment: …]") goes whole: it names the pupil, and a grade already given sways the scorer
 * (Annenberg technical manual: "all teacher evaluations of students' work were also removed").
 */
final class TeacherComments {
    /** A labelled block: from the label to the end of its paragraph. */
    private static final Pattern LABELLED = Pattern.compile(
            "(?im)^[ \\t]*(?:teacher(?:'s|’s)?\\s+(?:comments?|notes?|feedback|remarks?)|comments?\\s+from\\s+(?:the\\s+)?teacher|note\\s+from\\s+(?:the\\s+)?teacher|feedback|grade|teacher\\s+score)\\s*:.*(?:\\n(?![ \\t]*\\n).*)*");
    /** Praise addressed to the pupil at the start of a line: "Good work James, but you forget…". */
    private static final Pattern PRAISE = Pattern.compile(
            "(?m)^[ \\t]*(?:(?i:good|great|nice|excellent|awesome|fantastic|super|wonderful)\\s+(?i:work|job|effort|thinking|start|writing|try)|(?i:well\\s+done)|(?i:see\\s+me))(?:\\s*[,!]|\\s+[\\p{Lu}\\]]).*(?:\\n(?![ \\t]*\\n).*)*");
    /** Bracketed annotations: "[T: cite this]", "(Teacher: good point)". */
    private static final Pattern BRACKETED = Pattern.compile(
            "\\[(?:T|TC|Teacher|Tchr)(?:['’]s)?(?:\\s+(?:comments?|notes?|feedback))?\\s*:[^\\]\\n]*\\]|\\((?:T|Teacher|Tchr)(?:['’]s)?(?:\\s+(?:comments?|notes?|feedback))?\\s*:[^)\\n]*\\)");

    private TeacherComments() {
    }

    static List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (Pattern p : List.of(LABELLED, PRAISE, BRACKETED)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int start = m.start();
                while (start < m.end() && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                int end = m.end();
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    found.add(Finding.redact(start, end, Kind.COMMENT));
                }
            }
        }
        return found;
    }
}
