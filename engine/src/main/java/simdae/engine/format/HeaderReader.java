package simdae.engine.format;

import java.util.ArrayList;
import java.util.List;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.Threshold;
import simdae.engine.nn.Activation;

/**
 * Parses the header into plain values. Checks here are about the header alone (counts, codes, widths); whether the
 * tensors agree with the layers and the file is {@link TensorTable}'s job.
 */
final class HeaderReader {
    /** The header's contents. */
    record Parsed(int[] dims, Activation[] activations, Preprocessing preprocessing, Threshold.Rule rule,
                  double parameter, double value, List<TensorEntry> tensors, Metadata metadata, int unreadBytes) {
    }

    private HeaderReader() {
    }

    static Parsed read(HeaderCursor c) throws ModelFormatException {
        int layers = c.count("layers", 4); // each layer needs at least its output width
        if (layers == 0) throw c.inconsistent("a model needs at least one layer");
        int[] dims = new int[layers + 1];
        for (int i = 0; i <= layers; i++) {
            long d = c.u32("layer widths");
            if (d < 1 || d > Integer.MAX_VALUE) throw c.inconsistent("layer width " + i + " is " + d + ", outside 1.." + Integer.MAX_VALUE);
            dims[i] = (int) d;
        }
        Activation[] acts = new Activation[layers];
        for (int l = 0; l < layers; l++) {
            int code = c.u8("activations");
            try {
                acts[l] = Activation.fromCode(code);
            } catch (IllegalArgumentException e) {
                throw c.inconsistent("layer " + l + " has unknown activation code " + code);
            }
        }
        Preprocessing pre = preprocessing(c);
        int ruleCode = c.u8("threshold rule");
        Threshold.Rule rule;
        try {
            rule = Threshold.Rule.fromCode(ruleCode);
        } catch (IllegalArgumentException e) {
            throw c.inconsistent("unknown threshold rule code " + ruleCode);
        }
        double parameter = c.f64("threshold parameter");
        double value = c.f64("threshold value");
        int n = c.count("tensors", Spec.TENSOR_ENTRY_BYTES);
        List<TensorEntry> tensors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) tensors.add(TensorEntry.readFrom(c, i));
        Metadata meta = Metadata.read(c);
        return new Parsed(dims, acts, pre, rule, parameter, value, tensors, meta, c.remaining());
    }

    private static Preprocessing preprocessing(HeaderCursor c) throws ModelFormatException {
        int code = c.u8("preprocessing kind");
        Preprocessing.Kind kind;
        try {
            kind = Preprocessing.Kind.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw c.inconsistent("unknown preprocessing code " + code);
        }
        int n = c.count("preprocessing values", 8); // an offset and a scale each
        float[] offset = new float[n], scale = new float[n];
        for (int i = 0; i < n; i++) offset[i] = c.f32("preprocessing offsets");
        for (int i = 0; i < n; i++) scale[i] = c.f32("preprocessing scales");
        try {
            return new Preprocessing(kind, offset, scale);
        } catch (IllegalArgumentException e) {
            throw c.inconsistent("preprocessing: " + e.getMessage());
        }
    }
}
