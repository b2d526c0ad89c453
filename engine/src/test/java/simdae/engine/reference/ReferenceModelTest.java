package simdae.engine.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.Threshold;
import simdae.engine.format.DType;
import simdae.engine.format.LoadedModel;
import simdae.engine.format.ModelFile;
import simdae.engine.io.IdxReader;
import simdae.engine.nn.Activation;
import simdae.engine.nn.Network;

/**
 * The committed reference model in {@code weights/}: its header is the notebook's, it scores the documented
 * synthetic input to the documented value, and (when MNIST is cached) flags the documented number of test images.
 */
class ReferenceModelTest {
    static final Path WEIGHTS = Path.of("..", "weights");
    static final Path MODEL = WEIGHTS.resolve("mnist.sae");

    /** The synthetic input of weights/README.md: a vertical stroke of 255s in column 14 of a blank 28×28 image. */
    static float[] stroke() {
        float[] image = new float[784];
        for (int i = 0; i < 28; i++) image[i * 28 + 14] = 255;
        return image;
    }

    static String readme() throws IOException {
        return Files.readString(WEIGHTS.resolve("README.md"));
    }

    static String documented(String key) throws IOException {
        Matcher m = Pattern.compile(Pattern.quote(key) + ":\\s*`([0-9][0-9.]*)`").matcher(readme());
        assertTrue(m.find(), "weights/README.md documents '" + key + "'");
        return m.group(1).replace(",", "");
    }

    @Test
    void headerIsTheNotebooksModel() throws IOException {
        LoadedModel lm = ModelFile.load(MODEL);
        Network net = lm.model().network();
        assertArrayEquals(new int[] {784, 128, 64, 32, 64, 128, 784}, net.dims());
        assertArrayEquals(new Activation[] {Activation.RELU, Activation.RELU, Activation.RELU, Activation.RELU, Activation.RELU, Activation.SIGMOID},
                net.activations());
        assertEquals(222_384, net.parameterCount());
        assertEquals(DType.F32, lm.dtype());
        assertEquals(Threshold.Rule.FIXED, lm.model().threshold().rule());
        assertEquals(0.01, lm.model().threshold().value(), 0.0);
        assertEquals(Preprocessing.divide(255f), lm.model().preprocessing());
        assertEquals(10, lm.model().training().epochs());
        assertTrue(Files.size(MODEL) <= 222_384L * 4 + 4096, "f32 file at most params × 4 + 4 KiB: " + Files.size(MODEL));
    }

    @Test
    void scoresTheSyntheticInputAsDocumented() throws IOException {
        AnomalyDetector d = AnomalyDetector.load(MODEL);
        float expected = Float.parseFloat(documented("synthetic stroke error"));
        assertEquals(expected, d.score(stroke()), 5e-6, "weights/README.md: synthetic stroke error");
    }

    @Test
    void quantisedVariantsScoreCloseToF32() throws IOException {
        AnomalyDetector f32 = AnomalyDetector.load(MODEL);
        for (String v : new String[] {"mnist-f16.sae", "mnist-int8.sae"}) {
            Path p = WEIGHTS.resolve(v);
            if (!Files.exists(p)) continue;
            AnomalyDetector q = AnomalyDetector.load(p);
            float a = f32.score(stroke()), b = q.score(stroke());
            assertEquals(a, b, 0.02 * a, v);
        }
    }

    @Test
    void flagsTheDocumentedNumberOfTestImagesWhenMnistIsCached() throws IOException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "simdae", "mnist");
        String home = System.getenv("SIMDAE_HOME");
        if (home != null && !home.isBlank()) cache = Path.of(home, "mnist");
        Path images = cache.resolve("t10k-images-idx3-ubyte"), labels = cache.resolve("t10k-labels-idx1-ubyte");
        assumeTrue(Files.exists(images) && Files.exists(labels), "MNIST is not cached in " + cache + " (simdae mnist fetches it): skipped");
        Dataset test = IdxReader.readImages(images, labels, true);
        AnomalyDetector d = AnomalyDetector.load(MODEL);
        float[] err = d.scoreInPlace(test.x().clone(), test.n());
        int flagged = 0;
        for (float e : err) if (e > d.threshold()) flagged++;
        assertEquals(Integer.parseInt(documented("test images above 0.01")), flagged);
    }
}
