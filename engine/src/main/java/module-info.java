/**
 * simdae's engine: dense autoencoders trained and run with SIMD kernels, for anomaly detection by reconstruction
 * error. Start with {@link simdae.engine.AnomalyDetector} (score) and {@link simdae.engine.AutoencoderTrainer} (train).
 *
 * <p>{@code jdk.incubator.vector} is read only when present ({@code --add-modules jdk.incubator.vector}); without it
 * the scalar kernels run and the results are the same within float tolerance.
 */
module simdae.engine {
    requires static jdk.incubator.vector;
    requires java.logging;

    exports simdae.engine;
    exports simdae.engine.data;
    exports simdae.engine.detect;
    exports simdae.engine.format;
    exports simdae.engine.io;
    exports simdae.engine.kernel;
    exports simdae.engine.model;
    exports simdae.engine.nn;
    exports simdae.engine.train;
    // simdae.engine.parallel (worker pool), simdae.engine.util and simdae.engine.kernel.vector stay internal.
}
