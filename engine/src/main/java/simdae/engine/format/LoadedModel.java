package simdae.engine.format;

import java.util.List;
import simdae.engine.model.TrainedModel;

/**
 * A model read from a file, with what the file said about itself.
 *
 * @param model the model, parameters always f32 (dequantised when the file is f16 or int8)
 * @param dtype how the weights were stored; if layers differ, the least precise of them
 * @param major the file's major format version
 * @param minor the file's minor format version (may be newer than this reader's)
 * @param fileBytes the file's length
 * @param skippedKeys optional metadata keys this reader does not know and skipped, in file order
 */
public record LoadedModel(TrainedModel model, DType dtype, int major, int minor, long fileBytes, List<String> skippedKeys) {

    /** Defends the list. */
    public LoadedModel {
        skippedKeys = List.copyOf(skippedKeys);
    }

    /** {@code "1.0"}. */
    public String version() {
        return major + "." + minor;
    }
}
