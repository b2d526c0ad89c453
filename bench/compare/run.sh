#!/usr/bin/env bash
# Side by side on real MNIST: simdae (Vector API kernels), PyTorch (Debian python3-torch on the system BLAS) and
# DJL 0.36.0 on libtorch 2.7.1 CPU, the notebook's pipeline with the SAME thread count, one after the other on
# this machine, then one table.
#
# Usage: bench/compare/run.sh [--epochs N] [--threads 1,2] [--rounds N] [--tools simdae,pytorch,djl] [--train-limit N] [--out DIR]
#   --epochs       epochs per run (default 10; s/epoch is the median of epochs 2..N, so use N >= 3 for numbers)
#   --threads      comma-separated thread counts (default: 1 and every core)
#   --rounds       times the whole sequence runs, interleaved (default 3); every figure is the median over rounds,
#                  so a slow minute on a shared machine hits all tools alike instead of one
#   --train-limit  train on the first N images only (validation of the driver; not for results)
#   --out          result folder (default bench/results/<date>-<jdk>/compare)
# Environment: JAVA (simdae and DJL; default java on PATH), PYTHON (default /usr/bin/python3, the Debian
# interpreter that has python3-torch), SIMDAE_HOME (MNIST cache is $SIMDAE_HOME/mnist, else ~/.cache/simdae/mnist).
#
# Needs: the 4 raw MNIST IDX files in the cache; apt packages python3-torch python3-numpy libopenblas0-openmp
# (and `time` for the external RSS); the DJL peer is built here with the Maven wrapper (dependencies resolved
# on first use, then cached), and runs with -Dai.djl.offline=true from the libtorch native jar on its class path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(cd "$here/.." && pwd)"
root="$(cd "$bench/.." && pwd)"
JAVA="${JAVA:-java}"
PYTHON="${PYTHON:-/usr/bin/python3}"
epochs=10
threads="1,$(nproc)"
tools="simdae,pytorch,djl"
limit=0
rounds=3
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --tools) tools="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --train-limit) limit="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
threads="$(echo "$threads" | tr ',' '\n' | awk '!seen[$0]++' | paste -sd, -)"

mnist="${SIMDAE_HOME:+$SIMDAE_HOME/mnist}"
mnist="${mnist:-$HOME/.cache/simdae/mnist}"
for f in train-images-idx3-ubyte t10k-images-idx3-ubyte; do
  if [ ! -f "$mnist/$f" ] && [ ! -f "$mnist/$f.gz" ]; then
    echo "missing $mnist/$f: put the raw MNIST IDX files in $mnist (see bench/compare/README.md)" >&2
    exit 1
  fi
done

jar="$bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/engine/src/main" "$bench/src" "$bench/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "building bench/target/benchmarks.jar ..." >&2
  (cd "$root" && ./mvnw -q -pl engine,bench -am package -DskipTests)
fi
if [[ ",$tools," == *",djl,"* ]]; then
  if [ ! -d "$here/djl/target/lib" ] || [ -n "$(find "$here/djl/src" "$here/djl/pom.xml" -newer "$here/djl/target/classes" -print -quit 2>/dev/null)" ]; then
    echo "building the DJL peer ..." >&2
    (cd "$here/djl" && ../../../mvnw -q -f pom.xml package)
  fi
fi

if [ -z "$out" ]; then
  tag="$("$JAVA" -cp "$jar" simdae.cli.MachineInfo --jdk-tag 2>/dev/null)"
  out="$bench/results/$(date +%Y-%m-%d)-$tag/compare"
fi
mkdir -p "$out"
machine="$("$JAVA" --add-modules jdk.incubator.vector -cp "$jar" simdae.cli.MachineInfo 2>/dev/null)"
echo "$machine" > "$out/machine.txt"
echo "$machine" >&2

timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -v -o); fi

