package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Action;
import org.calibrate.anonymise.entity.CourseContext;
import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Redaction;
import org.calibrate.anonymise.entity.Span;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnonymiserTest {
    static final Person MAYA = Person.learner("u-maya", "Maya", "Thompson");
    static final Person WILL = Person.learner("u-will", "Will", "Okafor");
    static final Person HOPE = Person.learner("u-hope", "Hope", "Nguyen-Tran");
    static final Person ZOE = Person.learner("u-zoe", "Zoë", "O'Brien");
    static final Person WILLIAM = Person.learner("u-william", "William", "Park");
    static final Person ALVAREZ = Person.instructor("u-alvarez", "Rosa", "Alvarez");
    static final Anonymiser ENGINE = new Anonymiser(new KnownPeople(List.of(MAYA, WILL, HOPE, ZOE, WILLIAM, ALVAREZ)),
            new CourseContext(Optional.of("Biology 9 Honors"), Optional.of("BIO9H-3"),
                    List.of(new CourseContext.School("Lincoln Elementary School", List.of("Lincoln Elementary", "LES"))), List.of()));

    static String byMaya(String text) {
        return ENGINE.anonymise(text, Optional.of("u-maya")).text();
    }

    @Test
    void ownNameInEveryCaseAndThePossessiveKeepsItsEnding() {
        assertEquals("By [student]. [student]'s notes: [student] wrote, [student] too.",
                byMaya("By Maya Thompson. Maya's notes: MAYA wrote, maya too."));
    }

    @Test
    void classmatesGetLettersInOrderOfFirstMentionAndKeepThem() {
        assertEquals("[classmate A] and [classmate B] measured; [classmate A] recorded.",
                byMaya("Zoë O'Brien and Hope Nguyen-Tran measured; Zoe recorded."));
        assertEquals("[classmate A] and [classmate B] measured.", byMaya("Hope Nguyen-Tran and Zoë measured."),
                "letters restart for each text");
    }

    @Test
    void teachersAreTeachersAndTheHonorificStays() {
        assertEquals("Mr. [name] coaches; Ms. [teacher] said so.", byMaya("Mr. Garvey coaches; Ms. Alvarez said so."));
    }

    @Test
    void offsetsCountCodePointsNotUtf16Chars() {
        String text = "😀 é Maya";
        Redaction r = ENGINE.anonymise(text, Optional.of("u-maya"));
        assertEquals(List.of(new Span(4, 8, "[student]", Action.REDACTED)), r.spans());
        assertEquals("😀 é [student]", r.text());
        Redaction decomposed = ENGINE.anonymise("Zoe\u0308 🎉 Maya", Optional.of("u-maya"));
        assertEquals(new Span(0, 4, "[classmate A]", Action.REDACTED), decomposed.spans().get(0), "a combining accent is part of the name");
        assertEquals(new Span(7, 11, "[student]", Action.REDACTED), decomposed.spans().get(1));
    }

    @Test
    void wordNamesAreJudgedByContext() {
        assertEquals("I hope we will mark the graph and pick a rose.", byMaya("I hope we will mark the graph and pick a rose."));
        assertEquals("Then [classmate A] measured it with [classmate B].", byMaya("Then Will measured it with Hope."));
        assertEquals("Will you check it? Hope is a feeling.", byMaya("Will you check it? Hope is a feeling."));
        Redaction unsure = ENGINE.anonymise("Hope is a feeling.", Optional.of("u-maya"));
        assertEquals(List.of(new Span(0, 4, "[classmate A]", Action.FLAGGED)), unsure.spans(), "sentence-initial Hope before 'is' is unsure");
        assertEquals("[classmate A] said the graph was wrong.", byMaya("Will said the graph was wrong."));
        assertEquals("We met in May and [classmate A] came.", byMaya("We met in May and Hope came."));
    }

    @Test
    void nicknamesAndMisspellings() {
        assertEquals("[classmate A] and [student] and [student] and [classmate A].", byMaya("Billy and Mayaa and Thomspon and Liam."), "Billy and Liam are both William");
        assertEquals("[classmate A] and [student].", byMaya("Will and Maya."));
        assertEquals("Mayan temples are tall.", byMaya("Mayan temples are tall."), "'Mayan' is a word, not one edit from a 5-letter name");
    }

    @Test
    void unknownNamesAreRedactedOnACueAndFlaggedOtherwise() {
        Redaction r = ENGINE.anonymise("My friend Francisco made 5 goals. Francisco won. We ate with Dmitri at noon.", Optional.of("u-maya"));
        assertEquals("My friend [name] made 5 goals. [name] won. We ate with Dmitri at noon.", r.text());
        assertEquals(List.of(new Span(61, 67, "[name]", Action.FLAGGED)), r.flagged());
    }

    @Test
    void schoolCourseAndContactData() {
        assertEquals("At [school] in [course] ([course]), mail [email] or call [phone]; I live at [address], ID [id].",
                byMaya("At Lincoln Elementary in Biology 9 Honors (BIO9H-3), mail maya.t@mail.example.org or call (555) 123-4567; I live at 1420 Elm Street, ID 2045871."));
    }

    @Test
    void teacherCommentsGoWhole() {
        assertEquals("I got a trophy.\n[teacher comment]", byMaya("I got a trophy.\nGood work James, but you forget to include\nthe ending."));
        assertEquals("Text.\n\n[teacher comment]\n\nMore.", byMaya("Text.\n\nTeacher comment: nice, Maya\nsee me\n\nMore."));
    }

    @Test
    void initialsInTheHeading() {
        assertEquals("[student] Period 3 — Lab", byMaya("M.T. Period 3 — Lab").replace("[class]", "Period 3"));
    }

    @Test
    void lettersNeverRunOut() {
        assertEquals("A", Anonymiser.letters(0));
        assertEquals("Z", Anonymiser.letters(25));
        assertEquals("AA", Anonymiser.letters(26));
        assertTrue(Anonymiser.letters(700).matches("[A-Z]+"));
    }
}
