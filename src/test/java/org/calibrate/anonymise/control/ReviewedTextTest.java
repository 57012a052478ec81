package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.CourseContext;
import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Redaction;
import org.calibrate.anonymise.entity.ReviewSpan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewedTextTest {
    private static final Anonymiser ANONYMISER = new Anonymiser(new KnownPeople(List.of(Person.learner("s1", "Maya", "Thompson"),
            Person.learner("s2", "Hope", "Garcia"))), new CourseContext(Optional.empty(), Optional.empty(), List.of(), List.of()));

    @Test
    void anUndecidedReviewReadsAsTheAnonymisersCautiousText() {
        String original = "Maya Thompson 🙂 wrote this with Hope, and I hope it reads well.";
        Redaction r = ANONYMISER.anonymise(original, Optional.of("s1"));
        List<ReviewSpan> spans = r.spans().stream().map(ReviewSpan::of).toList();
        assertEquals(r.cautiousText(), ReviewedText.scorerText(original, spans));
    }

    @Test
    void keptSpansReadAsWrittenAndHiddenOnesAsTheirLabel() {
        String original = "Dear 🙂 Rose, see Rose Street.";
        List<ReviewSpan> spans = List.of(new ReviewSpan(7, 11, "[classmate A]", ReviewSpan.Origin.FLAGGED, ReviewSpan.Decision.REDACT),
                new ReviewSpan(17, 28, "[address]", ReviewSpan.Origin.FLAGGED, ReviewSpan.Decision.KEEP));
        assertEquals("Dear 🙂 [classmate A], see Rose Street.", ReviewedText.scorerText(original, spans));
    }

    @Test
    void aPhraseIsRedactedAsWholeWordsWhereNoSpanStandsYet() {
        String original = "Coach Brady said Brady's team, not Bradyville, won. BRADY!";
        List<ReviewSpan> existing = List.of(new ReviewSpan(0, 5, "[teacher]", ReviewSpan.Origin.REDACTED, ReviewSpan.Decision.REDACT));
        List<ReviewSpan> spans = ReviewedText.withPhrase(original, existing, "brady");
        assertEquals("[teacher] [redacted] said [redacted]'s team, not Bradyville, won. [redacted]!", ReviewedText.scorerText(original, spans));
        assertTrue(spans.stream().filter(s -> s.origin() == ReviewSpan.Origin.MANUAL).allMatch(s -> s.label().equals(ReviewSpan.MANUAL_LABEL)));
        assertEquals(spans, ReviewedText.withPhrase(original, spans, "Brady"), "redacting again adds nothing");
        assertThrows(IllegalArgumentException.class, () -> ReviewedText.withPhrase(original, existing, " "));
    }
}
