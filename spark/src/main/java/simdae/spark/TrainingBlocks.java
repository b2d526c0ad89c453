package simdae.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The training rows as one flat row-major {@code float[]} block per partition, cached on the executors for the
 * whole run: every step reads its rows from there, so the DataFrame is decoded once, not once per epoch.
 * The partitioning is the input's: the same input partitions give the same blocks, row order included.
 */
final class TrainingBlocks {
    final JavaRDD<float[]> rdd;
    final int[] counts;
    final int inputSize;
    final long rows;

    private TrainingBlocks(JavaRDD<float[]> rdd, int[] counts, int inputSize) {
        this.rdd = rdd;
        this.counts = counts;
        this.inputSize = inputSize;
        long n = 0;
        for (int c : counts) n += c;
        this.rows = n;
    }

    /**
     * Decodes and caches the column. Invalid rows fail with the column's message under {@code handleInvalid =
     * error}; under {@code skip} or {@code keep} they are left out (a row without features cannot be trained on).
     */
    static TrainingBlocks of(Dataset<?> dataset, InputColumn column, String handleInvalid) {
        int d = column.size;
        boolean fail = "error".equals(handleInvalid);
        JavaRDD<float[]> rdd = dataset.toDF().javaRDD().mapPartitions((Iterator<Row> it) -> {
            float[] buf = new float[Math.max(d, 1024 * d)];
            int n = 0;
            while (it.hasNext()) {
                Row r = it.next();
                int len = column.length(r);
                if (len != d) {
                    if (fail) throw new IllegalArgumentException(column.invalidMessage(len));
                    continue;
                }
                if ((long) (n + 1) * d > buf.length) {
                    long grown = Math.min((long) Integer.MAX_VALUE - 16, (long) buf.length * 2);
                    if (grown < (long) (n + 1) * d) throw new IllegalStateException("partition too large for one block; repartition the input");
                    buf = Arrays.copyOf(buf, (int) grown);
                }
                column.copy(r, buf, n * d);
                n++;
            }
            List<float[]> one = new ArrayList<>(1);
            one.add(n * d == buf.length ? buf : Arrays.copyOf(buf, n * d));
            return one.iterator();
        });
        rdd.persist(StorageLevel.MEMORY_AND_DISK());
        List<Integer> sizes = rdd.map(b -> b.length / d).collect();
        int[] counts = new int[sizes.size()];
        for (int i = 0; i < counts.length; i++) counts[i] = sizes.get(i);
        return new TrainingBlocks(rdd, counts, d);
    }

    /** Number of partitions (data-parallel workers). */
    int partitions() {
        return counts.length;
    }

    void release() {
        rdd.unpersist(false);
    }
}
