package org.calibrate.intake.moodle;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A file of a submission as {@code mod_assign_get_submissions} lists it; the content is fetched with
 * {@link MoodleClient#download}.
 *
 * @param name     the file name, prefixed by its folder when the student used folders ({@code notes/a.pdf})
 * @param size     the size Moodle declares, or -1 when the reply has none (Moodle before 3.2)
 * @param url      Moodle's download URL, without the token
 * @param mimeType Moodle's guess from the file name
 */
public record MoodleFile(String name, long size, URI url, Optional<Instant> modified, Optional<String> mimeType) {
    public MoodleFile {
        if (name == null || name.isBlank() || url == null) {
            throw new IllegalArgumentException("a Moodle file needs a name and a URL");
        }
        modified = modified == null ? Optional.empty() : modified;
        mimeType = mimeType == null ? Optional.empty() : mimeType;
    }
}
