package org.calibrate.intake.moodle;

import java.util.regex.Pattern;

/**
 * Moodle's own words, made fit for a failure message: cut short, without control characters, and
 * without the token. Moodle does not echo the token as a rule, but debugging output, proxies and
 * error pages may, and a failure message ends up in logs and in front of teachers.
 */
final class MoodleText {
    static final String TOKEN = "[token]";
    private static final int MAX_CODE_POINTS = 200;
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(?i)\\b(ws)?token=[^&\\s\"'<>]*");

    private MoodleText() {
    }

    static String quote(String text, String token) {
        if (text == null) {
            return "";
        }
        String m = token == null || token.isEmpty() ? text : text.replace(token, TOKEN);
        m = TOKEN_PARAMETER.matcher(m).replaceAll(r -> (r.group(1) == null ? "" : r.group(1)) + "token=" + TOKEN)
                // C0 and C1 controls and format characters (bidi overrides) could disguise the text.
                .replaceAll("[\\p{Cc}\\p{Cf}]+", " ").replaceAll(" {2,}", " ").strip();
        return m.codePointCount(0, m.length()) > MAX_CODE_POINTS ? m.substring(0, m.offsetByCodePoints(0, MAX_CODE_POINTS)) + "…" : m;
    }
}
