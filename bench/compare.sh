#!/usr/bin/env bash
# Runs a suite's peer workloads in PyTorch and in tn (BenchmarkDotNet) back to back and prints a
# markdown table: workload | tn median | PyTorch median | speed-up | tn allocated bytes.
#
# Usage (from a checkout, after `dotnet build -c Release`):
#   bench/compare.sh SUITE [FILTER [extra BenchmarkDotNet arguments]]
#   bench/compare.sh engine                          # tensor ops, GEMM (bench/peers/engine_peer.py)
#   bench/compare.sh einsum                          # einsum workloads and planning (einsum_peer.py)
#   bench/compare.sh engine '*Elementwise*'          # a subset (default: the whole suite)
#   TN_BACKEND=managed bench/compare.sh engine       # force a backend (default: OpenBLAS if it loads)
#   THREADS=1 bench/compare.sh einsum                # both sides on 1 thread (default 2)
#
# Each suite takes 3 to 6 minutes on 2 cores. Both sides run in this environment, so OPENBLAS_*
# variables apply to tn and to PyTorch alike (see bench/peers/engine_peer.py). THREADS sets torch's
# intra-op threads, OpenBLAS's threads and the core count .NET reports to tn; on a busy machine,
# 1 thread shows kernel speed without the cost of threads waiting for a core. Logs and raw results
# are kept in BenchmarkDotNet.Artifacts/SUITE.
set -euo pipefail

usage="usage: $0 engine|einsum [FILTER [BenchmarkDotNet arguments]]"
[[ $# -gt 0 ]] || { echo "$usage" >&2; exit 2; }
suite=$1; shift
case $suite in
    engine) namespace=Engine ;;
    einsum) namespace=Einsum ;;
    *) echo "$usage" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
dll=$root/bench/TensorNetworks.Benchmarks/bin/Release/net10.0/TensorNetworks.Benchmarks.dll
out=$root/BenchmarkDotNet.Artifacts/$suite
python=/usr/bin/python3   # Debian's interpreter, which has python3-torch
filter="TensorNetworks.Benchmarks.$namespace.*"
threads=${THREADS:-2}
export OPENBLAS_NUM_THREADS=$threads DOTNET_PROCESSOR_COUNT=$threads
if [[ $# -gt 0 ]]; then filter=$1; shift; fi

[[ -f $dll ]] || { echo "No Release build at $dll: run 'dotnet build -c Release' first." >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "PyTorch peer... (log: $out/peer.log)" >&2
"$python" "$root/bench/peers/${suite}_peer.py" --threads "$threads" > "$out/peer.json" 2> "$out/peer.log"

echo "tn (BenchmarkDotNet)... (log: $out/bdn.log)" >&2
(cd "$out" && dotnet "$dll" --filter "$filter" --exporters json \
    --artifacts "$out/bdn" "$@" > "$out/bdn.log" 2>&1) \
    || { tail -n 30 "$out/bdn.log" >&2; exit 1; }

echo "tn backend: $(grep -m1 -o 'tn backend: .*' "$out/bdn.log" | cut -d' ' -f3- || echo unknown); TN_BACKEND=${TN_BACKEND:-(unset)}; threads: $threads"
echo "peer: $(head -n 1 "$out/peer.log")"
echo "load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$python" "$root/bench/peers/compare_table.py" "$out/peer.json" "$out/bdn/results"
