package org.calibrate.anonymise.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactPatternsTest {
    private static String byMaya(String text) {
        return AnonymiserTest.byMaya(text);
    }

    @Test
    void numbersInMathsAndScienceStay() {
        String work = "In 1803, 12 - 4 = 8 and pi is 3.14159; 1,000,000 cells; glucose is C6H12O6; 0.19 seconds; 343 m/s; 60 km/h.";
        assertEquals(work, byMaya(work));
    }

    @Test
    void phoneFormats() {
        assertEquals("[phone], [phone], [phone], [phone] and [phone].",
                byMaya("(555) 214-8890, 555-731-2286, 555.382.9104, +1 555 123 4567 and 555-0147."));
    }

    @Test
    void idsNeedACueOrAShape() {
        assertEquals("Student ID: [id], lunch pin [id], code [id]; page 42 of 300.",
                byMaya("Student ID: 2045871, lunch pin 4471, code 2C08BW2B; page 42 of 300."));
    }

    @Test
    void citedUrlsAreOnlyFlaggedPersonalOnesGo() {
        assertEquals("See https://www.nasa.gov/solar-system and [url].", byMaya("See https://www.nasa.gov/solar-system and instagram.com/maya.draws."));
        assertEquals(1, AnonymiserTest.ENGINE.anonymise("See https://www.nasa.gov/solar-system.", java.util.Optional.empty()).flagged().size());
    }

    @Test
    void bracketedTeacherCommentsGoWhole() {
        assertEquals("Reasons.  [teacher comment] End.", byMaya("Reasons.  [Teacher comment: Good work Siobhan, your reasons are clear] End."));
    }
}
