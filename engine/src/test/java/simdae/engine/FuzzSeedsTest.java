package simdae.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import simdae.engine.format.ModelFile;

/** The committed model seeds still load, so fuzzing starts from valid files (rerun {@link FuzzSeeds} if not). */
class FuzzSeedsTest {
    @Test
    void modelSeedsLoad() throws IOException {
        String[] names = {"f32-zscore-calibrated", "f16-divide", "int8-mlp-minmax"};
        for (int i = 0; i < names.length; i++) {
            try (InputStream in = getClass().getResourceAsStream("format/ModelFileFuzzTestInputs/" + names[i])) {
                assertTrue(in != null, "missing seed " + names[i]);
                byte[] seed = in.readAllBytes();
                ModelFile.load(seed);
            }
        }
    }
}
