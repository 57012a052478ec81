package org.calibrate.intake.exports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canvas's "Download Submissions" ZIP: flat files named
 * {@code <name>[_LATE]_<user id>_<attachment id>_<file name>} for uploads and
 * {@code <name>[_LATE]_<user id>_text.html} (or {@code _link.html} for a website URL) for online
 * entries. The name is the student's sortable name ("Smith, Jane") with everything but word
 * characters removed and lower-cased ({@code smithjane}); with anonymous grading it is left out.
 * A file the student uploaded again under the same name carries Canvas's {@code -1}, {@code -2}
 * suffix; it is kept as written, since "chapter-1.docx" may just as well be the student's own name.
 *
 * <p>The user id is Canvas's own, not the LTI user id the roster knows, so the name links a file to
 * a student.
 */
final class CanvasNames implements NameScheme {
    private static final Pattern NAME = Pattern.compile(
            "(?:(?!LATE_)([^_/\\s]+)_)?(?:LATE_)?(\\d{1,18})_(?:(\\d{1,18})_([^/]+)|(text|link)\\.html)");

    @Override
    public Layout layout() {
        return Layout.CANVAS;
    }

    @Override
    public Optional<Claim> claim(String path) {
        Matcher m = NAME.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<String> name = Optional.ofNullable(m.group(1));
        String user = m.group(2);
        boolean upload = m.group(4) != null;
        String fileName = upload ? m.group(4) : m.group(5) + ".html";
        boolean onlineText = !upload && m.group(5).equals("text");
        return Optional.of(new Claim("canvas-zip:" + user, name.map(n -> n + "_").orElse("") + user, name,
                name.isEmpty(), fileName, onlineText));
    }

    @Override
    public String hiddenNames() {
        return "Canvas left the students' names out of this download (anonymous grading), so no submission is linked "
                + "to a student.";
    }
}
