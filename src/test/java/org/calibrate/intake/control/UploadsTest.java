package org.calibrate.intake.control;

import org.calibrate.session.boundary.ApiRefusal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploadsTest {
    @Test
    void aFileNameIsCutToItsLastPartAndChecked() {
        assertEquals("essay.docx", Uploads.fileName("C:\\Users\\jane\\essay.docx"));
        assertEquals("essay.docx", Uploads.fileName("../../essay.docx"));
        assertThrows(ApiRefusal.class, () -> Uploads.fileName(""));
        assertThrows(ApiRefusal.class, () -> Uploads.fileName("a/"));
        assertThrows(ApiRefusal.class, () -> Uploads.fileName("bad\u0000name.txt"));
        assertThrows(ApiRefusal.class, () -> Uploads.fileName("x".repeat(256)));
    }

    @Test
    void anUploadIsReadUpToItsBoundAndRefusedBeyond() {
        assertEquals(4, Uploads.bounded(new ByteArrayInputStream(new byte[4]), 4).length);
        ApiRefusal tooLarge = assertThrows(ApiRefusal.class, () -> Uploads.bounded(new ByteArrayInputStream(new byte[5]), 4));
        assertEquals(413, tooLarge.status());
        assertEquals(400, assertThrows(ApiRefusal.class, () -> Uploads.bounded(new ByteArrayInputStream(new byte[0]), 4)).status());
    }

    @Test
    void aMoodleSiteIsHttpsOrOnThisMachine() {
        assertEquals("https://moodle.school.example", MoodleConnections.site("https://moodle.school.example/").toString());
        assertEquals("http://127.0.0.1:8081/moodle", MoodleConnections.site("http://127.0.0.1:8081/moodle").toString());
        assertThrows(ApiRefusal.class, () -> MoodleConnections.site("http://moodle.school.example"));
        assertThrows(ApiRefusal.class, () -> MoodleConnections.site("https://user:pw@moodle.school.example"));
        assertThrows(ApiRefusal.class, () -> MoodleConnections.site("https://moodle.school.example/?x=1"));
        assertThrows(ApiRefusal.class, () -> MoodleConnections.site("ftp://moodle.school.example"));
    }
}
