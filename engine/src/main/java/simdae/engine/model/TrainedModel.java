package simdae.engine.model;

import simdae.engine.data.Preprocessing;
import simdae.engine.detect.Threshold;
import simdae.engine.nn.Network;

/**
 * Everything a model file holds: the network, the input transform fitted on training data, the detection threshold
 * with its calibration, and how it was trained.
 *
 * @param network the network (its parameters are the live array)
 * @param preprocessing transform applied to raw inputs before the network
 * @param threshold detection threshold
 * @param training training metadata
 */
public record TrainedModel(Network network, Preprocessing preprocessing, Threshold threshold, TrainingInfo training) {

    /** Validates that nothing is missing. */
    public TrainedModel {
        if (network == null) throw new IllegalArgumentException("network is null");
        if (preprocessing == null) preprocessing = Preprocessing.none();
        if (threshold == null) threshold = Threshold.notebookDefault();
        if (training == null) training = TrainingInfo.unknown();
        int f = preprocessing.features();
        if (f != 0 && f != network.inputSize()) {
            throw new IllegalArgumentException("preprocessing has " + f + " features, network takes " + network.inputSize());
        }
    }

    /** The same model with another threshold. */
    public TrainedModel withThreshold(Threshold t) {
        return new TrainedModel(network, preprocessing, t, training);
    }
}
