package org.calibrate.runtime;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameAncestorsTest {

    @Test
    void originsOfRegisteredPlatformsAndOperatorAdditionsEachOnce() {
        assertEquals("frame-ancestors 'self' http://127.0.0.1:8080 https://moodle.district.example.org https://school.instructure.com",
                FrameAncestors.directive(List.of("https://moodle.district.example.org", "https://moodle.district.example.org/mod/lti/auth.php",
                        "http://127.0.0.1:8080/demo", "https://School.Instructure.com/")));
    }

    @Test
    void anythingThatIsNotAPlainHttpOriginIsLeftOut() {
        assertEquals("frame-ancestors 'self'", FrameAncestors.directive(Arrays.asList("urn:issuer:lms", "javascript:alert(1)", "",
                null, "https://evil.example.org; script-src *", "ftp://files.example.org", "not a url")));
    }
}