run() {  # run <tool> <threads> <command...>: stdout JSON to <tool>-t<threads>-r<round>.json, external RSS to .time
  local tool="$1" t="$2"; shift 2
  local base="$out/$tool-t$t-r$round"
  echo "== round $round/$rounds: $tool, $t thread(s)" >&2
  if [ ${#timer[@]} -gt 0 ]; then
    "${timer[@]}" "$base.time" "$@" > "$base.json" 2> >(tee "$base.err" >&2)
  else
    # No /usr/bin/time: poll the child's VmHWM instead.
    "$@" > "$base.json" 2> >(tee "$base.err" >&2) &
    local pid=$! hwm=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
      [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm="$v"
      sleep 0.2
    done
    wait "$pid"
    echo "Maximum resident set size (kbytes): $hwm (VmHWM polling)" > "$base.time"
  fi
  sleep 1  # let tee flush
}

rm -f "$out"/*-t*.json "$out"/*-t*.time "$out"/*-t*.err
for round in $(seq 1 "$rounds"); do
for t in ${threads//,/ }; do
  lim=(); [ "$limit" -gt 0 ] && lim=(--train-limit "$limit")
  if [[ ",$tools," == *",simdae,"* ]]; then
    # ParallelGC: with G1 this harness's epoch was ~12 % slower (A/B, same machine); the README says so
    run simdae "$t" "$JAVA" --add-modules jdk.incubator.vector -XX:+UseParallelGC -cp "$jar" simdae.bench.CompareSimdae \
      --epochs "$epochs" --threads "$t" "${lim[@]}"
  fi
  if [[ ",$tools," == *",pytorch,"* ]]; then
    # OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE slow current OpenBLAS down: unset for this command only (the JSON records
    # the core OpenBLAS picked). OMP_NUM_THREADS pins OpenMP (torch and OpenBLAS-openmp) to the same count.
    run pytorch "$t" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS="$t" \
      "$PYTHON" "$here/torch_ae.py" --epochs "$epochs" --threads "$t" "${lim[@]}"
  fi
  if [[ ",$tools," == *",djl,"* ]]; then
    run djl "$t" env OMP_NUM_THREADS="$t" "$JAVA" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$t" \
      -Dai.djl.pytorch.num_interop_threads=1 -cp "$here/djl/target/classes:$here/djl/target/lib/*" \
      simdae.compare.djl.DjlAe --epochs "$epochs" --threads "$t" "${lim[@]}"
  fi
done
done

"$PYTHON" - "$out" "$machine" "$epochs" "$limit" "$here/djl/target/lib" "$rounds" <<'PY' | tee "$out/compare.md"
import glob, json, os, re, statistics, sys
out, machine, epochs, limit, djl_lib, rounds = sys.argv[1:7]
runs = {}
for p in sorted(glob.glob(os.path.join(out, "*-t*-r*.json"))):
    try:
        with open(p) as f:
            j = json.loads(f.read().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        print(f"(no JSON in {p}: see the .err file)", file=sys.stderr)
        continue
    tp = p[:-5] + ".time"
    if os.path.exists(tp):
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tp).read())
        if m:
            j["external_rss_mb"] = int(m.group(1)) / 1024
    runs.setdefault((j["tool"], int(j["threads"])), []).append(j)

def med(js, key):
    vals = [j[key] for j in js if isinstance(j.get(key), (int, float))]
    return statistics.median(vals) if vals else float("nan")

def spread(js, key, fmt):
    vals = sorted(j[key] for j in js if isinstance(j.get(key), (int, float)))
    return "" if len(vals) < 2 else f" ({fmt.format(vals[0])}–{fmt.format(vals[-1])})"

order = {"simdae": 0, "pytorch": 1, "djl": 2}
keys = sorted(runs, key=lambda k: (k[1], order.get(k[0], 9)))
print(f"Machine: {machine}")
print()
print(f"MNIST, 784-128-64-32-64-128-784, batch 256, {epochs} epoch(s)" + (f", first {limit} training images only" if limit != "0" else ", 60,000 training images") + ", validation on the 10,000 test images.")
print(f"Each figure is the median over {rounds} interleaved round(s); the range over rounds is in brackets.")
print()
print("| tool | version | threads | s/epoch | final val_loss | scoring img/s | batch-1 µs | peak RSS MB (self / external) |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for key in keys:
    js = runs[key]
    j = js[-1]
    v = j.get("version", "")
    if j["tool"] == "simdae":
        v = f'{v}, {j.get("kernels", "").split(" (")[0]}, JDK {j.get("jdk", "").split()[-1]}'
    if j["tool"] == "pytorch":
        ob = j.get("openblas") or {}
        libs = [os.path.basename(x) for x in j.get("blas_loaded", []) if "blas" in os.path.basename(x)]
        v = f'{v}, BLAS {", ".join(libs) or "?"}' + (f' ({ob.get("core")})' if ob.get("core") else "")
    ext = med(js, "external_rss_mb")
    ext_s = "?" if ext != ext else f"{ext:.0f}"
    print(f'| {j["tool"]} | {v} | {j["threads"]} | {med(js, "seconds_per_epoch"):.3f}{spread(js, "seconds_per_epoch", "{:.3f}")} | '
          f'{med(js, "final_val_loss"):.5f} | {med(js, "score_images_per_s"):,.0f}{spread(js, "score_images_per_s", "{:,.0f}")} | '
          f'{med(js, "latency_us_batch1"):.1f}{spread(js, "latency_us_batch1", "{:.1f}")} | {med(js, "peak_rss_mb"):.0f} / {ext_s} |')

# simdae's ratios to each peer at the same thread count, from the medians (higher is better for simdae)
lines = []
for (tool, t) in keys:
    if tool == "simdae":
        continue
    s, p = runs.get(("simdae", t)), runs[(tool, t)]
    if not s:
        continue
    lines.append(f"| {tool} | {t} | {med(p, 'seconds_per_epoch') / med(s, 'seconds_per_epoch'):.2f}× | "
                 f"{med(s, 'score_images_per_s') / med(p, 'score_images_per_s'):.2f}× | "
                 f"{med(p, 'latency_us_batch1') / med(s, 'latency_us_batch1'):.1f}× | "
                 f"{(med(s, 'final_val_loss') / med(p, 'final_val_loss') - 1) * 100:+.1f} % |")
if lines:
    print()
    print("simdae against each peer (epoch and batch-1: peer time ÷ simdae time; scoring: simdae rate ÷ peer rate; val_loss: simdae vs peer):")
    print()
    print("| peer | threads | epoch speed-up | scoring | batch-1 | val_loss |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(lines))
notes = sorted({j.get("seconds_per_epoch_note", "") for js in runs.values() for j in js})
print()
print("s/epoch: " + "; ".join(n for n in notes if n) + " (each epoch includes the validation pass).")
if os.path.isdir(djl_lib):
    size = sum(os.path.getsize(os.path.join(djl_lib, f)) for f in os.listdir(djl_lib))
    print(f"DJL class path: {size / 1e6:.0f} MB of jars (libtorch native jar included).")
PY
echo "written: $out" >&2
