package simdae.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import simdae.engine.format.ModelFile;
import simdae.engine.format.ModelFormatException;
import simdae.engine.model.TrainedModel;

/**
 * Reads and writes {@code .sae} bytes through Hadoop's file systems, so models live wherever Spark's data does
 * (local, HDFS, object stores), with the active session's Hadoop configuration when there is one.
 */
final class SaeFiles {
    /** The file name of the model inside a saved {@link SimdaeModel} folder. */
    static final String DATA_FILE = "data/model.sae";

    private SaeFiles() {
    }

    static Configuration conf() {
        scala.Option<SparkSession> s = SparkSession.getActiveSession();
        return s.isDefined() ? s.get().sparkContext().hadoopConfiguration() : new Configuration();
    }

    /**
     * Parses {@code .sae} bytes into the engine's model.
     *
     * @throws IllegalArgumentException with the format's own reason when the bytes are not a valid model file
     */
    static TrainedModel parse(byte[] sae) {
        try {
            return ModelFile.load(sae).model();
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException("not a simdae model file: " + e.getMessage(), e);
        }
    }

    /** True when {@code path} is a file (a bare {@code .sae}), false for a folder or a missing path. */
    static boolean isModelFile(String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf());
            if (!fs.exists(p)) return false;
            FileStatus st = fs.getFileStatus(p);
            return st.isFile();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect " + path, e);
        }
    }

    /** The whole file. */
    static byte[] read(String path) {
        return read(new Path(path), conf());
    }

    static byte[] read(Path p, Configuration conf) {
        try {
            FileSystem fs = p.getFileSystem(conf);
            long len = fs.getFileStatus(p).getLen();
            if (len > Integer.MAX_VALUE - 16) throw new IOException(p + " is too large for a model (" + len + " bytes)");
            try (FSDataInputStream in = fs.open(p)) {
                return readAll(in, (int) len);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + p, e);
        }
    }

    static void write(Path p, byte[] bytes, Configuration conf) {
        try {
            FileSystem fs = p.getFileSystem(conf);
            try (OutputStream out = fs.create(p, true)) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + p, e);
        }
    }

    private static byte[] readAll(InputStream in, int len) throws IOException {
        byte[] b = in.readNBytes(len);
        if (b.length != len) throw new IOException("file ended after " + b.length + " of " + len + " bytes");
        return b;
    }
}
