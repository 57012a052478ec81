package org.calibrate.scoring.entity;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreContentTest {
    private static ScoreContent with(Optional<String> condition, Optional<String> rationale) {
        return new ScoreContent(Map.of("content", 3), Set.of(), condition, Set.of(ScoreContent.Flag.SENSITIVE),
                Optional.empty(), Optional.empty(), rationale, Optional.empty());
    }

    @Test
    void scorersMaySetOnlyBlank() {
        assertTrue(with(Optional.of("blank"), Optional.empty()).blank());
        assertThrows(IllegalArgumentException.class, () -> with(Optional.of("illegible"), Optional.empty()));
        assertTrue(!with(Optional.of("  "), Optional.empty()).blank(), "an empty code is no code");
    }

    @Test
    void notesAreTrimmedAndBounded() {
        assertEquals(Optional.empty(), with(Optional.empty(), Optional.of("   ")).rationale());
        assertEquals(Optional.of("Both texts."), with(Optional.empty(), Optional.of(" Both texts. ")).rationale());
        assertThrows(IllegalArgumentException.class, () -> with(Optional.empty(), Optional.of("x".repeat(ScoreContent.MAX_NOTE + 1))));
    }

    @Test
    void flagKeys() {
        assertEquals(java.util.List.of("sensitive"), with(Optional.empty(), Optional.empty()).flagKeys());
        assertEquals(ScoreContent.Flag.FILE_PROBLEM, ScoreContent.Flag.of("file_problem").orElseThrow());
        assertEquals(ScoreContent.SuggestedCondition.NOT_ENGLISH, ScoreContent.SuggestedCondition.of("not_english").orElseThrow());
    }
}
