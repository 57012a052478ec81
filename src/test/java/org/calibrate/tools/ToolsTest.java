package org.calibrate.tools;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolsTest {
    @Test
    void unknownCommandListsTheCommands() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tools.run(new String[] {"frobnicate"}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown command: frobnicate"));
        assertTrue(err.toString().contains("commands: anonymise, stats"), err.toString());
    }

    @Test
    void dispatchesToTheNamedCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Tools.run(new String[] {"stats", "--help"}, new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        assertTrue(out.toString().contains("usage: java -jar calibrate-tools.jar stats"));
    }

    @Test
    void anonymiseWithoutARosterExplainsItsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tools.run(new String[] {"anonymise"}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--roster"), err.toString());
    }
}
