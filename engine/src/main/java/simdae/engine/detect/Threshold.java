package simdae.engine.detect;

import java.util.Locale;

/**
 * A detection threshold and how it was chosen: samples whose reconstruction error is strictly above
 * {@link #value()} are anomalies.
 *
 * @param rule how the value was derived
 * @param parameter the rule's parameter (the fixed value, the percentile, the contamination fraction, or k)
 * @param value the threshold itself
 * @param calibration statistics of the errors it was calibrated from, or {@code null} for a fixed value without data
 */
public record Threshold(Rule rule, double parameter, double value, ErrorStats calibration) {

    /** How a threshold is derived from training errors. Codes are stable for the weights format. */
    public enum Rule {
        /** A value given by the user ({@code --threshold}). */
        FIXED(0),
        /** The p-th percentile of training errors ({@code --percentile 99}). */
        PERCENTILE(1),
        /** The top fraction c of training errors is anomalous (PyOD's contamination; {@code --contamination 0.01}). */
        CONTAMINATION(2),
        /** mean + k·std of training errors ({@code --sigma 3}). */
        SIGMA(3),
        /** Chosen from labelled data by {@code eval} (e.g. best F1). */
        EVALUATED(4);

        /** Stable code used by the weights format. */
        public final int code;

        Rule(int code) {
            this.code = code;
        }

        /** The rule with this code. */
        public static Rule fromCode(int code) {
            for (Rule r : values()) if (r.code == code) return r;
            throw new IllegalArgumentException("unknown threshold rule code " + code);
        }
    }

    /** Validates the fields. */
    public Threshold {
        if (rule == null) throw new IllegalArgumentException("rule is null");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("threshold must be finite, got " + value);
    }

    /** The notebook's fixed threshold, 0.01. */
    public static Threshold notebookDefault() {
        return fixed(0.01, null);
    }

    /** A fixed value, optionally with the statistics of the training errors it sits among. */
    public static Threshold fixed(double value, ErrorStats stats) {
        return new Threshold(Rule.FIXED, value, value, stats);
    }

    /**
     * A threshold chosen from labelled data (e.g. the best-F1 cut of the CLI's {@code eval}).
     *
     * @param value the cut: scores strictly above it are anomalies
     * @param parameter what selected it, e.g. the F1 reached or the precision/recall target; kept for reports only
     * @param stats statistics of the training errors, or {@code null}
     */
    public static Threshold evaluated(double value, double parameter, ErrorStats stats) {
        return new Threshold(Rule.EVALUATED, parameter, value, stats);
    }

    /** True when {@code error} is an anomaly under this threshold. */
    public boolean isAnomaly(double error) {
        return error > value;
    }

    /** E.g. {@code "0.010000 (fixed)"} or {@code "0.031200 (percentile 99 of training errors)"}. */
    public String describe() {
        String v = String.format(Locale.ROOT, "%.6f", value);
        switch (rule) {
            case FIXED: return v + " (fixed)";
            case PERCENTILE: return v + String.format(Locale.ROOT, " (percentile %s of training errors)", trim(parameter));
            case CONTAMINATION: return v + String.format(Locale.ROOT, " (contamination %s of training errors)", trim(parameter));
            case SIGMA: return v + String.format(Locale.ROOT, " (mean + %s·std of training errors)", trim(parameter));
            default: return v + " (chosen by eval)";
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
