package simdae.spark;

import java.io.Serializable;
import simdae.engine.data.Preprocessing;
import simdae.engine.nn.Network;

/**
 * What a task needs to rebuild the network and input transform on an executor: the engine's classes are not
 * {@code Serializable}, and shipping widths, the transform's arrays and the flat parameters is all it takes.
 */
final class NetworkSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    final int inputSize;
    final int[] encoder;
    final int preprocessingKind;
    final float[] offset;
    final float[] scale;

    NetworkSpec(int inputSize, int[] encoder, Preprocessing pre) {
        this.inputSize = inputSize;
        this.encoder = encoder.clone();
        this.preprocessingKind = pre.kind().code;
        this.offset = pre.offset();
        this.scale = pre.scale();
    }

    /** A fresh network of this architecture holding a copy of {@code params}. */
    Network network(float[] params) {
        Network net = Network.autoencoder(inputSize, encoder);
        if (params != null) System.arraycopy(params, 0, net.params(), 0, params.length);
        return net;
    }

    Preprocessing preprocessing() {
        return new Preprocessing(Preprocessing.Kind.fromCode(preprocessingKind), offset, scale);
    }
}
