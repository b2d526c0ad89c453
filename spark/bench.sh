#!/usr/bin/env bash
# The simdae-spark harness on local[2] (see spark/README.md):
#   spark/bench.sh score [rows] [features]    scoring throughput, default 1,000,000 rows x 32 features
#   spark/bench.sh mnist [epochs] [partitions] MNIST training vs single JVM, default 10 epochs, 2 partitions
# Builds the module, then runs simdae.spark.bench.SparkBench (test sources) with the SIMD flag and the --add-opens
# Spark needs on JDK 17+, the same set as the module's Surefire configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl spark -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
exec java --add-modules jdk.incubator.vector $opens -Djdk.reflect.useDirectMethodHandle=false \
  -Dio.netty.tryReflectionSetAccessible=true -Xmx8g -XX:+UseParallelGC \
  -cp "spark/target/test-classes:spark/target/classes:$(cat spark/target/bench.classpath)" \
  simdae.spark.bench.SparkBench "$@"
