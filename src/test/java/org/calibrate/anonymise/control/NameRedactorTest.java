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
    void noNamesNoChange() {
        assertEquals("Text.", new NameRedactor(List.of()).redact("Text."));
        assertEquals("A B", new NameRedactor(List.of("A", " ")).redact("A B"), "one-letter names would wreck the text");
    }
}
