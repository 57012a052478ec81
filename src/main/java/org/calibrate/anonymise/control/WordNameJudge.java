package org.calibrate.anonymise.control;

import java.util.Set;

/**
 * Decides whether a roster name that is also an English word ("Hope", "Will", "Mark", "Rose", "Bill",
 * "Grace", "May", "Art", "Young") is the person here. Certain context redacts, ordinary use keeps,
 * and what context cannot settle is flagged for the moderator — neither silently removed nor kept.
 */
final class WordNameJudge {
    enum Verdict {
        KEEP, FLAG, REDACT
    }

    /** After a sentence-initial word-name, these make it a verb, a modal or a noun phrase: "Will you", "Mark the graph", "May I". */
    private static final Set<String> ORDINARY_AFTER = Set.of("you", "i", "we", "they", "he", "she", "it", "the", "a", "an", "this",
            "that", "these", "those", "each", "every", "all", "your", "our", "my", "his", "her", "their", "its", "not", "be", "also",
            "can", "or", "in", "of", "for", "to", "on", "with", "there", "some", "any",
            "both", "one", "two", "three", "off", "down", "up", "out", "when", "what", "how", "which");
    /** After a word-name these say a person acted: "Will said", "Grace explained". */
    private static final Set<String> PERSON_AFTER = Set.of("said", "says", "asked", "asks", "told", "tells", "wrote", "writes",
            "helped", "helps", "showed", "shows", "explained", "explains", "thinks", "thought", "went", "came", "gave", "got",
            "laughed", "smiled", "replied", "answered", "argued", "agreed", "disagreed", "noticed", "suggested", "measured", "recorded",
            "calculated", "worked", "sat", "ran", "kicked", "scored", "brought", "forgot", "lent", "joined", "wanted", "tried", "took",
            "who");
    private static final Set<String> SALUTATIONS = Set.of("dear", "hi", "hello", "hey", "thanks", "love", "from", "sincerely", "signed", "with", "and", "me");
    private static final Set<String> MONTHS = Set.of("may", "june", "april", "august");
    private static final Set<String> MONTH_BEFORE = Set.of("in", "on", "of", "by", "until", "till", "since", "early", "late", "last",
            "next", "this", "mid", "during", "before", "after", "through", "from", "to");
    private static final Set<String> SUBJECT_AFTER = Set.of("class", "teacher", "room", "project", "show", "classes", "homework", "period", "club");

    private WordNameJudge() {
    }

    /**
     * @param withOtherName the word stands next to another name of the same person ("Will Okafor", "Hope R.")
     */
    static Verdict judge(Surroundings s, int i, boolean withOtherName) {
        Words.Word w = s.words().get(i);
        String key = w.key();
        if (w.lowerCase()) {
            // "i think hope was right when she said…": a subject before a verb, no article or adjective before it.
            boolean subject = PERSON_AFTER.contains(s.keyAfter(i).orElse("")) || Set.of("was", "is", "has", "had").contains(s.keyAfter(i).orElse(""));
            boolean bare = s.keyBefore(i).filter(b -> Set.of("think", "thought", "and", "said", "because", "but", "that", "when", "with").contains(b)).isPresent();
            return subject && bare ? Verdict.FLAG : Verdict.KEEP;
        }
        if (withOtherName || s.afterHonorific(i) || s.possessive(i)) {
            return Verdict.REDACT;
        }
        if (w.allCaps()) {
            return Verdict.FLAG;
        }
        String before = s.keyBefore(i).orElse("");
        String after = s.keyAfter(i).orElse("");
        if (MONTHS.contains(key) && (MONTH_BEFORE.contains(before) || s.numberAfter(i))) {
            return Verdict.KEEP;
        }
        if (SALUTATIONS.contains(before) && s.before(i).filter(Words.Word::capitalised).isPresent() && s.sentenceInitial(i - 1)) {
            return Verdict.REDACT;
        }
        if (key.equals("art") && (SUBJECT_AFTER.contains(after) || Set.of("in", "for", "like", "love", "and").contains(before))) {
            return Verdict.KEEP;
        }
        if (after.equals("of") || s.inTitleLine(i) || MONTHS.contains(key) && !PERSON_AFTER.contains(after)) {
            return Verdict.FLAG;
        }
        if (s.sentenceInitial(i)) {
            if (ORDINARY_AFTER.contains(after) && !PERSON_AFTER.contains(after)) {
                return Verdict.KEEP;
            }
            return PERSON_AFTER.contains(after) ? Verdict.REDACT : Verdict.FLAG;
        }
        // Capitalised inside a sentence: English capitalises such words only as names.
        return Verdict.REDACT;
    }
}
