package org.calibrate.intake.exports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's assignment download (mod_assign, "Download all submissions"). Every file starts with
 * {@code <full name>_<participant id>_assignsubmission_<plugin>_}: with "Download submissions in
 * folders" (the default since Moodle 3.1) that prefix is a folder holding the original files, with or
 * without a trailing underscore by version; without it the original file name follows the prefix.
 *
 * <p>The participant id is Moodle's number for the student within this one assignment, not the LMS
 * user id the roster knows, so the full name is what links a file to a student. Moodle writes
 * underscores in names as spaces, so the name never holds an underscore. With blind marking the name
 * is "Participant"; for group submissions it is "&lt;group&gt;-&lt;full name&gt;".
 */
final class MoodleNames implements NameScheme {
    private static final String PREFIX = "([^_/]+)_(\\d{1,18})_assignsubmission_([a-z0-9]+)";
    private static final Pattern FOLDER = Pattern.compile(PREFIX + "_?");
    private static final Pattern FLAT = Pattern.compile(PREFIX + "_(.+)");
    private static final Pattern BLIND = Pattern.compile("(?i)(.*-)?participant( \\d+)?");
    private static final String ONLINE_TEXT = "onlinetext.html";

    @Override
    public Layout layout() {
        return Layout.MOODLE;
    }

    @Override
    public Optional<Claim> claim(String path) {
        int slash = path.indexOf('/');
        Matcher m = slash < 0 ? FLAT.matcher(path) : FOLDER.matcher(path.substring(0, slash));
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).strip();
        String participant = m.group(2);
        String plugin = m.group(3);
        String fileName = slash < 0 ? m.group(4) : path.substring(slash + 1);
        boolean hidden = BLIND.matcher(name).matches();
        boolean onlineText = plugin.equals("onlinetext") && fileName.equalsIgnoreCase(ONLINE_TEXT);
        return Optional.of(new Claim("moodle-zip:" + participant, name + "_" + participant,
                hidden ? Optional.empty() : Optional.of(name), hidden, fileName, onlineText));
    }

    @Override
    public String hiddenNames() {
        return "Moodle hid the students' names in this download (blind marking), so no submission is linked to a "
                + "student. Reveal identities in Moodle and download again to link them, or import them unlinked.";
    }
}
