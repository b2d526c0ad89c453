#!/usr/bin/env bash
# simdae benchmarks. Usage: bench/run.sh quick|full|compare [extra JMH or compare arguments]
#
#   quick    a minute or two: FMA peak, Adam, the two big layers at batch 256, step, scoring, latency, epoch
#            (-f 1 -wi 1 -i 3 -w 1s -r 1s). A smoke test of the whole suite, not a measurement.
#   full     every benchmark at every shape/batch, epoch and step thread scaling 1 -> all cores, JMH defaults from the
#            annotations (3 warm-up + 5 measurement iterations of 1-2 s), FORKS forks (default 2). Run on an idle
#            machine; expect roughly 40-50 min on 2 cores (FORKS=1 halves it).
#   compare  bench/compare/run.sh: simdae vs PyTorch vs DJL on real MNIST (arguments passed through, e.g.
#            --epochs 10 --threads 1,2).
#
# Results go to bench/results/<yyyy-mm-dd>-<jdk>/ : jmh-<mode>.json (JMH JSON), jmh-<mode>.log, results-<mode>.md
# (table with GFLOP/s and % of peak, from simdae.bench.Report), machine.txt.
# Environment: JAVA (default: java on PATH; e.g. JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), FORKS (full).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode="${1:-}"
[ $# -gt 0 ] && shift
JAVA="${JAVA:-java}"
jar="$here/target/benchmarks.jar"

build() {
  if [ ! -f "$jar" ] || [ -n "$(find "$root/engine/src/main" "$here/src" "$here/pom.xml" "$root/engine/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "building bench/target/benchmarks.jar ..." >&2
    (cd "$root" && ./mvnw -q -pl engine,bench -am package -DskipTests)
  fi
}

outdir() {
  local tag
  tag="$("$JAVA" -cp "$jar" simdae.cli.MachineInfo --jdk-tag 2>/dev/null)"
  local d="$here/results/$(date +%Y-%m-%d)-$tag"
  mkdir -p "$d"
  "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" simdae.cli.MachineInfo 2>/dev/null > "$d/machine.txt"
  echo "$d"
}

thread_list() {  # 1, 2, 4, ... and every core
  local n; n="$(nproc)"
  local t=1 list=""
  while [ "$t" -lt "$n" ]; do list="$list$t,"; t=$((t * 2)); done
  echo "${list}$n"
}

jmh() {  # jmh <name> <jmh args...>
  local name="$1"; shift
  local d; d="$(outdir)"
  echo "results: $d" >&2
  cat "$d/machine.txt" >&2
  "$JAVA" --add-modules jdk.incubator.vector -jar "$jar" "$@" -rf json -rff "$d/jmh-$name.json" 2>&1 | tee "$d/jmh-$name.log"
  "$JAVA" -cp "$jar" simdae.bench.Report "$d/jmh-$name.json" --machine "$(cat "$d/machine.txt")" > "$d/results-$name.md"
  echo >&2
  cat "$d/results-$name.md"
  echo >&2
  echo "written: $d/jmh-$name.json $d/results-$name.md" >&2
}

case "$mode" in
  quick)
    build
    jmh quick -f 1 -wi 1 -i 3 -w 1s -r 1s \
      -p layer=784x128,128x784 -p batch=256 -p threads=1,max \
      'simdae.bench.jmh.(PeakFlopsBench|AdamBench|KernelBench|StepBench|ScoreBench|LatencyBench|EpochBench)' "$@"
    ;;
  full)
    build
    jmh full -f "${FORKS:-2}" -p threads="$(thread_list)" 'simdae.bench.jmh.' "$@"
    ;;
  compare)
    build
    d="$(outdir)"
    exec "$here/compare/run.sh" --out "$d/compare" "$@"
    ;;
  *)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
