package simdae.cli.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GroundTruthTest {

    @Test
    void normalClassMarksEveryOtherLabelAnomalous() {
        assertArrayEquals(new boolean[] {false, true, true, false, true}, GroundTruth.normalClass(new int[] {3, 1, 0, 3, 9}, 3));
        assertEquals(3, GroundTruth.count(GroundTruth.normalClass(new int[] {3, 1, 0, 3, 9}, 3)));
    }

    @Test
    void anomalyLabelByClassName() {
        String[] names = {"normal", "attack"};
        assertArrayEquals(new boolean[] {false, true, true, false}, GroundTruth.anomalyLabel(new int[] {0, 1, 1, 0}, names, "attack"));
        assertEquals("no class named 'Attack' (classes: normal, attack)",
                assertThrows(IllegalArgumentException.class, () -> GroundTruth.anomalyLabel(new int[] {0}, names, "Attack")).getMessage());
        assertEquals("label 2 of row 1 has no class name (2 classes)",
                assertThrows(IllegalArgumentException.class, () -> GroundTruth.anomalyLabel(new int[] {0, 2}, names, "attack")).getMessage());
    }
}
