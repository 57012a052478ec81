package org.calibrate.intake.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The judgement on an entry's name before its content is looked at: a file to read (under a normalised
 * path), something to pass over silently (folders, the operating system's own files), or a name no
 * LMS writes and an attacker would (climbing out with {@code ..}, absolute paths, drive letters,
 * control characters), refused with a reason.
 *
 * <p>Nothing here is ever written to disk, so a hostile name could do no harm today; it is refused
 * all the same, because an archive carrying one was tampered with, and because the path travels on
 * as the file's name to code that may one day write it.
 */
final class EntryNames {
    /** A whole path; a Moodle folder and the student's longest file name stay far below. */
    static final int MAX_PATH_LENGTH = 1024;
    /** How much of a name a problem shows; a 64 KiB name is no use to a teacher. */
    private static final int SHOWN_LENGTH = 160;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    /** Written by macOS, Windows Explorer and the Finder; never a student's work. */
    private static final Set<String> SYSTEM_FILES = Set.of(".ds_store", "thumbs.db", "desktop.ini");

    private EntryNames() {
    }

    enum Kind { FILE, SKIP, REFUSE }

    /** {@code path} for a {@link Kind#FILE}, {@code reason} for a {@link Kind#REFUSE}. */
    record Verdict(Kind kind, String path, String reason) {
        static Verdict file(String path) {
            return new Verdict(Kind.FILE, path, "");
        }

        static Verdict skip() {
            return new Verdict(Kind.SKIP, "", "");
        }

        static Verdict refuse(String reason) {
            return new Verdict(Kind.REFUSE, "", reason);
        }
    }

    static Verdict judge(String raw, int maxNameLength) {
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Verdict.refuse("Left out: its name holds control characters, which no LMS writes.");
        }
        // Windows tools write backslashes; read them as separators so "..\..\x" is seen for what it is.
        String name = raw.replace('\\', '/');
        if (name.startsWith("/")) {
            return Verdict.refuse("Left out: its name is an absolute path, which no LMS writes; the ZIP may have been tampered with.");
        }
        if (DRIVE.matcher(name).find()) {
            return Verdict.refuse("Left out: its name starts with a drive letter, which no LMS writes; the ZIP may have been tampered with.");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                // Even "a/../b", which stays inside: no LMS writes "..", so it only ever means tampering.
                return Verdict.refuse("Left out: its name climbs out of the ZIP's folders (\"..\"), a sign of a tampered ZIP.");
            }
            if (segment.length() > maxNameLength) {
                return Verdict.refuse("Left out: a name in its path is longer than " + maxNameLength + " characters.");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        String path = String.join("/", segments);
        if (path.length() > MAX_PATH_LENGTH) {
            return Verdict.refuse("Left out: its path is longer than " + MAX_PATH_LENGTH + " characters.");
        }
        if (path.isEmpty() || name.endsWith("/") || systemFile(segments)) {
            return Verdict.skip();
        }
        return Verdict.file(path);
    }

    private static boolean systemFile(List<String> segments) {
        if (segments.contains("__MACOSX")) {
            return true;
        }
        String last = segments.get(segments.size() - 1);
        // "._name" is macOS's AppleDouble companion of "name" (extended attributes), also outside __MACOSX.
        return SYSTEM_FILES.contains(last.toLowerCase(Locale.ROOT)) || last.startsWith("._");
    }

    /** An entry's name as a problem may show it: control characters replaced, very long names cut. */
    static String shown(String raw) {
        StringBuilder shown = new StringBuilder();
        raw.codePoints().limit(SHOWN_LENGTH).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (raw.codePointCount(0, raw.length()) > SHOWN_LENGTH) {
            shown.append('…');
        }
        return shown.toString();
    }
}
