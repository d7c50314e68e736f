#!/usr/bin/env bash
# Runs the engine's peer workloads in PyTorch and in tn (BenchmarkDotNet) back to back and prints
# a markdown table: workload | tn median | PyTorch median | speed-up | tn allocated bytes.
#
# Usage (from a checkout, after `dotnet build -c Release`):
#   bench/compare-engine.sh [FILTER [extra BenchmarkDotNet arguments]]
#   bench/compare-engine.sh '*Elementwise*'          # a subset (default: every engine benchmark)
#   TN_BACKEND=managed bench/compare-engine.sh       # force a backend (default: OpenBLAS if it loads)
#
# Takes 3 to 5 minutes on 2 cores. Both sides run in this environment, so OPENBLAS_* variables
# apply to tn and to PyTorch alike (see bench/peers/engine_peer.py). Logs and raw results are kept
# in BenchmarkDotNet.Artifacts/engine.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dll=$root/bench/TensorNetworks.Benchmarks/bin/Release/net10.0/TensorNetworks.Benchmarks.dll
out=$root/BenchmarkDotNet.Artifacts/engine
python=/usr/bin/python3   # Debian's interpreter, which has python3-torch
filter='TensorNetworks.Benchmarks.Engine.*'
if [[ $# -gt 0 ]]; then filter=$1; shift; fi

[[ -f $dll ]] || { echo "No Release build at $dll: run 'dotnet build -c Release' first." >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "PyTorch peer... (log: $out/peer.log)" >&2
"$python" "$root/bench/peers/engine_peer.py" > "$out/peer.json" 2> "$out/peer.log"

echo "tn (BenchmarkDotNet)... (log: $out/bdn.log)" >&2
(cd "$out" && dotnet "$dll" --filter "$filter" --exporters json \
    --artifacts "$out/bdn" "$@" > "$out/bdn.log" 2>&1) \
    || { tail -n 30 "$out/bdn.log" >&2; exit 1; }

echo "tn backend: $(grep -m1 -o 'tn backend: .*' "$out/bdn.log" | cut -d' ' -f3- || echo unknown); TN_BACKEND=${TN_BACKEND:-(unset)}"
echo "peer: $(head -n 1 "$out/peer.log")"
echo "load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$python" "$root/bench/peers/compare_table.py" "$out/peer.json" "$out/bdn/results"
