package simdae.cli.command;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import simdae.cli.eval.GroundTruth;
import simdae.engine.data.Dataset;

/** Which samples are truly anomalous, from the data's labels: one normal class, or one named anomaly class. */
public final class Labels {
    /** Exactly one of the two ways. */
    public static final class Choice {
        @Option(names = "--normal-class", paramLabel = "K", description = "Label K is normal, every other label an anomaly (the one-class protocol).")
        String normalClass;

        @Option(names = "--anomaly-label", paramLabel = "V", description = "Rows labelled V are anomalies, the rest normal (CSV label columns).")
        String anomalyLabel;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    /** The ground truth of {@code d}, with a one-line error when it has no labels or the label is unknown. */
    boolean[] truth(Dataset d) {
        if (!d.hasLabels()) {
            throw new IllegalArgumentException(d.source() + " has no labels (pair an IDX labels file with --labels, or name a CSV column with --label-col)");
        }
        if (choice.anomalyLabel != null) return GroundTruth.anomalyLabel(d.labels(), names(d), choice.anomalyLabel);
        return GroundTruth.normalClass(d.labels(), classIndex(d, choice.normalClass));
    }

    String describe() {
        return choice.anomalyLabel != null ? "anomaly label '" + choice.anomalyLabel + "'" : "normal class '" + choice.normalClass + "'";
    }

    static int classIndex(Dataset d, String k) {
        String[] names = names(d);
        for (int c = 0; c < names.length; c++) if (names[c].equals(k)) return c;
        try {
            int i = Integer.parseInt(k.trim());
            if (i >= 0 && i < names.length) return i;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("no class '" + k + "' in " + d.source() + " (classes: " + String.join(", ", names) + ")");
    }

    static String[] names(Dataset d) {
        if (d.classNames() != null) return d.classNames();
        int max = 0;
        for (int l : d.labels()) max = Math.max(max, l);
        String[] n = new String[max + 1];
        for (int i = 0; i <= max; i++) n[i] = Integer.toString(i);
        return n;
    }
}
