package simdae.cli.data;

/** The four standard MNIST files, with the SHA-256 of their raw (uncompressed) bytes. */
public enum MnistFile {
    /** 60,000 training images, 28 × 28 ubyte. */
    TRAIN_IMAGES("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    /** 60,000 training labels. */
    TRAIN_LABELS("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    /** 10,000 test images. */
    TEST_IMAGES("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    /** 10,000 test labels. */
    TEST_LABELS("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** The canonical file name, also used in the cache. */
    public final String fileName;
    /** Lower-case hex SHA-256 of the uncompressed file. */
    public final String sha256;

    MnistFile(String fileName, String sha256) {
        this.fileName = fileName;
        this.sha256 = sha256;
    }

    /** The images file of a split. */
    public static MnistFile images(boolean train) {
        return train ? TRAIN_IMAGES : TEST_IMAGES;
    }

    /** The labels file of a split. */
    public static MnistFile labels(boolean train) {
        return train ? TRAIN_LABELS : TEST_LABELS;
    }
}
