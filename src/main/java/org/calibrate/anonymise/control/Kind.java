package org.calibrate.anonymise.control;

/**
 * What a finding is, its label, and which finding wins where two overlap: a teacher's comment goes
 * whole, contact data before names (an e-mail holds a name), names known from the roster before names
 * only guessed.
 */
public enum Kind {
    COMMENT("[teacher comment]", 100, "comment"),
    EMAIL("[email]", 90, "email"),
    URL("[url]", 85, "url"),
    ADDRESS("[address]", 80, "address"),
    PHONE("[phone]", 75, "phone"),
    USERNAME("[username]", 72, "username"),
    ID("[id]", 70, "id"),
    SCHOOL("[school]", 60, "school"),
    COURSE("[course]", 60, "course"),
    CLASS("[class]", 55, "class"),
    /** A roster member: the label depends on who wrote the text (student, classmate A…, teacher). */
    PERSON("[name]", 50, "person"),
    /** Someone the roster does not know: a sibling, a coach. */
    NAME("[name]", 40, "name");

    private final String label;
    private final int priority;
    private final String category;

    Kind(String label, int priority, String category) {
        this.label = label;
        this.priority = priority;
        this.category = category;
    }

    public String label() {
        return label;
    }

    int priority() {
        return priority;
    }

    /** The category the evaluation set annotates this kind with. */
    public String category() {
        return category;
    }
}
