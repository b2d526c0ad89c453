package simdae.engine.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import simdae.engine.nn.Activation;
import simdae.engine.nn.Network;
import simdae.engine.util.AtomicFiles;

/**
 * The complete state of a training run at an epoch boundary: weights, Adam moments and step count, epochs done, the
 * shuffle seed and the curve so far. Resuming from it replays exactly the batches an uninterrupted run would have
 * seen, so the final weights are bitwise identical.
 *
 * <p>One file, {@code checkpoint.sae-ckpt}, in the checkpoint folder, replaced atomically after every epoch, so the
 * last good checkpoint always survives a crash. Layout (little-endian): magic {@code SAECKPT1}, CRC-32C of everything
 * after the 12-byte prefix, then the architecture, the run's seed and batch size, the progress, the curve, and three
 * float arrays (params, m, v).
 */
public final class Checkpoint {
    /** File name inside the checkpoint folder. */
    public static final String FILE = "checkpoint.sae-ckpt";
    private static final long MAGIC = 0x31544B4345414153L; // "SAECKPT1" little-endian
    private static final int MAX_LAYERS = 1024;

    private final Network network;
    private final float[] m;
    private final float[] v;
    private final long step;
    private final int epochsDone;
    private final long seed;
    private final int batchSize;
    private final List<EpochResult> history;

    private Checkpoint(Network network, float[] m, float[] v, long step, int epochsDone, long seed, int batchSize, List<EpochResult> history) {
        this.network = network;
        this.m = m;
        this.v = v;
        this.step = step;
        this.epochsDone = epochsDone;
        this.seed = seed;
        this.batchSize = batchSize;
        this.history = history;
    }

