package simdae.cli.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import simdae.engine.data.Dataset;

/** Real MNIST, only when it is already in the default cache; never downloads. */
class MnistRealTest {
    @Test
    void cachedMnistLoadsWithTheStandardShape() throws IOException {
        MnistOptions o = new MnistOptions().sources(java.util.List.of());
        Assumptions.assumeTrue(Mnist.isCached(o), "MNIST not cached: " + o.cacheDir() + " (run the CLI once, or see the README data section)");
        Dataset train = Mnist.load(true, o), test = Mnist.load(false, o);
        assertEquals(60000, train.n());
        assertEquals(10000, test.n());
        assertEquals(784, train.d());
        assertEquals(28, train.rows());
        assertEquals(10, train.classNames().length);
        assertEquals(5, train.labels()[0]); // the first training digit is a 5
        assertEquals(7, test.labels()[0]); // the first test digit is a 7
        float max = 0;
        for (float v : train.x()) max = Math.max(max, v);
        assertEquals(1f, max);
        int[] counts = new int[10];
        for (int l : train.labels()) counts[l]++;
        assertEquals(5923, counts[0]);
    }
}
