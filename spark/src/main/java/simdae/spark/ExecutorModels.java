package simdae.spark;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.broadcast.Broadcast;
import simdae.engine.AnomalyDetector;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.model.TrainedModel;

/**
 * The detectors loaded in this JVM (an executor, or the driver in local mode), keyed by the model's content hash and
 * kernel choice: every task of every partition of every {@code transform} of the same model shares one parsed copy
 * of the network, parsed from the broadcast bytes the first time a task needs it.
 *
 * <p>A detector is immutable and thread-safe, so concurrent tasks use the same one. The cache is small and LRU:
 * executors are long-lived and may see many models over a session.
 */
final class ExecutorModels {
    private static final int CAPACITY = 8;
    private static final Map<String, AnomalyDetector> CACHE = Lru.of(CAPACITY);
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorModels() {
    }

    /** The detector of the broadcast model with the named kernels, loading it once per JVM. */
    static AnomalyDetector detector(String modelKey, String kernels, Broadcast<byte[]> bytes) {
        String key = modelKey + '/' + kernels;
        synchronized (CACHE) {
            AnomalyDetector d = CACHE.get(key);
            if (d != null) return d;
        }
        // Parsed outside the lock: two tasks racing on a cold cache may both parse, one copy wins; no task waits
        // on another's parse of a different model.
        TrainedModel model = SaeFiles.parse(bytes.value());
        AnomalyDetector d = AnomalyDetector.of(model, kernels(kernels));
        synchronized (CACHE) {
            AnomalyDetector won = CACHE.putIfAbsent(key, d);
            if (won != null) return won;
            LOADS.incrementAndGet();
            return d;
        }
    }

    /** The kernels named by the {@code kernels} param. */
    static Kernels kernels(String choice) {
        switch (choice) {
            case "scalar": return KernelProvider.scalar();
            case "vector": return KernelProvider.vector();
            default: return KernelProvider.get();
        }
    }

    /** How many models this JVM has parsed into its cache (for tests of the load-once guarantee). */
    static int loads() {
        return LOADS.get();
    }
}
