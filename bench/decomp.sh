#!/usr/bin/env bash
# Runs the decomposition workloads in NumPy (bench/peers/decomp_peer.py) and in tn (BenchmarkDotNet,
# bench/TensorNetworks.Benchmarks/Decompositions) interleaved, workload by workload, and prints a markdown
# table: FLOP count, floor (FLOPs / tn's measured 1024³ dgemm rate), tn median, NumPy median, NumPy/tn,
# tn/floor and tn's allocated bytes.
#
# Usage (from a checkout, after `dotnet build -c Release`):
#   bench/decomp.sh                          # every workload, 1 round
#   ROUNDS=2 bench/decomp.sh                 # two interleaved rounds; medians over all samples' medians
#   bench/decomp.sh Hosvd TtSvd              # a subset (names as in decomp_peer.py's NAMES; add Gemm1024
#                                            # for the floors)
#   THREADS=1 bench/decomp.sh                # both sides on 1 thread (default 2)
#   ITERATIONS=5 bench/decomp.sh             # timed calls per side of HOSVD (default 7, 1 warm-up)
#   SHORT_ITERATIONS=40 bench/decomp.sh       # timed calls per side of every other workload (default 25):
#                                            # ~10 ms calls need more than 7 for a median of the warm regime
#
# Both sides run float64 on OpenBLAS with OPENBLAS_NUM_THREADS=THREADS; .NET sees THREADS cores. tn runs
# in process (one short BenchmarkDotNet run per workload, no project build), so the two sides alternate
# every few seconds and share the machine's load. A full round takes about 3 minutes on 2 cores. Logs and
# raw results are kept in BenchmarkDotNet.Artifacts/decomp.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dll=$root/bench/TensorNetworks.Benchmarks/bin/Release/net10.0/TensorNetworks.Benchmarks.dll
out=$root/BenchmarkDotNet.Artifacts/decomp
python=/usr/bin/python3   # Debian's interpreter: NumPy on the system OpenBLAS
peer=$root/bench/peers/decomp_peer.py
threads=${THREADS:-2}
rounds=${ROUNDS:-1}
iterations=${ITERATIONS:-7}
short_iterations=${SHORT_ITERATIONS:-25}
export OPENBLAS_NUM_THREADS=$threads DOTNET_PROCESSOR_COUNT=$threads
# tn runs fully optimized code from the first call, as the examples do (README, Performance): with .NET's
# tiered JIT, 1 warm-up and 7 calls time partly unoptimized code (CP-ALS sweep 23 ms against 12.7 ms).
export DOTNET_TieredCompilation=0
if [[ $# -gt 0 ]]; then names=("$@"); else names=(Gemm1024 CpAls1Sweep CpAls6Sweeps Hosvd TtSvd TtRound); fi

[[ -f $dll ]] || { echo "No Release build at $dll: run 'dotnet build -c Release' first." >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/peer" "$out/bdn"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

for ((round = 1; round <= rounds; round++)); do
    for name in "${names[@]}"; do
        calls=$short_iterations
        [[ $name == Hosvd ]] && calls=$iterations
        echo "round $round: $name, NumPy then tn, $calls timed calls each... (logs: $out/*.log)" >&2
        "$python" "$peer" run --only "$name" --repeats "$calls" > "$out/peer/$name-$round.json" 2>> "$out/peer.log"
        (cd "$out" && TN_BENCH_ITERATIONS=$calls dotnet "$dll" --filter "*.DecompositionBenchmarks.$name" --exporters json \
            --artifacts "$out/bdn/$name-$round" >> "$out/bdn.log" 2>&1) \
            || { tail -n 30 "$out/bdn.log" >&2; exit 1; }
    done
done

echo "tn backend: $(grep -m1 -o 'tn backend: .*' "$out/bdn.log" | cut -d' ' -f3- || echo unknown); threads: $threads; rounds: $rounds; timed calls per side: $iterations for HOSVD, $short_iterations for the rest"
echo "peer: $(head -n 1 "$out/peer.log")"
echo "load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$python" "$peer" table "$out/peer" "$out/bdn"
