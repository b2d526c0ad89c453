package simdae.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;

/**
 * Saves a {@link SimdaeModel} as Spark does for its own models: params as JSON in {@code metadata/}, and the data
 * as the engine's compact {@code .sae} file at {@code data/model.sae}, readable by the CLI and the engine as it is.
 */
final class SimdaeModelWriter extends MLWriter {
    private final SimdaeModel instance;

    SimdaeModelWriter(SimdaeModel instance) {
        this.instance = instance;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(instance, path, sparkSession());
        SaeFiles.write(new Path(path, SaeFiles.DATA_FILE), instance.bytesView(), sc().hadoopConfiguration());
    }
}
