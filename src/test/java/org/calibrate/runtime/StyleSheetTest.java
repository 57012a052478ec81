package org.calibrate.runtime;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front end's one style sheet closes every block it opens. A media query left open swallows every rule after
 * it (they would apply only in that medium) and no browser reports it; this is the check that does.
 */
class StyleSheetTest {
    @Test
    void everyBlockIsClosedWhereItStarts() throws Exception {
        String css = Files.readString(Path.of("src/main/webapp/app/app.css")).replaceAll("(?s)/\\*.*?\\*/", "");
        int depth = 0;
        int line = 1;
        int mediaOpenedAt = 0;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                if (depth == 0 && css.lastIndexOf("@media", i) > css.lastIndexOf('}', i)) {
                    mediaOpenedAt = line;
                }
                depth++;
                assertTrue(depth <= 2, "a block opened inside a rule at line " + line + " (media query of line " + mediaOpenedAt + " left open?)");
            } else if (c == '}') {
                depth--;
                assertTrue(depth >= 0, "a block closed twice at line " + line);
            }
        }
        assertEquals(0, depth, "a block is left open (media query of line " + mediaOpenedAt + "?)");
    }
}
