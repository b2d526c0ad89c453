package simdae.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] session for the whole test JVM (recreated if a test stopped it), configured to start fast. */
final class TestSpark {
    private TestSpark() {
    }

    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("simdae-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
