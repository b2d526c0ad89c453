package simdae.cli.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the full synthetic report to the folder named by {@code -Dsimdae.report.sample=DIR}, to look at by eye:
 * {@code ./mvnw -pl cli test -Dtest=SampleReportTest -Dsimdae.report.sample=/tmp/report-sample}.
 */
class SampleReportTest {

    @Test
    @EnabledIfSystemProperty(named = "simdae.report.sample", matches = ".+")
    void writesSample() throws Exception {
        Path dir = Path.of(System.getProperty("simdae.report.sample"));
        ReportWriter.write(new SyntheticData(2000, 7).fullInput(), dir);
        assertTrue(Files.exists(dir.resolve(ReportWriter.INDEX)));
        // Edge cases beside it: few samples, threshold above every error, one epoch without val_loss, two classes.
        float[] few = {0.002f, 0.003f, 0.0031f, 0.004f, 0.006f};
        ReportInput edge = ReportInput.builder("edge cases", few, 0.02)
                .training(new TrainingHistory(new double[] {0.03}, null))
                .labels(new int[] {0, 1, 0, 1, 1}, new String[] {"normal", "other"})
                .oneClass(SyntheticData.oneClass().subList(0, 2))
                .build();
        ReportWriter.write(edge, Path.of(dir + "-edge"));
    }
}
