package simdae.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;
import simdae.engine.format.DType;
import simdae.engine.format.ModelFile;
import simdae.engine.io.IdxType;
import simdae.engine.io.IdxWriter;
import simdae.engine.model.TrainedModel;
import simdae.engine.model.TrainingInfo;
import simdae.engine.nn.Activation;
import simdae.engine.nn.Network;

/**
 * Writes the seed corpora of the fuzz tests: small valid inputs, so the fuzzers start from files that reach deep
 * into the parsers. Run from the engine folder when a format changes:
 * {@code java -cp target/test-classes:target/classes simdae.engine.FuzzSeeds src/test/resources}. The files are
 * committed; {@code FuzzSeedsTest} checks they still parse.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    /** Three small models: f32 with z-score and a calibrated threshold, f16 with ÷255, int8 MLP with min-max. */
    public static byte[][] models() {
        Network a = Network.autoencoder(4, 2).initGlorot(1);
        float[] x = {0, 1, 2, 3, 1, 1, 0, 2, 3, 0, 1, 1};
        ErrorStats stats = ErrorStats.of(new float[] {0.01f, 0.02f, 0.03f, 0.05f});
        TrainingInfo info = new TrainingInfo(2, 8, 1e-3, 1, 1, "scalar-1", "seed", 0L, 3, new double[] {0.2, 0.1},
                new double[] {0.25, 0.15}, new double[] {0.5, 0.5});
        TrainedModel ma = new TrainedModel(a, Preprocessing.fitZScore(x, 3, 4),
                new Threshold(Threshold.Rule.PERCENTILE, 95, stats.p95(), stats), info);
        TrainedModel mb = new TrainedModel(Network.autoencoder(3, 2).initGlorot(2), Preprocessing.divide(255), null, null);
        Network c = Network.mlp(new int[] {2, 3, 1}, Activation.RELU, Activation.SIGMOID).initGlorot(3);
        TrainedModel mc = new TrainedModel(c, Preprocessing.fitMinMax(new float[] {0, 1, 2, 5}, 2, 2), Threshold.fixed(0.5, null), null);
        return new byte[][] {ModelFile.toBytes(ma, DType.F32), ModelFile.toBytes(mb, DType.F16), ModelFile.toBytes(mc, DType.INT8)};
    }

    /** Entry point: writes every seed under the given test-resources folder. */
    public static void main(String[] args) throws IOException {
        Path res = Path.of(args[0]);
        Path model = Files.createDirectories(res.resolve("simdae/engine/format/ModelFileFuzzTestInputs"));
        byte[][] m = models();
        String[] names = {"f32-zscore-calibrated", "f16-divide", "int8-mlp-minmax"};
        for (int i = 0; i < m.length; i++) Files.write(model.resolve(names[i]), m[i]);

        Path idx = Files.createDirectories(res.resolve("simdae/engine/io/IdxReaderFuzzTestInputs"));
        idx(idx.resolve("ubyte-2x2x2"), IdxType.UBYTE, new int[] {2, 2, 2}, 0, 255, 7, 128, 1, 2, 3, 4);
        idx(idx.resolve("byte-labels-4"), IdxType.BYTE, new int[] {4}, 3, -1, 0, 3);
        idx(idx.resolve("short-3x1"), IdxType.SHORT, new int[] {3, 1}, -300, 0, 300);
        idx(idx.resolve("int-2"), IdxType.INT, new int[] {2}, 70000, -5);
        idx(idx.resolve("float-2x2"), IdxType.FLOAT, new int[] {2, 2}, 0.5, -1.25, 3, 1e-3);
        idx(idx.resolve("double-1x1x1x2"), IdxType.DOUBLE, new int[] {1, 1, 1, 2}, 0.1, 2);

        Path csv = Files.createDirectories(res.resolve("simdae/engine/io/CsvReaderFuzzTestInputs"));
        csv(csv.resolve("header-auto"), 0, "a,b,c\n1,2,3\n4.5,-6e-1,+7\n\n8,9,10\r\n");
        csv(csv.resolve("label-by-name-quoted"), 16, "x,\"y,z\",label\n1,2,cat\n\"3\",4,\"dog, big\"\n5,6,\"\"\"q\"\"\"\n");
        csv(csv.resolve("label-0-no-header-skip-bad"), 2 | 4 | 8, "9,1,2\n10,x,3\n9,4\n11,5,6\n");
        csv(csv.resolve("semicolon-ignore-1"), 64 | 32, "p;q;r\n1;'2;3';4\n5;6;7\n");
        csv(csv.resolve("gzip"), 128, "1,2\n3,4\n");
    }

    private static void idx(Path f, IdxType t, int[] dims, double... values) throws IOException {
        IdxWriter.write(f, t, dims, values, false);
    }

    private static void csv(Path f, int options, String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(options);
        b.write(text.getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
    }
}
