package org.calibrate.intake.moodle;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PluginFilesTest {
    private static final URI SITE = URI.create("https://school.example/moodle");

    private static Optional<String> url(String fileUrl) {
        return PluginFiles.withToken(SITE, URI.create(fileUrl), "tok123").map(URI::toString);
    }

    @Test
    @DisplayName("The web-service address gets ?token=, the browser address is rewritten to it, other queries stay")
    void addresses() {
        assertEquals(Optional.of("https://school.example/moodle/webservice/pluginfile.php/99/assignsubmission_file/submission_files/11/essay.docx?token=tok123"),
                url("https://school.example/moodle/webservice/pluginfile.php/99/assignsubmission_file/submission_files/11/essay.docx"));
        assertEquals(Optional.of("https://school.example/moodle/webservice/pluginfile.php/99/a/b/11/my%20essay.docx?forcedownload=1&token=tok123"),
                url("https://SCHOOL.example:443/moodle/pluginfile.php/99/a/b/11/my%20essay.docx?forcedownload=1"));
        assertEquals(Optional.of("https://school.example/moodle/webservice/pluginfile.php/1/f?token=tok123"),
                url("https://school.example/moodle/webservice/pluginfile.php/1/f?token=chosen"));
    }

    @Test
    @DisplayName("No token for another origin, another path, or a climb out of pluginfile.php")
    void refused() {
        assertEquals(Optional.empty(), url("https://evil.example/moodle/webservice/pluginfile.php/1/f"));
        assertEquals(Optional.empty(), url("http://school.example/moodle/webservice/pluginfile.php/1/f"));
        assertEquals(Optional.empty(), url("https://school.example:8443/moodle/webservice/pluginfile.php/1/f"));
        assertEquals(Optional.empty(), url("https://school.example/other/webservice/pluginfile.php/1/f"));
        assertEquals(Optional.empty(), url("https://school.example/moodle/login/index.php"));
        assertEquals(Optional.empty(), url("https://school.example/moodle/webservice/pluginfile.php/../../admin/x"));
        assertEquals(Optional.empty(), url("https://school.example/moodle/webservice/pluginfile.php/%2e%2e/%2e%2e/admin/x"));
    }

    @Test
    @DisplayName("Moodle's words in a failure lose the token, wherever it hides, and control characters")
    void quoting() {
        String quoted = MoodleText.quote("bad https://x/pluginfile.php/1?token=s3cr3t&x=1 wstoken=abc tok123\u202e end", "tok123");
        assertFalse(quoted.contains("s3cr3t") || quoted.contains("abc ") || quoted.contains("tok123") || quoted.contains("\u202e"), quoted);
        assertEquals("bad https://x/pluginfile.php/1?token=[token]&x=1 wstoken=[token] [token] end", quoted);
    }
}
