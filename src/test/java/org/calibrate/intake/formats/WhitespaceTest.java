package org.calibrate.intake.formats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WhitespaceTest {
    @Test
    void runsOfBlanksBecomeOneAndLinesLoseTheirEdges() {
        assertEquals("a b\tc", Whitespace.normalise("  a \u00A0  b \t c  "));
    }

    @Test
    void paragraphsAreApartByExactlyOneBlankLine() {
        assertEquals("one\n\ntwo\nthree", Whitespace.normalise("\n\none\r\n \r\n\t\n\n\ntwo\rthree\n\n"));
    }

    @Test
    void invisibleCharactersGoAndVerticalTabsBreakLines() {
        assertEquals("ab\ncd", Whitespace.normalise("\uFEFFa\u0000b\u000Bc\u0007d"));
    }

    @Test
    void decomposedLettersAreComposed() {
        assertEquals("caf\u00E9", Whitespace.normalise("cafe\u0301"));
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String once = Whitespace.normalise(" x \n\n\n y\t\tz \u2029 w ");
        assertEquals(once, Whitespace.normalise(once));
    }
}
