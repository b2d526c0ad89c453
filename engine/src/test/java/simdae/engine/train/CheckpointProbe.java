package simdae.engine.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import simdae.engine.nn.Network;

/**
 * Child-JVM training program for {@link CheckpointResumeTest}: {@code train DIR} or {@code resume DIR}. Writes a
 * checkpoint every epoch and the final weights to {@code DIR/final.bin}. With {@code slow}, sleeps in every batch
 * of the second epoch so the parent has time to kill it there.
 */
public final class CheckpointProbe {
    static final int N = 300, D = 30, EPOCHS = 5;

    private CheckpointProbe() {
    }

    static Network network() {
        return Network.autoencoder(D, 16, 6).initGlorot(17);
    }

    static TrainConfig config() {
        return TrainConfig.defaults().withEpochs(EPOCHS).withBatchSize(16).withSeed(23).withThreads(2);
    }

    static float[] data() {
        return TrainerTest.lowRankData(N, D, 3, 31);
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        boolean slow = args.length > 2 && args[2].equals("slow");
        Network net = network();
        float[] x = data();
        try (Trainer t = new Trainer(net, config())) {
            if (args[0].equals("resume")) Checkpoint.load(dir).restoreInto(t);
            TrainingListener pace = new TrainingListener() {
                @Override
                public void onBatch(int epoch, int batch, int batches, int samplesDone, double runningLoss) {
                    if (slow && epoch == 1) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            };
            t.fit(x, N, null, 0, Checkpoint.everyEpoch(dir, t, pace));
        }
        ByteBuffer b = ByteBuffer.allocate(4 * net.parameterCount()).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(net.params());
        Files.write(dir.resolve("final.bin"), b.array());
        System.out.println("done");
    }
}
