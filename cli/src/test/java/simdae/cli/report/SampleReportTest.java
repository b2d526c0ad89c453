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
    }
}
