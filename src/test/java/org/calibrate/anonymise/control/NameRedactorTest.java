package org.calibrate.anonymise.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameRedactorTest {
    private final NameRedactor redactor = new NameRedactor(List.of("Maya Thompson", "Siobhan O'Connor", "Grace Kim", "Lena Fischer-Morales", "Zoë Kowalski"));

    @Test
    void fullGivenAndFamilyNamesGo() {
        assertEquals("By [name]. Later, [name] said [name] agreed.",
                redactor.redact("By Maya Thompson. Later, maya said THOMPSON agreed."));
    }

    @Test
    void wholeWordsOnly() {
        assertEquals("Kimchi and Gracefully stay; [name] goes.", redactor.redact("Kimchi and Gracefully stay; Kim goes."));
    }

    @Test
    void apostrophesHyphensAndAccents() {
        assertEquals("[name] and [name], [name] and [name].", redactor.redact("O’Connor and O'Connor, Fischer-Morales and Zoe\u0308."));
    }

    @Test
    void namesAcrossLineBreaks() {
        assertEquals("Signed, [name]", redactor.redact("Signed, Maya\n Thompson"));
    }

    @Test
    void classNamesGoAsWholePhrases() {
        assertEquals("Name: [name] [class]. Each period of the day…",
                NameRedactor.classes(List.of("Period 2")).redact(redactor.redact("Name: Maya Thompson Period 2. Each period of the day…")));
    }

    @Test
    void emailAddressesGo() {
        assertEquals("Write to [email] or [email].", new NameRedactor(List.of()).redact("Write to maya.thompson@students.riverside-ms.example.org or m+x@a.io."));
    }

    @Test
    void noNamesNoChange() {
        assertEquals("Text.", new NameRedactor(List.of()).redact("Text."));
        assertEquals("A B", new NameRedactor(List.of("A", " ")).redact("A B"), "one-letter names would wreck the text");
    }
}
