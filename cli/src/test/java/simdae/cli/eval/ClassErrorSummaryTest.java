package simdae.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassErrorSummaryTest {

    @Test
    void quartilesWhiskersAndOutliersPerClass() {
        // class 1: 1..8 and 100; q1 = 3, median 5, q3 = 7 (numpy), IQR 4, fences -3 and 13 -> 100 is an outlier
        float[] e = {1, 50, 2, 3, 4, 5, 6, 7, 8, 100, 60};
        int[] l = {1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0};
        List<ClassErrorSummary> s = ClassErrorSummary.perClass(e, l, new String[] {"zero", "one"});
        assertEquals(2, s.size());
        ClassErrorSummary zero = s.get(0);
        assertEquals("zero", zero.name());
        assertEquals(2, zero.count());
        assertEquals(52.5, zero.q1(), 1e-12);
        assertEquals(55, zero.median(), 1e-12);
        assertEquals(57.5, zero.q3(), 1e-12);
        assertEquals(50, zero.lowerWhisker());
        assertEquals(60, zero.upperWhisker());
        assertEquals(0, zero.outliers());
        ClassErrorSummary one = s.get(1);
        assertEquals(1, one.label());
        assertEquals(9, one.count());
        assertEquals(1, one.min());
        assertEquals(100, one.max());
        assertEquals(3, one.q1(), 1e-12);
        assertEquals(5, one.median(), 1e-12);
        assertEquals(7, one.q3(), 1e-12);
        assertEquals(4, one.iqr(), 1e-12);
        assertEquals(1, one.lowerWhisker());
        assertEquals(8, one.upperWhisker());
        assertEquals(1, one.outliers());
    }

    @Test
    void labelsAreNamesWhenNoNamesAreGiven() {
        List<ClassErrorSummary> s = ClassErrorSummary.perClass(new float[] {1, 2}, new int[] {7, 7}, null);
        assertEquals("7", s.get(0).name());
        assertEquals(1.5, s.get(0).median(), 1e-12);
    }
}
