package simdae.cli.eval;

import java.util.Arrays;

/** Turns class labels into the anomaly ground truth that {@link Evaluation} takes. */
public final class GroundTruth {

    private GroundTruth() {
    }

    /**
     * The one-class protocol: label {@code k} is normal, every other label anomalous.
     *
     * @return {@code isAnomaly[i] = labels[i] != k}
     */
    public static boolean[] normalClass(int[] labels, int k) {
        boolean[] a = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) a[i] = labels[i] != k;
        return a;
    }

    /**
     * Datasets with a named anomaly class (e.g. {@code "attack"} among {@code {"normal", "attack"}}): rows whose class
     * name is {@code anomalyName} are anomalous, the rest normal.
     *
     * @param labels index into {@code classNames} per row
     * @throws IllegalArgumentException when no class has that name or a label is outside {@code classNames}
     */
    public static boolean[] anomalyLabel(int[] labels, String[] classNames, String anomalyName) {
        int target = -1;
        for (int c = 0; c < classNames.length; c++) {
            if (classNames[c].equals(anomalyName)) {
                target = c;
                break;
            }
        }
        if (target < 0) {
            throw new IllegalArgumentException("no class named '" + anomalyName + "' (classes: " + String.join(", ", Arrays.asList(classNames)) + ")");
        }
        boolean[] a = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.length) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " has no class name (" + classNames.length + " classes)");
            }
            a[i] = labels[i] == target;
        }
        return a;
    }

    /** Number of anomalies in {@code isAnomaly}. */
    public static int count(boolean[] isAnomaly) {
        int c = 0;
        for (boolean b : isAnomaly) if (b) c++;
        return c;
    }
}
