package org.calibrate.exemplars.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnchorSetTest {

    @Test
    void anAnchorMustIllustrateACriterionOfTheRubric() {
        AnchorSet.Anchor stray = new AnchorSet.Anchor("Exemplar 9", Optional.of("style"), 3, Map.of(), "", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AnchorSet("Set", Optional.empty(), "Rubric",
                List.of(new AnchorSet.Criterion("content", "Content", new TreeMap<>())), List.of(stray), Instant.EPOCH));
        assertTrue(e.getMessage().contains("Exemplar 9 illustrates criterion 'style'"), e.getMessage());
    }

    @Test
    void collectionsAreCopied() {
        List<AnchorSet.Anchor> anchors = new ArrayList<>(List.of(new AnchorSet.Anchor("Exemplar 1", Optional.empty(), 1, Map.of(), "", "")));
        AnchorSet set = new AnchorSet("Set", Optional.empty(), "Rubric", List.of(), anchors, Instant.EPOCH);
        anchors.clear();
        assertEquals(1, set.anchors().size());
    }

    @Test
    void descriptorsAreKeptInNaturalOrderWhateverTheCallersMapSortsBy() {
        TreeMap<Integer, String> reversed = new TreeMap<>(Collections.reverseOrder());
        reversed.putAll(Map.of(1, "low", 3, "high"));
        AnchorSet.Criterion c = new AnchorSet.Criterion("content", "Content", reversed);
        assertEquals(List.of(1, 3), List.copyOf(c.descriptors().keySet()));
        reversed.put(2, "middle");
        assertEquals(2, c.descriptors().size());
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> new AnchorSet.Anchor("Exemplar 1", null, 1, Map.of(), "", ""));
        assertThrows(NullPointerException.class, () -> new AnchorSet(null, Optional.empty(), "Rubric", List.of(), List.of(), Instant.EPOCH));
    }
}
