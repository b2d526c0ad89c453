package simdae.cli.command;

import java.io.PrintWriter;
import java.util.Locale;
import simdae.engine.train.EpochResult;
import simdae.engine.train.TrainingListener;

/**
 * Training progress the way Keras prints it: {@code Epoch 3/10}, then a 20-cell bar with batches done, samples/s,
 * ETA and the running loss; at the end of the epoch its seconds, time per step, loss and val_loss. A terminal gets
 * a live bar; pipes and CI get one plain line per epoch.
 */
final class KerasProgress implements TrainingListener {
    private static final int CELLS = 20;
    private final PrintWriter out;
    private final boolean live;
    private long epochStart;
    private long lastDraw;
    private int batches;
    private int samples;
    private final int epochs;
    private int headerFor = -1;

    KerasProgress(PrintWriter out, boolean live, int epochs) {
        this.out = out;
        this.live = live;
        this.epochs = epochs;
        this.epochStart = System.nanoTime();
    }

    @Override
    public void onBatch(int epoch, int batch, int batchesInEpoch, int samplesDone, double runningLoss) {
        long now = System.nanoTime();
        batches = batchesInEpoch;
        samples = samplesDone;
        if (!live) return;
        if (headerFor != epoch) {
            headerFor = epoch;
            out.println("Epoch " + (epoch + 1) + "/" + epochs);
        }
        if (now - lastDraw < 100_000_000L && batch + 1 < batchesInEpoch) return;
        lastDraw = now;
        double secs = (now - epochStart) / 1e9;
        double eta = secs / (batch + 1) * (batchesInEpoch - batch - 1);
        out.print(String.format(Locale.ROOT, "\r%s %s ETA %s - %s samples/s - loss: %.4f\u001b[K", counter(batch + 1, batchesInEpoch),
                bar(batch + 1, batchesInEpoch), duration(eta), rate(samplesDone / Math.max(secs, 1e-9)), runningLoss));
        out.flush();
    }

    @Override
    public void onEpoch(EpochResult r) {
        double perStep = batches > 0 ? r.seconds() / batches : 0;
        String tail = String.format(Locale.ROOT, "%s %s %s %s/step - %s samples/s - loss: %.4f%s", counter(batches, batches), bar(1, 1),
                duration(r.seconds()), stepTime(perStep), rate(r.samples() / Math.max(r.seconds(), 1e-9)), r.loss(),
                Double.isNaN(r.valLoss()) ? "" : String.format(Locale.ROOT, " - val_loss: %.4f", r.valLoss()));
        if (live) {
            if (headerFor != r.epoch()) out.println("Epoch " + (r.epoch() + 1) + "/" + r.epochs());
            out.print("\r" + tail + "\u001b[K\n");
        } else {
            out.println("Epoch " + (r.epoch() + 1) + "/" + r.epochs() + " " + tail);
        }
        headerFor = -1;
        epochStart = System.nanoTime(); // the next epoch starts now (this callback runs between epochs)
        out.flush();
    }

    private static String counter(int done, int total) {
        String t = Integer.toString(total);
        return String.format(Locale.ROOT, "%" + t.length() + "d/%s", done, t);
    }

    private static String bar(int done, int total) {
        int full = total == 0 ? CELLS : (int) ((long) CELLS * done / total);
        return "\u2501".repeat(full) + "\u2500".repeat(CELLS - full);
    }

    static String duration(double secs) {
        if (secs < 10) return String.format(Locale.ROOT, "%.1fs", secs);
        if (secs < 120) return String.format(Locale.ROOT, "%.0fs", secs);
        return String.format(Locale.ROOT, "%dm%02ds", (long) secs / 60, (long) secs % 60);
    }

    private static String stepTime(double secs) {
        if (secs >= 1) return String.format(Locale.ROOT, "%.2fs", secs);
        if (secs >= 1e-3) return String.format(Locale.ROOT, "%.1fms", secs * 1e3);
        return String.format(Locale.ROOT, "%.0fus", secs * 1e6);
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.0fk", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
