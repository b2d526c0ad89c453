package simdae.cli.command;

import java.nio.file.Path;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;
import simdae.engine.model.TrainedModel;

final class ReportStep {
    private ReportStep() {}

    static Path write(Path dir, String modelName, TrainedModel m, AnomalyDetector det, Dataset d, Scores s, int images, boolean[] truth) {
        throw new UnsupportedOperationException("report writer not merged yet");
    }
}
