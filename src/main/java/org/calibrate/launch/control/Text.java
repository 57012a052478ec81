package org.calibrate.launch.control;

/**
 * What platform-supplied strings may carry into storage and pages. A NUL is never part of an identifier or a name,
 * and PostgreSQL cannot store one; other control characters are dropped from what is shown or recorded.
 */
public final class Text {
    private Text() {
    }

    public static boolean hasNul(String s) {
        return s.indexOf('\0') >= 0;
    }

    /** The string without C0 controls (tab and line breaks become spaces) and without DEL. */
    public static String withoutControl(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                b.append(' ');
            } else if (c >= 0x20 && c != 0x7f) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
