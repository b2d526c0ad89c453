package simdae.engine.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DatasetTest {
    private final Dataset d = new Dataset(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, 2, new int[] {1, 0, 1, 2},
            new String[] {"a", "b", "c"}, 0, 0, "t");

    @Test
    void rowsSubsetsAndFilters() {
        assertArrayEquals(new float[] {4, 5}, d.row(2));
        Dataset s = d.subset(new int[] {3, 0, 3});
        assertArrayEquals(new float[] {6, 7, 0, 1, 6, 7}, s.x());
        assertArrayEquals(new int[] {2, 1, 2}, s.labels());
        Dataset f = d.filterByLabel(1);
        assertArrayEquals(new float[] {0, 1, 4, 5}, f.x());
        assertArrayEquals(new String[] {"a", "b", "c"}, f.classNames());
        assertEquals(0, d.filterByLabel(d.classIndex("a")).n() - 1);
        assertEquals(-1, d.classIndex("zzz"));
        assertTrue(d.hasLabels());
        assertThrows(IndexOutOfBoundsException.class, () -> d.row(4));
        assertThrows(IllegalStateException.class, () -> Dataset.of(new float[2], 1, 2, "u").filterByLabel(0));
    }

    @Test
    void invariantsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new float[5], 2, 2, "bad"));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new float[2], 1, 2, new int[] {3}, new String[] {"a"}, 0, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new float[2], 1, 2, new int[] {0}, null, 0, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new float[4], 1, 4, null, null, 3, 2, ""));
        assertEquals(2, new Dataset(new float[4], 1, 4, null, null, 2, 2, "").rows());
    }
}
