package simdae.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;

/** Loads a folder written by {@link SimdaeModelWriter}: the {@code .sae} bytes, then the saved params on top. */
final class SimdaeModelReader extends MLReader<SimdaeModel> {

    @Override
    public SimdaeModel load(String path) {
        DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession(), SimdaeModel.class.getName());
        byte[] sae = SaeFiles.read(new Path(path, SaeFiles.DATA_FILE), sc().hadoopConfiguration());
        SimdaeModel model = new SimdaeModel(meta.uid(), sae);
        meta.getAndSetParams(model, scala.Option.empty());
        return model;
    }
}