    /** Thrown for a checkpoint that is corrupt or belongs to another run. */
    public static final class InvalidCheckpointException extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidCheckpointException(String msg) {
            super(msg);
        }
    }

    /** Writes the trainer's state into {@code dir} (atomically replacing the previous checkpoint). */
    public static void save(Path dir, Trainer t) throws IOException {
        Network n = t.network();
        int layers = n.layers();
        int params = n.parameterCount();
        List<EpochResult> h = t.history();
        int size = 12 + 4 + 4 * (layers + 1) + 4 * layers + 8 + 4 + 8 + 4 + 4 + h.size() * 32 + 4 + 12 * params;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(MAGIC).putInt(0); // CRC patched below
        b.putInt(layers);
        for (int d : n.dims()) b.putInt(d);
        for (Activation a : n.activations()) b.putInt(a.code);
        b.putLong(t.config().seed()).putInt(t.config().batchSize());
        b.putLong(t.step()).putInt(t.epochsDone());
        b.putInt(h.size());
        for (EpochResult r : h) b.putDouble(r.loss()).putDouble(r.valLoss()).putDouble(r.seconds()).putInt(r.samples()).putInt(r.epochs());
        b.putInt(params);
        b.asFloatBuffer().put(n.params());
        b.position(b.position() + 4 * params);
        b.asFloatBuffer().put(t.firstMoments());
        b.position(b.position() + 4 * params);
        b.asFloatBuffer().put(t.secondMoments());
        b.position(b.position() + 4 * params);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 12, size - 12);
        b.putInt(8, (int) crc.getValue());
        b.flip();
        AtomicFiles.write(dir.resolve(FILE), b);
    }

    /** True when {@code dir} holds a checkpoint file. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /**
     * Reads the checkpoint in {@code dir}.
     *
     * @throws NoSuchFileException when there is none
     * @throws InvalidCheckpointException when it is corrupt (bad magic, checksum or sizes)
     */
    public static Checkpoint load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        long len = Files.size(f);
        if (len < 16 || len > Integer.MAX_VALUE - 8) throw new InvalidCheckpointException(f + ": not a simdae checkpoint (size " + len + ")");
        byte[] all = Files.readAllBytes(f);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getLong() != MAGIC) throw new InvalidCheckpointException(f + ": not a simdae checkpoint (bad magic)");
        int stored = b.getInt();
        CRC32C crc = new CRC32C();
        crc.update(all, 12, all.length - 12);
        if ((int) crc.getValue() != stored) throw new InvalidCheckpointException(f + ": checkpoint is corrupt (checksum mismatch)");
        try {
            int layers = b.getInt();
            if (layers < 1 || layers > MAX_LAYERS) throw new InvalidCheckpointException(f + ": corrupt layer count " + layers);
            int[] dims = new int[layers + 1];
            for (int i = 0; i <= layers; i++) dims[i] = b.getInt();
            Activation[] acts = new Activation[layers];
            for (int i = 0; i < layers; i++) acts[i] = Activation.fromCode(b.getInt());
            Network net = new Network(dims, acts);
            long seed = b.getLong();
            int batch = b.getInt();
            long step = b.getLong();
            int epochs = b.getInt();
            int hn = b.getInt();
            if (hn < 0 || hn > epochs) throw new InvalidCheckpointException(f + ": corrupt history length " + hn);
            List<EpochResult> h = new ArrayList<>();
            for (int i = 0; i < hn; i++) {
                double loss = b.getDouble(), val = b.getDouble(), sec = b.getDouble();
                int samples = b.getInt(), total = b.getInt();
                h.add(new EpochResult(i, total, loss, val, sec, samples));
            }
            int params = b.getInt();
            if (params != net.parameterCount() || b.remaining() != 12L * params) {
                throw new InvalidCheckpointException(f + ": corrupt parameter block");
            }
            b.asFloatBuffer().get(net.params());
            b.position(b.position() + 4 * params);
            float[] m = new float[params], v = new float[params];
            b.asFloatBuffer().get(m);
            b.position(b.position() + 4 * params);
            b.asFloatBuffer().get(v);
            return new Checkpoint(net, m, v, step, epochs, seed, batch, h);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new InvalidCheckpointException(f + ": corrupt checkpoint (" + e.getMessage() + ")");
        }
    }

    /** The network with the checkpoint's weights. */
    public Network network() { return network; }

    /** Epochs completed when it was written. */
    public int epochsDone() { return epochsDone; }

    /** Adam steps taken. */
    public long step() { return step; }

    /** The run's seed. */
    public long seed() { return seed; }

    /** The run's batch size. */
    public int batchSize() { return batchSize; }

    /** The curve so far. */
    public List<EpochResult> history() { return history; }

    /**
     * Checks that {@code net} and {@code cfg} describe the same run as this checkpoint.
     *
     * @throws InvalidCheckpointException naming the first difference
     */
    public void requireCompatible(Network net, TrainConfig cfg) throws InvalidCheckpointException {
        if (!net.sameArchitecture(network)) {
            throw new InvalidCheckpointException("checkpoint is for " + network.describe() + ", this run trains " + net.describe());
        }
        if (cfg.seed() != seed) throw new InvalidCheckpointException("checkpoint was written with seed " + seed + ", this run uses " + cfg.seed());
        if (cfg.batchSize() != batchSize) throw new InvalidCheckpointException("checkpoint was written with batch " + batchSize + ", this run uses " + cfg.batchSize());
        if (cfg.epochs() < epochsDone) throw new InvalidCheckpointException("checkpoint already has " + epochsDone + " epochs, this run asks for " + cfg.epochs());
    }

    /** Copies the weights into {@code net} and the optimizer state into {@code t} (whose network is {@code net}). */
    public void restoreInto(Trainer t) throws InvalidCheckpointException {
        requireCompatible(t.network(), t.config());
        System.arraycopy(network.params(), 0, t.network().params(), 0, network.parameterCount());
        t.restore(m, v, step, epochsDone, history);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + network.describe() + ", epochs " + epochsDone + ", step " + step + ", seed " + seed + "]";
    }

    /** A listener that writes a checkpoint after every epoch (wrapping another listener). */
    public static TrainingListener everyEpoch(Path dir, Trainer t, TrainingListener next) {
        TrainingListener inner = next == null ? TrainingListener.NONE : next;
        return new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batches, int samplesDone, double runningLoss) {
                inner.onBatch(epoch, batch, batches, samplesDone, runningLoss);
            }

            @Override
            public void onEpoch(EpochResult result) {
                try {
                    save(dir, t);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("could not write checkpoint to " + dir + ": " + e.getMessage(), e);
                }
                inner.onEpoch(result);
            }
        };
    }
}
