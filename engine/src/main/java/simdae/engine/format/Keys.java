package simdae.engine.format;

/** Metadata keys of format 1.0. Names are part of the format: add new ones, never rename. */
final class Keys {
    static final String CAL_COUNT = "threshold.calibration.count";
    static final String CAL_MEAN = "threshold.calibration.mean";
    static final String CAL_STD = "threshold.calibration.std";
    static final String CAL_MIN = "threshold.calibration.min";
    static final String CAL_MAX = "threshold.calibration.max";
    static final String CAL_P50 = "threshold.calibration.p50";
    static final String CAL_P90 = "threshold.calibration.p90";
    static final String CAL_P95 = "threshold.calibration.p95";
    static final String CAL_P99 = "threshold.calibration.p99";

    static final String EPOCHS = "training.epochs";
    static final String BATCH_SIZE = "training.batch_size";
    static final String LEARNING_RATE = "training.learning_rate";
    static final String SEED = "training.seed";
    static final String THREADS = "training.threads";
    static final String KERNELS = "training.kernels";
    static final String SAMPLES = "training.samples";
    static final String FINAL_LOSS = "training.final_loss";
    static final String FINAL_VAL_LOSS = "training.final_val_loss";
    static final String LOSS = "training.loss";
    static final String VAL_LOSS = "training.val_loss";
    static final String EPOCH_SECONDS = "training.epoch_seconds";
    static final String LIBRARY_VERSION = "library.version";
    static final String CREATED = "created.epoch_millis";

    private Keys() {
    }
}
